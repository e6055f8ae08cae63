/* The html reader's own tree (plugins/html/html_tree.c): built from
 * libxml2's parser events as libxml2's tree builder would build it, with
 * the three things it leaves out, its limits, and the tree functions the
 * reader moves nodes with.  Compiled against the plugin's sources. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "html_reader.h"

static html_node *S_parse(html_tree *t, const char *page, size_t max_elements, int *stopped) {
  int s = 0;
  int rc = html_tree_parse(t, page, strlen(page), max_elements, stopped ? stopped : &s);
  return rc == 0 ? html_tree_root(t) : NULL;
}

/* The first element named `name` in document order. */
static html_node *S_find(html_node *root, const char *name) {
  for (html_node *n = root; n; n = html_next(n, root, 0))
    if (html_is(n, name)) return n;
  return NULL;
}

static void test_text_and_elements(void) {
  html_tree t;
  html_node *root = S_parse(&t, "<p>Quyết định <b>290-QĐ/TW</b> &amp; Chỉ thị 16</p>", 1000, NULL);
  OK(root && html_is(root, "html"), "an <html> root, implied");
  html_node *p = S_find(root, "p");
  OK(p && p->parent && html_is(p->parent, "body"), "<p> in the implied <body>");
  OK(p && p->children && p->children->type == XML_TEXT_NODE, "text first");
  STR_EQ(p ? (const char *)p->children->content : NULL, "Quyết định ", "text as written");
  html_node *b = p ? p->children->next : NULL;
  OK(html_is(b, "b") && b->parent == p && b->prev == p->children, "the element between, linked");
  STR_EQ(b && b->children ? (const char *)b->children->content : NULL, "290-QĐ/TW", "its text");
  STR_EQ(p && p->last ? (const char *)p->last->content : NULL, " & Chỉ thị 16", "entities decoded");
  html_tree_free(&t);
}

static void test_what_is_left_out(void) {
  html_tree t;
  html_node *root = S_parse(&t,
                            "<div>\n  <p>a<i></i>b</p>\n  <p>x <b>y</b> <i>z</i></p>\n"
                            "<p><i class=\"icon\"></i>w</p></div>",
                            1000, NULL);
  html_node *div = S_find(root, "div");
  OK(div && html_is(div->children, "p"), "whitespace opening a block makes no node");
  OK(div && div->children && html_is(div->children->next, "p"), "nor whitespace after a block");
  html_node *p1 = div ? div->children : NULL;
  OK(p1 && p1->children && !p1->children->next, "an empty <i> dropped, the text around it one node");
  STR_EQ(p1 && p1->children ? (const char *)p1->children->content : NULL, "ab", "joined");
  html_node *p2 = p1 ? p1->next : NULL;
  html_node *sp = p2 && p2->children ? p2->children->next->next : NULL;
  STR_EQ(sp && sp->type == XML_TEXT_NODE ? (const char *)sp->content : NULL, " ",
         "a space between inline elements stays");
  html_node *p3 = p2 ? p2->next : NULL;
  OK(p3 && html_is(p3->children, "i") && html_attr(p3->children, "class"),
     "an empty element with attributes stays (an icon)");
  html_tree_free(&t);
}

static void test_script_comment_and_long_text(void) {
  size_t n = 300000;
  char *page = malloc(n + 200);
  strcpy(page, "<!-- đầu --><html><head><script type=\"application/ld+json\">{\"a\": 1}</script>"
               "</head><body><p>");
  size_t at = strlen(page);
  for (size_t i = 0; i < n; i++) page[at + i] = (char)('a' + i % 26);
  strcpy(page + at + n, "</p></body></html>");
  html_tree t;
  int stopped = 0;
  html_node *root = S_parse(&t, page, 1000, &stopped);
  OK(t.first && t.first->type == XML_COMMENT_NODE, "a comment before <html> at the top level");
  STR_EQ(t.first ? (const char *)t.first->content : NULL, " đầu ", "its text");
  html_node *s = S_find(root, "script");
  OK(s && s->children && s->children->type == XML_CDATA_SECTION_NODE, "script text is CDATA");
  STR_EQ(s && s->children ? (const char *)s->children->content : NULL, "{\"a\": 1}", "as written");
  html_node *p = S_find(root, "p");
  const char *txt = p && p->children ? (const char *)p->children->content : "";
  OK(p && p->children && !p->children->next && strlen(txt) == n, "a 300 KB run is one text node");
  OK(txt[0] == 'a' && txt[n - 1] == (char)('a' + (n - 1) % 26), "whole, in order");
  INT_EQ(stopped, 0, "nothing stopped");
  html_tree_free(&t);
  free(page);
}

/* What follows an early </html> goes where libxml2 puts it: into the
 * first <html> without a doctype, next to it with one (the reader joins
 * both forms into one body). */
static void test_after_the_end(void) {
  html_tree t;
  html_node *root = S_parse(&t, "<html><body><p>một</p></body></html><p>hai</p>", 1000, NULL);
  OK(root && !root->next, "no doctype: one top-level element");
  html_node *two = root ? S_find(root, "p") : NULL;
  two = two ? html_next(two, root, 1) : NULL;
  while (two && !html_is(two, "p")) two = html_next(two, root, 0);
  OK(two != NULL, "the late paragraph inside the first root");
  html_tree_free(&t);
  root = S_parse(&t, "<!DOCTYPE html><html><body><p>một</p></body></html><p>hai</p>", 1000, NULL);
  OK(root && root->next && html_is(root->next, "html"), "doctype: a second root beside the first");
  html_tree_free(&t);
}

static void test_limits(void) {
  html_tree t;
  int stopped = 0;
  char page[4096] = "<body>";
  for (int i = 0; i < 300; i++) strcat(page, "<div>");
  strcat(page, "deep");
  html_node *root = S_parse(&t, page, 100000, &stopped);
  INT_EQ(stopped, HTML_TREE_TOO_DEEP, "stops at the depth limit");
  int depth = 0;
  for (html_node *n = root; n; n = n->children) depth++;
  OK(depth <= HTML_TREE_MAX_DEPTH + 1, "no deeper than the limit");
  html_tree_free(&t);
  root = S_parse(&t, "<ul><li>1</li><li>2</li><li>3</li><li>4</li><li>5</li></ul>", 6, &stopped);
  INT_EQ(stopped, HTML_TREE_TOO_MANY, "stops at the element budget");
  html_node *ul = S_find(root, "ul");
  int items = 0;
  for (html_node *k = ul ? ul->children : NULL; k; k = k->next) items += html_is(k, "li");
  OK(items >= 1 && items < 5, "what was read is kept, the rest is not");
  html_tree_free(&t);
}

static void test_moving_nodes(void) {
  html_tree t;
  html_node *root = S_parse(&t, "<div><p>a</p>b<!--c-->d</div><section>e</section>", 1000, NULL);
  html_node *div = S_find(root, "div"), *sec = S_find(root, "section");
  html_node *p = div->children, *b = p->next, *comment = b->next, *d = comment->next;
  html_unlink(comment);
  OK(b->next == d && d->prev == b && !comment->parent, "unlinked");
  html_free_node(comment);
  html_node *m = html_add_child(sec, (html_unlink(d), d));
  OK(m == sec->children && !sec->children->next, "a text child merges into a text last child");
  STR_EQ((const char *)sec->children->content, "ed", "appended");
  html_unlink(b);
  m = html_add_prev(sec->children, b);
  OK(m == sec->children && !sec->children->next, "text before text joins it");
  STR_EQ((const char *)sec->children->content, "bed", "in front");
  html_node *fresh = html_new_element("span");
  html_add_prev(sec->children, fresh);
  OK(sec->children == fresh && fresh->next && fresh->parent == sec, "an element before, linked");
  html_unlink(p);
  html_add_child(sec, p);
  OK(sec->last == p && p->prev && p->prev->type == XML_TEXT_NODE && !div->children && !div->last,
     "moved out of an emptied parent");
  html_tree_free(&t);
}

int main(void) {
  RUN(test_text_and_elements);
  RUN(test_what_is_left_out);
  RUN(test_script_comment_and_long_text);
  RUN(test_after_the_end);
  RUN(test_limits);
  RUN(test_moving_nodes);
  return harness_summary();
}
