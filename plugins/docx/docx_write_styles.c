/* The look of a docpipe document: word/styles.xml, word/numbering.xml,
 * word/settings.xml and the page-number footer.
 *
 * Serif body text (Times New Roman: full Vietnamese coverage in Word;
 * LibreOffice maps it to Liberation Serif), sans-serif headings, a quiet
 * grey byline under the title.  Child elements follow the XSD sequences
 * of ECMA-376 (CT_PPrBase, CT_RPr, CT_Style...), or the schema check
 * fails. */
#include <stdio.h>
#include <string.h>

#include "docx_w_ctx.h"

#define SERIF "Times New Roman"
#define SANS "Arial"
#define MONO "Courier New"

/* Paragraph properties, in CT_PPrBase order.  0 / NULL leaves a field out. */
typedef struct {
  int keep_next, keep_lines, contextual;
  const char *border_bottom; /* pBdr/bottom colour */
  const char *border_left;   /* pBdr/left colour */
  const char *shade;         /* shd fill */
  int before, after, line;   /* spacing, twips; -1 = leave out */
  int ind_left, ind_right, hanging;
  const char *jc;
  int outline; /* outline level + 1 */
} ppr_t;

/* Run properties, in CT_RPr order. */
typedef struct {
  const char *font;
  int bold, italic;
  const char *color;
  int size; /* half-points */
  int underline;
} rpr_t;

static void S_border(docx_xw *x, const char *side, const char *color, int sz, int space) {
  docx_xw_start(x, side);
  docx_xw_attr(x, "w:val", "single");
  docx_xw_attr_int(x, "w:sz", sz);
  docx_xw_attr_int(x, "w:space", space);
  docx_xw_attr(x, "w:color", color);
  docx_xw_end(x);
}

static void S_ppr(docx_xw *x, const ppr_t *p) {
  docx_xw_start(x, "w:pPr");
  if (p->keep_next) docx_xw_empty(x, "w:keepNext", NULL, NULL);
  if (p->keep_lines) docx_xw_empty(x, "w:keepLines", NULL, NULL);
  if (p->border_bottom || p->border_left) {
    docx_xw_start(x, "w:pBdr");
    if (p->border_left) S_border(x, "w:left", p->border_left, 18, 12);
    if (p->border_bottom) S_border(x, "w:bottom", p->border_bottom, 6, 4);
    docx_xw_end(x);
  }
  if (p->shade) {
    docx_xw_start(x, "w:shd");
    docx_xw_attr(x, "w:val", "clear");
    docx_xw_attr(x, "w:color", "auto");
    docx_xw_attr(x, "w:fill", p->shade);
    docx_xw_end(x);
  }
  if (p->before >= 0 || p->after >= 0 || p->line > 0) {
    docx_xw_start(x, "w:spacing");
    if (p->before >= 0) docx_xw_attr_int(x, "w:before", p->before);
    if (p->after >= 0) docx_xw_attr_int(x, "w:after", p->after);
    if (p->line > 0) {
      docx_xw_attr_int(x, "w:line", p->line);
      docx_xw_attr(x, "w:lineRule", "auto");
    }
    docx_xw_end(x);
  }
  if (p->ind_left || p->ind_right || p->hanging) {
    docx_xw_start(x, "w:ind");
    docx_xw_attr_int(x, "w:left", p->ind_left);
    if (p->ind_right) docx_xw_attr_int(x, "w:right", p->ind_right);
    if (p->hanging) docx_xw_attr_int(x, "w:hanging", p->hanging);
    docx_xw_end(x);
  }
  if (p->contextual) docx_xw_empty(x, "w:contextualSpacing", NULL, NULL);
  if (p->jc) docx_xw_empty(x, "w:jc", "w:val", p->jc);
  if (p->outline) docx_xw_empty_int(x, "w:outlineLvl", "w:val", p->outline - 1);
  docx_xw_end(x);
}

static void S_fonts(docx_xw *x, const char *font) {
  docx_xw_start(x, "w:rFonts");
  docx_xw_attr(x, "w:ascii", font);
  docx_xw_attr(x, "w:eastAsia", font);
  docx_xw_attr(x, "w:hAnsi", font);
  docx_xw_attr(x, "w:cs", font);
  docx_xw_end(x);
}

static void S_rpr(docx_xw *x, const rpr_t *r) {
  docx_xw_start(x, "w:rPr");
  if (r->font) S_fonts(x, r->font);
  if (r->bold) {
    docx_xw_empty(x, "w:b", NULL, NULL);
    docx_xw_empty(x, "w:bCs", NULL, NULL);
  }
  if (r->italic) {
    docx_xw_empty(x, "w:i", NULL, NULL);
    docx_xw_empty(x, "w:iCs", NULL, NULL);
  }
  if (r->color) docx_xw_empty(x, "w:color", "w:val", r->color);
  if (r->size) {
    docx_xw_empty_int(x, "w:sz", "w:val", r->size);
    docx_xw_empty_int(x, "w:szCs", "w:val", r->size);
  }
  if (r->underline) docx_xw_empty(x, "w:u", "w:val", "single");
  docx_xw_end(x);
}

/* <w:style> with name, basedOn, next, uiPriority and qFormat in order. */
static void S_style_open(docx_xw *x, const char *type, const char *id, const char *name,
                         const char *based_on, const char *next, int is_default) {
  docx_xw_start(x, "w:style");
  docx_xw_attr(x, "w:type", type);
  if (is_default) docx_xw_attr(x, "w:default", "1");
  docx_xw_attr(x, "w:styleId", id);
  docx_xw_empty(x, "w:name", "w:val", name);
  if (based_on) docx_xw_empty(x, "w:basedOn", "w:val", based_on);
  if (next) docx_xw_empty(x, "w:next", "w:val", next);
  docx_xw_empty(x, "w:qFormat", NULL, NULL);
}

static void S_para_style(docx_xw *x, const char *id, const char *name, const char *next,
                         const ppr_t *p, const rpr_t *r) {
  S_style_open(x, "paragraph", id, name, "Normal", next, 0);
  if (p) S_ppr(x, p);
  if (r) S_rpr(x, r);
  docx_xw_end(x);
}

static void S_char_style(docx_xw *x, const char *id, const char *name, const rpr_t *r) {
  S_style_open(x, "character", id, name, "DefaultParagraphFont", NULL, 0);
  if (r) S_rpr(x, r);
  docx_xw_end(x);
}

/* PPR() presets "no spacing" and lets the caller override it. */
#pragma GCC diagnostic ignored "-Woverride-init"
#define PPR(...) (&(ppr_t){.before = -1, .after = -1, __VA_ARGS__})
#define RPR(...) (&(rpr_t){__VA_ARGS__})

static void S_table_style(docx_xw *x) {
  S_style_open(x, "table", "ArticleTable", "Article Table", "TableNormal", NULL, 0);
  S_ppr(x, PPR(.before = 40, .after = 40, .line = 240, .jc = "left"));
  S_rpr(x, RPR(.size = 21));
  docx_xw_start(x, "w:tblPr");
  docx_xw_start(x, "w:tblBorders");
  static const char *const sides[] = {"w:top", "w:left", "w:bottom", "w:right", "w:insideH",
                                      "w:insideV"};
  for (size_t i = 0; i < 6; i++) S_border(x, sides[i], "808080", 4, 0);
  docx_xw_end(x);
  docx_xw_start(x, "w:tblCellMar");
  docx_xw_start(x, "w:left");
  docx_xw_attr_int(x, "w:w", 85);
  docx_xw_attr(x, "w:type", "dxa");
  docx_xw_end(x);
  docx_xw_start(x, "w:right");
  docx_xw_attr_int(x, "w:w", 85);
  docx_xw_attr(x, "w:type", "dxa");
  docx_xw_end(x);
  docx_xw_end(x);
  docx_xw_end(x); /* tblPr */
  docx_xw_start(x, "w:tblStylePr");
  docx_xw_attr(x, "w:type", "firstRow");
  S_rpr(x, RPR(.bold = 1));
  docx_xw_start(x, "w:tcPr");
  docx_xw_start(x, "w:shd");
  docx_xw_attr(x, "w:val", "clear");
  docx_xw_attr(x, "w:color", "auto");
  docx_xw_attr(x, "w:fill", "E7E6E6");
  docx_xw_end(x);
  docx_xw_end(x);
  docx_xw_end(x);
  docx_xw_end(x);
}

int docx_w_styles(docx_w *c) {
  docx_xw x;
  if (docx_xw_open(&x)) return docx_w_fail(c, DOCPIPE_ENOMEM, "out of memory");
  docx_xw_start(&x, "w:styles");
  docx_xw_attr(&x, "xmlns:w", DOCX_NS_W);

  docx_xw_start(&x, "w:docDefaults");
  docx_xw_start(&x, "w:rPrDefault");
  docx_xw_start(&x, "w:rPr");
  S_fonts(&x, SERIF);
  docx_xw_empty_int(&x, "w:sz", "w:val", 24);
  docx_xw_empty_int(&x, "w:szCs", "w:val", 24);
  if (c->lang) {
    docx_xw_start(&x, "w:lang");
    docx_xw_attr(&x, "w:val", c->lang);
    docx_xw_attr(&x, "w:eastAsia", c->lang);
    docx_xw_attr(&x, "w:bidi", c->lang);
    docx_xw_end(&x);
  }
  docx_xw_end(&x);
  docx_xw_end(&x);
  docx_xw_start(&x, "w:pPrDefault");
  S_ppr(&x, PPR(.after = 120, .line = 276));
  docx_xw_end(&x);
  docx_xw_end(&x); /* docDefaults */

  S_style_open(&x, "paragraph", "Normal", "Normal", NULL, NULL, 1);
  S_ppr(&x, PPR(.jc = "both"));
  docx_xw_end(&x);
  S_style_open(&x, "character", "DefaultParagraphFont", "Default Paragraph Font", NULL, NULL, 1);
  docx_xw_end(&x);
  S_style_open(&x, "table", "TableNormal", "Normal Table", NULL, NULL, 1);
  docx_xw_start(&x, "w:tblPr");
  docx_xw_start(&x, "w:tblInd");
  docx_xw_attr_int(&x, "w:w", 0);
  docx_xw_attr(&x, "w:type", "dxa");
  docx_xw_end(&x);
  docx_xw_start(&x, "w:tblCellMar");
  static const char *const mar[] = {"w:top", "w:left", "w:bottom", "w:right"};
  static const int marw[] = {0, 108, 0, 108};
  for (size_t i = 0; i < 4; i++) {
    docx_xw_start(&x, mar[i]);
    docx_xw_attr_int(&x, "w:w", marw[i]);
    docx_xw_attr(&x, "w:type", "dxa");
    docx_xw_end(&x);
  }
  docx_xw_end(&x);
  docx_xw_end(&x);
  docx_xw_end(&x);
  S_style_open(&x, "numbering", "NoList", "No List", NULL, NULL, 1);
  docx_xw_end(&x);

  S_para_style(&x, "Title", "Title", "Normal",
               PPR(.keep_next = 1, .after = 120, .line = 240, .jc = "left"),
               RPR(.font = SERIF, .bold = 1, .size = 44, .color = "1A1A1A"));
  S_para_style(&x, "Subtitle", "Subtitle", "Normal",
               PPR(.keep_next = 1, .after = 120, .jc = "left"),
               RPR(.italic = 1, .size = 28, .color = "404040"));
  S_para_style(&x, "Byline", "Byline", "Normal",
               PPR(.border_bottom = "A6A6A6", .after = 360, .jc = "left"),
               RPR(.font = SANS, .size = 18, .color = "595959"));
  static const int hsize[6] = {32, 28, 26, 24, 22, 22};
  for (int level = 1; level <= 6; level++) {
    char id[16], name[16];
    snprintf(id, sizeof id, "Heading%d", level);
    snprintf(name, sizeof name, "heading %d", level);
    S_para_style(&x, id, name, "Normal",
                 PPR(.keep_next = 1, .keep_lines = 1, .before = level <= 2 ? 360 : 240,
                     .after = 120, .jc = "left", .outline = level),
                 RPR(.font = SANS, .bold = level != 6, .italic = level >= 5, .color = "1F3864",
                     .size = hsize[level - 1]));
  }
  S_para_style(&x, "Quote", "Quote", "Quote",
               PPR(.border_left = "BFBFBF", .ind_left = 567, .ind_right = 567),
               RPR(.italic = 1, .color = "404040"));
  S_para_style(&x, "ListParagraph", "List Paragraph", NULL,
               PPR(.contextual = 1, .after = 60, .ind_left = 720, .jc = "left"), NULL);
  S_para_style(&x, "SourceCode", "Source Code", "SourceCode",
               PPR(.shade = "F2F2F2", .before = 120, .after = 120, .line = 240, .jc = "left"),
               RPR(.font = MONO, .size = 19));
  S_para_style(&x, "Figure", "Figure", "Caption",
               PPR(.keep_next = 1, .before = 120, .after = 60, .jc = "center"), NULL);
  S_para_style(&x, "Caption", "caption", "Normal",
               PPR(.after = 240, .jc = "center"),
               RPR(.italic = 1, .size = 20, .color = "404040"));
  S_para_style(&x, "HorizontalRule", "Horizontal Rule", "Normal",
               PPR(.border_bottom = "A6A6A6", .before = 120, .after = 240, .ind_left = 2268,
                   .ind_right = 2268), NULL);
  S_para_style(&x, "Footer", "footer", NULL, PPR(.after = 0, .jc = "center"),
               RPR(.font = SANS, .size = 18, .color = "595959"));
  S_char_style(&x, "Hyperlink", "Hyperlink", RPR(.color = "0563C1", .underline = 1));
  S_style_open(&x, "character", "ImageLink", "Image Link", "Hyperlink", NULL, 0);
  docx_xw_end(&x);
  S_char_style(&x, "VerbatimChar", "Verbatim Char", RPR(.font = MONO, .size = 21));
  S_char_style(&x, "SoftBreak", "Soft Break", NULL);
  S_table_style(&x);

  docx_xw_end(&x);
  return docx_xw_close_part(&x, c, "word/styles.xml");
}

static void S_level(docx_xw *x, int ilvl, const char *fmt, const char *text) {
  docx_xw_start(x, "w:lvl");
  docx_xw_attr_int(x, "w:ilvl", ilvl);
  docx_xw_empty_int(x, "w:start", "w:val", 1);
  docx_xw_empty(x, "w:numFmt", "w:val", fmt);
  docx_xw_empty(x, "w:lvlText", "w:val", text);
  docx_xw_empty(x, "w:lvlJc", "w:val", "left");
  S_ppr(x, PPR(.ind_left = 720 * (ilvl + 1), .hanging = 360));
  docx_xw_end(x);
}

int docx_w_numbering(docx_w *c) {
  static const char *const bullets[3] = {"\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA"};
  docx_xw x;
  if (docx_xw_open(&x)) return docx_w_fail(c, DOCPIPE_ENOMEM, "out of memory");
  docx_xw_start(&x, "w:numbering");
  docx_xw_attr(&x, "xmlns:w", DOCX_NS_W);
  for (int a = 0; a < 2; a++) {
    docx_xw_start(&x, "w:abstractNum");
    docx_xw_attr_int(&x, "w:abstractNumId", a);
    docx_xw_empty(&x, "w:multiLevelType", "w:val", "multilevel");
    for (int l = 0; l <= DOCX_W_MAX_LEVEL; l++) {
      char text[8];
      snprintf(text, sizeof text, "%%%d.", l + 1);
      if (a == 0)
        S_level(&x, l, "bullet", bullets[l % 3]);
      else
        S_level(&x, l, "decimal", text); /* as browsers number nested <ol> */
    }
    docx_xw_end(&x);
  }
  docx_xw_start(&x, "w:num");
  docx_xw_attr_int(&x, "w:numId", DOCX_W_BULLET_NUM);
  docx_xw_empty_int(&x, "w:abstractNumId", "w:val", 0);
  docx_xw_end(&x);
  for (size_t i = 0; i < c->nnums; i++) {
    docx_xw_start(&x, "w:num");
    docx_xw_attr_int(&x, "w:numId", (long)(DOCX_W_BULLET_NUM + 1 + i));
    docx_xw_empty_int(&x, "w:abstractNumId", "w:val", c->nums[i].ordered ? 1 : 0);
    /* Every level restarts, so each list counts from its own start. */
    for (int l = 0; c->nums[i].ordered && l <= DOCX_W_MAX_LEVEL; l++) {
      docx_xw_start(&x, "w:lvlOverride");
      docx_xw_attr_int(&x, "w:ilvl", l);
      docx_xw_empty_int(&x, "w:startOverride", "w:val", l == c->nums[i].ilvl ? c->nums[i].start : 1);
      docx_xw_end(&x);
    }
    docx_xw_end(&x);
  }
  docx_xw_end(&x);
  return docx_xw_close_part(&x, c, "word/numbering.xml");
}

int docx_w_settings(docx_w *c) {
  docx_xw x;
  if (docx_xw_open(&x)) return docx_w_fail(c, DOCPIPE_ENOMEM, "out of memory");
  docx_xw_start(&x, "w:settings");
  docx_xw_attr(&x, "xmlns:w", DOCX_NS_W);
  docx_xw_empty_int(&x, "w:zoom", "w:percent", 100);
  docx_xw_empty_int(&x, "w:defaultTabStop", "w:val", 720);
  docx_xw_empty(&x, "w:characterSpacingControl", "w:val", "doNotCompress");
  docx_xw_start(&x, "w:compat");
  /* Justified lines ending in a manual break keep normal word spacing. */
  docx_xw_empty(&x, "w:doNotExpandShiftReturn", NULL, NULL);
  docx_xw_start(&x, "w:compatSetting");
  docx_xw_attr(&x, "w:name", "compatibilityMode");
  docx_xw_attr(&x, "w:uri", "http://schemas.microsoft.com/office/word");
  docx_xw_attr(&x, "w:val", "15");
  docx_xw_end(&x);
  docx_xw_end(&x);
  if (c->lang) docx_xw_empty(&x, "w:themeFontLang", "w:val", c->lang);
  docx_xw_empty(&x, "w:decimalSymbol", "w:val", ".");
  docx_xw_empty(&x, "w:listSeparator", "w:val", ",");
  docx_xw_end(&x);
  return docx_xw_close_part(&x, c, "word/settings.xml");
}

int docx_w_footer(docx_w *c) {
  docx_xw x;
  if (docx_xw_open(&x)) return docx_w_fail(c, DOCPIPE_ENOMEM, "out of memory");
  docx_xw_start(&x, "w:ftr");
  docx_xw_attr(&x, "xmlns:w", DOCX_NS_W);
  docx_xw_start(&x, "w:p");
  docx_xw_start(&x, "w:pPr");
  docx_xw_empty(&x, "w:pStyle", "w:val", "Footer");
  docx_xw_end(&x);
  docx_xw_start(&x, "w:fldSimple");
  docx_xw_attr(&x, "w:instr", " PAGE ");
  docx_xw_start(&x, "w:r");
  docx_xw_elem_text(&x, "w:t", "1");
  docx_xw_end(&x);
  docx_xw_end(&x);
  docx_xw_end(&x);
  docx_xw_end(&x);
  return docx_xw_close_part(&x, c, "word/footer1.xml");
}
