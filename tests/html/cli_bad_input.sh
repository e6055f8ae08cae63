#!/bin/sh
# The html reader through the CLI: bad input gets one line on stderr and
# exit 1 (no output file), never a crash; a real page converts, and
# converts again the same from docpipe's own html output.
set -u
: "${DOCPIPE:?}" "${DOCPIPE_SOURCE_DIR:?}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
check() { # name expected-rc actual-rc
  if [ "$2" != "$3" ]; then echo "FAIL $1: exit $3, want $2"; fail=1; else echo "ok $1"; fi
}
: > "$T/empty.html"
"$DOCPIPE" -f html -t json "$T/empty.html" -o "$T/out.json" 2> "$T/err"; rc=$?
check empty 1 $rc
[ -e "$T/out.json" ] && { echo "FAIL empty: output file left behind"; fail=1; }
[ "$(wc -l < "$T/err")" -eq 1 ] || { echo "FAIL empty: message is not one line"; fail=1; }
head -c 65536 /dev/urandom > "$T/junk.html"
"$DOCPIPE" -f html -t json "$T/junk.html" -o "$T/out.json" 2> "$T/err"; rc=$?
check binary-junk 1 $rc
/usr/bin/python3 -c "import sys; sys.stdout.write('<html><body>' + '<div><span>'*100000 + 'deep' + '</span></div>'*100000 + '</body></html>')" > "$T/deep.html"
"$DOCPIPE" -f html -t json "$T/deep.html" -o "$T/out.json" 2> "$T/err"; rc=$?
[ $rc -le 1 ] && echo "ok deep-nesting (exit $rc)" || { echo "FAIL deep-nesting: exit $rc"; fail=1; }
printf '<p>unclosed <b>bold <i>italic <table><tr><td>cell</p></div></span>' > "$T/broken.html"
"$DOCPIPE" -f html -t json "$T/broken.html" -o "$T/out.json" 2> "$T/err"; rc=$?
check broken-tags 0 $rc
"$DOCPIPE" -f html -t json "$DOCPIPE_SOURCE_DIR/tests/html/data/portal_vi.html" -o "$T/page.json"; rc=$?
check portal-page 0 $rc
grep -q '2020-07-16T08:30:00+07:00' "$T/page.json" || { echo "FAIL portal-page: date missing"; fail=1; }
# html -> html -> json keeps what html -> json gives (the writer's JSON-LD
# carries the metadata back; its header is not read as body)
if "$DOCPIPE" -f html -t html "$DOCPIPE_SOURCE_DIR/tests/html/data/portal_vi.html" -o "$T/clean.html" 2>/dev/null; then
  "$DOCPIPE" -f html -t json "$T/clean.html" -o "$T/again.json"
  if cmp -s "$T/page.json" "$T/again.json"; then echo "ok html-roundtrip"; else echo "FAIL html-roundtrip"; diff "$T/page.json" "$T/again.json" | head -20; fail=1; fi
else
  echo "note: no html writer yet; roundtrip skipped"
fi
exit $fail
