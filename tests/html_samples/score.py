#!/usr/bin/python3
"""Scores the html reader on samples/html/ against the checked-in gold.

For each page P.html with gold P.gold.json it runs
    $DOCPIPE -f html -t json P.html -o -
and compares:
  body     token-level precision, recall and F1 of the body text (the text of
           every block, lower-cased, split into \\w+ tokens, compared as
           multisets) against the gold body paragraphs;
  title    exact match (whitespace collapsed);
  date     exact match of the ISO 8601 string;
  authors  exact match of the author list;
  decisions  recall of the gold decision codes (reported, not scored).

Prints one row per page and the overall figures: body P/R/F1 both as the
mean over pages (macro) and over all tokens (micro), and exact-match rates.

Usage: score.py [--samples DIR] [--min-f1 X] [--min-title X] [--min-date X] [--min-authors X]
Exit 1 when a figure is under its minimum (the thresholds are given by
tests/html_samples/CMakeLists.txt), 0 otherwise.  Environment: DOCPIPE (the
CLI); DOCPIPE_SOURCE_DIR (to find samples/html)."""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text):
    return collections.Counter(TOKEN.findall(text.lower()))


def node_text(node, out):
    """Plain text of a JSON node: text and code literals; breaks as spaces;
    image alt text left out (it is not visible)."""
    t = node.get("t")
    if t in ("text", "code", "code_block"):
        out.append(node.get("text", ""))
    elif t in ("soft_break", "line_break"):
        out.append(" ")
    if t == "image":
        return  # alt text is not visible body text
    for c in node.get("c", []):
        node_text(c, out)
        if t not in ("paragraph", "heading", "table_cell", "emph", "strong", "link", "image", "figure"):
            out.append("\n")  # blocks are separated


def body_text(doc):
    out = []
    for b in doc.get("blocks", []):
        node_text(b, out)
        out.append("\n")
    return "".join(out)


def norm(s):
    return " ".join(s.split()) if isinstance(s, str) else s


def prf(got, want):
    common = sum((got & want).values())
    p = common / sum(got.values()) if got else (1.0 if not want else 0.0)
    r = common / sum(want.values()) if want else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, common


def main():
    ap = argparse.ArgumentParser()
    src = os.environ.get("DOCPIPE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
    ap.add_argument("--samples", default=os.path.join(src, "samples", "html"))
    ap.add_argument("--min-f1", type=float, default=0.0)
    ap.add_argument("--min-title", type=float, default=0.0)
    ap.add_argument("--min-date", type=float, default=0.0)
    ap.add_argument("--min-authors", type=float, default=0.0)
    ap.add_argument("-v", "--verbose", action="store_true", help="show missed and extra tokens")
    args = ap.parse_args()
    docpipe = os.environ.get("DOCPIPE")
    if not docpipe:
        print("SKIP: DOCPIPE is not set")
        return 77

    golds = sorted(f for f in os.listdir(args.samples) if f.endswith(".gold.json"))
    rows = []
    tot_got = tot_want = tot_common = 0
    for g in golds:
        with open(os.path.join(args.samples, g), encoding="utf-8") as f:
            gold = json.load(f)
        page = os.path.join(args.samples, gold["input"])
        r = subprocess.run([docpipe, "-f", "html", "-t", "json", page, "-o", "-"], capture_output=True)
        if r.returncode != 0:
            print(f"{gold['input']}: docpipe exited {r.returncode}: {r.stderr.decode(errors='replace').strip()}")
            doc = {}
        else:
            doc = json.loads(r.stdout)
        meta = doc.get("meta", {})
        got, want = tokens(body_text(doc)), tokens("\n".join(gold["body"]))
        p, rc, f1, common = prf(got, want)
        tot_got += sum(got.values())
        tot_want += sum(want.values())
        tot_common += common
        authors = meta.get("authors", [])
        if isinstance(authors, str):
            authors = [authors]
        codes = [d.get("code") for d in meta.get("decisions", []) if isinstance(d, dict)]
        dec = sum(1 for c in gold["decisions"] if c in codes) / len(gold["decisions"]) if gold["decisions"] else 1.0
        row = dict(name=gold["input"], p=p, r=rc, f1=f1,
                   title=norm(meta.get("title")) == norm(gold["title"]),
                   date=meta.get("date") == gold.get("date"),
                   authors=[norm(a) for a in authors] == [norm(a) for a in gold.get("authors", [])],
                   dec=dec, got_title=meta.get("title"), got_date=meta.get("date"), got_authors=authors)
        rows.append(row)
        if args.verbose:
            missed = want - got
            extra = got - want
            if missed:
                print(f"  {gold['input']} missed: {' '.join(sorted(missed.elements())[:40])}")
            if extra:
                print(f"  {gold['input']} extra:  {' '.join(sorted(extra.elements())[:40])}")

    print(f"{'page':32} {'P':>6} {'R':>6} {'F1':>6}  title date authors decisions")
    yn = {True: "yes", False: "NO"}
    for w in rows:
        print(f"{w['name']:32} {w['p']:6.3f} {w['r']:6.3f} {w['f1']:6.3f}  {yn[w['title']]:5} {yn[w['date']]:4} "
              f"{yn[w['authors']]:7} {w['dec']:.2f}")
    for w in rows:
        if not w["title"]:
            print(f"  title   {w['name']}: got {w['got_title']!r}")
        if not w["date"]:
            print(f"  date    {w['name']}: got {w['got_date']!r}")
        if not w["authors"]:
            print(f"  authors {w['name']}: got {w['got_authors']!r}")
    n = len(rows) or 1
    macro = {k: sum(w[k] for w in rows) / n for k in ("p", "r", "f1")}
    mp = tot_common / tot_got if tot_got else 0.0
    mr = tot_common / tot_want if tot_want else 0.0
    mf = 2 * mp * mr / (mp + mr) if mp + mr else 0.0
    rate = {k: sum(1 for w in rows if w[k]) / n for k in ("title", "date", "authors")}
    print(f"\n{len(rows)} pages")
    print(f"body macro  P {macro['p']:.3f}  R {macro['r']:.3f}  F1 {macro['f1']:.3f}")
    print(f"body micro  P {mp:.3f}  R {mr:.3f}  F1 {mf:.3f}")
    print(f"exact  title {rate['title']:.3f}  date {rate['date']:.3f}  authors {rate['authors']:.3f}")
    print(f"decisions recall (mean) {sum(w['dec'] for w in rows) / n:.3f}")

    bad = []
    if macro["f1"] < args.min_f1:
        bad.append(f"body F1 {macro['f1']:.3f} < {args.min_f1}")
    if rate["title"] < args.min_title:
        bad.append(f"title exact {rate['title']:.3f} < {args.min_title}")
    if rate["date"] < args.min_date:
        bad.append(f"date exact {rate['date']:.3f} < {args.min_date}")
    if rate["authors"] < args.min_authors:
        bad.append(f"authors exact {rate['authors']:.3f} < {args.min_authors}")
    for b in bad:
        print("FAIL", b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
