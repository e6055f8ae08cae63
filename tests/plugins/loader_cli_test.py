#!/usr/bin/env python3
"""Bad plugins in a --plugin-dir: one stderr line each, naming the file and
the reason; the good plugins still list and convert; exit 0."""
import json
import os
import subprocess
import sys

DOCPIPE = os.environ["DOCPIPE"]
BAD = sys.argv[1]
SAMPLE = os.path.join(os.environ["DOCPIPE_SOURCE_DIR"], "samples", "json", "all-kinds.json")
passed = failed = 0


def check(cond, what, detail=""):
    global passed, failed
    passed, failed = (passed + 1, failed) if cond else (passed, failed + 1)
    if not cond:
        print(f"FAIL {what}\n     {detail}")


expected = {
    "abi999.so": "plugin ABI 999, docpipe ABI 1; skipped",
    "noentry.so": "no docpipe_plugin_entry symbol; skipped",
    "nullentry.so": "docpipe_plugin_entry returned NULL; skipped",
    "nocallback.so": "no read, write or filter function; skipped",
    "x.so": "not a loadable plugin",
    "dupe_b.so": "duplicate name 'dupe' (already loaded from",
}
for args in (["--list-plugins"], [SAMPLE, "-t", "json", "--filter", "good"]):
    p = subprocess.run([DOCPIPE, "--plugin-dir", BAD, *args], capture_output=True, timeout=60)
    err = p.stderr.decode()
    lines = err.splitlines()
    check(p.returncode == 0, f"{args[0]}: exit 0", err)
    check(len(lines) == len(expected), f"{args[0]}: one line per bad plugin", err)
    for name, reason in expected.items():
        line = next((l for l in lines if l.startswith(f"docpipe: {BAD}/{name}: ")), "")
        check(reason in line, f"{args[0]}: {name} refused with its reason", line or err)
    if args[0] == "--list-plugins":
        names = [l.split()[0] for l in p.stdout.decode().splitlines() if l and not l.startswith(" ")]
        check("good" in names and "dupe" in names and "json" in names, "good plugins listed", names)
    else:
        meta = json.loads(p.stdout)["meta"] if p.returncode == 0 else {}
        check(meta.get("touched_by") == "good", "conversion with the good filter works")
# A duplicate of the json plugin's name.  --plugin-dir is searched first, so
# the second "json" must come later to be the one refused: after the build
# tree's plugins named first, or in DOCPIPE_PLUGIN_PATH (searched after
# --plugin-dir).  The real json then still converts byte for byte.
SHADOW = sys.argv[2]
BUILD_PLUGINS = os.path.realpath(os.environ["DOCPIPE_PLUGIN_DIR"])
sample = open(SAMPLE, "rb").read()
for extra, env in ((["--plugin-dir", BUILD_PLUGINS, "--plugin-dir", SHADOW], {}),
                   (["--plugin-dir", BUILD_PLUGINS], {"DOCPIPE_PLUGIN_PATH": SHADOW})):
    p = subprocess.run([DOCPIPE, *extra, SAMPLE, "-t", "json"], capture_output=True, timeout=60,
                       env={**os.environ, **env})
    err = p.stderr.decode()
    check(p.returncode == 0 and p.stdout == sample, f"json duplicate {extra} {env}: real json converts", err)
    check(err.count("\n") == 1 and err.startswith(f"docpipe: {SHADOW}/json.so: duplicate name 'json'"),
          "the later json is refused in one line", err)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
