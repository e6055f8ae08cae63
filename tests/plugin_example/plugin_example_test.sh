#!/bin/sh
# Installs the build tree into a temporary prefix, builds the out-of-tree
# example plugin against it with pkg-config, and runs it with the installed
# docpipe: the installed tree is complete and the ABI works outside the tree.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; echo "0 passed, 1 failed"; exit 1; }
cmake --install "$DOCPIPE_BUILD_DIR" --prefix "$tmp/prefix" >/dev/null || fail "cmake --install"
pc=$(ls -d "$tmp"/prefix/lib*/pkgconfig | head -n 1)
PKG_CONFIG_PATH=$pc cmake -S "$DOCPIPE_SOURCE_DIR/samples/plugin-example" -B "$tmp/example" \
  >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "configure the example"; }
cmake --build "$tmp/example" >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "build the example"; }
docpipe="$tmp/prefix/bin/docpipe"
sample="$DOCPIPE_SOURCE_DIR/samples/json/all-kinds.json"
# The installed CLI finds the installed plugins, not the build tree's.
"$docpipe" --list-plugins >"$tmp/list" 2>&1 || fail "--list-plugins"
grep -q "^json .*$tmp/prefix/lib.*/docpipe-1/json.so" "$tmp/list" || { cat "$tmp/list"; fail "installed json plugin not listed from the prefix"; }
grep -q "$DOCPIPE_BUILD_DIR/plugins" "$tmp/list" && fail "installed docpipe loaded build-tree plugins"
"$docpipe" --plugin-dir "$tmp/example" --filter wordcount "$sample" -t json >"$tmp/out.json" 2>"$tmp/err" \
  || { cat "$tmp/err"; fail "conversion with the example filter"; }
# A document whose words are known: "-" and "/" separate words.
printf '%s' '{"docpipe-json-version": [1, 0], "blocks": [{"t": "paragraph", "c": [{"t": "text", "text": "Quyết định số 290-QĐ/TW ngày 25/02/2010"}]}]}' >"$tmp/known.json"
"$docpipe" --plugin-dir "$tmp/example" --filter wordcount "$tmp/known.json" -t json >"$tmp/known.out" 2>"$tmp/err" \
  || { cat "$tmp/err"; fail "conversion of the known document"; }
known=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["meta"].get("word_count",""))' "$tmp/known.out")
[ "$known" = 10 ] || fail "word_count of the known document is '$known', expected 10"
got=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["meta"].get("word_count",""))' "$tmp/out.json")
# The sample's count, worked out independently from its JSON: the body's
# text (inline text joined, blocks, breaks and cells apart) cut at ASCII
# white space and .,;:!?()[]{}"'/- as wordcount.c does.
want=$(python3 - "$sample" <<'PY'
import json, re, sys
BLOCKS = {"paragraph", "heading", "block_quote", "list", "item", "code_block", "thematic_break",
          "figure", "table", "table_row", "table_cell"}
def text(n):
    if n["t"] in ("text", "code", "code_block"):
        s = n.get("text", "")
    elif n["t"] in ("soft_break", "line_break"):
        s = " "
    else:
        s = "".join(text(k) for k in n.get("c", []))
    return f" {s} " if n["t"] in BLOCKS else s
body = "".join(text(b) for b in json.load(open(sys.argv[1], encoding="utf-8"))["blocks"])
print(len(re.findall(rb"[^\x00-\x20.,;:!?()\[\]{}\"'/-]+", body.encode())))
PY
)
[ -n "$want" ] && [ "$got" = "$want" ] || fail "word_count of the sample is '$got', expected '$want'"
# Without --filter the key is absent: the plugin, not the core, added it.
"$docpipe" "$sample" -t json | grep -q word_count && fail "word_count present without the filter"
echo "word_count: known document 10, sample $got"
echo "5 passed, 0 failed"
