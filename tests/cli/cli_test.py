#!/usr/bin/env python3
"""CLI behaviour of build/docpipe: options, exit codes, stdin/stdout, plugin
search order, atomic output, batch and concatenation.  Needs the json plugin."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

DOCPIPE = os.environ["DOCPIPE"]
SRC = os.environ["DOCPIPE_SOURCE_DIR"]
SAMPLE = os.path.join(SRC, "samples", "json", "all-kinds.json")
passed = failed = 0


def check(cond, what, detail=""):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {what}" + (f"\n     {detail}" if detail else ""))


def run(*args, stdin=b"", cwd=None, env=None):
    e = dict(os.environ)
    e.update(env or {})
    p = subprocess.run([DOCPIPE, *args], input=stdin, capture_output=True, cwd=cwd, env=e,
                       timeout=120)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def one_line(err):
    return err.count("\n") == 1 and err.startswith("docpipe: ")


def main():
    with open(SAMPLE, "rb") as f:
        sample = f.read()
    tmp = tempfile.mkdtemp(prefix="docpipe-cli-")
    try:
        rc, out, _ = run("--help")
        check(rc == 0 and b"Usage: docpipe" in out, "--help")
        rc, out, _ = run("--version")
        check(rc == 0 and out.startswith(b"docpipe "), "--version")
        rc, _, err = run("--bogus")
        check(rc == 2 and "unknown option" in err, "unknown option exits 2", err)
        rc, _, err = run("-t")
        check(rc == 2, "missing option value exits 2", err)
        rc, _, err = run("--meta", "date=16/07/2020", SAMPLE, "-t", "json")
        check(rc == 2 and "ISO 8601" in err, "--meta date must be ISO", err)

        rc, out, err = run("--list-plugins")
        names = [l.split()[0] for l in out.decode().splitlines() if l and not l.startswith(" ")]
        check(rc == 0 and "json" in names, "--list-plugins lists json", out.decode())

        # Missing plugins: exit 3.
        rc, _, err = run(SAMPLE, "-t", "nosuch")
        check(rc == 3 and one_line(err) and "nosuch" in err, "unknown writer exits 3", err)
        rc, _, err = run("-f", "nosuch", SAMPLE, "-t", "json")
        check(rc == 3 and "nosuch" in err, "unknown reader exits 3", err)
        rc, _, err = run(SAMPLE, "-o", os.path.join(tmp, "x.unknownext"))
        check(rc == 3, "unknown output extension exits 3", err)

        # pandoc's names for formats docpipe has under another name.
        _, as_text, _ = run(SAMPLE, "-t", "text")
        rc, out, err = run(SAMPLE, "-t", "plain")
        check(rc == 0 and out == as_text and as_text, "-t plain is the text writer", err)
        _, as_md, _ = run(SAMPLE, "-t", "markdown")
        rc, out, err = run(SAMPLE, "-t", "gfm")
        check(rc == 0 and out == as_md and as_md, "-t gfm is the markdown writer", err)
        rc, out, err = run(SAMPLE, "-t", "markdown+smart-raw_html")
        check(rc == 0 and out == as_md and one_line(err) and "+smart-raw_html" in err,
              "pandoc extensions ignored with one warning", err)
        rc, out, err = run("-f", "commonmark", "-t", "json", stdin=as_md)
        check(rc == 0 and json.loads(out)["blocks"], "-f commonmark reads Markdown", err)
        rc, _, err = run(SAMPLE, "-t", "nosuch+smart")
        check(rc == 3 and "nosuch+smart" in err, "unknown format with extensions exits 3", err)

        # stdin -> stdout, format by probing; "-" is stdin too.
        rc, out, err = run("-t", "json", stdin=sample)
        check(rc == 0 and out == sample, "stdin probe -> stdout byte-identical", err)
        rc, out, err = run("-", "-t", "json", stdin=sample)
        check(rc == 0 and out == sample, "'-' reads stdin", err)
        rc, out, err = run("-t", "json", stdin=b"\x00\x01\x02 binary junk \xff")
        check(rc == 1 and one_line(err) and "-f" in err, "undetectable input exits 1", err)

        # --meta overrides, repeated keys make lists; --no-extract accepted.
        rc, out, err = run(SAMPLE, "-t", "json", "--meta", "title=Khác", "--meta", "tags=a",
                           "--meta", "tags=b", "--meta", "custom_key=giá trị", "--no-extract")
        meta = json.loads(out)["meta"] if rc == 0 else {}
        check(meta.get("title") == "Khác", "--meta overrides title", err)
        check(meta.get("tags") == ["a", "b"], "--meta repeated key makes a list", str(meta.get("tags")))
        check(meta.get("custom_key") == "giá trị", "--meta keeps any key verbatim")

        # Failed conversion: exit 1, one line, target untouched, no temp files.
        target = os.path.join(tmp, "existing.json")
        with open(target, "wb") as f:
            f.write(b"precious")
        rc, _, err = run("-f", "json", "-o", target, stdin=b'{"docpipe-json-version": [1, 0], "blo')
        check(rc == 1 and one_line(err) and err.startswith("docpipe: -: "),
              "invalid input exits 1 with one line", err)
        check(open(target, "rb").read() == b"precious", "existing target untouched")
        check(os.listdir(tmp) == ["existing.json"], "no partial or temporary file left",
              str(os.listdir(tmp)))
        newtarget = os.path.join(tmp, "new.json")
        rc, _, err = run("-f", "json", "-o", newtarget, stdin=b"[1, 2")
        check(rc == 1 and not os.path.exists(newtarget), "failed conversion creates no file", err)
        rc, _, err = run(os.path.join(tmp, "missing.json"), "-t", "json")
        check(rc == 1 and one_line(err) and "missing.json" in err, "missing input exits 1", err)

        # Successful -o: format from the extension, written atomically.
        rc, _, err = run(SAMPLE, "-o", target)
        check(rc == 0 and open(target, "rb").read() == sample, "-o by extension", err)
        check(sorted(os.listdir(tmp)) == ["existing.json"], "no temporary file after success")

        # Batch with --output-dir, one failure does not stop the rest.
        bad = os.path.join(tmp, "bad.json")
        with open(bad, "wb") as f:
            f.write(b"{")
        outdir = os.path.join(tmp, "out")
        os.mkdir(outdir)
        rc, _, err = run("--output-dir", outdir, "-t", "json", SAMPLE, bad, target)
        check(rc == 1 and sorted(os.listdir(outdir)) == ["all-kinds.json", "existing.json"],
              "batch converts the good inputs and reports the bad", err + str(os.listdir(outdir)))

        # Several inputs are concatenated, as pandoc does.
        rc, out, err = run(SAMPLE, SAMPLE, "-t", "json")
        if rc == 0:
            one = json.loads(sample)["blocks"]
            two = json.loads(out)["blocks"]
            check(len(two) == 2 * len(one), "two inputs concatenated")
        else:
            check(False, "concatenation", err)

        # Plugin search: the current directory is never searched, empty
        # DOCPIPE_PLUGIN_PATH entries are ignored, a named dir is.
        cwd_dir = os.path.join(tmp, "cwd")
        os.mkdir(cwd_dir)
        with open(os.path.join(cwd_dir, "x.so"), "w") as f:
            f.write("not a shared object\n")
        rc, out, err = run("--list-plugins", cwd=cwd_dir, env={"DOCPIPE_PLUGIN_PATH": "::"})
        check(rc == 0 and "x.so" not in err, "current directory not searched", err)
        rc, out, err = run("--list-plugins", "--plugin-dir", cwd_dir)
        check(rc == 0 and "x.so" in err and err.count("\n") == 1 and "skipped" in err,
              "a named directory is searched, a bad file refused in one line", err)
        rc, out, err = run("--list-plugins", env={"DOCPIPE_PLUGIN_PATH": cwd_dir + ":"})
        check(rc == 0 and "x.so" in err, "DOCPIPE_PLUGIN_PATH is searched", err)

        # A binary format is never written to a terminal.
        if shutil.which("script"):
            docx = subprocess.run([DOCPIPE, "--list-plugins"], capture_output=True).stdout
            if b"docx" in docx:
                p = subprocess.run(["script", "-qec", f"'{DOCPIPE}' '{SAMPLE}' -t docx", "/dev/null"],
                                   capture_output=True, timeout=60)
                check(p.returncode == 2 and b"terminal" in p.stdout, "binary output refused on a tty",
                      p.stdout.decode("utf-8", "replace"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    if not os.path.exists(SAMPLE):
        print("SKIP: samples/json/all-kinds.json is missing")
        sys.exit(77)
    sys.exit(main())
