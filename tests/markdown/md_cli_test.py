#!/usr/bin/python3
"""CLI tests of the markdown plugin: hostile input (with timeouts and a
memory cap), the golden Markdown of the all-kinds sample, pipelines
through stdin/stdout, and the pandoc cross-check of the front matter
(skipped, saying so, when pandoc is not installed)."""
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile

DOCPIPE = os.environ["DOCPIPE"]
SRC = os.environ["DOCPIPE_SOURCE_DIR"]
HERE = os.path.join(SRC, "tests", "markdown")
failures = 0
passed = 0


def check(cond, what, detail=""):
    global failures, passed
    if cond:
        passed += 1
    else:
        failures += 1
        print("FAIL:", what, detail[:2000])


def asan_build():
    with open(DOCPIPE, "rb") as f:
        return b"__asan_init" in f.read()


def limit_memory():
    # 1 GiB of address space: hostile input must not need more.
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def run(args, data=None, timeout=30):
    pre = None if asan_build() else limit_memory
    try:
        p = subprocess.run([DOCPIPE] + args, input=data, capture_output=True, timeout=timeout,
                           preexec_fn=pre)
    except subprocess.TimeoutExpired:
        return None
    return p


def to_json(data, extra=()):
    p = run(["-f", "markdown", "-t", "json"] + list(extra), data)
    return p


tmp = tempfile.mkdtemp(prefix="docpipe-md-")

# ---- hostile input -------------------------------------------------------
p = to_json(b"---\ntitle: x\n\nno closing marker\n")
check(p and p.returncode == 0, "unclosed front matter is read as Markdown")
check(p and b"never closed" in p.stderr, "unclosed front matter warns", p and p.stderr.decode())
check(p and json.loads(p.stdout)["meta"] == {}, "unclosed front matter gives no metadata")

p = to_json(b"---\n- a\n- b\n---\n\ntext\n")
check(p and p.returncode == 0 and b"not a YAML mapping" in p.stderr, "list front matter warns")

bomb = "---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
for i in range(1, 12):
    bomb += "a%d: &a%d [%s]\n" % (i, i, ", ".join(["*a%d" % (i - 1)] * 10))
bomb += "---\nbody\n"
p = to_json(bomb.encode())
check(p and p.returncode == 1 and b"alias" in p.stderr, "alias bomb refused with exit 1",
      p and p.stderr.decode())

p = to_json(b"---\ntitle: a: b\n---\n")
check(p and p.returncode == 1 and b"line 2" in p.stderr, "bad YAML: exit 1 and a line number")

for name, unit in (("block quotes", b">"), ("bullet lists", b"- "), ("ordered lists", b"1. "),
                   ("emphasis", b"*"), ("links", b"["), ("list lines", None)):
    if unit is None:
        data = b"".join(b"  " * i + b"- x\n" for i in range(3000))
    else:
        data = unit * 100000 + b"x\n"
    p = to_json(data)
    check(p is not None, "100,000 nested %s: no hang" % name)
    check(p is not None and p.returncode in (0, 1) and p.returncode >= 0,
          "100,000 nested %s: no crash" % name, p and p.stderr.decode())

p = to_json(b"a\xff\xfe b\x00c \xed\xa0\x80\n\n# h\xc3\n")
check(p and p.returncode == 0, "invalid UTF-8 is cleaned", p and p.stderr.decode())
check(p and "\ufffd" in p.stdout.decode(), "invalid bytes become U+FFFD")

p = to_json(b"\tcode\n\n-\titem\n\n>\tquote\n")
check(p and p.returncode == 0 and b'"code_block"' in p.stdout, "tabs")

p = run(["-f", "markdown", "-t", "json", "--option", "raw_html=keep"], b"<script>x()</script>\n")
check(p and b'"info": "html"' in p.stdout, "raw_html=keep gives an html code block")
p = run(["-f", "markdown", "-t", "json"], b"<script>x()</script>\n\npara\n")
check(p and b"script" not in p.stdout, "raw HTML dropped by default")

# ---- golden and round trip of the all-kinds sample -----------------------
sample = os.path.join(SRC, "samples", "json", "all-kinds.json")
golden = os.path.join(HERE, "golden", "all-kinds.md")
p = run([sample, "-t", "markdown"])
check(p and p.returncode == 0, "all-kinds -> markdown")
if p and os.environ.get("DOCPIPE_UPDATE_GOLDEN"):
    with open(golden, "wb") as f:
        f.write(p.stdout)
with open(golden, "rb") as f:
    check(p and p.stdout == f.read(), "all-kinds.md matches the golden file")
md = p.stdout if p else b""
q = run(["-f", "markdown", "-t", "markdown"], md)
check(q and q.stdout == md, "markdown -> markdown is a fixed point")
q = run(["-f", "markdown", "-t", "json"], md)
with open(sample, "rb") as f:
    want = json.load(f)
got = json.loads(q.stdout) if q and q.returncode == 0 else {}
check(got.get("meta") == want["meta"], "all metadata survives json -> markdown -> json")

# ---- pipelines: stdin -> stdout -> binary file -----------------------------
out = os.path.join(tmp, "a.docx")
sh = "'%s' -f json -t markdown < '%s' | '%s' -f markdown -t docx -o '%s'" % (DOCPIPE, sample,
                                                                             DOCPIPE, out)
r = subprocess.run(["sh", "-c", sh], capture_output=True, timeout=60)
check(r.returncode == 0 and os.path.exists(out), "json | markdown | docx pipeline", r.stderr.decode())
p = run([out, "-t", "json"])
check(p and json.loads(p.stdout)["meta"].get("title") == want["meta"]["title"],
      "the pipeline's DOCX keeps the title")

# the README's pipeline on a scraped page: html on stdin -> markdown -> docx
page = os.path.join(SRC, "samples", "html", "vn_sharepoint_province.html")
out = os.path.join(tmp, "page.docx")
sh = "'%s' -f html -t markdown < '%s' | '%s' -f markdown -t docx -o '%s'" % (DOCPIPE, page, DOCPIPE, out)
r = subprocess.run(["sh", "-c", sh], capture_output=True, timeout=60)
check(r.returncode == 0 and os.path.exists(out), "html | markdown | docx pipeline", r.stderr.decode())
p, q = run([out, "-t", "json"]), run([page, "-t", "json"])
if p and q and p.returncode == 0 and q.returncode == 0:
    got, want = json.loads(p.stdout)["meta"], json.loads(q.stdout)["meta"]
    for key in ("title", "date", "authors", "decisions"):
        check(got.get(key) == want.get(key), "the html pipeline's DOCX keeps %s" % key)

# docs/pipelines.md's batch command, two at a time; one bad file among them
batch_in, batch_out = os.path.join(tmp, "pages"), os.path.join(tmp, "out")
os.makedirs(batch_in)
os.makedirs(batch_out)
hdir = os.path.join(SRC, "samples", "html")
names = sorted(f for f in os.listdir(hdir) if f.endswith(".html"))
for f in names:
    shutil.copy(os.path.join(hdir, f), os.path.join(batch_in, f))
with open(os.path.join(batch_in, "broken.html"), "wb") as f:
    f.write(b"")
sh = ("find '%s' -name '*.html' -print0 | xargs -0 -P2 -n1 sh -c "
      "'\"$0\" -q \"$1\" -o \"%s/$(basename \"${1%%.*}\").docx\"' '%s'") % (batch_in, batch_out, DOCPIPE)
r = subprocess.run(["sh", "-c", sh], capture_output=True, timeout=300)
made = sorted(f for f in os.listdir(batch_out) if f.endswith(".docx"))
check(r.returncode == 123, "xargs -P2: a bad file makes xargs exit 123", "exit %d" % r.returncode)
check(made == [f[:-5] + ".docx" for f in names], "xargs -P2: every good page converted, no partial file",
      repr(made))
check(b"broken.html" in r.stderr, "xargs -P2: the bad file is named on stderr", r.stderr.decode())

# ---- pandoc reads docpipe's front matter ---------------------------------
def stringify(v):
    if isinstance(v, list):
        return "".join(stringify(x) for x in v)
    if not isinstance(v, dict):
        return ""
    t, c = v.get("t"), v.get("c")
    if t == "Str":
        return c
    if t in ("Space", "SoftBreak", "LineBreak"):
        return " "
    if t in ("MetaString",):
        return c
    if t in ("Code", "Math"):
        return c[1]
    if t in ("Link", "Image", "Span", "Quoted", "Cite"):
        return stringify(c[1] if t != "Quoted" else c[1])
    return stringify(c)


if shutil.which("pandoc"):
    # docpipe documents: the all-kinds sample and every text sample as read
    docs = [("all-kinds.json", ["-f", "json"], sample)]
    tdir = os.path.join(SRC, "samples", "text")
    lp = subprocess.run([DOCPIPE, "--list-plugins"], capture_output=True, text=True).stdout
    if any(l.split()[:1] == ["text"] for l in lp.splitlines()):
        docs += [(f, ["-f", "text"], os.path.join(tdir, f)) for f in sorted(os.listdir(tdir))
                 if f.endswith(".txt")]
    else:
        print("SKIP: no text plugin; pandoc check of the text samples did not run")
    for name, fmt, path in docs:
        p = run([path] + fmt + ["-t", "markdown"])
        j = run([path] + fmt + ["-t", "json"])
        if not p or p.returncode or not j or j.returncode:
            check(False, "write markdown for pandoc: " + name)
            continue
        meta = json.loads(j.stdout)["meta"]
        r = subprocess.run(["pandoc", "-f", "markdown-smart", "-t", "json"], input=p.stdout,
                           capture_output=True, timeout=60)
        check(r.returncode == 0, "pandoc reads " + name, r.stderr.decode())
        if r.returncode:
            continue
        pm = json.loads(r.stdout)["meta"]
        for key, pkey in (("title", "title"), ("date", "date"), ("language", "lang")):
            if key in meta:
                check(stringify(pm.get(pkey)) == meta[key], "pandoc %s of %s" % (pkey, name),
                      repr((stringify(pm.get(pkey)), meta[key])))
        if "authors" in meta:
            pa = pm.get("author", {})
            got_authors = [stringify(x) for x in pa["c"]] if pa.get("t") == "MetaList" else [stringify(pa)]
            check(got_authors == meta["authors"], "pandoc author of " + name,
                  repr((got_authors, meta["authors"])))
else:
    print("SKIP: pandoc not installed; the pandoc cross-check did not run")

shutil.rmtree(tmp, ignore_errors=True)
print("%d passed, %d failed" % (passed, failures))
sys.exit(1 if failures else 0)
