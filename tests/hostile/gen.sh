#!/bin/sh
# Writes the hostile inputs of tests/e2e/hostile.test.sh into folder $1 (big ones are
# made here, at test time, never committed). HOSTILE_SCALE (default 1) divides the
# sizes of the big inputs (valgrind runs use a smaller scale).
set -e
out=$1
s=${HOSTILE_SCALE:-1}
mkdir -p "$out/docs/sub" "$out/outside"
n() { echo $(( $1 / s > 1 ? $1 / s : 1 )); }
rep() { awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }

# The FO skeleton: fohead [page-master attributes] [flow attributes]; body; fotail.
fohead() {
    printf '<?xml version="1.0" encoding="UTF-8"?>\n'
    printf '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" xml:lang="%s">\n' "${LANGX:-en}"
    printf '<fo:layout-master-set><fo:simple-page-master master-name="p" %s>' \
        "${1:-page-width=\"210mm\" page-height=\"297mm\" margin=\"20mm\"}"
    printf '<fo:region-body/></fo:simple-page-master></fo:layout-master-set>\n'
    printf '<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body" %s>\n' \
        "${2:-font-family=\"Liberation Serif\" font-size=\"11pt\"}"
}
fotail() { printf '</fo:flow></fo:page-sequence></fo:root>\n'; }
fo() { f=$out/docs/$1; shift; { fohead "$@"; cat; fotail; } > "$f"; }

# Not well-formed, truncated, invalid UTF-8, DOCTYPE tricks.
echo '<fo:block>Hello</fo:inline>' | fo not-well-formed.fo
echo '<fo:block>x</fo:block>' | fo whole.fo
head -c 300 "$out/docs/whole.fo" > "$out/docs/truncated.fo"
printf '<fo:block>caf\351 \377\376</fo:block>\n' | fo invalid-utf8.fo
printf '<fo:block>text</fo:block>' | fo _body.fo
for kind in xxe-file xxe-network entity-bomb; do
    case $kind in
    xxe-file) dt='<!DOCTYPE fo:root [ <!ENTITY s SYSTEM "../outside/secret.txt"> ]>'; use='&s;' ;;
    xxe-network) dt='<!DOCTYPE fo:root [ <!ENTITY s SYSTEM "http://127.0.0.1:9/x"> ]>'; use='&s;' ;;
    entity-bomb) dt='<!DOCTYPE fo:root [ <!ENTITY a0 "lol">'
        for i in 1 2 3 4 5 6 7 8 9; do
            dt="$dt <!ENTITY a$i \"$(rep 10 "&a$((i - 1));")\">"
        done
        dt="$dt ]>"; use='&a9;' ;;
    esac
    { printf '<?xml version="1.0" encoding="UTF-8"?>\n%s\n' "$dt"
      fohead | tail -n +2; printf '<fo:block>%s</fo:block>\n' "$use"; fotail; } > "$out/docs/$kind.fo"
done
echo 'CIRCGEN-SECRET' > "$out/outside/secret.txt"

# Nesting 100,000 deep (refused by the parser), and the deepest nesting the parser
# allows, of blocks, inlines, tables/lists and footnotes (the engine's own bounds).
d=$(n 100000)
{ rep "$d" '<fo:block>'; printf deep; rep "$d" '</fo:block>'; echo; } | fo deep-100000.fo
{ rep 250 '<fo:block>'; printf deep; rep 250 '</fo:block>'; echo; } | fo deep-blocks.fo
{ printf '<fo:block>'; rep 240 '<fo:inline font-size="larger">x'; printf deep; rep 240 '</fo:inline>'; echo '</fo:block>'; } | fo deep-inlines.fo
{ rep 24 '<fo:table><fo:table-body><fo:table-row><fo:table-cell><fo:list-block><fo:list-item><fo:list-item-label><fo:block>1</fo:block></fo:list-item-label><fo:list-item-body><fo:block-container>'
  printf '<fo:block>deep</fo:block>'
  rep 24 '</fo:block-container></fo:list-item-body></fo:list-item></fo:list-block></fo:table-cell></fo:table-row></fo:table-body></fo:table>'; echo; } | fo deep-tables.fo
{ rep 60 '<fo:block><fo:inline>a<fo:footnote><fo:inline>1</fo:inline><fo:footnote-body>'; printf '<fo:block>deep</fo:block>'
  rep 60 '</fo:footnote-body></fo:footnote></fo:inline></fo:block>'; echo; } | fo deep-footnotes.fo

# A word of 300,000 characters; the same after 3,000 ordinary words.
{ printf '<fo:block>'; rep "$(n 300000)" x; echo '</fo:block>'; } | fo long-word.fo
{ printf '<fo:block>'; rep "$(n 3000)" 'word '; rep "$(n 300000)" x; echo ' end</fo:block>'; } | fo long-word-in-text.fo
# 5,000 closing punctuation marks in Chinese.
{ printf '<fo:block>中文'; rep "$(n 5000)" '。'; printf '文字</fo:block><fo:block>'; rep "$(n 2500)" '」）'; echo '</fo:block>'; } |
    LANGX=zh fo zh-closing-punctuation.fo '' 'font-family="Noto Serif CJK SC" font-size="10.5pt"'

# Tables: wider than the page, 2,000 columns, a cell taller than a page.
{ printf '<fo:table>'; rep 20 '<fo:table-column column-width="100pt"/>'; printf '<fo:table-body><fo:table-row>'
  rep 20 '<fo:table-cell><fo:block>cell</fo:block></fo:table-cell>'; echo '</fo:table-row></fo:table-body></fo:table>'; } | fo wide-table.fo
{ printf '<fo:table table-layout="fixed" width="100%%"><fo:table-body><fo:table-row>'
  rep "$(n 2000)" '<fo:table-cell><fo:block>c</fo:block></fo:table-cell>'; echo '</fo:table-row></fo:table-body></fo:table>'; } | fo many-columns.fo
{ printf '<fo:table><fo:table-column column-width="200pt"/><fo:table-column column-width="200pt"/><fo:table-body>'
  printf '<fo:table-row keep-together="always"><fo:table-cell><fo:block>'; rep "$(n 3000)" 'line<fo:block/>'
  echo '</fo:block></fo:table-cell><fo:table-cell><fo:block>right</fo:block></fo:table-cell></fo:table-row></fo:table-body></fo:table>'; } | fo tall-cell.fo

# Keeps that can never be satisfied.
{ printf '<fo:block keep-together.within-page="always">'; rep "$(n 3000)" 'line<fo:block/>'; echo '</fo:block>'; } | fo keep-together.fo
{ rep "$(n 3000)" '<fo:block keep-with-next="always">line</fo:block>'; echo; } | fo keep-with-next.fo
{ rep "$(n 1000)" '<fo:block keep-with-previous.within-page="always" widows="1000" orphans="1000">a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w x y z</fo:block>'; echo; } | fo keep-with-previous.fo

# Lengths: zero, negative, enormous, non-numeric, on the page, margins, fonts, columns...
for v in 0 -100pt 1e308pt 1e400pt abc; do
    name=$(echo "$v" | tr -c 'a-z0-9\n' '_')
    a="font-size=\"$v\" line-height=\"$v\" space-before=\"$v\" padding=\"$v\" border-width=\"$v\" border-style=\"solid\" text-indent=\"$v\" start-indent=\"$v\""
    { printf '<fo:block %s>Text here</fo:block>' "$a"
      printf '<fo:table width="%s"><fo:table-column column-width="%s"/><fo:table-body><fo:table-row height="%s"><fo:table-cell><fo:block>cell</fo:block></fo:table-cell></fo:table-row></fo:table-body></fo:table>' "$v" "$v" "$v"
      printf '<fo:block><fo:external-graphic src="logo.svg" content-width="%s" width="%s" content-height="%s"/><fo:leader leader-length="%s" leader-pattern="dots"/></fo:block>' "$v" "$v" "$v" "$v"
      printf '<fo:block-container width="%s" height="%s"><fo:block>bc</fo:block></fo:block-container><fo:block>end</fo:block>\n' "$v" "$v"
    } | fo "length-$name.fo" "page-width=\"$v\" page-height=\"$v\" margin=\"$v\"" "font-family=\"Liberation Serif\" font-size=\"$v\" space-before=\"$v\""
done
# Cairo 1.16 rejects the structure tags when a tagged block's only content on a page is
# wholly outside it (a 5000pt line on a page without margins): written untagged.
echo '<fo:block font-size="5000pt" border-style="solid">T</fo:block><fo:block/>' | fo tag-error.fo 'margin="0pt"'
echo '<fo:block font-size="0pt">zero</fo:block><fo:block>after</fo:block>' | fo font-size-0.fo
echo '<fo:block font-size="100000pt">Huge</fo:block><fo:block>after</fo:block>' | fo font-size-100000.fo

# Images: missing, not an image, damaged, outside the folder, special files, network.
cp "$(dirname "$0")/../fo/logo.svg" "$out/docs/logo.svg"
cp "$(dirname "$0")/../fo/logo.svg" "$out/outside/logo.svg"
echo 'this is not an image' > "$out/docs/not-image.png"
printf '\211PNG\r\n\032\n damaged' > "$out/docs/damaged.png"
printf '\377\330\377\300\000\021\010\377\377\377\377\003' > "$out/docs/huge.jpg"
mkdir -p "$out/docs/sub"; cp "$out/docs/logo.svg" "$out/docs/sub/logo.svg"
ln -sf ../outside/secret.txt "$out/docs/link-out.svg"
for src in missing.png not-image.png damaged.png huge.jpg sub/logo.svg ../outside/logo.svg link-out.svg \
           /etc/passwd /dev/zero /dev/urandom fifo sub http://127.0.0.1:9/x.png file:///etc/hostname; do
    name=$(echo "$src" | tr -c 'a-z0-9\n' '_')
    printf '<fo:block>image <fo:external-graphic src="url(%s)"/> after</fo:block>\n' "$src" | fo "image-$name.fo"
done
# SVG images that reach outside (external images, an external entity), an entity bomb,
# an enormous size: librsvg reads them from memory with no base, so nothing outside.
x='xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
printf '<svg %s width="100" height="100"><image xlink:href="file:///etc/passwd" width="50" height="50"/><image xlink:href="../outside/logo.svg" width="50" height="50"/><image xlink:href="http://127.0.0.1:9/x.png" width="50" height="50"/><rect width="10" height="10"/></svg>\n' "$x" > "$out/docs/svg-external.svg"
{ printf '<?xml version="1.0"?>\n<!DOCTYPE svg [ <!ENTITY a0 "lol">'
  for i in 1 2 3 4 5 6 7 8 9; do printf ' <!ENTITY a%d "%s">' $i "$(rep 10 "&a$((i - 1));")"; done
  printf ' ]>\n<svg %s width="100" height="100"><text y="20">&a9;</text></svg>\n' "$x"; } > "$out/docs/svg-entity-bomb.svg"
printf '<?xml version="1.0"?>\n<!DOCTYPE svg [ <!ENTITY s SYSTEM "file:///etc/passwd"> ]>\n<svg %s width="100" height="100"><text y="20">&s;</text></svg>\n' "$x" > "$out/docs/svg-external-entity.svg"
printf '<svg %s width="1e30" height="1e30"><rect width="1e30" height="1e30" fill="red"/></svg>\n' "$x" > "$out/docs/svg-huge.svg"
for name in svg-external svg-entity-bomb svg-external-entity svg-huge; do
    printf '<fo:block>image <fo:external-graphic src="%s.svg"/> and <fo:external-graphic src="%s.svg" content-width="50pt" content-height="50pt"/> after</fo:block>\n' $name $name | fo "image-$name.fo"
done
# Page masters that are missing or misnamed: errors, not a page-less loop.
m() { f=$out/docs/$1; shift; printf '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">\n%s\n<fo:page-sequence master-reference="%s">\n<fo:flow flow-name="xsl-region-body"><fo:block>Software</fo:block></fo:flow>\n</fo:page-sequence>\n</fo:root>\n' "$1" "$2" > "$f"; }
m masters-none.fo '<fo:layout-master-set> </fo:layout-master-set>' p
m masters-no-set.fo '' p
m masters-misnamed.fo '<fo:layout-master-set><fo:simple-page-master master-name="a4"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>' p
m masters-psm-misnamed.fo '<fo:layout-master-set><fo:simple-page-master master-name="a4"><fo:region-body/></fo:simple-page-master><fo:page-sequence-master master-name="p"><fo:repeatable-page-master-reference master-reference="letter"/></fo:page-sequence-master></fo:layout-master-set>' p
rm -f "$out/docs/fifo"; mkfifo "$out/docs/fifo" 2>/dev/null || true
# For the missing font: a fontconfig file that has no fonts.
mkdir -p "$out/nofonts"
printf '<?xml version="1.0"?><fontconfig><dir>%s</dir></fontconfig>\n' "$out/nofonts" > "$out/empty-fonts.conf"
rm -f "$out/docs/_body.fo" "$out/docs/whole.fo"
