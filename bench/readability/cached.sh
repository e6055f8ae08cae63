#!/bin/sh
# cached.sh CACHE IN OUT META — extraction-score's --cmd for Readability.js:
# copies what extract.js wrote for the page with IN's bytes.
set -eu
k=$(sha1sum "$2" | cut -d' ' -f1)
cp "$1/$k.txt" "$3"
cp "$1/$k.json" "$4"
