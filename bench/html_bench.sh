#!/bin/sh
# html_bench.sh BUILD_DIR [N] — html reader throughput on N pages (default
# 300) of ../shared/extraction-dev, one core, then pandoc -f html -t plain
# on the same pages for comparison (HTML_BENCH_SKIP_PANDOC=1 skips it), and
# generated 50 MB pages for memory (peak RSS of a process reading just that
# page; HTML_BENCH_SKIP_BIG=1 skips them).
#
# Memory, measured (Release, libxml2 2.9.14, glibc): the target is a peak
# under 10x the page + 50 MB.  Pathological pages meet it: one 50 MB text
# run ~117 MB, 50 MB of empty <i></i> ~111 MB, 100,000-deep nesting ~107 MB
# (libxml2 stops at depth 256: a clean error or what was before).  Dense
# markup does not: the libxml2 DOM costs ~12x the page on its own (a <p>
# with <b> and <a> of 105 bytes is 10 nodes of 120 bytes plus strings; the
# newline after it makes none), the element statistics ~1.5x, the input 1x
# (read in place: the plugin asks for no padded copy), so the dense page
# below peaks at ~750 MB (was 1490 MB; the DOM is freed as it is converted,
# so DOM and document do not peak together).  Meeting 10x there
# needs a reader that does not hold the whole DOM (libxml2's push parser with
# the content choice done on a compact summary), not done.  Empty structural
# elements (<div></div><td></td>) cost ~190 bytes each: the reader stops
# parsing after one element per 32 bytes of page (+256k), ~480 MB for 50 MB.
set -eu
B=${1:?usage: html_bench.sh BUILD_DIR [N]}
N=${2:-300}
SET=$(dirname "$0")/../../shared/extraction-dev
[ -d "$SET" ] || { echo "SKIP: $SET not found"; exit 0; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
ls "$SET"/html | head -n "$N" | while read -r f; do gzip -dc "$SET/html/$f" > "$T/${f%.gz}"; done
echo "docpipe html reader ($N pages):"
DOCPIPE_PLUGIN_DIR="$B/plugins" taskset -c 0 "$B/bench/bench_html_bench" "$T"/*.html
if [ -z "${HTML_BENCH_SKIP_PANDOC:-}" ] && command -v pandoc >/dev/null; then
  echo "pandoc -f html -t plain (same pages):"
  s=$(date +%s.%N)
  for f in "$T"/*.html; do pandoc -f html -t plain "$f" -o /dev/null 2>/dev/null || true; done
  e=$(date +%s.%N)
  du -cb "$T"/*.html | tail -1 | awk -v s="$s" -v e="$e" -v n="$N" \
    '{printf "pages=%d bytes=%d seconds=%.3f MB/s=%.1f pages/s=%.1f\n", n, $1, e-s, $1/1e6/(e-s), n/(e-s)}'
fi
[ -n "${HTML_BENCH_SKIP_BIG:-}" ] && exit 0
python3 - "$T" <<'PY'
import sys
d = sys.argv[1]
big = 50 * 1024 * 1024
def page(name, body):
    with open(d + '/' + name, 'w') as f:
        f.write('<html><body><article>' + body + '</article></body></html>')
p = '<p>Một đoạn văn bản của bài viết, với dấu phẩy, chữ <b>đậm</b> và <a href="/x">liên kết</a>.</p>\n'
page('big.html', p * (big // len(p.encode())))
w = 'Một câu văn rất dài không có thẻ nào, chỉ có chữ và dấu phẩy. '
page('run.html', '<p>' + w * (big // len(w.encode())) + '</p>')
page('empty.html', '<p>A short article, with a few words.</p><p>' + '<i></i><span></span><b></b>' * (big // 26) + '</p>')
page('struct.html', '<p>A short article, with a few words.</p>' + '<div></div><li></li><td></td>' * (big // 29))
deep = '<div>' * 100000 + 'deep text, with words.' + '</div>' * 100000
page('deep.html', deep + p * ((big - len(deep)) // len(p.encode())))
PY
for f in big run empty struct deep; do
  case $f in
    big) echo "one generated 50 MB page (dense markup: <p> with <b> and <a>):" ;;
    run) echo "50 MB single text run:" ;;
    empty) echo "50 MB of empty formatting elements:" ;;
    struct) echo "50 MB of empty structural elements:" ;;
    deep) echo "50 MB page after 100,000-deep nesting:" ;;
  esac
  DOCPIPE_PLUGIN_DIR="$B/plugins" "$B/bench/bench_html_bench" "$T/$f.html"
done
