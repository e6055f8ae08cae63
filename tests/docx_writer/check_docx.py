#!/usr/bin/python3
"""Checks of the DOCX files the docx writer produces.

    check_docx.py schema      every part validates against the ECMA-376 schemas
                              ($DOCPIPE_SHARED_DIR/tools/validate-docx), zero errors
    check_docx.py python-docx python-docx opens every file; the metadata rebuilt
                              from core.xml + custom.xml (plugins/docx/README.md)
                              equals the document's metadata exactly
    check_docx.py soffice     LibreOffice converts every file to PDF (skipped
                              when soffice is not installed)
    check_docx.py golden      the XML parts of sample_all.docx equal the checked-in
                              tests/docx_writer/golden/*.xml (after xmllint --format);
                              DOCPIPE_UPDATE_GOLDEN=1 rewrites them

The files: the writer unit test's samples (test_docx_writer --emit, each with its
metadata as NAME.meta.json), plus every tests/docx_writer/inputs/*.json converted
with the CLI once the json reader is built.
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

SKIP = 77
NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "cu": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
    "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
}
CORE = [("title", "dc:title", "s"), ("subject", "dc:subject", "s"),
        ("authors", "dc:creator", "l"), ("tags", "cp:keywords", "l"),
        ("description", "dc:description", "s"), ("language", "dc:language", "s"),
        ("url", "dc:identifier", "s"), ("date", "dcterms:created", "s")]


def env(name):
    value = os.environ.get(name)
    if not value:
        print("SKIP: %s is not set (run through ctest)" % name)
        sys.exit(SKIP)
    return value


def produce(tmp):
    """Writes the documents to check into tmp; returns [(docx, meta or None)]."""
    build = env("DOCPIPE_BUILD_DIR")
    out = []
    emit = os.path.join(build, "tests", "test_docx_writer")
    subprocess.run([emit, "--emit", tmp], check=True)
    for docx in sorted(glob.glob(os.path.join(tmp, "*.docx"))):
        with open(docx + ".meta.json", encoding="utf-8") as f:
            out.append((docx, json.load(f)))
    plugin_dir = os.environ.get("DOCPIPE_PLUGIN_DIR", "")
    inputs = sorted(p for p in glob.glob(os.path.join(env("DOCPIPE_SOURCE_DIR"), "tests",
                                                      "docx_writer", "inputs", "*"))
                    if not p.endswith(".meta.json"))
    # The project's own samples too (samples/json/all-kinds.json has every
    # node and metadata kind).
    inputs += sorted(glob.glob(os.path.join(env("DOCPIPE_SOURCE_DIR"), "samples", "json",
                                            "*.json")))
    for src in inputs:
        base = os.path.basename(src)
        reader = {"json": "json", "txt": "text", "html": "html", "md": "markdown"}.get(
            base.rsplit(".", 1)[-1])
        if not os.path.exists(os.path.join(plugin_dir, "%s.so" % reader)):
            print("note: %s plugin not built; %s not converted" % (reader, base))
            continue
        dst = os.path.join(tmp, "cli_" + base.replace(".", "_") + ".docx")
        r = subprocess.run([env("DOCPIPE"), src, "-o", dst], capture_output=True, text=True)
        if r.returncode != 0:
            print("FAIL: %s -> docx: exit %d %s" % (base, r.returncode, r.stderr.strip()))
            sys.exit(1)
        out.append((dst, expected_meta(src, plugin_dir)))
    out += foreign_inputs(tmp, plugin_dir)
    return out


def foreign_inputs(tmp, plugin_dir):
    """Real pages through the html reader, and the scraped text dumps through
    the text reader, when those plugins and ../shared are there.  Their
    metadata is whatever the readers found (`-t json` says what), and the
    docx must carry exactly that."""
    import gzip
    shared = os.environ.get("DOCPIPE_SHARED_DIR", "")
    out = []
    jobs = []
    if os.path.exists(os.path.join(plugin_dir, "html.so")):
        pages = sorted(glob.glob(os.path.join(shared, "extraction-dev", "html", "*.html.gz")))
        for page in pages[:6]:
            dst = os.path.join(tmp, "page_" + os.path.basename(page)[:-3])
            with gzip.open(page) as f, open(dst, "wb") as g:
                g.write(f.read())
            jobs.append(("html", dst))
    for seed in sorted(glob.glob(os.path.join(shared, "seeds", "*.txt"))):
        jobs.append(("text", seed))
    for fmt, src in jobs:
        dst = os.path.join(tmp, fmt + "_" + os.path.basename(src).split(".")[0] + ".docx")
        r = subprocess.run([env("DOCPIPE"), "-f", fmt, src, "-o", dst], capture_output=True,
                           text=True)
        if r.returncode != 0:
            print("note: %s reader could not convert %s (exit %d); not checked" %
                  (fmt, os.path.basename(src), r.returncode))
            continue
        meta = None
        if os.path.exists(os.path.join(plugin_dir, "json.so")):
            r = subprocess.run([env("DOCPIPE"), "-f", fmt, src, "-t", "json"],
                               capture_output=True)
            if r.returncode == 0:
                meta = json.loads(r.stdout).get("meta", {})
        out.append((dst, meta))
    return out


def expected_meta(src, plugin_dir):
    """What the docx must carry: the checked-in SRC.meta.json, else what the
    json writer says the reader made of SRC, else None (not compared)."""
    if os.path.exists(src + ".meta.json"):
        with open(src + ".meta.json", encoding="utf-8") as f:
            return json.load(f)
    if not os.path.exists(os.path.join(plugin_dir, "json.so")):
        return None
    r = subprocess.run([env("DOCPIPE"), src, "-t", "json"], capture_output=True, check=True)
    doc = json.loads(r.stdout)
    meta = doc.get("meta", doc.get("metadata"))
    return meta if isinstance(meta, dict) else None


def foreign_inputs(tmp, plugin_dir):
    """Real pages through the html reader, and the scraped text dumps through
    the text reader, when those plugins and ../shared are there.  Their
    metadata is whatever the readers found (`-t json` says what), and the
    docx must carry exactly that."""
    import gzip
    shared = os.environ.get("DOCPIPE_SHARED_DIR", "")
    out = []
    jobs = []
    if os.path.exists(os.path.join(plugin_dir, "html.so")):
        pages = sorted(glob.glob(os.path.join(shared, "extraction-dev", "html", "*.html.gz")))
        for page in pages[:6]:
            dst = os.path.join(tmp, "page_" + os.path.basename(page)[:-3])
            with gzip.open(page) as f, open(dst, "wb") as g:
                g.write(f.read())
            jobs.append(("html", dst))
    for seed in sorted(glob.glob(os.path.join(shared, "seeds", "*.txt"))):
        jobs.append(("text", seed))
    for fmt, src in jobs:
        dst = os.path.join(tmp, fmt + "_" + os.path.basename(src).split(".")[0] + ".docx")
        r = subprocess.run([env("DOCPIPE"), "-f", fmt, src, "-o", dst], capture_output=True,
                           text=True)
        if r.returncode != 0:
            print("note: %s reader could not convert %s (exit %d); not checked" %
                  (fmt, os.path.basename(src), r.returncode))
            continue
        meta = None
        if os.path.exists(os.path.join(plugin_dir, "json.so")):
            r = subprocess.run([env("DOCPIPE"), "-f", fmt, src, "-t", "json"],
                               capture_output=True)
            if r.returncode == 0:
                meta = json.loads(r.stdout).get("meta", {})
        out.append((dst, meta))
    return out


def cli_meta(src):
    """The metadata map of a docpipe JSON document (its "meta" member)."""
    with open(src, encoding="utf-8") as f:
        doc = json.load(f)
    meta = doc.get("meta", doc.get("metadata"))
    return meta if isinstance(meta, dict) else None


def rebuild_meta(path):
    """The metadata a reader following plugins/docx/README.md gets back."""
    meta = {}
    with zipfile.ZipFile(path) as z:
        core = ET.fromstring(z.read("docProps/core.xml"))
        for key, tag, form in CORE:
            el = core.find(tag, NS)
            if el is None:
                continue
            text = el.text or ""
            meta[key] = text.split("; ") if form == "l" else text
        if "docProps/custom.xml" in z.namelist():
            custom = ET.fromstring(z.read("docProps/custom.xml"))
            for prop in custom.findall("cu:property", NS):
                name = prop.get("name", "")
                value = prop.find("vt:lpwstr", NS)
                text = value.text or "" if value is not None else ""
                if name.startswith("docpipe-json:"):
                    meta[name[len("docpipe-json:"):]] = json.loads(text)
                elif name.startswith("docpipe:"):
                    meta[name[len("docpipe:"):]] = text
    return meta


def clean_key(key):
    """Keys XML cannot carry are dropped by the writer."""
    return all(ord(ch) >= 0x20 or ch in "\t\n\r" for ch in key) and \
        "\ufffe" not in key and "\uffff" not in key


def check_schema(docs):
    shared = os.environ.get("DOCPIPE_SHARED_DIR", "")
    tool = os.path.join(shared, "tools", "validate-docx")
    if not os.path.exists(tool):
        print("SKIP: %s not found (../shared is absent)" % tool)
        return SKIP
    bad = 0
    for docx, _ in docs:
        r = subprocess.run([tool, docx, "-v"], capture_output=True, text=True)
        if r.returncode != 0:
            bad += 1
            print("FAIL: %s\n%s" % (os.path.basename(docx), r.stdout))
        else:
            print("ok   %s: zero schema errors" % os.path.basename(docx))
    return 1 if bad else 0


def check_python_docx(docs):
    try:
        import docx  # python3-docx
    except ImportError:
        print("SKIP: python3-docx is not installed")
        return SKIP
    bad = 0
    for path, want in docs:
        name = os.path.basename(path)
        d = docx.Document(path)
        if want and want.get("title") and isinstance(want["title"], str) and \
                "\x01" not in want["title"]:
            if d.core_properties.title != want["title"]:
                print("FAIL: %s: python-docx title %r" % (name, d.core_properties.title))
                bad += 1
        if want is None:
            print("ok   %s: opens (no metadata to compare)" % name)
            continue
        want = {k: v for k, v in want.items() if clean_key(k)}
        got = rebuild_meta(path)
        if got != want:
            bad += 1
            print("FAIL: %s: metadata differs" % name)
            for k in sorted(set(got) | set(want)):
                if got.get(k) != want.get(k):
                    print("   %s: got %r want %r" % (k, got.get(k), want.get(k)))
        else:
            print("ok   %s: opens; %d metadata keys rebuilt exactly" % (name, len(want)))
    return 1 if bad else 0


def check_soffice(docs, tmp):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("SKIP: LibreOffice (soffice) is not installed")
        return SKIP
    outdir = os.path.join(tmp, "pdf")
    profile = "file://" + os.path.join(tmp, "lo-profile")
    files = [d for d, _ in docs]
    r = subprocess.run([soffice, "-env:UserInstallation=" + profile, "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", outdir] + files,
                       capture_output=True, text=True, timeout=300)
    bad = 0
    for f in files:
        pdf = os.path.join(outdir, os.path.basename(f)[:-5] + ".pdf")
        if r.returncode != 0 or not os.path.exists(pdf) or os.path.getsize(pdf) < 1000:
            bad += 1
            print("FAIL: %s: no PDF (exit %d) %s" % (f, r.returncode, r.stderr.strip()[:300]))
        else:
            print("ok   %s -> %d-byte PDF" % (os.path.basename(f), os.path.getsize(pdf)))
    return 1 if bad else 0


GOLDEN_PARTS = ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
                "docProps/custom.xml", "word/document.xml", "word/_rels/document.xml.rels",
                "word/styles.xml", "word/numbering.xml", "word/settings.xml",
                "word/footer1.xml"]


def formatted(data):
    r = subprocess.run(["xmllint", "--format", "--nonet", "-"], input=data, capture_output=True,
                       check=True)
    return r.stdout


def check_golden(tmp):
    if not shutil.which("xmllint"):
        print("SKIP: xmllint is not installed")
        return SKIP
    env("DOCPIPE_BUILD_DIR")
    subprocess.run([os.path.join(os.environ["DOCPIPE_BUILD_DIR"], "tests", "test_docx_writer"),
                    "--emit", tmp], check=True)
    golden = os.path.join(env("DOCPIPE_SOURCE_DIR"), "tests", "docx_writer", "golden")
    update = os.environ.get("DOCPIPE_UPDATE_GOLDEN") == "1"
    bad = 0
    with zipfile.ZipFile(os.path.join(tmp, "sample_all.docx")) as z:
        names = z.namelist()
        want_names = GOLDEN_PARTS + ["word/media/image1.png", "word/media/image2.png"]
        if names != want_names:
            print("FAIL: entries %r\n      want %r" % (names, want_names))
            bad += 1
        for info in z.infolist():
            if info.date_time != (1980, 1, 1, 0, 0, 0):
                print("FAIL: %s has time %r" % (info.filename, info.date_time))
                bad += 1
        for part in GOLDEN_PARTS:
            got = formatted(z.read(part))
            path = os.path.join(golden, part.replace("/", "_").replace("[", "").replace("]", ""))
            if update:
                os.makedirs(golden, exist_ok=True)
                with open(path, "wb") as f:
                    f.write(got)
                continue
            with open(path, "rb") as f:
                want = f.read()
            if got != want:
                bad += 1
                print("FAIL: %s differs from %s" % (part, os.path.relpath(path)))
                import difflib
                for line in list(difflib.unified_diff(want.decode().splitlines(),
                                                      got.decode().splitlines(),
                                                      lineterm=""))[:30]:
                    print("   " + line)
            else:
                print("ok   %s" % part)
    return 1 if bad else 0


def main():
    if len(sys.argv) == 2 and sys.argv[1] == "golden":
        tmp = tempfile.mkdtemp(prefix="docx_writer_")
        try:
            return check_golden(tmp)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    if len(sys.argv) != 2 or sys.argv[1] not in ("schema", "python-docx", "soffice"):
        print(__doc__)
        return 2
    tmp = tempfile.mkdtemp(prefix="docx_writer_")
    try:
        docs = produce(tmp)
        if sys.argv[1] == "schema":
            return check_schema(docs)
        if sys.argv[1] == "python-docx":
            return check_python_docx(docs)
        return check_soffice(docs, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
