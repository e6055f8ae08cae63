/* The node API: creation, containment rules, editing, attributes. */
#include "docpipe/docpipe.h"
#include "harness.h"

static void test_new_and_types(void) {
  docpipe_node *h = docpipe_node_new(DOCPIPE_NODE_HEADING);
  OK(h != NULL, "heading created");
  INT_EQ(docpipe_node_heading_level(h), 1, "default level 1");
  STR_EQ(docpipe_node_type_name(docpipe_node_type_of(h)), "heading", "type name");
  INT_EQ(docpipe_node_type_from_name("block_quote"), DOCPIPE_NODE_BLOCK_QUOTE, "name to type");
  INT_EQ(docpipe_node_type_from_name("bogus"), DOCPIPE_NODE_NONE, "unknown name");
  OK(docpipe_node_is_block(h) && !docpipe_node_is_inline(h), "heading is a block");
  OK(docpipe_node_new((docpipe_node_type)13) == NULL, "unknown type refused");
  OK(docpipe_node_new(DOCPIPE_NODE_NONE) == NULL, "NONE refused");
  INT_EQ(docpipe_node_set_heading_level(h, 7), DOCPIPE_EINVAL, "level 7 refused");
  INT_EQ(docpipe_node_set_heading_level(h, 6), 0, "level 6 accepted");
  INT_EQ(docpipe_node_heading_level(h), 6, "level kept");
  docpipe_node_free(h);
  /* Fixed numbers are part of the ABI. */
  INT_EQ(DOCPIPE_NODE_TABLE_CELL, 12, "TABLE_CELL number");
  INT_EQ(DOCPIPE_NODE_IMAGE, 39, "IMAGE number");
}

static void test_containment(void) {
  docpipe_node *doc = docpipe_node_new(DOCPIPE_NODE_DOCUMENT);
  docpipe_node *para = docpipe_node_new(DOCPIPE_NODE_PARAGRAPH);
  docpipe_node *item = docpipe_node_new(DOCPIPE_NODE_ITEM);
  docpipe_node *text = docpipe_node_new(DOCPIPE_NODE_TEXT);
  INT_EQ(docpipe_node_append_child(doc, item), DOCPIPE_EINVAL, "document refuses an item");
  INT_EQ(docpipe_node_append_child(doc, text), DOCPIPE_EINVAL, "document refuses inline text");
  INT_EQ(docpipe_node_append_child(para, para), DOCPIPE_EINVAL, "no self child");
  INT_EQ(docpipe_node_append_child(doc, para), 0, "document takes a paragraph");
  INT_EQ(docpipe_node_append_child(para, text), 0, "paragraph takes text");
  docpipe_node *text2 = docpipe_node_new(DOCPIPE_NODE_TEXT);
  INT_EQ(docpipe_node_append_child(text, text2), DOCPIPE_EINVAL, "text is a leaf");
  docpipe_node_free(text2);
  docpipe_node *doc2 = docpipe_node_new(DOCPIPE_NODE_DOCUMENT);
  docpipe_node *quote = docpipe_node_new(DOCPIPE_NODE_BLOCK_QUOTE);
  INT_EQ(docpipe_node_append_child(quote, doc2), DOCPIPE_EINVAL, "document is never a child");
  docpipe_node *list = docpipe_node_new(DOCPIPE_NODE_LIST);
  INT_EQ(docpipe_node_append_child(list, item), 0, "list takes item");
  INT_EQ(docpipe_node_append_child(list, quote), DOCPIPE_EINVAL, "list refuses a quote");
  INT_EQ(docpipe_node_append_child(item, quote), 0, "item takes a quote");
  INT_EQ(docpipe_node_append_child(quote, list), DOCPIPE_EINVAL, "no cycle");
  OK(docpipe_node_can_contain(DOCPIPE_NODE_TABLE, DOCPIPE_NODE_TABLE_ROW), "table holds rows");
  OK(!docpipe_node_can_contain(DOCPIPE_NODE_TABLE, DOCPIPE_NODE_TABLE_CELL), "table not cells");
  OK(docpipe_node_can_contain(DOCPIPE_NODE_FIGURE, DOCPIPE_NODE_EMPH), "figure caption inlines");
  OK(!docpipe_node_can_contain(DOCPIPE_NODE_FIGURE, DOCPIPE_NODE_PARAGRAPH), "figure no blocks");
  OK(docpipe_node_can_contain(DOCPIPE_NODE_IMAGE, DOCPIPE_NODE_TEXT), "image alt inlines");
  docpipe_node_free(list);
  docpipe_node_free(doc);
  docpipe_node_free(doc2);
}

static void test_editing(void) {
  docpipe_node *p = docpipe_node_new(DOCPIPE_NODE_PARAGRAPH);
  docpipe_node *a = docpipe_node_new(DOCPIPE_NODE_TEXT), *b = docpipe_node_new(DOCPIPE_NODE_EMPH),
               *c = docpipe_node_new(DOCPIPE_NODE_CODE);
  docpipe_node_append_child(p, b);
  docpipe_node_prepend_child(p, a);
  docpipe_node_insert_after(b, c);
  OK(docpipe_node_first_child(p) == a && docpipe_node_next(a) == b && docpipe_node_next(b) == c,
     "order a b c");
  OK(docpipe_node_last_child(p) == c && docpipe_node_prev(c) == b, "backward links");
  docpipe_node_unlink(b);
  OK(docpipe_node_next(a) == c && docpipe_node_prev(c) == a && !docpipe_node_parent(b),
     "unlink relinks siblings");
  INT_EQ(docpipe_node_insert_before(a, b), 0, "insert before first");
  OK(docpipe_node_first_child(p) == b, "b first now");
  docpipe_node *orphan = docpipe_node_new(DOCPIPE_NODE_TEXT);
  docpipe_node *other = docpipe_node_new(DOCPIPE_NODE_TEXT);
  INT_EQ(docpipe_node_insert_after(orphan, other), DOCPIPE_EINVAL,
         "insert beside a parentless node refused");
  docpipe_node_free(orphan);
  docpipe_node_free(other);
  /* Moving a node to another parent unlinks it from the first. */
  docpipe_node *p2 = docpipe_node_new(DOCPIPE_NODE_PARAGRAPH);
  docpipe_node_append_child(p2, c);
  OK(docpipe_node_last_child(p) == a && docpipe_node_parent(c) == p2, "move unlinks");
  docpipe_node_free(p);
  docpipe_node_free(p2);
}

static void test_attributes(void) {
  docpipe_node *t = docpipe_node_new(DOCPIPE_NODE_TEXT);
  STR_EQ(docpipe_node_literal(t), "", "empty literal");
  INT_EQ(docpipe_node_set_literal(t, "Vie\xCC\xA3\xCC\x82t"), 0, "NFD accepted");
  STR_EQ(docpipe_node_literal(t), "Vi\xE1\xBB\x87t", "stored as NFC (Việt)");
  INT_EQ(docpipe_node_set_literal(t, "bad \xFF"), DOCPIPE_EINVAL, "invalid UTF-8 refused");
  STR_EQ(docpipe_node_literal(t), "Vi\xE1\xBB\x87t", "old value kept on refusal");
  OK(docpipe_node_url(t) == NULL, "text has no url");
  INT_EQ(docpipe_node_set_url(t, "x"), DOCPIPE_EINVAL, "set_url on text refused");
  docpipe_node_free(t);

  docpipe_node *l = docpipe_node_new(DOCPIPE_NODE_LIST);
  INT_EQ(docpipe_node_list_type(l), DOCPIPE_LIST_BULLET, "bullet by default");
  INT_EQ(docpipe_node_set_list_type(l, DOCPIPE_LIST_ORDERED), 0, "ordered");
  INT_EQ(docpipe_node_set_list_start(l, 7), 0, "start 7");
  INT_EQ(docpipe_node_list_start(l), 7, "start kept");
  docpipe_node_set_list_tight(l, 5);
  INT_EQ(docpipe_node_list_tight(l), 1, "tight is boolean");
  docpipe_node_free(l);

  docpipe_node *f = docpipe_node_new(DOCPIPE_NODE_FIGURE);
  docpipe_node_set_url(f, "a.png");
  docpipe_node_set_alt(f, "Ảnh");
  STR_EQ(docpipe_node_url(f), "a.png", "figure url");
  STR_EQ(docpipe_node_alt(f), "Ảnh", "figure alt");
  OK(docpipe_node_title(f) == NULL, "figure has no title");
  docpipe_node_free(f);

  docpipe_node *cell = docpipe_node_new(DOCPIPE_NODE_TABLE_CELL);
  INT_EQ(docpipe_node_set_cell_align(cell, DOCPIPE_ALIGN_RIGHT), 0, "align right");
  INT_EQ(docpipe_node_set_cell_align(cell, (docpipe_align)9), DOCPIPE_EINVAL, "bad align");
  INT_EQ(docpipe_node_cell_align(cell), DOCPIPE_ALIGN_RIGHT, "align kept");
  docpipe_node_free(cell);

  docpipe_node *cb = docpipe_node_new(DOCPIPE_NODE_CODE_BLOCK);
  docpipe_node_set_info(cb, "c");
  STR_EQ(docpipe_node_info(cb), "c", "info");
  docpipe_node_free(cb);
}

/* A text node's first text shares the node's allocation, with the spare
 * bytes up to malloc's granule; appends use them, then move the text out.
 * Every start length meets both cases (ASan sees any overrun). */
static void test_append_text_in_place_then_moved(void) {
  char want[128];
  for (size_t start = 1; start <= 40; start++) {
    docpipe_node *p = docpipe_node_new(DOCPIPE_NODE_PARAGRAPH);
    memset(want, 'a', start);
    docpipe_node_append_text(p, want, start);
    size_t len = start;
    for (int i = 0; i < 40; i++) {
      docpipe_node_append_text(p, i % 2 ? "b" : " ", 1);
      want[len++] = i % 2 ? 'b' : ' ';
    }
    want[len] = 0;
    OK(docpipe_node_first_child(p) == docpipe_node_last_child(p), "one text node");
    STR_EQ(docpipe_node_literal(docpipe_node_first_child(p)), want, "the appends, in order");
    docpipe_node_free(p);
  }
}

static void test_append_text_and_content(void) {
  docpipe_node *p = docpipe_node_new(DOCPIPE_NODE_PARAGRAPH);
  docpipe_node_append_text(p, "Chi", 3);
  docpipe_node_append_text(p, "\xCC\x89 thi", 6); /* a combining hook joins the i */
  docpipe_node_append_text(p, " 16", 3);
  INT_EQ(docpipe_node_first_child(p) == docpipe_node_last_child(p), 1, "one text node");
  STR_EQ(docpipe_node_literal(docpipe_node_first_child(p)), "Chỉ thi 16", "joined as NFC");
  INT_EQ(docpipe_node_append_text(p, "\xC3", 1), DOCPIPE_EINVAL, "truncated UTF-8 refused");
  docpipe_node *e = docpipe_node_add(p, DOCPIPE_NODE_EMPH);
  docpipe_node_append_text(e, "/CT-TTg", 7);
  docpipe_node_add(p, DOCPIPE_NODE_LINE_BREAK);
  docpipe_node_append_text(p, "x", 1);
  OK(docpipe_node_add(p, DOCPIPE_NODE_PARAGRAPH) == NULL, "add refuses a block in a paragraph");
  char *s = docpipe_node_text_content(p);
  STR_EQ(s, "Chỉ thi 16/CT-TTg\nx", "text content");
  docpipe_free(s);

  docpipe_doc *d = docpipe_doc_new();
  docpipe_node *h = docpipe_node_add(docpipe_doc_root(d), DOCPIPE_NODE_HEADING);
  docpipe_node_append_text(h, "T", 1);
  docpipe_node_append_child(docpipe_doc_root(d), p);
  s = docpipe_node_text_content(docpipe_doc_root(d));
  STR_EQ(s, "T\nChỉ thi 16/CT-TTg\nx", "blocks on their own lines");
  docpipe_free(s);
  docpipe_node_set_literal(docpipe_node_add(docpipe_doc_root(d), DOCPIPE_NODE_CODE_BLOCK), "code\n");
  s = docpipe_node_text_content(docpipe_doc_root(d));
  STR_EQ(s, "T\nChỉ thi 16/CT-TTg\nx\ncode\n", "a code block starts its own line");
  docpipe_free(s);
  docpipe_doc_free(d);
}

/* A text node's first text shares the node's allocation: appending to
 * it, replacing it and moving the node must all still work (ASan). */
static void test_text_in_node(void) {
  docpipe_node *p = docpipe_node_new(DOCPIPE_NODE_PARAGRAPH);
  docpipe_node_append_text(p, "abc", 3);
  docpipe_node *t = docpipe_node_first_child(p);
  STR_EQ(docpipe_node_literal(t), "abc", "first text");
  docpipe_node_append_text(p, "def", 3);
  STR_EQ(docpipe_node_literal(t), "abcdef", "appended");
  docpipe_node_append_text(p, "Vi\xE1\xBB\x87t", 6);
  STR_EQ(docpipe_node_literal(t), "abcdefVi\xE1\xBB\x87t", "non-ASCII appended");
  docpipe_node_add(p, DOCPIPE_NODE_SOFT_BREAK);
  docpipe_node_append_text(p, "ghi", 3);
  docpipe_node *u = docpipe_node_last_child(p);
  INT_EQ(docpipe_node_set_literal(u, "replaced"), 0, "replace");
  STR_EQ(docpipe_node_literal(u), "replaced", "replaced text");
  INT_EQ(docpipe_node_set_literal(u, ""), 0, "clear");
  STR_EQ(docpipe_node_literal(u), "", "cleared");
  docpipe_node_append_text(p, "x", 1);
  STR_EQ(docpipe_node_literal(u), "x", "append after clearing");
  docpipe_node_append_text(p, "e\xCC\x81", 3); /* not NFC: the general way */
  STR_EQ(docpipe_node_literal(u), "x\xC3\xA9", "composed");
  docpipe_node *q = docpipe_node_new(DOCPIPE_NODE_PARAGRAPH);
  docpipe_node_append_text(q, "moved", 5);
  docpipe_node *m = docpipe_node_first_child(q);
  docpipe_node_append_child(p, m);
  STR_EQ(docpipe_node_literal(m), "moved", "moved text node");
  docpipe_node_free(q);
  OK(docpipe_node_append_text(p, "a\xFF", 2) != 0, "invalid UTF-8 refused");
  docpipe_node *r = docpipe_node_new(DOCPIPE_NODE_PARAGRAPH);
  OK(docpipe_node_append_text(r, "a\0b", 3) != 0 && !docpipe_node_first_child(r), "NUL refused");
  docpipe_node_free(r);
  docpipe_node_free(p);
}

static void test_deep_free(void) {
  /* 100,000 nested quotes: freeing must not recurse. */
  docpipe_node *root = docpipe_node_new(DOCPIPE_NODE_DOCUMENT), *cur = root;
  for (int i = 0; i < 100000; i++) cur = docpipe_node_add(cur, DOCPIPE_NODE_BLOCK_QUOTE);
  OK(cur != NULL, "deep tree built");
  char *s = docpipe_node_text_content(root);
  STR_EQ(s, "", "deep tree has no text");
  docpipe_free(s);
  docpipe_node_free(root);
  OK(1, "deep tree freed");
}

int main(void) {
  RUN(test_new_and_types);
  RUN(test_containment);
  RUN(test_editing);
  RUN(test_attributes);
  RUN(test_append_text_and_content);
  RUN(test_append_text_in_place_then_moved);
  RUN(test_text_in_node);
  RUN(test_deep_free);
  return harness_summary();
}
