// form.js — the reply form's fields as MuPDF sees them (mutool run, MuPDF 1.21's JavaScript).
//   mutool run form.js list IN.pdf           one line per widget: page, full name, type, value,
//                                            tooltip, rectangle (points, y down)
//   mutool run form.js fill IN.pdf OUT.pdf TEXT
//       fills every field: each text field with TEXT and its name, in each radio group the
//       first button ("authorize", "no-comments") for even rows and the second for odd
//       ones, every check box; saves OUT.pdf
// Full names come from the /AcroForm field tree (PDFWidget 1.21 has no name getter): a
// widget's page and rectangle find its terminal field there.
function get(o, k) { var v = o ? o.get(k) : undefined; return v === undefined || v === null || v.isNull() ? null : v; }
function isStr(o) { return o !== null && o.isString(); }

function fullName(o) {
    var parts = [];
    for (var n = o; n; n = get(n, "Parent"))
        if (isStr(get(n, "T"))) parts.unshift(get(n, "T").asString());
    return parts.join(".");
}

function rectKey(r) {
    var a = [];
    for (var i = 0; i < 4; i++) a.push(Math.round(Number(r[i] !== undefined ? r[i] : r.get(i).asNumber())));
    return a.join(" ");
}

// a widget's page object number and rectangle
function key(w) { return w.get("P").asIndirect() + ":" + rectKey(w.get("Rect")); }

// page object number + rectangle -> full name, from the field tree
function names(doc) {
    var map = {};
    function walk(f) {
        var kids = get(f, "Kids");
        if (kids && kids.length > 0 && !isStr(get(kids.get(0), "T")) && get(kids.get(0), "Subtype")) {
            for (var i = 0; i < kids.length; i++) map[key(kids.get(i))] = fullName(f);
        } else if (kids && kids.length > 0) {
            for (var i = 0; i < kids.length; i++) walk(kids.get(i));
        } else
            map[key(f)] = fullName(f);
    }
    var fields = doc.getTrailer().get("Root").get("AcroForm").get("Fields");
    for (var i = 0; i < fields.length; i++) walk(fields.get(i));
    return map;
}

function widgets(doc) {
    var map = names(doc), out = [];
    for (var p = 0; p < doc.countPages(); p++) {
        var page = doc.loadPage(p);     // kept with its widgets: they die with it
        var ws = page.getWidgets();
        for (var k = 0; k < ws.length; k++)
            out.push({ page: p, pageobj: page, w: ws[k], rect: ws[k].getRect() });
    }
    // getRect is in page space (y down), the tree's /Rect in PDF space (y up)
    for (var i = 0; i < out.length; i++) {
        var r = out[i].rect;
        var h = out[i].pageobj.bound()[3];
        var k = doc.findPage(out[i].page).asIndirect() + ":" + rectKey([r[0], h - r[3], r[2], h - r[1]]);
        out[i].name = map[k] !== undefined ? map[k] : "?";
    }
    return out;
}

var cmd = scriptArgs[0];
var doc = new PDFDocument(scriptArgs[1]);
var all = widgets(doc);
if (cmd == "list") {
    for (var i = 0; i < all.length; i++) {
        var w = all[i].w;
        var r = all[i].rect;
        print((all[i].page + 1) + "\t" + all[i].name + "\t" + w.getFieldType() + "\t" + w.getValue() + "\t" +
              w.getLabel() + "\t" + [r[0], r[1], r[2], r[3]].map(Math.round).join(" "));
    }
} else if (cmd == "fill" || cmd == "fill-dr") {
    var text = scriptArgs[3], seen = {}, rows = {}, row = 0;
    for (var i = 0; i < all.length; i++) {
        var w = all[i].w, t = w.getFieldType(), n = all[i].name;
        if (t == "text") {
            w.setTextValue(text + " " + n);
            w.update();
        } else if (t == "radiobutton") {
            var nth = seen[n] = (seen[n] || 0) + 1;
            var draft = n.split(".")[0];
            if (rows[draft] === undefined) rows[draft] = row++;
            var want = (rows[draft] % 2 == 0) ? 1 : 2;
            if (nth == want) { w.toggle(); w.update(); }
        } else if (t == "checkbox") {
            w.toggle(); w.update();
        }
    }
    if (cmd == "fill-dr") {
        var strip = function (f) {
            var kids = get(f, "Kids");
            if (kids) { for (var i = 0; i < kids.length; i++) strip(kids.get(i)); return; }
            var ft = get(f, "FT");
            if (ft && ft.isName() && ft.asName() == "Tx") f.delete("AP");
        };
        var top = doc.getTrailer().get("Root").get("AcroForm").get("Fields");
        for (var i = 0; i < top.length; i++) strip(top.get(i));
        doc.getTrailer().get("Root").get("AcroForm").put("NeedAppearances", true);
    }
    doc.save(scriptArgs[2]);
}
