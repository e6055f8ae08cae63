#!/bin/sh
# How the checked-in fixtures were made (run by hand; the tests need none of these tools).
#   pandoc 2.17 (Debian 12), LibreOffice 7.4 (Debian 12), python3-docx 0.8 (Debian 12).
# Then regenerate the golden JSON with:  DOCPIPE=build/docpipe ./make_fixtures.sh gold
set -eu
cd "$(dirname "$0")"
if [ "${1:-}" = gold ]; then
  for f in *.docx; do "$DOCPIPE" --no-extract "$f" -t json -o "${f%.docx}.json"; done
  exit 0
fi
pandoc -f markdown -t docx -o pandoc-article.docx pandoc-article.md
/usr/bin/python3 make_png.py > pixel.png
pandoc -f markdown -t docx -o pandoc-figure.docx pandoc-figure.md
rm -f pixel.png
soffice --headless --norestore --convert-to 'docx:MS Word 2007 XML' libreoffice-article.html
/usr/bin/python3 make_word.py word-python-docx.docx
# docpipe's own docx of the all-kinds sample, saved again by LibreOffice (it rewrites
# core.xml: the date in UTC, keywords joined by spaces; custom.xml and the styles stay)
"$DOCPIPE" --no-extract ../../samples/json/all-kinds.json -o resave-in.docx
soffice --headless --norestore --convert-to 'docx:MS Word 2007 XML' --outdir resaved resave-in.docx
mv resaved/resave-in.docx libreoffice-resaved-docpipe.docx && rm -rf resaved resave-in.docx
/usr/bin/python3 make_fields.py word-fields.docx
