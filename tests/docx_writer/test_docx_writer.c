/* Unit tests of the docx writer: build documents through the public API,
 * write them with the docx plugin, open the zip with libzip and check the
 * parts and the XML that matters (metadata, styles, numbering, links,
 * media).  With `--emit DIR` it only writes its sample documents into DIR,
 * for the schema/python-docx/LibreOffice checks in check_docx.py. */
#include <jansson.h>
#include <pthread.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "docpipe/plugin.h"
#include "harness.h"
#include "sample_doc.h"

static const docpipe_plugin *S_docx;
static char S_resdir[512];

static int S_write(const docpipe_doc *doc, const char *resource_dir, docpipe_buf *out,
                   docpipe_error *err) {
  docpipe_args args;
  docpipe_args_init(&args);
  args.resource_dir = resource_dir;
  return docpipe_plugin_write(S_docx, doc, &args, out, err);
}

/* The bytes of one zip entry (NUL-terminated, caller frees), or NULL. */
static char *S_entry(const docpipe_buf *zipbuf, const char *name, size_t *len) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(zipbuf->data, zipbuf->len, 0, &ze);
  zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
  zip_error_fini(&ze);
  if (!za) {
    zip_source_free(src);
    return NULL;
  }
  char *data = NULL;
  zip_stat_t st;
  if (zip_stat(za, name, 0, &st) == 0) {
    zip_file_t *f = zip_fopen(za, name, 0);
    data = malloc(st.size + 1);
    if (f && data && zip_fread(f, data, st.size) == (zip_int64_t)st.size) {
      data[st.size] = '\0';
      if (len) *len = st.size;
    } else {
      free(data);
      data = NULL;
    }
    if (f) zip_fclose(f);
  }
  zip_close(za);
  return data;
}

static xmlDocPtr S_xml(const docpipe_buf *zipbuf, const char *name) {
  size_t len = 0;
  char *s = S_entry(zipbuf, name, &len);
  if (!s) return NULL;
  xmlDocPtr d = xmlReadMemory(s, (int)len, name, NULL, XML_PARSE_NONET);
  free(s);
  return d;
}

/* string(expr) / count(expr) over a part, with the OOXML prefixes. */
static char *S_xpath(xmlDocPtr d, const char *expr) {
  if (!d) return NULL;
  xmlXPathContextPtr ctx = xmlXPathNewContext(d);
  static const char *const ns[][2] = {
      {"w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
      {"r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"},
      {"wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"},
      {"a", "http://schemas.openxmlformats.org/drawingml/2006/main"},
      {"cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"},
      {"dc", "http://purl.org/dc/elements/1.1/"},
      {"dcterms", "http://purl.org/dc/terms/"},
      {"xsi", "http://www.w3.org/2001/XMLSchema-instance"},
      {"cu", "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"},
      {"vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"},
      {"pr", "http://schemas.openxmlformats.org/package/2006/relationships"},
      {"ct", "http://schemas.openxmlformats.org/package/2006/content-types"}};
  for (size_t i = 0; i < sizeof ns / sizeof *ns; i++)
    xmlXPathRegisterNs(ctx, BAD_CAST ns[i][0], BAD_CAST ns[i][1]);
  xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, ctx);
  char *out = NULL;
  if (o) {
    xmlChar *s = xmlXPathCastToString(o);
    out = strdup((const char *)s);
    xmlFree(s);
    xmlXPathFreeObject(o);
  }
  xmlXPathFreeContext(ctx);
  return out;
}

#define XP_EQ(doc, expr, want, msg)                                                      \
  do {                                                                                   \
    char *got_ = S_xpath((doc), (expr));                                                 \
    STR_EQ(got_, (want), (msg));                                                         \
    free(got_);                                                                          \
  } while (0)

static docpipe_doc *S_sample(const char *image_url) {
  docpipe_doc *doc = docpipe_doc_new();
  sample_meta(doc);
  sample_body(doc, image_url);
  return doc;
}

static void test_parts(void) {
  docpipe_doc *doc = S_sample(NULL);
  docpipe_buf out = DOCPIPE_BUF_INIT;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  INT_EQ(S_write(doc, NULL, &out, &err), 0, "sample writes");
  OK(out.len > 4 && memcmp(out.data, "PK\x03\x04", 4) == 0, "output is a zip");
  static const char *const parts[] = {
      "[Content_Types].xml", "_rels/.rels",      "word/_rels/document.xml.rels",
      "word/document.xml",   "word/styles.xml",  "word/numbering.xml",
      "word/settings.xml",   "word/footer1.xml", "docProps/core.xml",
      "docProps/app.xml",    "docProps/custom.xml", "word/media/image1.png",
      "word/media/image2.png"};
  for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
    char *e = S_entry(&out, parts[i], NULL);
    OK(e != NULL, parts[i]);
    free(e);
  }
  xmlDocPtr ct = S_xml(&out, "[Content_Types].xml");
  XP_EQ(ct, "string(/ct:Types/ct:Default[@Extension='png']/@ContentType)", "image/png",
        "png content type");
  XP_EQ(ct, "count(/ct:Types/ct:Override[@PartName='/docProps/custom.xml'])", "1",
        "custom.xml registered");
  xmlFreeDoc(ct);
  xmlDocPtr rels = S_xml(&out, "_rels/.rels");
  XP_EQ(rels, "string(//pr:Relationship[contains(@Type,'/officeDocument')]/@Target)",
        "word/document.xml", "package points at the main document");
  xmlFreeDoc(rels);

  /* Reproducible: the same document gives the same bytes. */
  docpipe_buf again = DOCPIPE_BUF_INIT;
  INT_EQ(S_write(doc, NULL, &again, &err), 0, "second write");
  OK(again.len == out.len && memcmp(again.data, out.data, out.len) == 0, "byte-reproducible");
  docpipe_buf_free(&again);
  docpipe_buf_free(&out);
  docpipe_doc_free(doc);
}

static void test_core_and_custom(void) {
  docpipe_doc *doc = S_sample(NULL);
  docpipe_buf out = DOCPIPE_BUF_INIT;
  INT_EQ(S_write(doc, NULL, &out, NULL), 0, "sample writes");
  xmlDocPtr core = S_xml(&out, "docProps/core.xml");
  OK(core != NULL, "core.xml parses");
  XP_EQ(core, "string(//dc:title)", "Chính phủ ban hành Nghị định về chuyển đổi số quốc gia",
        "dc:title");
  XP_EQ(core, "string(//dc:creator)", "Nguyễn Văn An; Trần Thị Bình", "dc:creator");
  XP_EQ(core, "string(//dcterms:created)", "2019-12-27T13:44:00+07:00", "dcterms:created");
  XP_EQ(core, "string(//dcterms:created/@xsi:type)", "dcterms:W3CDTF", "W3CDTF type");
  XP_EQ(core, "string(//cp:keywords)", "chuyển đổi số; dịch vụ công", "cp:keywords");
  XP_EQ(core, "string(//dc:language)", "vi", "dc:language");
  XP_EQ(core, "string(//dc:identifier)", "https://example.gov.vn/tin-tuc/nghi-dinh-123.htm",
        "dc:identifier");
  XP_EQ(core, "string(//dc:description)",
        "Thủ tướng Chính phủ vừa ký ban hành Nghị định quy định chi tiết một số điều của Luật "
        "Giao dịch điện tử.",
        "dc:description");
  xmlFreeDoc(core);

  xmlDocPtr cu = S_xml(&out, "docProps/custom.xml");
  OK(cu != NULL, "custom.xml parses");
  XP_EQ(cu, "string(//cu:property[@name='docpipe:source']/vt:lpwstr)",
        "Cổng Thông tin điện tử Chính phủ", "source");
  XP_EQ(cu, "string(//cu:property[@name='docpipe:date_text']/vt:lpwstr)",
        "Thứ Sáu, 27/12/2019 13:44 (GMT+7)", "date_text");
  XP_EQ(cu, "string(//cu:property[@name='docpipe:url']/vt:lpwstr)",
        "https://example.gov.vn/tin-tuc/nghi-dinh-123.htm", "url also custom");
  XP_EQ(cu, "string(//cu:property[@name='docpipe:subtitle']/vt:lpwstr)",
        "Nâng cao hiệu quả dịch vụ công trực tuyến", "subtitle");
  XP_EQ(cu, "string(//cu:property[@name='docpipe:section']/vt:lpwstr)", "Thời sự", "other key");
  XP_EQ(cu, "count(//cu:property[@name='docpipe:title' or @name='docpipe-json:authors'])", "0",
        "exact core keys are not repeated");
  XP_EQ(cu, "count(//cu:property[starts-with(@name,'docpipe:') or "
            "starts-with(@name,'docpipe-json:')])",
        "6", "six metadata properties");
  XP_EQ(cu, "string(//cu:property[@name='docpipe-body:list-tight']/vt:lpwstr)", "[false,false]",
        "list tightness, in document order");
  XP_EQ(cu, "string(//cu:property[@name='docpipe-body:code-info']/vt:lpwstr)", "[\"c\"]",
        "code block info strings");
  /* The decisions come back exactly from their JSON. */
  char *dj = S_xpath(cu, "string(//cu:property[@name='docpipe-json:decisions']/vt:lpwstr)");
  json_error_t je;
  json_t *j = dj ? json_loads(dj, 0, &je) : NULL;
  OK(json_is_array(j) && json_array_size(j) == 2, "decisions JSON is a 2-item list");
  STR_EQ(json_string_value(json_object_get(json_array_get(j, 0), "number")), "123/2019/NĐ-CP",
         "decision number");
  STR_EQ(json_string_value(json_array_get(json_object_get(json_array_get(j, 0), "signers"), 0)),
         "Thủ tướng", "nested list in a record");
  STR_EQ(json_string_value(json_object_get(json_array_get(j, 1), "note")),
         "ký tự \"trích dẫn\" & <thẻ>", "quotes and markup survive");
  json_decref(j);
  free(dj);
  xmlFreeDoc(cu);
  docpipe_buf_free(&out);
  docpipe_doc_free(doc);
}

static void test_lossy_core_goes_custom(void) {
  docpipe_doc *doc = docpipe_doc_new();
  docpipe_value *m = docpipe_doc_meta(doc);
  docpipe_value *a = docpipe_value_new_list();
  docpipe_value_append_string(a, "Ban Biên tập; Phóng viên");
  docpipe_value_set(m, "authors", a);
  docpipe_value_set_string(m, "date", "2019-12-27T13:44+07:00"); /* no seconds */
  docpipe_value_set_string(m, "title", "Tiêu đề\x01 có ký tự điều khiển");
  docpipe_value_set(m, "tags", docpipe_value_new_list());
  docpipe_value_set_string(m, "description", " khoảng trắng ở đầu");
  docpipe_buf out = DOCPIPE_BUF_INIT;
  INT_EQ(S_write(doc, NULL, &out, NULL), 0, "writes");
  xmlDocPtr core = S_xml(&out, "docProps/core.xml");
  xmlDocPtr cu = S_xml(&out, "docProps/custom.xml");
  OK(core && cu, "both parse (no control characters leak into XML)");
  XP_EQ(core, "count(//dcterms:created)", "0", "an xsd-invalid date stays out of core.xml");
  XP_EQ(cu, "string(//cu:property[@name='docpipe:date']/vt:lpwstr)", "2019-12-27T13:44+07:00",
        "date kept exactly in custom.xml");
  XP_EQ(cu, "string(//cu:property[@name='docpipe-json:authors']/vt:lpwstr)",
        "[\"Ban Biên tập; Phóng viên\"]", "author with the separator kept as JSON");
  XP_EQ(cu, "string(//cu:property[@name='docpipe-json:title']/vt:lpwstr)",
        "\"Tiêu đề\\u0001 có ký tự điều khiển\"", "control character escaped in JSON");
  XP_EQ(core, "string(//dc:title)", "Tiêu đề có ký tự điều khiển", "core title cleaned");
  XP_EQ(cu, "string(//cu:property[@name='docpipe-json:tags']/vt:lpwstr)", "[]", "empty list");
  XP_EQ(cu, "string(//cu:property[@name='docpipe:description']/vt:lpwstr)",
        " khoảng trắng ở đầu", "leading space kept");
  xmlFreeDoc(core);
  xmlFreeDoc(cu);
  docpipe_buf_free(&out);
  docpipe_doc_free(doc);
}

static void test_body(void) {
  docpipe_doc *doc = S_sample(NULL);
  docpipe_buf out = DOCPIPE_BUF_INIT;
  INT_EQ(S_write(doc, NULL, &out, NULL), 0, "sample writes");
  xmlDocPtr d = S_xml(&out, "word/document.xml");
  OK(d != NULL, "document.xml parses");
  XP_EQ(d, "string(//w:body/w:p[1]/w:pPr/w:pStyle/@w:val)", "Title", "header starts with Title");
  XP_EQ(d, "string(//w:body/w:p[1])", "Chính phủ ban hành Nghị định về chuyển đổi số quốc gia",
        "title text");
  XP_EQ(d, "string(//w:body/w:p[2]/w:pPr/w:pStyle/@w:val)", "Subtitle", "then Subtitle");
  XP_EQ(d, "string(//w:body/w:p[3]/w:pPr/w:pStyle/@w:val)", "Byline", "then Byline");
  XP_EQ(d, "string(//w:body/w:p[3])",
        "Thứ Sáu, 27/12/2019 13:44 (GMT+7) · Nguyễn Văn An, Trần Thị Bình · Cổng Thông tin "
        "điện tử Chính phủ",
        "byline text");
  for (int level = 1; level <= 6; level++) {
    char expr[128];
    snprintf(expr, sizeof expr, "count(//w:p[w:pPr/w:pStyle/@w:val='Heading%d'])", level);
    XP_EQ(d, expr, "1", "one heading per level");
  }
  XP_EQ(d, "count(//w:r[w:rPr/w:i and w:rPr/w:b])", "1", "emphasis inside strong");
  XP_EQ(d, "string(//w:r[w:rPr/w:rStyle/@w:val='VerbatimChar'])", "api/v1", "inline code");
  XP_EQ(d, "count(//w:r[w:rPr/w:rStyle/@w:val='SoftBreak'])", "1", "soft break run");
  XP_EQ(d, "string(//w:hyperlink[@w:tooltip='Trang chủ'])", "Cổng Dịch vụ công", "link text");
  XP_EQ(d, "string(//w:hyperlink[@w:anchor='phu-luc'])", "phụ lục", "anchor link");
  XP_EQ(d, "count(//w:p[w:pPr/w:pStyle/@w:val='Quote'])", "2", "quote paragraphs");
  XP_EQ(d, "string(//w:p[w:pPr/w:pStyle/@w:val='Quote'][2]/w:pPr/w:ind/@w:left)", "1134",
        "nested quote indented");
  XP_EQ(d, "count(//w:p[w:pPr/w:numPr])", "4", "four numbered items");
  XP_EQ(d, "string(//w:p[w:pPr/w:numPr/w:ilvl/@w:val='1'][1])", "Bước ba", "nested item level");
  char *nested_num = S_xpath(d, "string(//w:p[w:pPr/w:numPr/w:ilvl/@w:val='1'][1]/w:pPr/w:numPr/w:numId/@w:val)");
  char *outer_num = S_xpath(d, "string(//w:p[w:pPr/w:numPr/w:ilvl/@w:val='0'][1]/w:pPr/w:numPr/w:numId/@w:val)");
  OK(nested_num && outer_num && *nested_num && strcmp(nested_num, outer_num) != 0,
     "the nested list gets its own num");
  XP_EQ(d, "count(//w:p[w:pPr/w:pStyle/@w:val='ListParagraph' and not(w:pPr/w:numPr)])", "1",
        "continuation paragraph");
  XP_EQ(d, "count(//w:p[w:pPr/w:pStyle/@w:val='SourceCode']/w:r/w:br)", "2",
        "code block lines (final newline not written)");
  XP_EQ(d, "count(//w:p[w:pPr/w:pStyle/@w:val='SourceCode']/w:r/w:tab)", "1", "code tab");
  XP_EQ(d, "count(//w:p[w:pPr/w:pStyle/@w:val='HorizontalRule'])", "1", "thematic break");
  XP_EQ(d, "count(//w:p[w:pPr/w:pStyle/@w:val='Figure']//w:drawing)", "1", "figure embedded");
  XP_EQ(d, "string(//w:p[w:pPr/w:pStyle/@w:val='Figure']//wp:docPr/@descr)", "Toàn cảnh hội nghị",
        "figure alt text");
  XP_EQ(d, "count(//w:p[not(w:pPr/w:pStyle)]//w:drawing)", "1", "inline image embedded");
  XP_EQ(d, "string(//w:p[w:pPr/w:pStyle/@w:val='Caption'][1])",
        "Hội nghị trực tuyến toàn quốc. Ảnh: VGP", "caption");
  XP_EQ(d, "string(//w:p[w:pPr/w:pStyle/@w:val='Figure'][2]/w:hyperlink)", "Ảnh không nhúng",
        "remote figure stays a link with its alt text");
  XP_EQ(d, "count(//w:tbl/w:tr)", "3", "table rows");
  XP_EQ(d, "count(//w:tbl/w:tr[1]/w:trPr/w:tblHeader)", "1", "header row repeats");
  XP_EQ(d, "string(//w:tbl/w:tr[3]/w:trPr/w:gridAfter/@w:val)", "1", "short row padded");
  XP_EQ(d, "string(//w:tbl/w:tr[2]/w:tc[2]/w:p/w:pPr/w:jc/@w:val)", "right", "cell alignment");
  XP_EQ(d, "string(//w:tbl/w:tblPr/w:tblStyle/@w:val)", "ArticleTable", "table style");

  xmlDocPtr rels = S_xml(&out, "word/_rels/document.xml.rels");
  char *rid = S_xpath(d, "string(//w:hyperlink[@w:tooltip='Trang chủ']/@r:id)");
  char expr[256];
  snprintf(expr, sizeof expr, "string(//pr:Relationship[@Id='%s']/@Target)", rid ? rid : "");
  XP_EQ(rels, expr, "https://dichvucong.example.vn/p/home?a=1&b=2", "link target");
  snprintf(expr, sizeof expr, "string(//pr:Relationship[@Id='%s']/@TargetMode)", rid ? rid : "");
  XP_EQ(rels, expr, "External", "external link");
  free(rid);
  xmlFreeDoc(rels);
  xmlFreeDoc(d);

  xmlDocPtr num = S_xml(&out, "word/numbering.xml");
  snprintf(expr, sizeof expr, "string(//w:num[@w:numId='%s']/w:lvlOverride[@w:ilvl='1']/w:startOverride/@w:val)",
           nested_num ? nested_num : "");
  XP_EQ(num, expr, "3", "ordered list starts at 3");
  snprintf(expr, sizeof expr, "string(//w:num[@w:numId='%s']/w:abstractNumId/@w:val)", nested_num ? nested_num : "");
  XP_EQ(num, expr, "1", "ordered list numbered decimally");
  free(nested_num);
  free(outer_num);
  XP_EQ(num, "string(//w:abstractNum[@w:abstractNumId='0']/w:lvl[1]/w:numFmt/@w:val)", "bullet",
        "bullets");
  xmlFreeDoc(num);
  xmlDocPtr st = S_xml(&out, "word/styles.xml");
  XP_EQ(st, "string(//w:docDefaults//w:lang/@w:val)", "vi-VN", "Vietnamese proofing language");
  XP_EQ(st, "string(//w:style[@w:styleId='Heading3']/w:pPr/w:outlineLvl/@w:val)", "2",
        "outline level");
  static const char *const styles[] = {"Title", "Subtitle", "Normal", "Caption", "Quote",
                                       "ListParagraph", "Hyperlink", "ArticleTable", "SourceCode"};
  for (size_t i = 0; i < sizeof styles / sizeof *styles; i++) {
    snprintf(expr, sizeof expr, "count(//w:style[@w:styleId='%s'])", styles[i]);
    XP_EQ(st, expr, "1", styles[i]);
  }
  xmlFreeDoc(st);
  docpipe_buf_free(&out);
  docpipe_doc_free(doc);
}

/* Targets that are no URI are percent-encoded; IRIs stay readable; what
 * cannot be made a URI stays text. */
static void test_link_targets(void) {
  docpipe_doc *doc = docpipe_doc_new();
  docpipe_node *para = docpipe_node_add(docpipe_doc_root(doc), DOCPIPE_NODE_PARAGRAPH);
  docpipe_node *l1 = sample_text(para, DOCPIPE_NODE_LINK, "a");
  docpipe_node_set_url(l1, "http://x.vn/a b?q=<1>");
  docpipe_node *l2 = sample_text(para, DOCPIPE_NODE_LINK, "b");
  docpipe_node_set_url(l2, "https://vi.wikipedia.org/wiki/Việt_Nam");
  docpipe_node *l3 = sample_text(para, DOCPIPE_NODE_LINK, "c");
  docpipe_node_set_url(l3, "https://vi.wikipedia.org/wiki/Việt_Nam");
  docpipe_node *l4 = sample_text(para, DOCPIPE_NODE_LINK, "d");
  docpipe_node_set_url(l4, "%%%");
  docpipe_node *l5 = sample_text(para, DOCPIPE_NODE_LINK, "e");
  docpipe_node_set_url(l5, "http://[::1");
  docpipe_node *im = sample_text(para, DOCPIPE_NODE_IMAGE, "f");
  docpipe_node_set_url(im, "https://example.gov.vn/logo.png");
  docpipe_node_set_title(im, "Logo");
  docpipe_buf out = DOCPIPE_BUF_INIT;
  INT_EQ(S_write(doc, NULL, &out, NULL), 0, "odd links write");
  xmlDocPtr rels = S_xml(&out, "word/_rels/document.xml.rels");
  XP_EQ(rels, "string(//pr:Relationship[@Id='rLink1']/@Target)", "http://x.vn/a%20b?q=%3C1%3E",
        "unsafe characters escaped");
  XP_EQ(rels, "string(//pr:Relationship[@Id='rLink2']/@Target)",
        "https://vi.wikipedia.org/wiki/Việt_Nam", "IRI kept");
  XP_EQ(rels, "string(//pr:Relationship[@Id='rLink3']/@Target)", "%25%25%25",
        "stray percent signs escaped");
  XP_EQ(rels, "count(//pr:Relationship[contains(@Type,'/hyperlink')])", "4",
        "one relationship per distinct target; none for what is no URI");
  xmlDocPtr d = S_xml(&out, "word/document.xml");
  XP_EQ(d, "count(//w:hyperlink)", "5", "four links and a remote image");
  XP_EQ(d, "string(//w:p)", "abcdef", "all link text kept");
  XP_EQ(d, "string(//w:hyperlink[w:r/w:rPr/w:rStyle/@w:val='ImageLink']/@w:tooltip)", "Logo",
        "a remote image is a link styled ImageLink");
  xmlFreeDoc(d);
  xmlFreeDoc(rels);

  docpipe_buf_free(&out);
  docpipe_doc_free(doc);
}

static void S_write_file(const char *path, const void *data, size_t len) {
  FILE *f = fopen(path, "wb");
  if (f) {
    fwrite(data, 1, len, f);
    fclose(f);
  }
}

static void test_local_images(void) {
  /* A PNG below the resource dir is embedded; paths leaving it are not. */
  char sub[600], png[700], outside[700];
  snprintf(sub, sizeof sub, "%s/img", S_resdir);
  mkdir(S_resdir, 0777);
  mkdir(sub, 0777);
  static const unsigned char gif[] = "GIF89a\x03\x00\x02\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff"
                                     "!\xf9\x04\x00\x00\x00\x00\x00,\x00\x00\x00\x00\x03\x00\x02"
                                     "\x00\x00\x02\x02\x84\x51\x00;";
  snprintf(png, sizeof png, "%s/a b.gif", sub);
  S_write_file(png, gif, sizeof gif - 1);
  snprintf(outside, sizeof outside, "%s/../docx_writer_outside.gif", S_resdir);
  S_write_file(outside, gif, sizeof gif - 1);
  char fake[700];
  snprintf(fake, sizeof fake, "%s/fake.png", sub);
  S_write_file(fake, "not a png at all", 16);

  static const struct {
    const char *url;
    int embedded;
  } cases[] = {{"img/a%20b.gif", 1}, {"img/a b.gif", 1},     {"../docx_writer_outside.gif", 0},
               {"img/../../docx_writer_outside.gif", 0},     {"/etc/passwd", 0},
               {"img/fake.png", 0},  {"img", 0},             {"file:///etc/hostname", 0},
               {"img/missing.png", 0}, {"data:image/png;base64,!!!", 0},
               {"data:text/plain,hello", 0}};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    docpipe_doc *doc = docpipe_doc_new();
    docpipe_node *fig = docpipe_node_add(docpipe_doc_root(doc), DOCPIPE_NODE_FIGURE);
    docpipe_node_set_url(fig, cases[i].url);
    docpipe_node_set_alt(fig, "alt");
    docpipe_buf out = DOCPIPE_BUF_INIT;
    INT_EQ(S_write(doc, S_resdir, &out, NULL), 0, cases[i].url);
    char *media = S_entry(&out, "word/media/image1.gif", NULL);
    INT_EQ(media != NULL, cases[i].embedded, cases[i].url);
    free(media);
    if (cases[i].embedded) {
      xmlDocPtr d = S_xml(&out, "word/document.xml");
      XP_EQ(d, "string(//wp:extent/@cx)", "28575", "3 px at 96 dpi");
      XP_EQ(d, "string(//wp:extent/@cy)", "19050", "2 px at 96 dpi");
      xmlFreeDoc(d);
    }
    docpipe_buf_free(&out);
    docpipe_doc_free(doc);
  }
  /* A JPEG (frame header after an APP0 segment), wider than the text:
   * scaled to the text width, aspect kept. */
  static const unsigned char jpeg[] = {
      0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
      0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x03, 0x20, 0x03, 0x01, 0x22, 0x00, 0x02,
      0x11, 0x01, 0x03, 0x11, 0x01, 0xFF, 0xD9};
  char jpath[700];
  snprintf(jpath, sizeof jpath, "%s/photo.jpg", sub);
  S_write_file(jpath, jpeg, sizeof jpeg);
  docpipe_doc *jdoc = docpipe_doc_new();
  docpipe_node *jfig = docpipe_node_add(docpipe_doc_root(jdoc), DOCPIPE_NODE_FIGURE);
  docpipe_node_set_url(jfig, "img/photo.jpg");
  docpipe_buf jout = DOCPIPE_BUF_INIT;
  INT_EQ(S_write(jdoc, S_resdir, &jout, NULL), 0, "jpeg figure");
  char *jm = S_entry(&jout, "word/media/image1.jpeg", NULL);
  OK(jm != NULL, "jpeg embedded");
  free(jm);
  xmlDocPtr jd = S_xml(&jout, "word/document.xml");
  /* 800x480 px; text width 9070 twips = 5759450 EMU; 480/800 of it. */
  XP_EQ(jd, "string(//wp:extent/@cx)", "5759450", "scaled to the text width");
  XP_EQ(jd, "string(//wp:extent/@cy)", "3455670", "aspect kept");
  XP_EQ(jd, "string(//wp:docPr/@title)", "img/photo.jpg", "source url kept");
  xmlFreeDoc(jd);
  xmlDocPtr jct = S_xml(&jout, "[Content_Types].xml");
  XP_EQ(jct, "string(//ct:Default[@Extension='jpeg']/@ContentType)", "image/jpeg", "jpeg type");
  xmlFreeDoc(jct);
  docpipe_buf_free(&jout);
  docpipe_doc_free(jdoc);

  /* Without a resource dir nothing local is read. */
  docpipe_doc *doc = docpipe_doc_new();
  docpipe_node *fig = docpipe_node_add(docpipe_doc_root(doc), DOCPIPE_NODE_FIGURE);
  docpipe_node_set_url(fig, "img/a b.gif");
  docpipe_buf out = DOCPIPE_BUF_INIT;
  INT_EQ(S_write(doc, NULL, &out, NULL), 0, "no resource dir");
  char *media = S_entry(&out, "word/media/image1.gif", NULL);
  OK(media == NULL, "no resource dir: not embedded");
  free(media);
  docpipe_buf_free(&out);
  docpipe_doc_free(doc);
  unlink(outside);
}

static void test_edge_cases(void) {
  /* Empty document: still a complete package. */
  docpipe_doc *doc = docpipe_doc_new();
  docpipe_buf out = DOCPIPE_BUF_INIT;
  INT_EQ(S_write(doc, NULL, &out, NULL), 0, "empty document");
  char *e = S_entry(&out, "docProps/custom.xml", NULL);
  OK(e == NULL, "no custom.xml without custom metadata");
  free(e);
  xmlDocPtr d = S_xml(&out, "word/document.xml");
  XP_EQ(d, "count(//w:body/w:sectPr)", "1", "section properties");
  xmlFreeDoc(d);
  docpipe_buf_free(&out);
  docpipe_doc_free(doc);

  /* Very deep nesting: refused cleanly, output untouched. */
  doc = docpipe_doc_new();
  docpipe_node *parent = docpipe_doc_root(doc);
  for (int i = 0; i < 3000 && parent; i++) parent = docpipe_node_add(parent, DOCPIPE_NODE_BLOCK_QUOTE);
  docpipe_buf_puts(&out, "keep");
  docpipe_error err = DOCPIPE_ERROR_INIT;
  int rc = S_write(doc, NULL, &out, &err);
  OK(rc == DOCPIPE_ELIMIT, "deep nesting refused");
  OK(err.message[0] != '\0', err.message);
  OK(out.len == 4, "output left as it was");
  docpipe_buf_free(&out);
  docpipe_doc_free(doc);

  /* Lists nested directly in lists, very deep: refused too. */
  doc = docpipe_doc_new();
  parent = docpipe_node_add(docpipe_doc_root(doc), DOCPIPE_NODE_LIST);
  for (int i = 0; i < 3000 && parent; i++)
    parent = docpipe_node_add(docpipe_node_add(parent, DOCPIPE_NODE_ITEM), DOCPIPE_NODE_LIST);
  INT_EQ(S_write(doc, NULL, &out, NULL), DOCPIPE_ELIMIT, "deep lists refused");
  docpipe_buf_free(&out);
  docpipe_doc_free(doc);

  /* Empty table, empty list item, table rows without cells, long list nesting. */
  doc = docpipe_doc_new();
  docpipe_node *root = docpipe_doc_root(doc);
  docpipe_node_add(root, DOCPIPE_NODE_TABLE);
  docpipe_node *t = docpipe_node_add(root, DOCPIPE_NODE_TABLE);
  docpipe_node_add(t, DOCPIPE_NODE_TABLE_ROW);
  docpipe_node *lst = docpipe_node_add(root, DOCPIPE_NODE_LIST);
  docpipe_node_add(lst, DOCPIPE_NODE_ITEM);
  for (int i = 0; i < 12; i++) {
    docpipe_node *item = docpipe_node_add(lst, DOCPIPE_NODE_ITEM);
    lst = docpipe_node_add(item, DOCPIPE_NODE_LIST);
    docpipe_node_set_list_type(lst, i % 2 ? DOCPIPE_LIST_ORDERED : DOCPIPE_LIST_BULLET);
  }
  INT_EQ(S_write(doc, NULL, &out, NULL), 0, "degenerate structures");
  d = S_xml(&out, "word/document.xml");
  XP_EQ(d, "count(//w:tbl)", "0", "cell-less tables skipped");
  XP_EQ(d, "count(//w:numPr/w:ilvl[@w:val > 8])", "0", "levels capped at 8");
  xmlFreeDoc(d);
  docpipe_buf_free(&out);
  docpipe_doc_free(doc);
}

static json_t *S_json(const docpipe_value *v) {
  switch (docpipe_value_kind_of(v)) {
  case DOCPIPE_VALUE_STRING:
    return json_string(docpipe_value_string(v));
  case DOCPIPE_VALUE_LIST: {
    json_t *a = json_array();
    for (size_t i = 0; i < docpipe_value_count(v); i++)
      json_array_append_new(a, S_json(docpipe_value_at(v, i)));
    return a;
  }
  default: {
    json_t *o = json_object();
    for (size_t i = 0; i < docpipe_value_count(v); i++)
      json_object_set_new(o, docpipe_value_key_at(v, i), S_json(docpipe_value_at(v, i)));
    return o;
  }
  }
}

/* Four threads write their own copies of the sample at once; every
 * output equals the single-threaded one (no shared mutable state). */
static docpipe_buf S_reference;

static void *S_thread(void *arg) {
  (void)arg;
  long bad = 0;
  docpipe_doc *doc = S_sample(NULL);
  for (int i = 0; i < 25; i++) {
    docpipe_buf out = DOCPIPE_BUF_INIT;
    if (S_write(doc, NULL, &out, NULL) != 0 || out.len != S_reference.len ||
        memcmp(out.data, S_reference.data, out.len) != 0)
      bad++;
    docpipe_buf_free(&out);
  }
  docpipe_doc_free(doc);
  return (void *)bad;
}

static void test_threads(void) {
  docpipe_doc *doc = S_sample(NULL);
  INT_EQ(S_write(doc, NULL, &S_reference, NULL), 0, "reference");
  docpipe_doc_free(doc);
  pthread_t t[4];
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, S_thread, NULL);
  long bad = 0;
  for (int i = 0; i < 4; i++) {
    void *r;
    pthread_join(t[i], &r);
    bad += (long)r;
  }
  INT_EQ(bad, 0, "parallel writes equal the reference");
  docpipe_buf_free(&S_reference);
}

/* Writes the samples for check_docx.py, each with its metadata as JSON
 * (NAME.meta.json) so the script can check that the docx carries it. */
static int S_emit(const char *dir) {
  mkdir(dir, 0777);
  struct {
    const char *name;
    docpipe_doc *doc;
  } docs[3];
  docs[0].name = "sample_all.docx";
  docs[0].doc = S_sample(NULL);
  docs[1].name = "sample_empty.docx";
  docs[1].doc = docpipe_doc_new();
  docs[2].name = "sample_hostile_meta.docx";
  docs[2].doc = docpipe_doc_new();
  docpipe_value *m = docpipe_doc_meta(docs[2].doc);
  docpipe_value_set_string(m, "title", "A\x01\x02 title with \xEF\xBF\xBE controls");
  docpipe_value_set_string(m, "date", "2019-12-27T13:44+07:00");
  docpipe_value_set_string(m, "language", "en");
  docpipe_value_set(m, "authors", docpipe_value_new_list());
  docpipe_value_set_string(m, "weird key \x7f", "x\r\ny");
  sample_body(docs[2].doc, "https://example.com/x.png");
  static const char *const odd_urls[] = {"http://x.vn/a b?q=<1>&r=\"2\"", "https://vi.wikipedia.org/wiki/Việt_Nam",
                                         "javascript:alert(1)", "mailto:ban.bt@example.vn", "%%%",
                                         "http://[::1", "tương đối/trang.html", "#", "\\\\host\\share"};
  docpipe_node *para = docpipe_node_add(docpipe_doc_root(docs[2].doc), DOCPIPE_NODE_PARAGRAPH);
  for (size_t i = 0; i < sizeof odd_urls / sizeof *odd_urls; i++) {
    docpipe_node *l = sample_text(para, DOCPIPE_NODE_LINK, odd_urls[i]);
    docpipe_node_set_url(l, odd_urls[i]);
    docpipe_node_set_title(l, "tiêu đề\x01\n\"x\"");
  }
  int rc = 0;
  for (int i = 0; i < 3; i++) {
    docpipe_buf out = DOCPIPE_BUF_INIT;
    docpipe_error err = DOCPIPE_ERROR_INIT;
    if (S_write(docs[i].doc, NULL, &out, &err) != 0) {
      fprintf(stderr, "%s: %s\n", docs[i].name, err.message);
      rc = 1;
    }
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, docs[i].name);
    S_write_file(path, out.data, out.len);
    snprintf(path, sizeof path, "%s/%s.meta.json", dir, docs[i].name);
    json_t *meta = S_json(docpipe_doc_meta(docs[i].doc));
    json_dump_file(meta, path, JSON_SORT_KEYS | JSON_INDENT(1));
    json_decref(meta);
    docpipe_buf_free(&out);
    docpipe_doc_free(docs[i].doc);
  }
  return rc;
}

int main(int argc, char **argv) {
  const char *dir = getenv("DOCPIPE_PLUGIN_DIR");
  if (!dir) SKIP_ALL("DOCPIPE_PLUGIN_DIR is not set");
  char path[1024];
  snprintf(path, sizeof path, "%s/docx.so", dir);
  docpipe_registry *reg = docpipe_registry_new();
  docpipe_error err = DOCPIPE_ERROR_INIT;
  if (docpipe_registry_load_file(reg, path, &err) < 0) {
    fprintf(stderr, "cannot load %s: %s\n", path, err.message);
    return 1;
  }
  S_docx = docpipe_registry_find(reg, "docx");
  if (argc == 3 && strcmp(argv[1], "--emit") == 0) {
    int rc = S_emit(argv[2]);
    docpipe_registry_free(reg);
    return rc;
  }
  const char *build = getenv("DOCPIPE_BUILD_DIR");
  snprintf(S_resdir, sizeof S_resdir, "%s/docx_writer_res", build ? build : ".");
  RUN(test_parts);
  RUN(test_core_and_custom);
  RUN(test_lossy_core_goes_custom);
  RUN(test_body);
  RUN(test_link_targets);
  RUN(test_local_images);
  RUN(test_edge_cases);
  RUN(test_threads);
  docpipe_registry_free(reg);
  xmlCleanupParser();
  return harness_summary();
}
