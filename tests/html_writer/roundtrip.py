#!/usr/bin/python3
"""json -> html -> json through the html writer and reader: the metadata
must come back whole (the writer carries it in the JSON-LD property
"docpipe:meta") and the body with the same words (tokens compared as
multisets; unsafe links come back as their text, docs/formats.md H2).
With --blocks it also reports blocks that differ (the edge cases of
data/escaping.json and data/structure.json: empty items and tables, nested
links); that is informational and never fails — whole documents are compared
by tests/roundtrip."""
import collections
import json
import re
import os
import subprocess
import sys

SRC = os.environ.get("DOCPIPE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
DOCPIPE = os.environ.get("DOCPIPE")


def conv(args, data):
    r = subprocess.run([DOCPIPE] + args + ["-", "-o", "-"], input=data, capture_output=True)
    if r.returncode:
        raise RuntimeError(r.stderr.decode(errors="replace").strip())
    return r.stdout


def words(node, out):
    if isinstance(node, list):
        for n in node:
            words(n, out)
        return
    if node.get("t") in ("text", "code", "code_block"):
        out.update(re.findall(r"\w+", node.get("text", "").lower()))
    words(node.get("c", []), out)


def main():
    if not DOCPIPE:
        print("SKIP: DOCPIPE is not set")
        return 77
    inputs = []
    for d in (os.path.join(SRC, "tests", "html_writer", "data"), os.path.join(SRC, "samples", "json")):
        inputs += [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".json")]
    bad = 0
    for path in inputs:
        name = os.path.basename(path)
        with open(path, "rb") as f:
            src = f.read()
        try:
            # normalise through the json plugin first: the reference is the model
            want = json.loads(conv(["-f", "json", "-t", "json", "--no-extract"], src))
            page = conv(["-f", "json", "-t", "html"], src)
            got = json.loads(conv(["-f", "html", "-t", "json", "--no-extract"], page))
        except RuntimeError as e:
            print(f"FAIL {name}: {e}")
            bad += 1
            continue
        problems = []
        if got.get("meta", {}) != want.get("meta", {}):
            keys = sorted(set(got.get("meta", {})) | set(want.get("meta", {})))
            diff = [k for k in keys if got.get("meta", {}).get(k) != want.get("meta", {}).get(k)]
            problems.append(f"metadata differs in {diff}")
        gw, ww = collections.Counter(), collections.Counter()
        words(got.get("blocks", []), gw)
        words(want.get("blocks", []), ww)
        if gw != ww:
            problems.append(f"body words lost {sorted((ww - gw).elements())[:12]} added {sorted((gw - ww).elements())[:12]}")
        if "--blocks" in sys.argv and got.get("blocks", []) != want.get("blocks", []):
            print(f"note {name}: blocks differ ({len(got.get('blocks', []))} vs {len(want.get('blocks', []))})")
        print(f"{'FAIL' if problems else 'ok'} {name}" + (": " + "; ".join(problems) if problems else ""))
        bad += bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
