#!/usr/bin/env bash
# convert-samples.sh DOCPIPE SAMPLES OUT — the main job: every scraped page
# and text dump under SAMPLES becomes DOCX, Markdown, JSON and clean HTML
# in OUT, two conversions at a time.  Prints one line per input and a
# summary; exits 1 if any conversion failed.
set -uo pipefail
docpipe=$1 samples=$2 out=$3
mkdir -p "$out"
formats=(docx md json html)
inputs=$(find "$samples" -maxdepth 2 -type f \( -name '*.html' -o -name '*.htm' -o -name '*.txt' \) \
  ! -path '*/plugin-example/*' | sort)
[ -n "$inputs" ] || { echo "convert-samples: no inputs under $samples"; exit 1; }
convert_one() {
  local docpipe=$1 out=$2 in=$3 stem status=0
  stem=$(basename "${in%.*}")
  [ -e "$out/$stem.docx" ] && [[ "$in" == *.txt ]] && stem="$stem-txt"
  for fmt in docx md json html; do
    "$docpipe" "$in" -o "$out/$stem.$fmt" || status=1
  done
  if [ $status = 0 ]; then echo "ok    $in -> $out/$stem.{docx,md,json,html}"; else echo "FAIL  $in"; fi
  return $status
}
export -f convert_one
failed=0
printf '%s\n' "$inputs" | xargs -P2 -I{} bash -c 'convert_one "$@"' _ "$docpipe" "$out" {} || failed=1
n=$(printf '%s\n' "$inputs" | wc -l)
echo "convert-samples: $n inputs, ${#formats[@]} formats each, into $out/ $( [ $failed = 0 ] && echo '(all converted)' || echo '(some failed)')"
exit $failed
