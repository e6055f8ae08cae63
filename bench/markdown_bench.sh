#!/bin/sh
# markdown_bench.sh [BUILD_DIR] — docpipe's markdown -> json and json ->
# markdown on one core, side by side with pandoc on the same document.
#
# docpipe's figures come from bench/markdown_bench.c (plugin calls, CPU
# time, no process start-up); it also dumps the Markdown it wrote, which
# both tools then convert as whole processes (wall time, one core each via
# taskset), so start-up is included for both.  pandoc's json -> markdown
# reads pandoc's own JSON of the same Markdown.  MB = 10^6 bytes.
set -eu
B=${1:-build}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cmake --build "$B" --target bench_markdown_bench >/dev/null
DOCPIPE_PLUGIN_DIR="$B/plugins" taskset -c 0 "$B/bench/bench_markdown_bench" --dump "$dir"
md=$dir/bench.md
size=$(stat -c %s "$md")
secs() { /usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -1; }
rate() { python3 -c "import sys; print('%.1f' % ($size / 1e6 / max(float(sys.argv[1]), 1e-9)))" "$1"; }
echo "whole processes on $md ($(python3 -c "print('%.2f' % ($size/1e6))") MB of Markdown):"
t=$(secs taskset -c 0 "$B/docpipe" -q --no-extract -f markdown -t json "$md")
echo "  docpipe markdown -> json: ${t}s = $(rate "$t") MB/s of markdown"
"$B/docpipe" -q --no-extract -f markdown -t json "$md" > "$dir/d.json"
t=$(secs taskset -c 0 "$B/docpipe" -q --no-extract -f json -t markdown "$dir/d.json")
echo "  docpipe json -> markdown: ${t}s = $(rate "$t") MB/s of markdown"
if command -v pandoc >/dev/null; then
  t=$(secs taskset -c 0 pandoc +RTS -N1 -RTS -f markdown -t json "$md")
  echo "  pandoc  markdown -> json: ${t}s = $(rate "$t") MB/s of markdown"
  pandoc -f markdown -t json "$md" > "$dir/p.json"
  t=$(secs taskset -c 0 pandoc +RTS -N1 -RTS -f json -t markdown "$dir/p.json")
  echo "  pandoc  json -> markdown: ${t}s = $(rate "$t") MB/s of markdown"
else
  echo "  pandoc not installed: no comparison"
fi
