#!/usr/bin/python3
"""The html writer: golden pages, determinism, and the properties every page
must have whatever the document holds (balanced HTML5, no script but the
JSON-LD block, no script URLs, JSON-LD that parses and carries the whole
metadata map).  UPDATE_GOLDEN=1 rewrites the goldens instead of comparing.

Inputs: tests/html_writer/data/*.json and samples/json/*.json; goldens:
tests/html_writer/golden/<name>.html.  When `tidy` (HTML Tidy 5, HTML5
aware) is installed, each page is also checked with it."""
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

SRC = os.environ.get("DOCPIPE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
DOCPIPE = os.environ.get("DOCPIPE")
HERE = os.path.join(SRC, "tests", "html_writer")
GOLDEN = os.path.join(HERE, "golden")
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

VOID = {"meta", "link", "img", "br", "hr"}
ALLOWED = VOID | {"html", "head", "title", "script", "style", "body", "article", "header", "h1", "h2",
                  "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "blockquote", "pre", "code", "figure",
                  "figcaption", "table", "thead", "tbody", "tr", "th", "td", "a", "em", "strong",
                  "span", "time"}
failures = []


def fail(name, msg):
    failures.append(f"{name}: {msg}")


class Checker(html.parser.HTMLParser):
    def __init__(self, name):
        super().__init__(convert_charrefs=True)
        self.name = name
        self.stack = []
        self.scripts = []
        self.in_script = False
        self.doctype = None

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED:
            fail(self.name, f"unexpected element <{tag}>")
        keys = [k for k, _ in attrs]
        if len(keys) != len(set(keys)):
            fail(self.name, f"duplicate attribute in <{tag}>")
        for k, v in attrs:
            if k.startswith("on"):
                fail(self.name, f"event handler attribute {k}")
            if k in ("href", "src") and v is not None:
                scheme = "".join(v.split()).lower()
                if scheme.startswith(("javascript:", "vbscript:", "data:image/svg", "data:text")):
                    fail(self.name, f"script URL in {k}: {v!r}")
        if tag == "script":
            if dict(attrs).get("type") != "application/ld+json":
                fail(self.name, "a script that is not JSON-LD")
            self.in_script = True
            self.scripts.append("")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        fail(self.name, f"self-closing <{tag}/>")

    def handle_endtag(self, tag):
        if tag in VOID:
            fail(self.name, f"end tag of void element </{tag}>")
            return
        if not self.stack or self.stack[-1] != tag:
            fail(self.name, f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
            return
        self.stack.pop()
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script:
            self.scripts[-1] += data


def run(path):
    r = subprocess.run([DOCPIPE, "-f", "json", "-t", "html", path, "-o", "-"], capture_output=True)
    return r.returncode, r.stdout, r.stderr.decode("utf-8", "replace")


def check_page(name, page, meta):
    text = page.decode("utf-8")  # raises on invalid UTF-8: a failure
    for ch in text:
        o = ord(ch)
        if (o < 0x20 and ch not in "\t\n") or 0x7F <= o <= 0x9F or 0xFDD0 <= o <= 0xFDEF or (o & 0xFFFE) == 0xFFFE:
            fail(name, f"forbidden character U+{o:04X} in the page")
            break
    if not text.startswith("<!DOCTYPE html>\n<html"):
        fail(name, "does not start with <!DOCTYPE html><html")
    if '<meta charset="utf-8">' not in text:
        fail(name, "no <meta charset>")
    c = Checker(name)
    c.feed(text)
    c.close()
    if c.stack:
        fail(name, f"unclosed elements {c.stack}")
    if len(c.scripts) != 1:
        fail(name, f"{len(c.scripts)} script elements, want exactly the JSON-LD one")
        return
    js = c.scripts[0]
    if "<" in js:
        fail(name, "a raw '<' inside the JSON-LD script")
    try:
        ld = json.loads(js)
    except ValueError as e:
        fail(name, f"JSON-LD does not parse: {e}")
        return
    if ld.get("@type") != "NewsArticle" or ld.get("@context") != "https://schema.org":
        fail(name, "JSON-LD is not a schema.org NewsArticle")
    got = ld.get("docpipe:meta")
    if got != meta:
        fail(name, f"docpipe:meta differs from the input metadata:\n  got  {got}\n  want {meta}")
    if meta.get("title") and ld.get("headline") != meta["title"]:
        fail(name, "headline is not the title")


def tidy_check(name, page):
    r = subprocess.run(["tidy", "-q", "-e", "-utf8"], input=page, capture_output=True)
    r.stdout, r.stderr = r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")
    for line in (r.stdout + r.stderr).splitlines():
        # Tidy's "trimming empty <x>" is advice, not an HTML5 error.
        if line.strip() and "trimming empty" not in line:
            fail(name, f"tidy: {line.strip()}")


def generated_inputs(tmp):
    """Documents too big for goldens: deep nesting (as deep as the json
    reader takes) and many blocks.  Only the properties are checked."""
    def quote(depth):
        node = {"t": "paragraph", "c": [{"t": "text", "text": "đáy"}]}
        for _ in range(depth):
            node = {"t": "block_quote", "c": [node]}
        return node

    def lists(depth):
        node = {"t": "paragraph", "c": [{"t": "emph", "c": [{"t": "text", "text": "lá"}]}]}
        for i in range(depth):
            node = {"t": "list", "list_type": "ordered" if i % 2 else "bullet", "start": i, "tight": i % 3 == 0,
                    "c": [{"t": "item", "c": [node]}]}
        return node

    def inlines(depth):
        node = {"t": "text", "text": "x<y"}
        for i in range(depth):
            node = {"t": ("emph", "strong", "link")[i % 3], "c": [node]}
            if node["t"] == "link":
                node.update(url=f"/a{i}", title="")
        return {"t": "paragraph", "c": [node]}

    docs = {
        "gen-deep-quotes": {"blocks": [quote(150)]},
        "gen-deep-lists": {"blocks": [lists(90)]},
        "gen-deep-inlines": {"blocks": [inlines(150)]},
        "gen-many-blocks": {"meta": {"title": "Nhiều khối"},
                            "blocks": [{"t": "paragraph", "c": [{"t": "text", "text": f"Đoạn {i} & <{i}>"}]}
                                       for i in range(20000)]},
    }
    paths = []
    for name, d in docs.items():
        d["docpipe-json-version"] = [1, 0]
        path = os.path.join(tmp, name + ".json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(d, f, ensure_ascii=False)
        paths.append(path)
    return paths


def main():
    if not DOCPIPE:
        print("SKIP: DOCPIPE is not set")
        return 77
    inputs = []
    for d in (os.path.join(HERE, "data"), os.path.join(SRC, "samples", "json")):
        inputs += [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".json")]
    have_tidy = shutil.which("tidy") is not None
    if not have_tidy:
        print("note: tidy is not installed; HTML5 checks by tidy skipped (the parser checks still run)")
    os.makedirs(GOLDEN, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="html_writer_")
    generated = generated_inputs(tmp)
    for path in generated:
        name = os.path.splitext(os.path.basename(path))[0]
        rc, page, err = run(path)
        if rc != 0:
            fail(name, f"docpipe exited {rc}: {err.strip()}")
            continue
        with open(path, encoding="utf-8") as f:
            check_page(name, page, json.load(f).get("meta", {}))
        print(f"{'checked':8} {name} ({len(page)} bytes, generated)")
    shutil.rmtree(tmp)
    for path in inputs:
        name = os.path.splitext(os.path.basename(path))[0]
        rc, page, err = run(path)
        if rc != 0:
            fail(name, f"docpipe exited {rc}: {err.strip()}")
            continue
        rc2, page2, _ = run(path)
        if page2 != page:
            fail(name, "two runs gave different bytes")
        golden = os.path.join(GOLDEN, name + ".html")
        if UPDATE:
            with open(golden, "wb") as f:
                f.write(page)
        elif not os.path.exists(golden):
            fail(name, f"no golden {golden} (run with UPDATE_GOLDEN=1)")
        else:
            with open(golden, "rb") as f:
                if f.read() != page:
                    fail(name, f"differs from {golden}")
        with open(path, encoding="utf-8") as f:
            meta = json.load(f).get("meta", {})
        check_page(name, page, meta)
        if have_tidy:
            tidy_check(name, page)
        print(f"{'checked':8} {name} ({len(page)} bytes)")
    for f in failures:
        print("FAIL", f)
    print(f"{len(inputs) + len(generated)} pages, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
