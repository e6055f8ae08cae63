#!/bin/sh
# docx_read_bench.sh BUILD_DIR — docx -> json speed of docpipe next to pandoc, on one
# core (taskset -c 0), on the same documents:
#   - the ~20 KB article docpipe's writer bench makes (bench_docx_write_bench OUT_DIR),
#   - the same article written by pandoc (pandoc -f docx -t docx), a foreign document.
#   in-process:  bench_docx_read_bench (library calls, no process start-up)
#   per process: `docpipe x.docx -t json` vs `pandoc -f docx -t json`, N runs each.
# Needs: cmake --build BUILD_DIR --target bench.  pandoc optional.
set -eu
B=$(cd "${1:-build}" && pwd)
N=${N:-50}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
PIN="taskset -c 0"
command -v taskset >/dev/null || PIN=""

"$B/bench/bench_docx_write_bench" "$B/plugins" "$T" 3 >/dev/null
docs="$T/article.docx"
if command -v pandoc >/dev/null; then
  pandoc -f docx -t docx "$T/article.docx" -o "$T/pandoc-article.docx"
  docs="$docs $T/pandoc-article.docx"
fi

rate() { # rate LABEL N SECONDS
  awk -v l="$1" -v n="$2" -v s="$3" 'BEGIN { printf "%-36s %7.1f documents/s (%d in %.2f s)\n", l, n / s, n, s }'
}
now() { date +%s.%N; }

for d in $docs; do
  echo "== $(basename "$d") ($(wc -c <"$d") bytes)"
  $PIN "$B/bench/bench_docx_read_bench" "$B/plugins" "$d"
  t0=$(now)
  i=0
  while [ $i -lt "$N" ]; do $PIN "$B/docpipe" "$d" -t json -o "$T/out.json"; i=$((i + 1)); done
  rate "docpipe CLI docx -> json" "$N" "$(echo "$(now) - $t0" | bc)"
  if command -v pandoc >/dev/null; then
    t0=$(now)
    i=0
    while [ $i -lt "$N" ]; do $PIN pandoc -f docx -t json "$d" -o "$T/p.json"; i=$((i + 1)); done
    rate "pandoc docx -> json" "$N" "$(echo "$(now) - $t0" | bc)"
  fi
done
