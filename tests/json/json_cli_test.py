#!/usr/bin/env python3
"""The json plugin through the CLI: the all-kinds sample converts byte-identically,
invalid inputs exit 1 with one line naming the file."""
import os
import subprocess
import sys
import tempfile

DOCPIPE = os.environ["DOCPIPE"]
SAMPLE = os.path.join(os.environ["DOCPIPE_SOURCE_DIR"], "samples", "json", "all-kinds.json")
passed = failed = 0


def check(cond, what, detail=""):
    global passed, failed
    passed, failed = (passed + 1, failed) if cond else (passed, failed + 1)
    if not cond:
        print(f"FAIL {what}\n     {detail}")


p = subprocess.run([DOCPIPE, SAMPLE, "-t", "json"], capture_output=True)
check(p.returncode == 0 and p.stdout == open(SAMPLE, "rb").read(),
      "all-kinds.json -t json is byte-identical", p.stderr.decode())

bad_inputs = {
    "truncated.json": b'{"docpipe-json-version": [1, 0], "blocks": [{"t": "para',
    "wrongtype.json": b'{"docpipe-json-version": [1, 0], "blocks": 5}',
    "deep.json": b'{"docpipe-json-version": [1, 0], "blocks": ' + b"[" * 100000 + b"]" * 100000 + b"}",
    "badutf8.json": b'{"docpipe-json-version": [1, 0], "meta": {"title": "\xff"}}',
    "empty.json": b"",
}
with tempfile.TemporaryDirectory() as tmp:
    for name, data in bad_inputs.items():
        path = os.path.join(tmp, name)
        with open(path, "wb") as f:
            f.write(data)
        p = subprocess.run([DOCPIPE, path, "-t", "json"], capture_output=True, timeout=60)
        err = p.stderr.decode("utf-8", "replace")
        check(p.returncode == 1 and err.startswith(f"docpipe: {path}: ") and err.count("\n") == 1
              and not p.stdout, f"{name}: exit 1, one line", f"rc={p.returncode} {err!r}")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
