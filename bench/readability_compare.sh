#!/bin/sh
# readability_compare.sh BUILD_DIR — docpipe's html reader and Readability.js
# (Firefox Reader View, the issue's reference) side by side on the
# development set ../shared/extraction-dev, both scored by
# ../shared/tools/extraction-score (word F1 of the body, exact title, date,
# author, per page type).
#
# Readability.js runs under Node.js with jsdom, pinned in
# bench/readability/package.json; the first run installs them from the npm
# registry into bench/readability/node_modules (npm ci; the only download
# anywhere in docpipe, and only in this bench).  READABILITY_CACHE=DIR keeps
# its extractions between runs.  Set -j with COMPARE_JOBS (default 2).
set -eu
B=${1:?usage: readability_compare.sh BUILD_DIR}
HERE=$(cd "$(dirname "$0")" && pwd)
SHARED=$HERE/../../shared
SET=$SHARED/extraction-dev
SCORE=$SHARED/tools/extraction-score
J=${COMPARE_JOBS:-2}
[ -d "$SET" ] && [ -x "$SCORE" ] || { echo "SKIP: $SET or $SCORE not found"; exit 0; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "SKIP: node and npm are needed"; exit 0; }
[ -d "$HERE/readability/node_modules/@mozilla/readability" ] ||
  (cd "$HERE/readability" && npm install --no-audit --no-fund --silent)

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
CACHE=${READABILITY_CACHE:-$T/cache}
mkdir -p "$CACHE" "$T/pages"
for f in "$SET"/html/*.html.gz; do
  n=$(basename "$f" .gz)
  gzip -dc "$f" > "$T/pages/$n"
done
# extract.js takes many pages per process (jsdom's start-up is seconds),
# but not all: jsdom's memory grows by the page (4 GB after 400 pages);
# J processes at a time over interleaved shares of the pages
ls "$T/pages" > "$T/list"
i=0
while [ "$i" -lt "$J" ]; do
  awk -v j="$J" -v i="$i" -v d="$T/pages" 'NR % j == i { print d "/" $0 }' "$T/list" |
    xargs -r -n 40 node "$HERE/readability/extract.js" "$CACHE" &
  i=$((i + 1))
done
wait

echo "== Readability.js $(node -p "require('$HERE/readability/node_modules/@mozilla/readability/package.json').version")"
"$SCORE" --cmd "$HERE/readability/cached.sh $CACHE {in} {out} {meta}" -j "$J"
echo "== docpipe html reader ($B)"
"$SCORE" --cmd "$B/tests/html_extract_tool {in} {out} {meta}" -j "$J"
