/* The html reader's choice of the main content on pages that are not one
 * article: a grid of teaser cards, a forum thread, a page of links whose
 * menu says "comments", prose under a utility class; and the article with
 * a comment thread whose comments must still go. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docpipe/docpipe.h"
#include "docpipe/plugin.h"
#include "harness.h"
#include "html_test.h"

static const docpipe_plugin *S_html;

static char *S_read_body(const char *page) {
  docpipe_doc *doc = NULL;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  char *body = NULL;
  if (html_test_read(S_html, page, strlen(page), NULL, &doc, &err) == 0)
    body = docpipe_node_text_content(docpipe_doc_root(doc));
  else
    fprintf(stderr, "     read: %s\n", err.message);
  docpipe_doc_free(doc);
  return body;
}

static void S_append(docpipe_buf *b, const char *s) { docpipe_buf_append(b, s, strlen(s)); }

/* Six cards, each nested four levels deep with its own modifier class:
 * the best-scoring block is one card's text, the content is the grid. */
static void test_card_grid(void) {
  static const char *const titles[] = {"Harbour bridge reopens after repairs",
                                       "Library extends its weekend hours",
                                       "New bus line links the two campuses",
                                       "Farmers market moves to the old depot",
                                       "River clean-up draws two hundred volunteers",
                                       "Council approves the cycling plan"};
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b, "<html><head><title>Latest news</title></head><body>"
               "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
               "<main><h1>Latest news</h1><div class='grid'>");
  for (int i = 0; i < 6; i++) {
    char card[1024];
    snprintf(card, sizeof card,
             "<div class='grid__item grid__item--%d'><article class='teaser'>"
             "<div class='teaser__body'><h3><a href='/story/%d'>%s</a></h3>"
             "<div class='teaser__text'><p>Teaser %d: residents, officials and visitors describe "
             "what changes this week, and why it matters to the town.</p></div>"
             "</div></article></div>",
             i, i, titles[i], i);
    S_append(&b, card);
  }
  S_append(&b, "</div></main><footer><a href='/about'>About us</a> <a href='/privacy'>Privacy"
               "</a> <a href='/contact'>Contact</a></footer></body></html>");
  char *body = S_read_body(b.data);
  OK(body != NULL, "grid page reads");
  int all = body != NULL;
  for (int i = 0; body && i < 6; i++) all &= strstr(body, titles[i]) != NULL;
  OK(all, "every card title kept");
  OK(body && strstr(body, "Teaser 0:") && strstr(body, "Teaser 5:"), "every teaser kept");
  OK(body && !strstr(body, "Privacy"), "footer dropped");
  OK(body && !strstr(body, "Sport"), "menu dropped");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* A thread whose posts all carry "comment" in their class: with nothing
 * else on the page they are the content. */
static void test_forum_thread(void) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b, "<html><head><title>Which lens for birds?</title></head><body>"
               "<h1>Which lens for birds?</h1><div id='posts'>");
  for (int i = 0; i < 4; i++) {
    char post[1024];
    snprintf(post, sizeof post,
             "<article class='post'><div class='post-author'>member%d</div>"
             "<div class='comment-body' id='comment-%d'><p>Reply %d: I tried a long zoom for a "
             "season, and the weight, not the sharpness, was what decided it for me in the end; "
             "a lighter prime went out with me far more often.</p></div></article>",
             i, 100 + i, i);
    S_append(&b, post);
  }
  S_append(&b, "</div></body></html>");
  char *body = S_read_body(b.data);
  OK(body && strstr(body, "Reply 0:") && strstr(body, "Reply 3:"), "every post kept");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* The same comments under a full article stay boilerplate. */
static void test_article_comments(void) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b, "<html><head><title>Storm</title></head><body><article><h1>Storm closes the "
               "coast road</h1><div class='entry-content'>");
  for (int i = 0; i < 6; i++) {
    char p[512];
    snprintf(p, sizeof p,
             "<p>Paragraph %d of the story: crews worked through the night, and the road, "
             "which carries most of the coast's traffic, stays shut until the engineers have "
             "checked every culvert along it.</p>",
             i);
    S_append(&b, p);
  }
  S_append(&b, "</div></article><div id='comments'><ol class='comment-list'>");
  for (int i = 0; i < 3; i++) {
    char c[512];
    snprintf(c, sizeof c,
             "<li class='comment' id='comment-%d'><p>Reader note %d: the same thing happened "
             "two winters ago, and nobody fixed the drains then either, as far as I know.</p></li>",
             i, i);
    S_append(&b, c);
  }
  S_append(&b, "</ol></div></body></html>");
  char *body = S_read_body(b.data);
  OK(body && strstr(body, "Paragraph 0 of") && strstr(body, "Paragraph 5 of"), "article kept");
  OK(body && !strstr(body, "Reader note"), "comments dropped");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* A page that is one table of links, under a menu whose item "comments"
 * is a widget label: the label's box and the link lists after it never
 * take the page with them. */
static void test_link_table_page(void) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b, "<html><head><title>New links</title></head><body><center><table id='main'>"
               "<tr><td><span><a href='/new'>new</a> | <a href='/past'>past</a> | "
               "<a href='/comments'>comments</a> | <a href='/ask'>ask</a></span></td></tr>"
               "<tr><td><table>");
  for (int i = 0; i < 12; i++) {
    char row[512];
    snprintf(row, sizeof row,
             "<tr class='item'><td>%d.</td><td class='title'><a href='https://example.org/%d'>"
             "Story number %d about compilers, gardens and old maps</a> (example.org)</td></tr>"
             "<tr><td></td><td class='sub'>%d points by someone %d hours ago</td></tr>",
             i + 1, i, i, 10 + i, i + 1);
    S_append(&b, row);
  }
  S_append(&b, "</table></td></tr></table></center></body></html>");
  char *body = S_read_body(b.data);
  OK(body && strstr(body, "Story number 0 about") && strstr(body, "Story number 11 about"),
     "the list of links kept");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* "font-size-sm" on the page's prose is a utility class, not the font-size
 * widget of a news portal (a section under half the page, beside a plain
 * one a little longer). */
static void test_utility_class_prose(void) {
  static const char *const topics[] = {"Repairs", "Fittings", "Winter plan"};
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b, "<html><head><title>Our services</title></head><body><main><h1>Our services</h1>");
  for (int i = 0; i < 2; i++) {
    char sec[1400];
    snprintf(sec, sizeof sec,
             "<section class='%s'><h2>%s</h2><p>Section %d: we repair and "
             "service bicycles of every kind, from children's first bikes to touring frames, and "
             "we keep the common parts in stock so that most repairs are done the same day, "
             "while you wait or while you shop.</p><p>Wheel building, suspension servicing and "
             "fitting sessions are booked ahead; everything else is first come, first served, "
             "six days a week, and we always tell you the price before we start any work.</p>"
             "<p>Bring the bike clean if you can; otherwise we wash it for you, free of charge, "
             "before the work starts.</p>%s</section>",
             i == 0 ? "font-size-sm leading-6" : "plain", topics[i], i,
             i == 0 ? "" : "<p>Gift vouchers are sold in the shop.</p>");
    S_append(&b, sec);
  }
  S_append(&b, "</main></body></html>");
  char *body = S_read_body(b.data);
  OK(body && strstr(body, "Section 0: we repair") && strstr(body, "Section 1: we repair"),
     "prose under a utility class kept");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* A product page: the item's description, then a "Customers also bought"
 * block of other products' cards, each with a line of its own.  The block
 * is the shop's, not the item's. */
static void test_product_also_bought(void) {
  static const char *const others[] = {"Canvas tote bag", "Enamel camping mug", "Wool beanie"};
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b, "<html><head><title>Linen apron</title></head><body><main>"
               "<div class='product'><h1>Linen apron</h1><div class='product__description'>"
               "<p>A heavy linen apron, washed soft, with two deep pockets, a loop for a towel "
               "and long ties that wrap around to the front.</p><p>Cut long enough to cover the "
               "knees, it suits the kitchen, the workshop and the garden alike, and it gets "
               "softer with every wash.</p><p>Care: machine wash warm with like colours, tumble "
               "dry low, and iron while still damp if you like a crisp finish; the linen will "
               "shrink a little on the first wash, which the sizing allows for.</p></div></div>"
               "<div class='more'><h2>Customers also bought</h2><div class='more__list'>");
  for (int i = 0; i < 3; i++) {
    char card[600];
    snprintf(card, sizeof card,
             "<div class='more__card'><a href='/p/%d'>%s</a><p>Item %d, made in small batches "
             "by the same workshop.</p></div>",
             i, others[i], i);
    S_append(&b, card);
  }
  S_append(&b, "</div></div></main></body></html>");
  char *body = S_read_body(b.data);
  OK(body && strstr(body, "two deep pockets") && strstr(body, "softer with every wash"),
     "product description kept");
  OK(body && !strstr(body, others[0]) && !strstr(body, "Item 2,"), "also-bought block dropped");
  OK(body && !strstr(body, "Customers also bought"), "its heading dropped");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* A short intro line above the table of links it introduces: the intro
 * scores best, yet the rows beside it are the content. */
static void test_intro_above_rows(void) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b, "<html><head><title>Openings</title></head><body><center><table id='main'>"
               "<tr><td><a href='/'>home</a> | <a href='/openings'>openings</a></td></tr>"
               "<tr><td><div>These are openings at member workshops, newest first, and updated "
               "daily.</div><table>");
  for (int i = 0; i < 10; i++) {
    char row[512];
    snprintf(row, sizeof row,
             "<tr class='item'><td>%d.</td><td><a href='https://example.org/jobs/%d'>Workshop %d "
             "is hiring a joiner</a> (<a href='/from/%d'>example.org</a>)</td></tr>"
             "<tr><td></td><td><a href='/item/%d'>%d days ago</a></td></tr>",
             i + 1, i, i, i, i, i + 1);
    S_append(&b, row);
  }
  S_append(&b, "</table></td></tr></table></center></body></html>");
  char *body = S_read_body(b.data);
  OK(body && strstr(body, "These are openings"), "intro kept");
  OK(body && strstr(body, "Workshop 0 is hiring") && strstr(body, "Workshop 9 is hiring"),
     "the rows it introduces kept");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* A landing page: its longest text sits in a hero nested in rows, each
 * row adding a line (a kicker, a tagline) too long to be a mere wrapper;
 * the page's other sections, each under its own heading, sit above. */
static void test_landing_sections(void) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b,
           "<html><head><title>Calm books</title></head><body>"
           "<nav><a href='/'>Home</a> <a href='/plans'>Plans</a> <a href='/login'>Log in</a></nav>"
           "<main><div class='hero'><p class='kicker'>Bookkeeping for small workshops and studios, "
           "since the first ledger.</p><div class='hero__row'><div class='hero__col'>"
           "<p class='tagline'>Close the month in an afternoon, not a week of evenings.</p>"
           "<div class='hero__text'><h1>Books that keep themselves</h1><p>We reconcile your bank "
           "feeds, sort receipts into the right accounts, chase the invoices that are late, and "
           "prepare the quarterly return, so that the owner of a small workshop can spend the "
           "evening at the bench, with the family, or asleep, instead of with a shoebox of "
           "crumpled paper and a spreadsheet that never quite adds up.</p></div>"
           "</div></div></div>"
           "<section class='payroll'><h2>Payroll in three clicks</h2><p>Staff are paid on the "
           "same day each month, and every payslip is filed where an inspector expects it.</p>"
           "</section><section class='pricing'><h2>One price for everything</h2><p>A single "
           "monthly fee covers every feature, with no charge per user and no setup cost.</p>"
           "</section><section class='people'><h2>Real people answer</h2><p>Our accountants "
           "answer the phone themselves, in working hours, and reply to mail within a day.</p>"
           "</section></main>"
           "<footer><a href='/terms'>Terms</a> <a href='/privacy'>Privacy</a></footer>"
           "</body></html>");
  char *body = S_read_body(b.data);
  OK(body && strstr(body, "We reconcile your bank feeds"), "hero kept");
  OK(body && strstr(body, "Staff are paid on the same day") &&
         strstr(body, "A single monthly fee") && strstr(body, "Our accountants answer"),
     "every other section kept");
  OK(body && !strstr(body, "Privacy"), "footer dropped");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* A category page: a short intro, then tiles whose whole text is a link.
 * The intro scores best, yet the tiles are the content, links and all. */
static void test_category_tiles(void) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b, "<html><head><title>Garden tools</title></head><body>"
               "<nav><a href='/'>Home</a> <a href='/tools'>Tools</a></nav><main>"
               "<div class='intro'><h1>Garden tools</h1><p>Spades, forks and shears, chosen by "
               "gardeners, sharpened before they ship.</p></div><div class='tiles'>");
  for (int i = 0; i < 8; i++) {
    char tile[512];
    snprintf(tile, sizeof tile,
             "<div class='tile'><a href='/tool/%d'><span class='name'>Tool %d of ash and forged "
             "steel</span> <span class='price'>%d.50 EUR</span> <span class='note'>In stock, "
             "ships in two days</span></a></div>",
             i, i, 20 + i);
    S_append(&b, tile);
  }
  S_append(&b, "</div></main></body></html>");
  char *body = S_read_body(b.data);
  OK(body && strstr(body, "Spades, forks and shears"), "intro kept");
  OK(body && strstr(body, "Tool 0 of ash") && strstr(body, "Tool 7 of ash"), "every tile kept");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* The same landing page with calls to action (all links) around the hero
 * instead of lines of text: the rows adding them are still steps on the
 * way to the page's sections. */
static void test_landing_call_to_action(void) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b,
           "<html><head><title>Calm books</title></head><body>"
           "<main><div class='hero'><div class='hero__row'><div class='hero__col'>"
           "<div class='hero__text'><h1>Books that keep themselves</h1><p>We reconcile your bank "
           "feeds, sort receipts into the right accounts, chase the invoices that are late, and "
           "prepare the quarterly return, so that the owner of a small workshop can spend the "
           "evening at the bench, with the family, or asleep, instead of with a shoebox of "
           "crumpled paper and a spreadsheet that never quite adds up.</p></div>"
           "<div class='cta'><a href='/trial'>Start a free trial today</a> "
           "<a href='/demo'>Book a demo with an accountant</a></div></div></div>"
           "<div class='logos'><a href='/c/1'>Joinery North</a> <a href='/c/2'>Kiln and Wheel</a> "
           "<a href='/c/3'>Bindery Row</a> <a href='/c/4'>Loom House</a></div></div>"
           "<section class='payroll'><h2>Payroll in three clicks</h2><p>Staff are paid on the "
           "same day each month, and every payslip is filed where an inspector expects it.</p>"
           "</section><section class='pricing'><h2>One price for everything</h2><p>A single "
           "monthly fee covers every feature, with no charge per user and no setup cost.</p>"
           "</section><section class='people'><h2>Real people answer</h2><p>Our accountants "
           "answer the phone themselves, in working hours, and reply to mail within a day.</p>"
           "</section></main></body></html>");
  char *body = S_read_body(b.data);
  OK(body && strstr(body, "We reconcile your bank feeds"), "hero kept");
  OK(body && strstr(body, "Staff are paid on the same day") &&
         strstr(body, "A single monthly fee") && strstr(body, "Our accountants answer"),
     "every other section kept");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* A river of teasers, each an <article> whose title and blurb sit in its
 * own <header>: those headers are the content, not the page's banner. */
static void test_teaser_headers(void) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b, "<html><head><title>Headphones</title></head><body><header class='site'>"
               "<a href='/'>Gadget notes</a></header><main><section class='river'>");
  for (int i = 0; i < 5; i++) {
    char teaser[768];
    snprintf(teaser, sizeof teaser,
             "<article class='river-item'><header><h2><a href='/a/%d'>Headphone review %d: "
             "the quiet ones</a></h2><p class='desc'><a href='/a/%d'>Blurb %d: how they sound "
             "on a train, how long they last, and whether they fold.</a></p></header></article>",
             i, i, i, i);
    S_append(&b, teaser);
  }
  S_append(&b, "</section></main></body></html>");
  char *body = S_read_body(b.data);
  OK(body && strstr(body, "Headphone review 0") && strstr(body, "Headphone review 4"),
     "every teaser title kept");
  OK(body && strstr(body, "Blurb 0:") && strstr(body, "Blurb 4:"), "every blurb kept");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* A thread whose posts sit in wrappers of different kinds (the first post,
 * the replies, a "weeks later" notice between them): no grid is found, the
 * posts are the page's content, and the cleaner must not take them again
 * for their "comment" class. */
static void test_thread_posts_survive_cleaning(void) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b, "<html><head><title>Oil for an old gearbox</title></head><body>"
               "<h1>Oil for an old gearbox</h1><main id='thread'>");
  static const char *const wraps[] = {"first-post", "reply", "reply reply--late"};
  for (int i = 0; i < 3; i++) {
    char post[1024];
    snprintf(post, sizeof post,
             "<div class='%s'><div class='userinfo'>rider%d</div>"
             "<div class='comment-msg'>Post %d: the manual says one grade but the "
             "shop used a thinner one, and shifting got smoother in the cold; after a winter "
             "of short trips I would pick the thinner one again, though it leaks a little "
             "more at the seals</div></div>"
             "<div class='gap'>%d weeks later...</div>",
             wraps[i], i, i, i + 2);
    S_append(&b, post);
  }
  S_append(&b, "</main></body></html>");
  char *body = S_read_body(b.data);
  OK(body && strstr(body, "Post 0:") && strstr(body, "Post 2:"), "every post kept");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* A shop's result grid whose container carries a weak boilerplate word
 * ("search-results"): the tiles are links with a picture, a name and a
 * price, yet they are the page. */
static void test_search_result_tiles(void) {
  static const char *const names[] = {"Trail lamp 400", "Commuter tail light", "Helmet clip light",
                                      "Rechargeable bar light", "Kids' spoke light"};
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b, "<html><head><title>Lights</title></head><body>"
               "<div class='topbar'><a href='/'>Shop</a> <a href='/help'>Help</a> "
               "<a href='/account'>Account</a> <a href='/stores'>Find a store</a></div>"
               "<div role='main'><h1>Lights</h1><div class='container search-results'>"
               "<div class='row product-grid'>");
  for (int i = 0; i < 5; i++) {
    char tile[512];
    snprintf(tile, sizeof tile,
             "<div class='col-6'><div class='tile'><a href='/p/%d'><img src='/i/%d.jpg' alt=''>"
             "</a><a href='/p/%d' class='name'>%s</a><span class='price'>$%d.95</span></div></div>",
             i, i, i, names[i], 20 + i);
    S_append(&b, tile);
  }
  S_append(&b, "</div></div></div><div class='bottom'><a href='/terms'>Terms of sale</a> "
               "<a href='/privacy'>Privacy</a> <a href='/cookies'>Cookies</a> "
               "<a href='/careers'>Careers</a> <a href='/returns'>Returns and refunds</a> "
               "<a href='/delivery'>Delivery times</a> <a href='/gift'>Gift cards</a> "
               "<a href='/repairs'>Repairs and servicing</a> <a href='/blog'>Our blog</a></div>"
               "</body></html>");
  char *body = S_read_body(b.data);
  OK(body && strstr(body, "Trail lamp 400") && strstr(body, "Kids' spoke light"),
     "every tile kept");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* A thread under a title box and a sidebar that outlast the boilerplate
 * pass (more than a bare page would hold), the comments many times longer
 * than all of it: the comments are still the content. */
static void test_thread_under_title_box(void) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b, "<html><head><title>Best tyres for wet roads?</title></head><body>"
               "<div class='titlebox'><h1>Best tyres for wet roads?</h1>"
               "<div class='info'>A board for people who ride in all weathers, with buying "
               "advice, repair help and route tips from riders across the region; be kind, "
               "stay on topic, and search before you ask a question that was answered last "
               "week. Posting rules are in the pinned thread at the top of the board.</div>"
               "<div class='boards'>");
  for (int i = 0; i < 30; i++) {
    char a[160];
    snprintf(a, sizeof a, "<a href='/board/%d'>Neighbouring board %d</a> ", i, i);
    S_append(&b, a);
  }
  S_append(&b, "</div></div><div class='thread'>");
  for (int i = 0; i < 8; i++) {
    char post[1024];
    snprintf(post, sizeof post,
             "<div class='comment' id='c%d'><div class='who'>rider%d</div><div class='md'>"
             "<p>Reply %d: after two wet winters on the same road I switched to a softer "
             "compound, and the grip on painted lines and drain covers is what changed most; "
             "they wear faster, but I would rather buy tyres twice a year than slide once, "
             "and the puncture rate stayed about the same on my commute.</p></div></div>",
             i, i, i);
    S_append(&b, post);
  }
  S_append(&b, "</div></body></html>");
  char *body = S_read_body(b.data);
  OK(body && strstr(body, "Reply 0:") && strstr(body, "Reply 7:"), "every reply kept");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* A consent centre injected as a modal dialog, its pages of purposes and
 * vendors longer than the short post it covers: the dialog is never the
 * content. */
static void test_modal_dialog_dropped(void) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b, "<html><head><title>Chain keeps slipping</title></head><body>"
               "<main><h1>Chain keeps slipping</h1><div class='op'><p>Question: my chain "
               "slips on the two smallest cogs after I fitted a new cassette, even with the "
               "indexing adjusted; is the chain worn too, or the chainring?</p></div></main>"
               "<div id='consent-sdk'><div role='dialog' aria-modal='true' "
               "aria-label='Your choices'><div class='pc-scroll'>");
  for (int i = 0; i < 6; i++) {
    char part[768];
    snprintf(part, sizeof part,
             "<div class='pc-purpose'><h4>Purpose %d</h4><p>Vendor text %d: we and our "
             "partners store and access information on your device, such as identifiers, "
             "to measure how content performs, to build profiles, and to improve products, "
             "based on consent or on legitimate interest, which you may object to.</p></div>",
             i, i);
    S_append(&b, part);
  }
  S_append(&b, "</div></div></div></body></html>");
  char *body = S_read_body(b.data);
  OK(body && strstr(body, "Question: my chain"), "the post kept");
  OK(body && !strstr(body, "Vendor text"), "the dialog dropped");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* A product page whose description sits in collapsed accordion panels
 * (display:none until clicked, one marked hidden as a tab panel): the
 * panels are the content; the collapsed menu of links still goes. */
static void test_collapsed_description(void) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b, "<html><head><title>Cedar planter box</title></head><body>"
               "<div class='navbar-collapse' style='display:none'><ul>"
               "<li><a href='/garden'>Garden</a></li><li><a href='/tools'>Tools</a></li>"
               "<li><a href='/sale'>Sale</a></li></ul></div><main>"
               "<div class='pdp'><h1>Cedar planter box</h1><p class='price'>$89.00</p>"

               "<div class='accordion'><div class='accordion__item'>"
               "<h3 class='accordion__title'>Description</h3>"
               "<div class='accordion__collapse' style='display: none'>"
               "<div class='accordion__body'><p>A raised planter of rough-sawn western red "
               "cedar, joined with stainless screws, that stands at a height to garden without "
               "kneeling.</p><p>Cedar resists rot without treatment, so the wood can touch the "
               "soil, and it weathers to a silver grey within a season or two.</p>"
               "<div class='text__show-more' style='display:none'><p>Deep enough for carrots "
               "and potatoes, the box holds about 200 litres of soil.</p></div></div></div>"
               "</div><div class='accordion__item'><h3 class='accordion__title'>Care</h3>"
               "<div role='tabpanel' hidden><p>Line the box with the felt provided, fill it with a "
               "light compost, and oil the outside once a year if you want to keep the colour.</p>"
               "<p>Empty it before a hard frost, or raise it on the feet supplied, so that water "
               "drains from the base and the joints stay tight through the winter.</p>"
               "</div></div></div></div></main></body></html>");
  char *body = S_read_body(b.data);
  OK(body && strstr(body, "rough-sawn western red cedar") && strstr(body, "silver grey"),
     "collapsed description kept");
  OK(body && strstr(body, "felt provided"), "hidden tab panel kept");
  OK(body && strstr(body, "Deep enough for carrots"), "hidden rest of a 'show more' kept");
  OK(body && !strstr(body, "Sale"), "collapsed menu dropped");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* A product page whose customer reviews, long and full of commas, outscore
 * its short description and table of details: the description is the
 * content, the reviews are not. */
static void test_reviews_outscore_description(void) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b, "<html><head><title>Trail daypack 22</title></head><body><main>"
               "<div class='product-info'><h1>Trail daypack 22</h1>"
               "<div class='product-description'><p>A light daypack with a padded back panel "
               "and a lid pocket for the small things.</p><p>The main compartment opens wide on a "
               "curved zip, the hip belt stows away when it is not needed, and a sleeve inside "
               "takes a bladder of up to two litres.</p><ul><li>Capacity: 22 litres</li>"
               "<li>Weight: 640 g</li><li>Fabric: recycled ripstop nylon</li>"
               "<li>Rain cover included</li></ul></div></div>"
               "<section class='product-reviews'><h2>Reviews</h2><div class='reviews-list'>");
  for (int i = 0; i < 5; i++) {
    char card[1024];
    snprintf(card, sizeof card,
             "<div class='review-card'><div class='review-card__stars'>5 stars</div>"
             "<p class='review-card__text'>Review %d: I took it on a long ridge walk, in wind, "
             "rain and sun, and it carried water, a jacket, lunch, a map and a camera without "
             "rubbing, sagging or leaking, which is more than I can say for my old pack, and the "
             "lid pocket, though small, held my keys, phone and snacks well enough.</p>"
             "<span class='review-card__author'>Walker %d</span></div>",
             i, i);
    S_append(&b, card);
  }
  S_append(&b, "</div></section></main></body></html>");
  char *body = S_read_body(b.data);
  OK(body && strstr(body, "padded back panel") && strstr(body, "recycled ripstop"),
     "description and details kept");
  OK(body && !strstr(body, "Review 0:") && !strstr(body, "Review 4:"), "reviews dropped");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* A product page whose <footer> holds a carousel of testimonials longer
 * than the product's own text: the footer, after the page's <h1>, still
 * goes, and the description is the content. */
static void test_long_footer_after_h1(void) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b, "<html><head><title>Wool throw</title></head><body><main>"
               "<div class='product'><h1>Wool throw</h1><div class='product__text'>"
               "<p>A throw woven from undyed wool of one flock, heavy enough for a cold room, "
               "with a fringe tied by hand at each end.</p><p>It measures 130 by 180 cm and "
               "takes a cool wash by hand; dry it flat, away from the sun.</p></div></div>"
               "</main><footer><div class='carousel'>");
  for (int i = 0; i < 6; i++) {
    char quote[768];
    snprintf(quote, sizeof quote,
             "<div class='slide'><p>Quote %d: we ordered for the cabin, and everything, from "
             "the packing to the note inside, the colours, the weave and the weight, was better "
             "than we had hoped, so we ordered again for the spare room, and again as a gift.</p>"
             "<p>Customer %d</p></div>",
             i, i);
    S_append(&b, quote);
  }
  S_append(&b, "</div><p>&copy; Weavers</p></footer></body></html>");
  char *body = S_read_body(b.data);
  OK(body && strstr(body, "undyed wool") && strstr(body, "dry it flat"), "description kept");
  OK(body && !strstr(body, "Quote 0:") && !strstr(body, "Quote 5:"), "footer dropped");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* Under a product's text, a labelled carousel of other products: each card a
 * picture, a linked name and a price, so its links are a minority of its
 * text; only the first slide carries the carousel's class.  The label
 * takes the carousel with it. */
static void test_labelled_product_carousel(void) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b, "<html><head><title>Oak chopping board</title></head><body><main>"
               "<div class='item'><h1>Oak chopping board</h1><div class='item__text'>"
               "<p>A thick board of European oak, end grain up, so that knives stay sharp and "
               "cuts close up again; feet of cork keep it from sliding on the worktop.</p>"
               "<p>Oil it once a month with the food-safe oil supplied, never soak it, and dry "
               "it standing on its edge.</p><p>Each board is cut from one plank, planed by hand "
               "and finished with two coats of oil before it leaves the workshop, so the grain "
               "and colour vary from one board to the next.</p><p>Size: 40 by 30 cm, 4 cm thick; "
               "weight about 3 kg; a groove along one side catches juice.</p><p>Made to order: allow "
               "two weeks, as every board rests a few days between the coats of oil.</p></div>"
               "<div class='strip'><div class='strip__head'><h2>People who viewed this item also "
               "viewed</h2></div><div class='strip__body'><ul class='slides'>");
  for (int i = 0; i < 6; i++) {
    char card[512];
    snprintf(card, sizeof card,
             "<li%s><img src='/img/%d.jpg' alt=''><a href='/p/%d'>Board %d</a>"
             "<span>Price %d.50, delivery 3.20, private seller</span></li>",
             i == 0 ? " class='slides__first'" : "", i, i, i, 10 + i);
    S_append(&b, card);
  }
  S_append(&b, "</ul></div></div></div></main></body></html>");
  char *body = S_read_body(b.data);
  OK(body && strstr(body, "end grain up") && strstr(body, "standing on its edge"),
     "description kept");
  OK(body && !strstr(body, "Price 10.50") && !strstr(body, "Price 15.50"), "carousel dropped");
  OK(body && !strstr(body, "People who viewed"), "its label dropped");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* A product's landing page inside <main>: a short hero, then sections of
 * features of different kinds (no grid of cards), each under its heading,
 * nested in rows of their own, with "learn more" links beside them, and a
 * band of links to the product's parts, too many for a climb by link
 * density.  The best block is one feature's text; the page is everything
 * <main> holds. */
static void test_landing_main(void) {
  static const char *const features[] = {
      "Every channel in one inbox", "Answers before the question", "Reports that explain",
      "Hand-offs without repeats"};
  static const char *const kinds[] = {"inbox", "answers", "reports", "handoffs"};
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b, "<html><head><title>Helpdesk</title></head><body>"
               "<div class='top'><a href='/'>Home</a> <a href='/pricing'>Pricing</a></div>"
               "<main><section class='hero'><div class='wrap'><div class='inner'><div class='row'>"
               "<div class='col'><h1>The helpdesk for small teams</h1>"
               "<p>Answer every customer from one place.</p><div class='actions'>"
               "<a href='/trial'>Start a free trial</a> <a href='/demo'>Book a demo</a></div>"
               "</div></div></div></div></section>");
  for (int i = 0; i < 4; i++) {
    char sec[1024];
    snprintf(sec, sizeof sec,
             "<section class='%s band'><div class='wrap'><div class='grid'><div class='row'>"
             "<div class='col'><h2>%s</h2><div class='text'><p>Feature %d: %s.</p></div>"
             "<div class='actions'><a href='/f/%d'>Learn more about this</a> "
             "<a href='/f/%d/video'>Watch the two-minute video</a></div></div></div></div></div>"
             "</section>",
             kinds[i], features[i], i,
             i == 1 ? "suggested replies appear while an agent reads a ticket, drawn from the "
                      "articles your team already wrote, so that a new agent answers like an old "
                      "hand, and a customer gets the right answer on the first reply instead of "
                      "the third, with the source linked for anyone who wants to check it"
                    : "mail, chat and phone calls arrive in one list, sorted by how long each "
                      "customer has waited",
             i, i);
    S_append(&b, sec);
  }
  S_append(&b, "<section class='explore band'><div class='wrap'><div class='inner'>"
               "<div class='row'><div class='col'><h2>Explore the helpdesk</h2><div class='parts'>"
               "<a href='/x/1'>Shared inbox for mail</a> <a href='/x/2'>Live chat on the site</a> "
               "<a href='/x/3'>Phone support lines</a> <a href='/x/4'>Help centre articles</a> "
               "<a href='/x/5'>Automations and rules</a> <a href='/x/6'>Analytics dashboards</a> "
               "<a href='/x/7'>Customer satisfaction</a> <a href='/x/8'>Workforce planning</a> "
               "<a href='/x/9'>Quality assurance</a> <a href='/x/10'>Apps and integrations</a>"
               "</div></div></div></div></div></section>"
               "</main><footer><a href='/terms'>Terms</a> <a href='/privacy'>Privacy</a>"
               "</footer></body></html>");
  char *body = S_read_body(b.data);
  OK(body && strstr(body, "Feature 1: suggested replies"), "best section kept");
  OK(body && strstr(body, "Feature 0: mail") && strstr(body, "Feature 3: mail"),
     "every other section kept");
  OK(body && strstr(body, "Answer every customer from one place"), "hero kept");
  OK(body && !strstr(body, "Privacy"), "footer dropped");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* A podcast's episode list: every episode's blurb carries a utility class
 * with a control's word ("font-size-sm"), every result card a weak word
 * ("search-card"), yet the class repeats on each item of the list: it
 * names the kind of item, and the items are the page.  A hidden error
 * tooltip repeated in each item still goes. */
static void test_repeated_item_classes(void) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b, "<html><head><title>Harbour Talk</title></head><body>"
               "<nav><a href='/'>Home</a> <a href='/shows'>Shows</a></nav>"
               "<div class='show'><h1>Harbour Talk</h1><ul class='episodes'>");
  for (int i = 0; i < 6; i++) {
    char ep[1024];
    snprintf(ep, sizeof ep,
             "<li class='episode'><div class='flex-col'><a href='/e/%d'>Episode %d: the tide "
             "tables</a><div class='line-clamp-2 font-size-sm'>Blurb %d: two harbour pilots "
             "explain how the spring tides change the working week, and what a new channel "
             "would mean for the ferries.</div><div class='tooltip hidden'>Could not load "
             "this episode, try again.</div></div></li>",
             i, i, i);
    S_append(&b, ep);
  }
  S_append(&b, "</ul><div class='results'>");
  for (int i = 0; i < 4; i++) {
    char card[512];
    snprintf(card, sizeof card,
             "<div class='search-card'><a href='/t/%d'>Harbour tour %d</a> "
             "<p>Sat, Apr %d, 10:00, from the lifeboat station</p></div>",
             i, i, 11 + i);
    S_append(&b, card);
  }
  S_append(&b, "</div></div><footer><a href='/terms'>Terms</a></footer></body></html>");
  char *body = S_read_body(b.data);
  OK(body && strstr(body, "Blurb 0: two harbour pilots") && strstr(body, "Blurb 5: two"),
     "every blurb kept");
  OK(body && strstr(body, "Sat, Apr 11") && strstr(body, "Sat, Apr 14"), "every result kept");
  OK(body && !strstr(body, "Could not load"), "hidden tooltip dropped");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* A service page whose feature boxes each carry a utility class that
 * clips ("overflow-hidden"): the word "hidden" in it hides nothing, and
 * the boxes' prose stays through the cleaning; a box clipped under a
 * height limit (a collapsed "more" box) does hide, and is judged by its
 * class as before. */
static void test_utility_class_boxes(void) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b,
           "<html><head><title>Tax help</title></head><body>"
           "<nav><a href='/'>Home</a> <a href='/book'>Book a call</a></nav><main>"
           "<h1>Tax help for sole traders</h1><div class='features'>"
           "<div class='returns overflow-hidden rounded'><h2>Returns</h2><p>We prepare and file "
           "your self-assessment return every year, check every allowable expense against your "
           "bank statements and tell you what to put aside for the next payment.</p></div>"
           "<div class='records md:overflow-x-hidden'><h2>Records</h2><p>Send photographs of "
           "receipts from your phone and we keep them in order for the six years the tax office "
           "may ask to see them, sorted by month and by kind of cost.</p></div>"
           "<div class='letters overflow-hidden'><h2>Letters</h2><p>When the tax office writes, "
           "forward the letter and we answer it for you, in plain words and on time, and keep "
           "you told of what was said and what happens next in your case.</p></div>"
           "<div class='extra overflow-hidden' style='max-height: 60px'><p>Collapsed: a long "
           "note on fees, shown only in part until the reader opens it with the more link, "
           "so most of it is clipped.</p></div>"
           "</div></main><footer><a href='/terms'>Terms</a></footer></body></html>");
  char *body = S_read_body(b.data);
  OK(body && strstr(body, "We prepare and file") && strstr(body, "Send photographs") &&
         strstr(body, "When the tax office writes"),
     "every feature box kept");
  OK(body && !strstr(body, "Collapsed:"), "a box clipped under a height limit is judged as before");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* A category page of sections ("Health", "Climate", "Space"), each a row
 * of teaser cards whose headlines (links) are longer than their one-line
 * deks: the best block is one card's longer dek, its row is a grid, and
 * the rows repeat too, too link-heavy for a climb by text: every
 * section's teasers are the content. */
static void test_grid_of_grids(void) {
  static const char *const topics[] = {"Health", "Climate", "Space"};
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b, "<html><head><title>Science</title></head><body>"
               "<nav><a href='/'>Home</a> <a href='/science'>Science</a></nav>"
               "<div class='packages'>");
  for (int r = 0; r < 3; r++) {
    char head[256];
    snprintf(head, sizeof head,
             "<div class='row-wrap section-%d'><div class='row'><h2>%s</h2><div class='items'>", r,
             topics[r]);
    S_append(&b, head);
    for (int i = 0; i < 4; i++) {
      char card[768];
      snprintf(card, sizeof card,
               "<div class='summary'><h3><a href='/s/%d/%d'>%s story %d: what the field team "
               "found this season</a></h3><div class='dek'>Dek %d.%d: %s.</div></div>",
               r, i, topics[r], i, r, i,
               r == 1 && i == 1 ? "the researchers measured it twice, in two places, and "
                                  "explain what it means for the next study"
                                : "in brief");
      S_append(&b, card);
    }
    S_append(&b, "</div></div></div>");
  }
  S_append(&b, "</div><footer><a href='/terms'>Terms</a></footer></body></html>");
  char *body = S_read_body(b.data);
  OK(body && strstr(body, "Dek 1.1:"), "best card kept");
  OK(body && strstr(body, "Dek 0.0:") && strstr(body, "Dek 2.3:"), "every section's cards kept");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* A thread whose posts each open with a <header> classed as a header
 * (author, post count, join date): the class repeats on every post, yet
 * a post's header is judged as a header, not kept as an item. */
static void test_post_headers_not_items(void) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b, "<html><head><title>First lathe?</title></head><body>"
               "<h1>First lathe?</h1><div class='thread'>");
  for (int i = 0; i < 5; i++) {
    char post[1024];
    snprintf(post, sizeof post,
             "<article class='post'><div class='card'><header class='card__header'>"
             "<a href='/u/%d'>turner%d</a> <span>%d,109 posts · Joined 2016</span></header>"
             "<div class='card__body'><p>Answer %d: buy a second-hand bench lathe with a solid "
             "bed before any accessories, learn to sharpen a gouge well, and turn green wood for "
             "the first months, because it cuts easily and forgives a poor edge.</p></div>"
             "</div></article>",
             i, i, i + 1, i);
    S_append(&b, post);
  }
  S_append(&b, "</div></body></html>");
  char *body = S_read_body(b.data);
  OK(body && strstr(body, "Answer 0:") && strstr(body, "Answer 4:"), "every answer kept");
  OK(body && !strstr(body, "Joined 2016"), "post headers dropped");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* A skip link at the top of the page (a theme's "Skip to content" before
 * the header) is furniture even when the content is the whole page; a
 * list item of the article saying "Skip to ..." is not a skip link.  A
 * "Like this:" box and a "Discussion about this post" box after the post
 * are widgets. */
static void test_skip_link_and_post_widgets(void) {
  const char *page =
      "<html><head><title>Travel insurance</title></head><body>"
      "<a class='skip-link' href='#content'>Skip to content</a>"
      "<header><nav><a href='/'>Home</a> <a href='/about'>About</a></nav></header>"
      "<div id='content'><h1>Travel insurance, and why I buy it now</h1>"
      "<p>Do you really need travel insurance? How much is it, and what kind should you get "
      "for a long trip abroad? I never thought I would need it, until I did.</p>"
      "<ol><li>Skip to the claims part below if you have your policy already</li>"
      "<li>Keep every receipt, and photograph it the same day.</li></ol>"
      "<p>The claim took six weeks, and the insurer paid the hospital bill in full, minus "
      "the excess I had chosen when I bought the policy.</p>"
      "<div class='sd-block'><h3>Like this:</h3><div><span>Like</span> Loading...</div></div>"
      "<div><h4>Discussion about this post</h4><div><span>Comments</span> "
      "<span>Restacks</span></div></div></div>"
      "</body></html>";
  char *body = S_read_body(page);
  OK(body && strstr(body, "The claim took six weeks"), "the post kept");
  OK(body && !strstr(body, "Skip to content"), "the skip link dropped");
  OK(body && strstr(body, "Skip to the claims part"), "the list item kept");
  OK(body && !strstr(body, "Loading") && !strstr(body, "Restacks"), "the widgets dropped");
  docpipe_free(body);
}

/* A form's status messages, hidden by the site's stylesheet until the
 * form is sent, are not article text. */
static void test_form_status_messages(void) {
  const char *page =
      "<html><head><title>Booking a survey</title></head><body><main><article>"
      "<h1>How a roof survey works</h1><p>A surveyor climbs up, photographs every slope and "
      "gutter, and writes down what needs mending before the winter storms arrive.</p>"
      "<p>The report comes a week later, with prices for each repair and the order in which "
      "to do them.</p><div class='w-form'><form><input name='email'></form>"
      "<div class='w-form-done'><div>Thank you! Your submission has been received!</div></div>"
      "<div class='w-form-fail'><div>Oops! Something went wrong while submitting the form."
      "</div></div></div></article></main></body></html>";
  char *body = S_read_body(page);
  OK(body && strstr(body, "with prices for each repair"), "the article kept");
  OK(body && !strstr(body, "submission has been received") && !strstr(body, "Oops"),
     "the form's messages dropped");
  docpipe_free(body);
}

/* "Read more" and "Learn more ›" buttons beside sections and after
 * excerpts are not text; a sentence's own link is. */
static void test_more_links(void) {
  const char *page =
      "<html><head><title>Roof care</title></head><body><main><article>"
      "<h1>Roof care through the year</h1><p>Clear the gutters in autumn, once the leaves "
      "are down, and check the flashing after every big storm.</p>"
      "<p>In spring, look for slipped tiles from the ground with binoculars; you can "
      "<a href='/guide'>read more about tiles</a> in our guide.</p>"
      "<div class='cta'><h3>Need a survey?</h3><p>We visit within the week, and the "
      "report comes with prices for each repair.</p><a href='/survey'>Learn more \xE2\x80\xBA</a>"
      "</div><p>Moss does little harm, but it holds water against the tiles through "
      "the winter. <a href='/moss'>Read more</a></p><p><a href='#top'>Back to top</a></p>"
      "</article></main></body></html>";
  char *body = S_read_body(page);
  OK(body && strstr(body, "read more about tiles"), "a link inside a sentence kept");
  OK(body && strstr(body, "prices for each repair"), "the section kept");
  OK(body && !strstr(body, "Learn more") && !strstr(body, "Read more") &&
         !strstr(body, "Back to top"),
     "the buttons dropped");
  docpipe_free(body);
}

/* A spinner's label left where a script fills the box is not text; the
 * word in a sentence is. */
static void test_loading_labels(void) {
  const char *page =
      "<html><head><title>Moving day</title></head><body><main><article>"
      "<h1>What movers do on the day</h1><p>Loading the truck takes most of the morning: "
      "the crew wraps the furniture, then packs the heaviest boxes first.</p>"
      "<div class='reviews-widget'><span>Loading...</span></div>"
      "<p>Unloading goes faster, because every box is labelled with the room it belongs "
      "in, and the crew puts it there.</p><div id='quote-box'>LOADING\xE2\x80\xA6</div>"
      "</article></main></body></html>";
  char *body = S_read_body(page);
  OK(body && strstr(body, "Loading the truck") && strstr(body, "Unloading goes faster"),
     "the article kept");
  OK(body && !strstr(body, "Loading...") && !strstr(body, "LOADING"), "the spinner labels dropped");
  docpipe_free(body);
}

int main(void) {
  docpipe_registry *reg = NULL;
  S_html = html_test_plugin(&reg);
  RUN(test_card_grid);
  RUN(test_forum_thread);
  RUN(test_article_comments);
  RUN(test_link_table_page);
  RUN(test_utility_class_prose);
  RUN(test_product_also_bought);
  RUN(test_intro_above_rows);
  RUN(test_landing_sections);
  RUN(test_category_tiles);
  RUN(test_landing_call_to_action);
  RUN(test_teaser_headers);
  RUN(test_thread_posts_survive_cleaning);
  RUN(test_search_result_tiles);
  RUN(test_thread_under_title_box);
  RUN(test_modal_dialog_dropped);
  RUN(test_collapsed_description);
  RUN(test_reviews_outscore_description);
  RUN(test_long_footer_after_h1);
  RUN(test_labelled_product_carousel);
  RUN(test_landing_main);
  RUN(test_repeated_item_classes);
  RUN(test_utility_class_boxes);
  RUN(test_grid_of_grids);
  RUN(test_post_headers_not_items);
  RUN(test_skip_link_and_post_widgets);
  RUN(test_form_status_messages);
  RUN(test_more_links);
  RUN(test_loading_labels);
  docpipe_registry_free(reg);
  return harness_summary();
}
