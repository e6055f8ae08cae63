/* The html reader on shapes of international news pages: an opinion
 * column's header with the writer's avatar, a magazine's print-edition
 * note, an opinion disclaimer, and the other furniture such pages print
 * around the article. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docpipe/docpipe.h"
#include "docpipe/plugin.h"
#include "harness.h"
#include "html_test.h"

static const docpipe_plugin *S_html;

/* The document read from `page` (NULL, the error printed, when it is not
 * read); the reader gets the padding a caller gives. */
static docpipe_doc *S_doc(const char *page) {
  docpipe_doc *doc = NULL;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  if (html_test_read(S_html, page, strlen(page), NULL, &doc, &err) != 0)
    fprintf(stderr, "     read: %s\n", err.message);
  return doc;
}

/* The body text of `page`; its title into *title when asked. */
static char *S_read(const char *page, char **title) {
  docpipe_doc *doc = S_doc(page);
  char *body = NULL;
  if (doc) {
    body = docpipe_node_text_content(docpipe_doc_root(doc));
    if (title) {
      const char *t = docpipe_meta_string(docpipe_doc_meta(doc), "title");
      *title = t ? strdup(t) : NULL;
    }
  }
  docpipe_doc_free(doc);
  return body;
}

/* The body of html_test_page_around(head, tail); its title too when
 * `title` is not NULL. */
static char *S_read_around(const char *head, const char *tail, char **title) {
  char *page = html_test_page_around(head, tail);
  char *body = page ? S_read(page, title) : NULL;
  docpipe_free(page);
  return body;
}

/* An article header holding the headline, the standfirst and a byline box
 * with the writer's avatar: one picture and a short text, but a headline
 * is never a caption, so the headline leaves the body as the title. */
static void test_header_with_avatar_not_figure(void) {
  const char *head =
      "<html><head><title>Pipes before plants | Opinions</title></head><body><main>"
      "<div class='article-header'><div class='topics'><a href='/opinion/'>Opinion</a></div>"
      "<header><h1>Pipes before plants</h1><p class='subhead'>A network that loses half its "
      "water needs repairs first.</p></header><div class='info-block'><div class='author'>"
      "<div class='author-img'><img src='a.jpg' alt='Picture of the writer'></div>"
      "<div class='author-name'><a href='/author/x'>Rana Said</a><div "
      "class='author-description'>Water engineer based in the capital</div></div></div>"
      "<div class='dates'>Published On 5 Dec 2024</div></div></div>"
      "<div class='featured'><figure><img src='t.jpg' alt='A tanker'><figcaption>A tanker fills "
      "rooftop tanks in the east of the city, in August</figcaption></figure></div>"
      "<div id='article-body' class='wysiwyg'>";
  const char *tail = "</div></main></body></html>";
  char *title = NULL;
  char *body = S_read_around(head, tail, &title);
  STR_EQ(title, "Pipes before plants", "the headline is the title");
  OK(body && strstr(body, "four hundred kilometres"), "the article kept");
  OK(body && !strstr(body, "Pipes before plants"), "the headline is not a caption in the body");
  free(title);
  docpipe_free(body);
}

/* A magazine's note of the print issue, over and under the article, and
 * an opinion column's disclaimer at its end. */
static void test_print_note_and_disclaimer(void) {
  const char *head =
      "<html><head><title>The long wait</title></head><body><main><article>"
      "<h1>The long wait</h1><p class='dek'>A city that loses half its water.</p>"
      "<p>This article appears in the March 2025 print edition with the headline \xE2\x80\x9CThe "
      "Cracked Bucket.\xE2\x80\x9D</p><div class='article-body'>";
  const char *tail =
      "<p><em>The views expressed in this article are the author\xE2\x80\x99s own and do not "
      "necessarily reflect the editorial stance of this publication.</em></p></div>"
      "<p>This article appears in the March 2025 print edition.</p></article></main></body></html>";
  char *body = S_read_around(head, tail, NULL);
  OK(body && strstr(body, "four hundred kilometres") && strstr(body, "pressure in their taps"),
     "the article kept");
  OK(body && !strstr(body, "print edition"), "the print notes dropped");
  OK(body && !strstr(body, "views expressed"), "the disclaimer dropped");
  docpipe_free(body);
}

/* A link whose target is "#" alone is a script's button: its text stays,
 * as text, and no link leads nowhere (a DOCX hyperlink needs a target). */
static int S_has_hash_link(docpipe_node *n) {
  for (docpipe_node *k = docpipe_node_first_child(n); k; k = docpipe_node_next(k)) {
    if (docpipe_node_type_of(k) == DOCPIPE_NODE_LINK && !strcmp(docpipe_node_url(k), "#")) return 1;
    if (S_has_hash_link(k)) return 1;
  }
  return 0;
}

static void test_hash_link_is_text(void) {
  const char *head = "<html><head><title>Taps</title></head><body><article><h1>Taps</h1>";
  const char *tail = "<p>Residents can <a href='#'>read the plan</a> at the town hall.</p></article></body></html>";
  char *page = html_test_page_around(head, tail);
  docpipe_doc *doc = page ? S_doc(page) : NULL;
  OK(doc != NULL, "read");
  char *body = doc ? docpipe_node_text_content(docpipe_doc_root(doc)) : NULL;
  OK(body && strstr(body, "read the plan"), "the text kept");
  OK(doc && !S_has_hash_link(docpipe_doc_root(doc)), "no link to '#'");
  docpipe_free(body);
  docpipe_doc_free(doc);
  docpipe_free(page);
}

/* Furniture in the languages of international pages: a German skip link,
 * a Spanish comment box's label, a feedback prompt ending in "?", and a
 * magazine's "Read:" line pointing to another story. */
static void test_international_furniture(void) {
  const char *head =
      "<html><head><title>Wasser</title></head><body><a href='#Inhalt'>Zum Inhalt springen</a>"
      "<main id='Inhalt'><article><h1>Wasser</h1>";
  const char *tail =
      "<p><em>Read: </em><a href='/ideas/2024/12/boring-infrastructure/'>The case for boring "
      "infrastructure</a></p>"
      "<p>The plan will be presented to the city council in January, together with a timetable "
      "for each district and an estimate of what it will cost.</p>"
      "<section id='comentarios'><h3>Comentarios</h3><p>Normas</p><button>Ver comentarios</button>"
      "</section><div class='feedback'><h2>Is this page useful?</h2><a href='/contact'>Yes</a> "
      "<a href='/contact'>No</a></div></article></main></body></html>";
  char *body = S_read_around(head, tail, NULL);
  OK(body && strstr(body, "four hundred kilometres") && strstr(body, "presented to the city council"),
     "the article kept");
  OK(body && !strstr(body, "Zum Inhalt"), "the skip link dropped");
  OK(body && !strstr(body, "boring infrastructure"), "the 'Read:' line dropped");
  OK(body && !strstr(body, "Comentarios") && !strstr(body, "Normas"), "the comment box dropped");
  OK(body && !strstr(body, "page useful"), "the feedback prompt dropped");
  docpipe_free(body);
}

/* The byline box as one strip under the headline: the known author, the
 * agency's tag and the date line, joined by " / ". */
static void test_byline_strip(void) {
  const char *head =
      "<html><head><title>Buses</title><script type='application/ld+json'>{\"@type\":"
      "\"NewsArticle\",\"headline\":\"Buses\",\"author\":{\"@type\":\"Person\",\"name\":"
      "\"Ritu Menon\"},\"datePublished\":\"2024-12-05T12:10:00+05:30\"}</script></head><body>"
      "<div class='story'><h1>Buses</h1><div class='byline'><a href='/author/ritu-menon'>Ritu "
      "Menon</a> / TNN / Updated: Dec 5, 2024, 14:30 IST</div><div class='body'>";
  const char *tail = "</div></div></body></html>";
  char *body = S_read_around(head, tail, NULL);
  OK(body && strstr(body, "four hundred kilometres"), "the article kept");
  OK(body && !strstr(body, "TNN") && !strstr(body, "Updated"), "the byline strip dropped");
  docpipe_free(body);
}

/* A German newsletter box inside the article: the pitch says "Postfach"
 * and "anmelden", not "newsletter", around a form asking for an e-mail
 * address. */
static void test_german_signup_box(void) {
  const char *head = "<html><head><title>Wasser</title></head><body><article><h1>Wasser</h1>";
  const char *tail =
      "<div class='box'><p>Die Lage am Abend</p><p>Was heute wichtig war. Jeden Werktag um 18 "
      "Uhr in Ihrem Postfach.</p><form action='/nl'><input type='email' placeholder='E-Mail'>"
      "<button>Jetzt anmelden</button></form></div>"
      "<p>The plan will be presented to the city council in January, together with a timetable "
      "for each district and an estimate of what it will cost.</p></article></body></html>";
  char *body = S_read_around(head, tail, NULL);
  OK(body && strstr(body, "four hundred kilometres") && strstr(body, "presented to the city council"),
     "the article kept");
  OK(body && !strstr(body, "Postfach") && !strstr(body, "Lage am Abend"), "the sign-up box dropped");
  docpipe_free(body);
}

/* A header of no paragraphs holding the headline, a subtitle set as an
 * <h2> beside it and a captioned picture: the cleaner removes the header,
 * the subtitle and the picture still open the article. */
static void test_subtitle_in_removed_header(void) {
  const char *head =
      "<html><head><title>Sensores para ahorrar agua</title></head><body><main><article>"
      "<header class='a_e'><div class='kicker'><a href='/agua/'>Agua</a></div><div class='txt'>"
      "<h1>Sensores para ahorrar agua</h1><h2 class='a_st'>Un programa piloto en 40 fincas reduce "
      "un 22% el consumo de riego, pero los agricultores dudan de poder pagar la tecnología</h2>"
      "</div><figure><img src='f.jpg' alt=''><figcaption>Un técnico revisa una sonda en una "
      "finca de limoneros</figcaption></figure></header><div class='a_c'>";
  const char *tail = "</div></article></main></body></html>";
  char *body = S_read_around(head, tail, NULL);
  OK(body && strstr(body, "four hundred kilometres"), "the article kept");
  OK(body && strstr(body, "Un programa piloto"), "the subtitle opens it");
  OK(body && strstr(body, "Un programa piloto") < strstr(body, "four hundred"), "first");
  OK(body && strstr(body, "Un técnico revisa"), "the header's picture and caption follow it");
  docpipe_free(body);
}

/* At the end: a metered paywall's prompt (a count of free articles and a
 * "Subscribe" call, no "Log in"), and an author box whose title is the
 * writer's name over the bio. */
static void test_meter_and_bio_title(void) {
  const char *head =
      "<html><head><title>Keepers</title><meta name='author' content='Mara Lind'></head><body>"
      "<article><h1>Keepers</h1><div class='body'>";
  const char *tail =
      "</div><div class='bio'><h2>Mara Lind</h2><p>Mara Lind is a staff writer covering water and "
      "cities.</p></div><div class='wall'><h3>Subscribe for unlimited access</h3><p>You have 2 "
      "free articles remaining this month.</p><a href='/subscribe'>Subscribe</a></div>"
      "</article></body></html>";
  char *body = S_read_around(head, tail, NULL);
  OK(body && strstr(body, "pressure in their taps"), "the article kept");
  OK(body && !strstr(body, "remaining this month") && !strstr(body, "unlimited access"),
     "the paywall's prompt dropped");
  OK(body && !strstr(body, "Mara Lind"), "the author box's title and bio dropped");
  docpipe_free(body);
}

/* A rubric right before the headline, its sibling ("Press release"), goes
 * with the headline; a sentence there would stay. */
static void test_kicker_before_headline(void) {
  const char *head =
      "<html><head><title>New rules for parking badges</title></head><body><main>"
      "<div class='heading'><span class='caption'>Press release</span>"
      "<h1>New rules for parking badges</h1></div><div class='govspeak'>";
  const char *tail = "</div></main></body></html>";
  char *title = NULL;
  char *body = S_read_around(head, tail, &title);
  STR_EQ(title, "New rules for parking badges", "the headline is the title");
  OK(body && strstr(body, "four hundred kilometres"), "the article kept");
  OK(body && !strstr(body, "Press release"), "the rubric dropped");
  free(title);
  docpipe_free(body);
}

/* The page's closing lines under the article: "End of Article" and a
 * prompt to download the outlet's app; a sentence about an app stays. */
static void test_app_prompt(void) {
  const char *head = "<html><head><title>Buses</title></head><body><article><h1>Buses</h1>";
  const char *tail =
      "<p>Commuters can download the transport app to see when the next bus arrives at each stop "
      "on the new routes, the authority said.</p>"
      "<p>Download The Daily Times App for the latest news.</p><p>End of Article</p>"
      "</article></body></html>";
  char *body = S_read_around(head, tail, NULL);
  OK(body && strstr(body, "transport app to see"), "the sentence about an app kept");
  OK(body && !strstr(body, "for the latest news") && !strstr(body, "End of Article"),
     "the closing lines dropped");
  docpipe_free(body);
}

int main(void) {
  docpipe_registry *reg = NULL;
  S_html = html_test_plugin(&reg);
  RUN(test_header_with_avatar_not_figure);
  RUN(test_print_note_and_disclaimer);
  RUN(test_hash_link_is_text);
  RUN(test_international_furniture);
  RUN(test_byline_strip);
  RUN(test_german_signup_box);
  RUN(test_subtitle_in_removed_header);
  RUN(test_meter_and_bio_title);
  RUN(test_kicker_before_headline);
  RUN(test_app_prompt);
  docpipe_registry_free(reg);
  return harness_summary();
}
