#!/bin/sh
# html_bench.sh BUILD_DIR [N] — html reader throughput on N pages (default
# 300) of ../shared/extraction-dev, one core, then pandoc -f html -t plain
# on the same pages for comparison (HTML_BENCH_SKIP_PANDOC=1 skips it), and
# generated 50 MB pages for memory (peak RSS of a process reading just that
# page; HTML_BENCH_SKIP_BIG=1 skips them).
#
# Memory, measured (Release, libxml2 2.9.14, glibc): the target is a peak
# under 10x the page + 50 MB (574 MB for these 52.4 MB pages).  The
# reader's own tree (plugins/html/html_tree.c: 80-byte nodes, text inline,
# laid end to end in 64 KB chunks that go back to malloc whole as the
# build frees them) replaced libxml2's DOM, so the densest page, a 125-byte
# <p> with <b> and <a> repeated, peaks at ~474 MB (1490 MB at first, 610 MB
# with libxml2's DOM and packed attributes): the document model at the end
# of the build (~6x such markup), the element statistics and the page
# itself.  A table of one-word cells and a list of links (one element per
# 15 and 26 bytes) reach the parse's element budget (one per 32 bytes +
# 256k: the rest of the page is not read, with a warning) and peak at ~480
# and ~551 MB.  One 50 MB text run ~208 MB (all of it read: libxml2's
# own tree kept only its first 10 MB), 50 MB of empty <i></i>
# ~112 MB, 100,000-deep nesting ~108 MB (the tree stops at depth 256, as
# libxml2's does: a clean error or what was before), empty structural
# elements ~293 MB.
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
r = '<tr><td>12</td><td>Nguyễn Văn A</td><td>Hà Nội</td></tr>\n'
page('table.html', '<h1>Danh sách</h1><table>' + r * (big // len(r.encode())) + '</table>')
li = '<li><a href="/tin/123.html">Tin tức số một</a></li>\n'
page('list.html', '<h1>Danh sách</h1><ul>' + li * (big // len(li.encode())) + '</ul>')
PY
for f in big run empty struct deep table list; do
  case $f in
    big) echo "one generated 50 MB page (dense markup: <p> with <b> and <a>):" ;;
    run) echo "50 MB single text run:" ;;
    empty) echo "50 MB of empty formatting elements:" ;;
    struct) echo "50 MB of empty structural elements:" ;;
    deep) echo "50 MB page after 100,000-deep nesting:" ;;
    table) echo "50 MB table of one-word cells:" ;;
    list) echo "50 MB list of links:" ;;
  esac
  DOCPIPE_PLUGIN_DIR="$B/plugins" "$B/bench/bench_html_bench" "$T/$f.html"
done
