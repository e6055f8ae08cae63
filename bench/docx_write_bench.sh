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

# loop LABEL N CMD...: runs CMD N times; documents per CPU-second (user +
# system time of the processes, robust when other jobs share the machine)
# and per wall-clock second.
loop() {
  label=$1 n=$2
  shift 2
  /usr/bin/time -f "%U %S %e" -o "$T/time" sh -c 'i=0; while [ $i -lt "$0" ]; do "$@" >/dev/null || exit 1; i=$((i + 1)); done' "$n" "$@"
  awk -v l="$label" -v n="$n" '{ printf "%-28s %7.1f documents per CPU-second, %7.1f per wall second (%d runs)\n", l, n / ($1 + $2), n / $3, n }' "$T/time"
}

if [ -f "$T/article.json" ] && [ -x "$B/docpipe" ]; then
  loop "docpipe CLI json -> docx" "$N" $PIN "$B/docpipe" "$T/article.json" -o "$T/out.docx"
fi
if command -v pandoc >/dev/null; then
  pandoc -f docx -t json "$T/article.docx" -o "$T/article.pandoc.json"
  loop "pandoc json -> docx" "$N" $PIN pandoc -f json -t docx "$T/article.pandoc.json" -o "$T/p.docx"
  loop "pandoc docx -> json" "$N" $PIN pandoc -f docx -t json "$T/article.docx" -o "$T/p.json"
else
  echo "pandoc not installed: no comparison"
fi
