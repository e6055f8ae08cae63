#!/usr/bin/python3
"""Checks of the docx reader, through the CLI ($DOCPIPE).

    check_reader.py fixtures   every tests/docx_fixtures/*.docx (made by pandoc, LibreOffice,
                               python-docx; see make_fixtures.sh) reads to its checked-in
                               .json byte for byte; also from stdin (format probed); its
                               docx -> docx reads the same and is stable
    check_reader.py roundtrip  json -> docx -> json keeps every metadata value and all text
                               exactly, and gives the json writer's bytes back; docx -> docx
                               is stable (the second generation equals the first); so do
                               the sample articles (samples/text, samples/html, ../shared/seeds); the docx
                               writer's own samples read back to their metadata; a docpipe
                               docx saved again by another application reads the same
    check_reader.py hostile    hostile packages (made here with zipfile): each exits 1 with
                               a one-line error, never crashes, stays under a memory bound,
                               never reads /etc/passwd

DOCPIPE_UPDATE_GOLDEN=1 rewrites the fixtures' golden JSON.
"""
import glob
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib

SKIP = 77
MAX_RSS_KB = 400 * 1024  # the reader must stay far below this on any hostile input
FAILS = []


def env(name):
    value = os.environ.get(name)
    if not value:
        print("SKIP: %s is not set (run through ctest)" % name)
        sys.exit(SKIP)
    return value


def fail(msg):
    FAILS.append(msg)
    print("FAIL: " + msg)


def run(args, stdin=None):
    """Runs the CLI; returns (rc, stdout, stderr, max RSS in KB, seconds)."""
    t0 = time.time()
    p = subprocess.Popen(args, stdin=stdin or subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    out = p.stdout.read()
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    p.stdout.close()
    p.stderr.close()
    return p.returncode, out, err.decode("utf-8", "replace"), ru.ru_maxrss, time.time() - t0


def docpipe():
    return env("DOCPIPE")


NX = "--no-extract"  # the reader's output alone, not the core's text extractors


# ---------------------------------------------------------------------------------------
def check_fixtures():
    src = env("DOCPIPE_SOURCE_DIR")
    fixtures = sorted(glob.glob(os.path.join(src, "tests", "docx_fixtures", "*.docx")))
    if not fixtures:
        fail("no fixtures found")
    update = os.environ.get("DOCPIPE_UPDATE_GOLDEN") == "1"
    for fx in fixtures:
        gold_path = fx[:-5] + ".json"
        rc, out, err, _, _ = run([docpipe(), NX, fx, "-t", "json"])
        if rc != 0:
            fail("%s: exit %d: %s" % (os.path.basename(fx), rc, err.strip()))
            continue
        if update:
            with open(gold_path, "wb") as f:
                f.write(out)
        with open(gold_path, "rb") as f:
            gold = f.read()
        if out != gold:
            fail("%s: output differs from %s" % (os.path.basename(fx), os.path.basename(gold_path)))
        else:
            print("ok: %s" % os.path.basename(fx))
        # docx -> docx keeps what was read, and is stable from the first generation on
        tmp = tempfile.mkdtemp(prefix="docx_reader_fx_")
        g1, g2 = os.path.join(tmp, "g1.docx"), os.path.join(tmp, "g2.docx")
        r1 = run([docpipe(), NX, fx, "-t", "docx", "-o", g1])[0]
        r2 = run([docpipe(), NX, g1, "-t", "docx", "-o", g2])[0]
        rc, back, err, _, _ = run([docpipe(), NX, g1, "-t", "json"])
        if r1 or r2 or rc:
            fail("%s: docx -> docx failed: %s" % (os.path.basename(fx), err.strip()))
        else:
            with open(g1, "rb") as f1, open(g2, "rb") as f2:
                if f1.read() != f2.read():
                    fail("%s: docx -> docx is not stable" % os.path.basename(fx))
            if back != gold:
                fail("%s: docx -> docx -> json differs from docx -> json" % os.path.basename(fx))
            # what the reader built, written again, is a valid package (when ../shared is here)
            shared = os.environ.get("DOCPIPE_SHARED_DIR", "")
            tool = os.path.join(shared, "tools", "validate-docx") if shared else ""
            if tool and os.path.exists(tool):
                r = subprocess.run([tool, g1], capture_output=True, text=True)
                if r.returncode != 0:
                    fail("%s: docx -> docx fails the schemas: %s" % (os.path.basename(fx), r.stdout[-300:]))
        shutil.rmtree(tmp)
        # no extension, no -f: the format must be probed from the bytes
        with open(fx, "rb") as f:
            rc, out2, err, _, _ = run([docpipe(), NX, "-", "-t", "json"], stdin=f)
        if rc != 0 or out2 != gold:
            fail("%s from stdin (probed): exit %d %s" % (os.path.basename(fx), rc, err.strip()))


    # probing finds word/document.xml in the central directory when 200 KB of media
    # come first in the archive
    tmp = tempfile.mkdtemp(prefix="docx_reader_probe_")
    path = os.path.join(tmp, "media-first.bin")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("word/media/big.bin", bytes(200000))
        z.writestr("word/document.xml", doc_xml("<w:p><w:r><w:t>dò thấy</w:t></w:r></w:p>"))
    with open(path, "rb") as f:
        rc, out, err, _, _ = run([docpipe(), NX, "-", "-t", "json"], stdin=f)
    if rc != 0 or "dò thấy" not in out.decode("utf-8", "replace"):
        fail("media-first zip from stdin: exit %d %s" % (rc, err.strip()))
    else:
        print("ok: probed through the central directory")
    shutil.rmtree(tmp)


# ---------------------------------------------------------------------------------------
def texts(blocks):
    """All the text of a block tree, in order: text leaves, code, alt texts, breaks."""
    out = []

    def walk(nodes):
        for n in nodes:
            t = n.get("t")
            if "text" in n:
                out.append(n["text"])
            if t in ("line_break", "soft_break"):
                out.append("\n")
            if t == "figure" and n.get("alt"):
                out.append("[alt:%s]" % n["alt"])
            walk(n.get("c", []))
            if t in ("paragraph", "heading", "table_cell", "code_block"):
                out.append("\x00")
    walk(blocks)
    return "".join(out)


ROUNDTRIP_DOC = {
    "docpipe-json-version": [1, 0],
    "meta": {
        "title": "  Khoảng trắng đầu và cuối được giữ  ",
        "subtitle": "Phụ đề; có dấu chấm phẩy, và dấu phẩy",
        "authors": ["Nguyễn Văn A; Trần B", "Lê C"],
        "date": "2019-12-27T13:44+07:00",
        "date_text": "Thứ Sáu, 27/12/2019 13:44 (GMT+7)",
        "source": "Báo Điện tử Chính phủ",
        "url": "https://baochinhphu.vn/bai-viet?id=1&x=<2>",
        "language": "vi",
        "description": "Dòng một\nDòng hai\tcó tab",
        "tags": ["a, b", "c;d", "đ"],
        "subject": "Chủ đề",
        "empty_list": [],
        "empty_string": "",
        "nested": {"a": {"b": ["1", {"c": "2"}]}},
        "decisions": [
            {"type": "Nghị quyết", "number": "57", "code": "57-NQ/TW", "issuer": "TW",
             "date": "2024-12-22", "text": "Nghị quyết số 57-NQ/TW"},
            {"type": "Quyết định", "code": "1234/QĐ-UBND", "text": "Quyết định 1234/QĐ-UBND \"x\""},
        ],
        "khóa_lạ": "giá trị <lạ> & \"đặc biệt\"",
    },
    "blocks": [
        {"t": "heading", "level": 2, "c": [{"t": "text", "text": "Mở đầu"}]},
        {"t": "paragraph", "c": [
            {"t": "text", "text": "  hai khoảng trắng, "},
            {"t": "strong", "c": [{"t": "text", "text": "đậm "}, {"t": "emph", "c": [{"t": "text", "text": "và nghiêng"}]}]},
            {"t": "text", "text": " rồi\ttab"},
            {"t": "line_break"},
            {"t": "link", "url": "#muc-1", "title": "", "c": [{"t": "text", "text": "liên kết nội bộ"}]},
            {"t": "soft_break"},
            {"t": "code", "text": "a  b"},
        ]},
        {"t": "list", "list_type": "ordered", "start": 7, "tight": True, "c": [
            {"t": "item", "c": [
                {"t": "paragraph", "c": [{"t": "text", "text": "bảy"}]},
                {"t": "paragraph", "c": [{"t": "text", "text": "đoạn thứ hai của mục"}]},
                {"t": "list", "list_type": "bullet", "start": 1, "tight": True, "c": [
                    {"t": "item", "c": [{"t": "paragraph", "c": [{"t": "text", "text": "lồng"}]}]}]},
            ]},
            {"t": "item", "c": [{"t": "paragraph", "c": [{"t": "text", "text": "tám"}]}]},
        ]},
        {"t": "code_block", "info": "", "text": "dòng 1\n\n  dòng 3\n"},
        {"t": "figure", "url": "https://example.com/anh.jpg", "alt": "", "c": [{"t": "text", "text": "Chú thích"}]},
        {"t": "table", "c": [
            {"t": "table_row", "header": True, "c": [
                {"t": "table_cell", "align": "none", "c": [{"t": "text", "text": "A"}]},
                {"t": "table_cell", "align": "right", "c": [{"t": "text", "text": "B"}]}]},
            {"t": "table_row", "header": False, "c": [
                {"t": "table_cell", "align": "none", "c": [{"t": "text", "text": "1"}]}]},
        ]},
        {"t": "block_quote", "c": [{"t": "paragraph", "c": [{"t": "text", "text": "Trích dẫn"}]},
                                   {"t": "paragraph", "c": [{"t": "text", "text": "đoạn hai"}]}]},
        {"t": "thematic_break"},
        {"t": "paragraph", "c": [{"t": "text", "text": "Hết."}]},
    ],
}


def check_roundtrip():
    src = env("DOCPIPE_SOURCE_DIR")
    tmp = tempfile.mkdtemp(prefix="docx_reader_rt_")
    inputs = [os.path.join(src, "samples", "json", "all-kinds.json")]
    mine = os.path.join(tmp, "roundtrip.json")
    with open(mine, "w", encoding="utf-8") as f:
        json.dump(ROUNDTRIP_DOC, f, ensure_ascii=False)
    inputs.append(mine)
    inputs += sorted(glob.glob(os.path.join(src, "tests", "docx_reader", "inputs", "*.json")))
    for i, path in enumerate(inputs):
        name = os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            orig = json.load(f)
        d1, j1, d2, d3 = (os.path.join(tmp, "%d.%s" % (i, s)) for s in ("1.docx", "1.json", "2.docx", "3.docx"))
        steps = [([docpipe(), NX, path, "-o", d1], d1), ([docpipe(), NX, d1, "-t", "json", "-o", j1], j1),
                 ([docpipe(), NX, d1, "-f", "docx", "-t", "docx", "-o", d2], d2),
                 ([docpipe(), NX, d2, "-f", "docx", "-t", "docx", "-o", d3], d3)]
        ok = True
        for args, _ in steps:
            rc, _, err, _, _ = run(args)
            if rc != 0:
                fail("%s: %s: exit %d: %s" % (name, " ".join(args[1:]), rc, err.strip()))
                ok = False
                break
        if not ok:
            continue
        with open(j1, encoding="utf-8") as f:
            back = json.load(f)
        if back["meta"] != orig["meta"]:
            for k in sorted(set(orig["meta"]) | set(back["meta"])):
                if orig["meta"].get(k) != back["meta"].get(k):
                    fail("%s: meta %r: %r -> %r" % (name, k, orig["meta"].get(k), back["meta"].get(k)))
        t0, t1 = texts(orig["blocks"]), texts(back["blocks"])
        # docx cannot hold an image that is not embedded inline: its alt text stays as text
        if t0 != t1:
            fail("%s: text differs after json -> docx -> json:\n  %r\n  %r" % (name, t0, t1))
        # and the whole tree too: json -> docx -> json gives the json writer's bytes back
        rc, norm, err, _, _ = run([docpipe(), NX, path, "-t", "json"])
        with open(j1, "rb") as f:
            if rc != 0 or f.read() != norm:
                fail("%s: json -> docx -> json differs from json -> json" % name)
        # saved again by another application (app.xml changes, docpipe: properties stay):
        # the conventions still hold and the same document comes back
        resaved = os.path.join(tmp, "%d.resaved.docx" % i)
        with zipfile.ZipFile(d1) as zi, zipfile.ZipFile(resaved, "w", zipfile.ZIP_DEFLATED) as zo:
            for n in zi.namelist():
                data = zi.read(n)
                if n == "docProps/app.xml":
                    data = data.replace(b">docpipe<", b">Microsoft Office Word<")
                zo.writestr(n, data)
        rc, again, err, _, _ = run([docpipe(), NX, resaved, "-t", "json"])
        with open(j1, "rb") as f:
            if rc != 0 or again != f.read():
                fail("%s: the re-saved docx reads differently: %s" % (name, err.strip()))
        with open(d2, "rb") as f2, open(d3, "rb") as f3:
            if f2.read() != f3.read():
                fail("%s: docx -> docx is not stable (second generation differs from first)" % name)
        print("ok: %s round trip" % name)

    # Every sample article the other readers make (scraped text dumps, portal pages): its
    # JSON, written to docx and read back, gives the same JSON bytes.
    corpus = sorted(glob.glob(os.path.join(src, "samples", "text", "*.txt")) +
                    glob.glob(os.path.join(src, "samples", "html", "*.html")))
    shared = os.environ.get("DOCPIPE_SHARED_DIR", "")
    seeds = sorted(glob.glob(os.path.join(shared, "seeds", "*.txt"))) if shared else []
    if not seeds:
        print("note: no ../shared/seeds here; the scraped seeds are not round-tripped")
    corpus += seeds
    same = 0
    for i, path in enumerate(corpus):
        j0, dx, j1 = (os.path.join(tmp, "c%d.%s" % (i, s)) for s in ("0.json", "docx", "1.json"))
        if run([docpipe(), NX, path, "-t", "json", "-o", j0])[0] != 0:
            continue  # that reader's business, not this test's
        rc1, _, err1, _, _ = run([docpipe(), NX, j0, "-o", dx])
        rc2, _, err2, _, _ = run([docpipe(), NX, dx, "-t", "json", "-o", j1])
        if rc1 or rc2:
            fail("%s: json -> docx -> json failed: %s" % (os.path.basename(path), (err1 + err2).strip()))
            continue
        with open(j0, "rb") as a, open(j1, "rb") as b:
            if a.read() != b.read():
                fail("%s: json -> docx -> json differs" % os.path.basename(path))
            else:
                same += 1
    print("ok: %d sample articles round-trip byte for byte" % same)

    # The writer's samples (each with its metadata) read back to exactly that metadata.
    emit = os.path.join(env("DOCPIPE_BUILD_DIR"), "tests", "test_docx_writer")
    if os.access(emit, os.X_OK):
        wdir = os.path.join(tmp, "writer")
        os.mkdir(wdir)
        subprocess.run([emit, "--emit", wdir], check=True, stdout=subprocess.DEVNULL)
        for docx in sorted(glob.glob(os.path.join(wdir, "*.docx"))):
            with open(docx + ".meta.json", encoding="utf-8") as f:
                meta = json.load(f)
            rc, out, err, _, _ = run([docpipe(), NX, docx, "-t", "json"])
            if rc != 0:
                fail("%s: exit %d: %s" % (os.path.basename(docx), rc, err.strip()))
            elif json.loads(out)["meta"] != meta:
                fail("%s: metadata differs: %r" % (os.path.basename(docx), json.loads(out)["meta"]))
            else:
                print("ok: writer sample %s" % os.path.basename(docx))
    else:
        print("note: %s not built; writer samples not read back" % emit)
    shutil.rmtree(tmp)


# ---------------------------------------------------------------------------------------
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
      'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')


def doc_xml(body):
    return '<?xml version="1.0" encoding="UTF-8"?><w:document %s><w:body>%s</w:body></w:document>' % (W, body)


def make_zip(path, entries, method=zipfile.ZIP_DEFLATED):
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are the point of one case
        with zipfile.ZipFile(path, "w", method) as z:
            for name, data in entries:
                z.writestr(name, data)


def lying_zip(path, name, payload):
    """One deflated entry whose headers claim it inflates to 100 bytes."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = comp.compress(payload) + comp.flush()
    nm = name.encode()
    crc = zlib.crc32(payload)
    local = struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, 0, 8, 0, 0x21, crc, len(data), 100, len(nm), 0)
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014b50, 20, 20, 0, 8, 0, 0x21, crc, len(data), 100,
                          len(nm), 0, 0, 0, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(local + nm + data)
        off = f.tell()
        f.write(central + nm)
        size = f.tell() - off
        f.write(struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, 1, 1, size, off, 0))


def gen_hostile(tmp):
    """Writes the hostile files into tmp and the cases into tmp/cases.json.  Runs in its own
    process, so that the checker stays small and the children's peak RSS (which includes
    what they inherit before exec) measures the reader, not this generator."""
    src = env("DOCPIPE_SOURCE_DIR")
    P = lambda n: os.path.join(tmp, n)  # noqa: E731
    good = os.path.join(src, "tests", "docx_fixtures", "pandoc-article.docx")
    with open(good, "rb") as f:
        good_bytes = f.read()
    ok_doc = doc_xml("<w:p><w:r><w:t>ok</w:t></w:r></w:p>")
    cases = []  # (file, expected substring of the error or None for success)

    with open(P("text.docx"), "w") as f:
        f.write("Đây không phải là tệp zip.\n")
    cases.append(("text.docx", "not a zip"))
    open(P("empty.docx"), "wb").close()
    cases.append(("empty.docx", "not a zip"))
    with open(P("truncated.docx"), "wb") as f:
        f.write(good_bytes[: len(good_bytes) // 2])
    cases.append(("truncated.docx", "not a valid zip"))
    with open(P("truncated-tail.docx"), "wb") as f:
        f.write(good_bytes[:-10])
    cases.append(("truncated-tail.docx", "not a valid zip"))

    make_zip(P("no-document.docx"), [("[Content_Types].xml", CT), ("word/styles.xml", "<x/>")])
    cases.append(("no-document.docx", "has no word/document.xml"))
    make_zip(P("not-xml.docx"), [("[Content_Types].xml", CT), ("word/document.xml", "<w:document><w:body>")])
    cases.append(("not-xml.docx", "not well-formed"))
    make_zip(P("rels-escape.docx"), [
        ("[Content_Types].xml", CT),
        ("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                        '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                        'relationships/officeDocument" Target="/../../../etc/passwd"/></Relationships>'),
        ("word/document.xml", ok_doc)])
    cases.append(("rels-escape.docx", "has no etc/passwd"))

    # entities and DTDs: never declared, expanded or fetched
    xxe = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           '<w:document %s><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>' % W)
    make_zip(P("xxe.docx"), [("[Content_Types].xml", CT), ("word/document.xml", xxe)])
    cases.append(("xxe.docx", "DOCTYPE"))
    lol = '<!ENTITY l0 "lol">' + "".join('<!ENTITY l%d "%s">' % (i, ("&l%d;" % (i - 1)) * 10) for i in range(1, 10))
    laughs = ('<?xml version="1.0"?><!DOCTYPE w:document [%s]><w:document %s><w:body><w:p><w:r><w:t>&l9;'
              '</w:t></w:r></w:p></w:body></w:document>' % (lol, W))
    make_zip(P("billion-laughs.docx"), [("[Content_Types].xml", CT), ("word/document.xml", laughs)])
    cases.append(("billion-laughs.docx", "DOCTYPE"))
    core_xxe = ('<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]><cp:coreProperties '
                'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>&x;</dc:title></cp:coreProperties>')
    make_zip(P("core-xxe.docx"), [("[Content_Types].xml", CT), ("docProps/core.xml", core_xxe),
                                  ("word/document.xml", ok_doc)])
    cases.append(("core-xxe.docx", "DOCTYPE"))

    # nesting
    deep = doc_xml("<w:sdt><w:sdtContent>" * 50000 + "</w:sdtContent></w:sdt>" * 50000)
    # stored, not deflated: deflated it is a 400x "bomb", refused before parsing
    make_zip(P("deep-100000.docx"), [("[Content_Types].xml", CT), ("word/document.xml", deep)],
             zipfile.ZIP_STORED)
    cases.append(("deep-100000.docx", "not well-formed"))
    inline = doc_xml("<w:p>" + "<w:smartTag>" * 200 + "<w:r><w:t>sâu</w:t></w:r>" + "</w:smartTag>" * 200 + "</w:p>")
    make_zip(P("deep-200-inline.docx"), [("[Content_Types].xml", CT), ("word/document.xml", inline)])
    cases.append(("deep-200-inline.docx", None))
    tables = doc_xml("<w:tbl><w:tr><w:tc>" * 80 + "<w:p><w:r><w:t>ô</w:t></w:r></w:p>" + "</w:tc></w:tr></w:tbl>" * 80)
    make_zip(P("deep-80-tables.docx"), [("[Content_Types].xml", CT), ("word/document.xml", tables)])
    cases.append(("deep-80-tables.docx", None))

    # zip bombs
    big = "<w:p><w:r><w:t>" + "a" * (30 << 20) + "</w:t></w:r></w:p>"
    make_zip(P("bomb-ratio.docx"), [("[Content_Types].xml", CT), ("word/document.xml", doc_xml(big))])
    del big
    cases.append(("bomb-ratio.docx", "zip bomb"))
    zeros = bytes(10 << 20)
    make_zip(P("bomb-total.docx"), [("[Content_Types].xml", CT), ("word/document.xml", ok_doc)] +
             [("word/media/image%d.png" % i, zeros) for i in range(25)])
    cases.append(("bomb-total.docx", "zip bomb"))
    lying_zip(P("bomb-lying-header.docx"), "word/document.xml",
              doc_xml("<w:p><w:r><w:t>" + " " * (60 << 20)).encode())
    cases.append(("bomb-lying-header.docx", ""))

    # absurd entries
    make_zip(P("duplicate.docx"), [("[Content_Types].xml", CT), ("word/document.xml", ok_doc),
                                   ("word/document.xml", doc_xml("<w:p><w:r><w:t>hai</w:t></w:r></w:p>"))])
    cases.append(("duplicate.docx", "duplicate entr"))
    make_zip(P("huge-name.docx"), [("[Content_Types].xml", CT), ("word/document.xml", ok_doc),
                                   ("x" * 60000, "")])
    cases.append(("huge-name.docx", "bytes long"))
    make_zip(P("many-entries.docx"), [("[Content_Types].xml", CT), ("word/document.xml", ok_doc)] +
             [("e/%d" % i, "") for i in range(100000)], zipfile.ZIP_STORED)
    cases.append(("many-entries.docx", "entries (limit"))
    make_zip(P("minimal.docx"), [("word/document.xml", ok_doc)])
    cases.append(("minimal.docx", None))
    with open(P("cases.json"), "w") as f:
        json.dump(cases, f)


def check_hostile():
    tmp = tempfile.mkdtemp(prefix="docx_reader_bad_")
    P = lambda n: os.path.join(tmp, n)  # noqa: E731
    subprocess.run([sys.executable, os.path.abspath(__file__), "gen-hostile", tmp], check=True)
    with open(P("cases.json")) as f:
        cases = json.load(f)
    for name, expect in cases:
        out_path = P(name + ".json")
        rc, out, err, rss, secs = run([docpipe(), P(name), "-f", "docx", "-t", "json", "-o", out_path])
        lines = [l for l in err.splitlines() if l.strip()]
        label = "%s (exit %d, %.1f s, %d MB)" % (name, rc, secs, rss // 1024)
        if rc < 0 or rc >= 128:
            fail("%s: crashed" % label)
        elif expect is None:
            if rc != 0:
                fail("%s: expected success: %s" % (label, err.strip()))
            else:
                print("ok: %s" % label)
        elif rc != 1:
            fail("%s: expected exit 1: %s" % (label, err.strip()))
        elif len(lines) != 1 or expect not in lines[0]:
            fail("%s: expected one line with %r, got %r" % (label, expect, err))
        elif os.path.exists(out_path):
            fail("%s: a failed conversion left %s" % (label, out_path))
        else:
            print("ok: %s: %s" % (label, lines[0]))
        if rss > MAX_RSS_KB:
            fail("%s: used %d MB" % (label, rss // 1024))
        if os.path.exists(out_path):
            with open(out_path, "rb") as f:
                if b"root:" in f.read():
                    fail("%s: /etc/passwd was read" % label)
        if b"root:" in out or "root:" in err:
            fail("%s: /etc/passwd was read" % label)
        os.unlink(P(name))
    shutil.rmtree(tmp)


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "gen-hostile":
        gen_hostile(sys.argv[2])
        return
    {"fixtures": check_fixtures, "roundtrip": check_roundtrip, "hostile": check_hostile}[mode]()
    if FAILS:
        print("%d failure(s)" % len(FAILS))
        sys.exit(1)
    print("all passed")


if __name__ == "__main__":
    main()
