#!/usr/bin/python3
"""The round-trip matrix: every sample article through every writer -> reader
pair, and chains of three, compared as docpipe JSON under the carrying
rules of docs/formats.md.

For each sample, the reference document D is what its own reader makes of it
(`docpipe SAMPLE -t json`).  For each format X that has both a writer and a
reader, D is written as X and read back; for each chain (e.g. html -> docx ->
markdown -> json) it goes through every step.  The result must equal D after
both are projected onto what every format on the way carries (the
`carry_*` functions below mirror the table in docs/formats.md: a loss that is
not there is a failure).  Pairs whose plugin is missing are reported as
SKIP, not failed."""
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

DOCPIPE = os.environ["DOCPIPE"]
SRC = os.environ["DOCPIPE_SOURCE_DIR"]
VERBOSE = os.environ.get("ROUNDTRIP_VERBOSE")
FORMATS = ["json", "markdown", "docx", "html", "text"]
EXT = {"json": "json", "markdown": "md", "docx": "docx", "html": "html", "text": "txt"}
# Routes after the sample's own reader: for an html sample, ["docx",
# "markdown"] is the chain html -> docx -> markdown -> json.
CHAINS = [["docx", "markdown"], ["markdown", "docx"], ["html", "docx", "markdown"], ["docx", "markdown", "html"], ["markdown", "docx", "json"],
          ["text", "markdown", "docx"], ["markdown", "html", "docx"]]


# Losses that are not deliberate limits but work in progress of another
# plugin, each with its reason.  A route through such a format that fails
# is reported as KNOWN GAP instead of failing; once the plugin is fixed
# the route simply passes (and the entry should go).
KNOWN_GAPS = {}


def plugins():
    p = subprocess.run([DOCPIPE, "--list-plugins"], capture_output=True, text=True)
    have = {}
    for line in p.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 3 and not line.startswith(" "):
            have[parts[0]] = parts[2].split(",")
    return have


def run(args):
    p = subprocess.run([DOCPIPE] + args, capture_output=True, timeout=120)
    if p.returncode:
        raise RuntimeError("docpipe %s: %s" % (" ".join(args), p.stderr.decode(errors="replace")))
    return p.stdout


# ---------------------------------------------------------------------------
# Carrying rules (docs/formats.md).  Each takes and returns a JSON document.

def inline_text(nodes):
    """Inlines as the text writer spells them (docs/text-format.md): a link
    is `text <url>` (the text alone when it is the URL), an image
    `[Image: alt]`; the text reader keeps those spellings as text."""
    out = []
    for n in nodes:
        t = n["t"]
        if t in ("text", "code"):
            out.append(n.get("text", ""))
        elif t in ("soft_break", "line_break"):
            out.append(" ")
        elif t == "image":
            alt = inline_text(n.get("c", []))
            out.append("[Image: %s]" % alt if alt else "[Image]")
        elif t == "link":
            text = inline_text(n.get("c", []))
            url = n.get("url", "")
            out.append(text if not url or url == text else "%s <%s>" % (text, url))
        else:
            out.append(inline_text(n.get("c", [])))
    return "".join(out)


def squash(s):
    return " ".join(s.split())


def blocks_as_text(blocks, out):
    """Plain-text projection: the words of every block, in order."""
    for b in blocks:
        t = b["t"]
        if t in ("paragraph", "heading", "table_cell"):
            out.append(squash(inline_text(b.get("c", []))))
        elif t == "figure":
            out.append(squash(b.get("alt", "")))
            out.append(squash(inline_text(b.get("c", []))))
        elif t == "code_block":
            out.append(squash(b.get("text", "")))
        else:
            blocks_as_text(b.get("c", []), out)
    return out


MARKER = re.compile(r"^(?:\d{1,9}[.)]|[-*+•])$")


def carry_text(doc):
    """text: metadata exactly; the body as its sequence of words (no
    emphasis, links as `text <url>`, no block structure; a list marker may
    come back as a literal word, so markers are not compared)."""
    words = " ".join(blocks_as_text(doc["blocks"], [])).split()
    return {"meta": doc["meta"], "words": [w for w in words if not MARKER.match(w)]}


def merge_text(nodes):
    out = []
    for n in nodes:
        if n["t"] == "text" and out and out[-1]["t"] == "text":
            out[-1] = dict(out[-1], text=out[-1]["text"] + n["text"])
        elif n["t"] == "text" and n["text"] == "":
            continue
        else:
            out.append(n)
    return out


def norm_tree(nodes, rules, parent=None):
    out = []
    for n in nodes:
        n = dict(n)
        t = n["t"]
        if t == "code_block" and "code_newline" in rules:
            # Markdown and HTML code blocks end with a line break.
            if n["text"] and not n["text"].endswith("\n"):
                n["text"] += "\n"
        if t == "list" and "tight" in rules:
            n.pop("tight", None)
        if t == "list" and n.get("list_type") == "bullet":
            n.pop("start", None)
        if t == "table_cell" and "cell_align_by_column" in rules:
            n.pop("align", None)
        if t == "table_row" and "header_first_row" in rules:
            n.pop("header", None)
        if t in ("link", "image") and "no_titles" in rules:
            n["title"] = ""
        if t == "figure" and not n.get("url") and "figure_alt_needs_url" in rules:
            n["alt"] = ""
        if t in ("soft_break",) and "soft_as_space" in rules:
            n = {"t": "text", "text": " "}
        if "c" in n:
            n["c"] = norm_tree(n["c"], rules, n)
            if t not in ("block_quote", "item", "list", "table", "table_row"):
                n["c"] = merge_text(n["c"])
        out.append(n)
    if "drop_empty_paragraphs" in rules:
        out = [n for n in out if not (n["t"] == "paragraph" and not n.get("c"))]
    return out


# Each format: which metadata keys it cannot carry (None = all carried),
# and how its body is compared.
RULES = {
    "json": set(),
    "markdown": {"code_newline", "cell_align_by_column", "header_first_row", "tight"},
    "docx": {"code_newline", "figure_alt_needs_url"},
    "html": {"code_newline", "soft_as_space"},
}


def project(fmts, doc):
    """What survives every format of a route: the union of their losses."""
    rules = set()
    for f in fmts:
        rules |= RULES.get(f, set())
    doc = {"meta": doc["meta"], "blocks": norm_tree(doc["blocks"], rules)}
    return carry_text(doc) if "text" in fmts else doc


def first_difference(a, b, path="$"):
    if type(a) is not type(b):
        return "%s: %r != %r" % (path, a, b)
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return "%s.%s: only in %s" % (path, k, "expected" if k in a else "got")
            d = first_difference(a[k], b[k], path + "." + k)
            if d:
                return d
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, "%s[%d]" % (path, i))
            if d:
                return d
        if len(a) != len(b):
            return "%s: %d items != %d" % (path, len(a), len(b))
        return None
    return None if a == b else "%s: %r != %r" % (path, a, b)


def main():
    have = plugins()
    rw = [f for f in FORMATS if f in have and "read" in have[f] and "write" in have[f]]
    for f in FORMATS:
        if f not in rw:
            print("SKIP: %s has no reader and writer here; its pairs are skipped" % f)
    samples = []
    for sub, fmt in (("html", "html"), ("text", "text"), ("json", "json")):
        d = os.path.join(SRC, "samples", sub)
        if not os.path.isdir(d) or fmt not in have:
            print("SKIP: samples/%s (no %s reader)" % (sub, fmt))
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith("." + EXT[fmt]) and not name.endswith(".gold.json"):
                samples.append((os.path.join(sub, name), fmt))
    def one(sample):
        """Runs every route of one sample; returns (lines, passed, failed, known)."""
        rel, fmt = sample
        lines, passed, failed, known = [], 0, 0, 0
        path = os.path.join(SRC, "samples", rel)
        tmp = tempfile.mkdtemp(prefix="docpipe-rt-")
        try:
            try:
                ref = json.loads(run([path, "-f", fmt, "-t", "json"]))
            except Exception as e:
                return ["FAIL %s: cannot read: %s" % (rel, e)], 0, 1, 0
            refpath = os.path.join(tmp, "ref.json")
            with open(refpath, "w") as f:
                json.dump(ref, f, ensure_ascii=False)
            routes = [[x] for x in rw] + [c for c in CHAINS if all(x in rw for x in c)]
            for c in CHAINS:
                if not all(x in rw for x in c):
                    lines.append("SKIP %s: chain %s (a plugin is missing)" % (rel, " -> ".join(c)))
            for route in routes:
                name = " -> ".join([fmt, "json"] + route + ["json"])
                cur, curfmt = refpath, "json"
                try:
                    for i, x in enumerate(route):
                        nxt = os.path.join(tmp, "step%d.%s" % (i, EXT[x]))
                        run([cur, "-f", curfmt, "-t", x, "-o", nxt])
                        cur, curfmt = nxt, x
                    got = json.loads(run([cur, "-f", curfmt, "-t", "json"]))
                    d = first_difference(project(route, ref), project(route, got))
                except Exception as e:
                    d = str(e)
                gap = [f for f in route if f in KNOWN_GAPS]
                if d and gap:
                    known += 1
                    lines.append("KNOWN GAP %s: %s: %s" % (rel, name, d[:200]))
                elif d:
                    failed += 1
                    lines.append("FAIL %s: %s: %s" % (rel, name, d[:400]))
                else:
                    passed += 1
                    if VERBOSE:
                        lines.append("ok   %s: %s" % (rel, name))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return lines, passed, failed, known

    passed = failed = known = 0
    # two workers: the machine has two cores and each step is a process
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
        for lines, p, f, k in ex.map(one, samples):
            for line in lines:
                print(line)
            passed, failed, known = passed + p, failed + f, known + k
    for f, why in KNOWN_GAPS.items():
        print("KNOWN GAP %s: %s" % (f, why))
    print("%d passed, %d failed, %d known gaps (%d samples, formats: %s)" %
          (passed, failed, known, len(samples), ", ".join(rw)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
