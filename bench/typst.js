// Compile a Typst file to PDF with the Typst compiler of the npm package
// @myriaddreamin/typst-ts-node-compiler (installed by make bench-setup into
// build/typst), using the fonts circgen pins. Prints "BYTES SECONDS" (the
// compile alone, fonts already loaded: the median of RUNS compiles).
// usage: node bench/typst.js IN.typ OUT.pdf
const path = require('path');
const fs = require('fs');
const { NodeCompiler } = require(path.resolve(__dirname, '../build/typst/node_modules/@myriaddreamin/typst-ts-node-compiler'));
const compiler = NodeCompiler.create({
    fontArgs: [{ fontPaths: ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/liberation2'] }],
});
const source = fs.readFileSync(process.argv[2], 'utf8');
const runs = Number(process.env.RUNS || 3);
const times = [];
let pdf;
for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    pdf = compiler.pdf({ mainFileContent: source });
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    compiler.evictCache(0);
}
times.sort((a, b) => a - b);
fs.writeFileSync(process.argv[3], pdf);
console.log(`${pdf.length} ${times[Math.floor(times.length / 2)].toFixed(3)}`);
