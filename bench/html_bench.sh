#!/bin/sh
# html_bench.sh BUILD_DIR [N] — html reader throughput on N pages (default
# 300) of ../shared/extraction-dev, one core, then pandoc -f html -t plain
# on the same pages for comparison (HTML_BENCH_SKIP_PANDOC=1 skips it), and a
# 50 MB generated page for memory.
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
python3 - "$T/big.html" <<'PY'
import sys
p = '<p>Một đoạn văn bản của bài viết, với dấu phẩy, chữ <b>đậm</b> và <a href="/x">liên kết</a>.</p>\n'
with open(sys.argv[1], 'w') as f:
    f.write('<html><body><article>' + p * (50 * 1024 * 1024 // len(p.encode())) + '</article></body></html>')
PY
echo "one generated 50 MB page (dense markup):"
DOCPIPE_PLUGIN_DIR="$B/plugins" "$B/bench/bench_html_bench" "$T/big.html"
