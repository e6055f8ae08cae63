#!/bin/sh
# docx_write_bench.sh BUILD_DIR [SECTIONS] — json -> docx speed of docpipe next to pandoc,
# on the same ~20 KB article, one core (taskset -c 0).
#
#   in-process:  bench_docx_write_bench (library calls, no process start-up)
#   per process: `docpipe article.json -o out.docx` vs `pandoc -f json -t docx`
#                (pandoc gets the same article as its own JSON AST, made by
#                `pandoc -f docx -t json` from docpipe's docx), N runs each.
# Needs: cmake --build BUILD_DIR --target bench.  pandoc optional.
set -eu
B=$(cd "${1:-build}" && pwd)
N=${N:-50}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
PIN="taskset -c 0"
command -v taskset >/dev/null || PIN=""

$PIN "$B/bench/bench_docx_write_bench" "$B/plugins" "$T" "${2:-3}"

rate() { # rate LABEL N SECONDS
  awk -v l="$1" -v n="$2" -v s="$3" 'BEGIN { printf "%-34s %7.1f documents/s (%d in %.2f s)\n", l, n / s, n, s }'
}
now() { date +%s.%N; }

if [ -f "$T/article.json" ] && [ -x "$B/docpipe" ]; then
  t0=$(now)
  i=0
  while [ $i -lt "$N" ]; do $PIN "$B/docpipe" "$T/article.json" -o "$T/out.docx"; i=$((i + 1)); done
  rate "docpipe CLI json -> docx" "$N" "$(echo "$(now) - $t0" | bc)"
fi
if command -v pandoc >/dev/null; then
  pandoc -f docx -t json "$T/article.docx" -o "$T/article.pandoc.json"
  t0=$(now)
  i=0
  while [ $i -lt "$N" ]; do $PIN pandoc -f json -t docx "$T/article.pandoc.json" -o "$T/p.docx"; i=$((i + 1)); done
  rate "pandoc json -> docx" "$N" "$(echo "$(now) - $t0" | bc)"
  t0=$(now)
  i=0
  while [ $i -lt "$N" ]; do $PIN pandoc -f docx -t json "$T/article.docx" -o "$T/p.json"; i=$((i + 1)); done
  rate "pandoc docx -> json" "$N" "$(echo "$(now) - $t0" | bc)"
else
  echo "pandoc not installed: no comparison"
fi
