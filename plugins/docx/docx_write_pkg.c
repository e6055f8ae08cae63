/* Package plumbing of the docx writer: [Content_Types].xml, _rels/.rels
 * and word/_rels/document.xml.rels. */
#include "docx_w_ctx.h"

#define CT_WML "application/vnd.openxmlformats-officedocument.wordprocessingml."
#define NS_PKG_REL "http://schemas.openxmlformats.org/package/2006/relationships"

static void S_override(docx_xw *x, const char *part, const char *type) {
  docx_xw_start(x, "Override");
  docx_xw_attr(x, "PartName", part);
  docx_xw_attr(x, "ContentType", type);
  docx_xw_end(x);
}

static void S_default(docx_xw *x, const char *ext, const char *type) {
  docx_xw_start(x, "Default");
  docx_xw_attr(x, "Extension", ext);
  docx_xw_attr(x, "ContentType", type);
  docx_xw_end(x);
}

static int S_content_types(docx_w *c, int with_custom) {
  docx_xw x;
  if (docx_xw_open(&x)) return docx_w_fail(c, DOCPIPE_ENOMEM, "out of memory");
  docx_xw_start(&x, "Types");
  docx_xw_attr(&x, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  S_default(&x, "rels", "application/vnd.openxmlformats-package.relationships+xml");
  S_default(&x, "xml", "application/xml");
  if (c->has_gif) S_default(&x, "gif", "image/gif");
  if (c->has_jpeg) S_default(&x, "jpeg", "image/jpeg");
  if (c->has_png) S_default(&x, "png", "image/png");
  S_override(&x, "/word/document.xml", CT_WML "document.main+xml");
  S_override(&x, "/word/styles.xml", CT_WML "styles+xml");
  S_override(&x, "/word/numbering.xml", CT_WML "numbering+xml");
  S_override(&x, "/word/settings.xml", CT_WML "settings+xml");
  S_override(&x, "/word/footer1.xml", CT_WML "footer+xml");
  S_override(&x, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
  S_override(&x, "/docProps/app.xml",
             "application/vnd.openxmlformats-officedocument.extended-properties+xml");
  if (with_custom)
    S_override(&x, "/docProps/custom.xml",
               "application/vnd.openxmlformats-officedocument.custom-properties+xml");
  docx_xw_end(&x);
  return docx_xw_close_part(&x, c, "[Content_Types].xml");
}

static void S_rel(docx_xw *x, const char *id, const char *type, const char *target, int external) {
  docx_xw_start(x, "Relationship");
  docx_xw_attr(x, "Id", id);
  docx_xw_attr(x, "Type", type);
  docx_xw_attr(x, "Target", target);
  if (external) docx_xw_attr(x, "TargetMode", "External");
  docx_xw_end(x);
}

static int S_package_rels(docx_w *c, int with_custom) {
  docx_xw x;
  if (docx_xw_open(&x)) return docx_w_fail(c, DOCPIPE_ENOMEM, "out of memory");
  docx_xw_start(&x, "Relationships");
  docx_xw_attr(&x, "xmlns", NS_PKG_REL);
  S_rel(&x, "rDoc", DOCX_REL_BASE "/officeDocument", "word/document.xml", 0);
  S_rel(&x, "rCore",
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        "docProps/core.xml", 0);
  S_rel(&x, "rApp", DOCX_REL_BASE "/extended-properties", "docProps/app.xml", 0);
  if (with_custom) S_rel(&x, "rCustom", DOCX_REL_BASE "/custom-properties", "docProps/custom.xml", 0);
  docx_xw_end(&x);
  return docx_xw_close_part(&x, c, "_rels/.rels");
}

static int S_document_rels(docx_w *c) {
  docx_xw x;
  if (docx_xw_open(&x)) return docx_w_fail(c, DOCPIPE_ENOMEM, "out of memory");
  docx_xw_start(&x, "Relationships");
  docx_xw_attr(&x, "xmlns", NS_PKG_REL);
  S_rel(&x, "rStyles", DOCX_REL_BASE "/styles", "styles.xml", 0);
  S_rel(&x, "rNumbering", DOCX_REL_BASE "/numbering", "numbering.xml", 0);
  S_rel(&x, "rSettings", DOCX_REL_BASE "/settings", "settings.xml", 0);
  S_rel(&x, "rFooter1", DOCX_REL_BASE "/footer", "footer1.xml", 0);
  for (size_t i = 0; i < c->nrels; i++)
    S_rel(&x, c->rels[i].id, c->rels[i].type, c->rels[i].target, c->rels[i].external);
  docx_xw_end(&x);
  return docx_xw_close_part(&x, c, "word/_rels/document.xml.rels");
}

int docx_w_package(docx_w *c, int with_custom) {
  int rc = S_content_types(c, with_custom);
  if (!rc) rc = S_package_rels(c, with_custom);
  if (!rc) rc = S_document_rels(c);
  return rc;
}
