/* Vocabularies of page chrome, matched against case-folded lines.  They
 * name kinds of page furniture common to Vietnamese (and some English)
 * portals, never particular articles. */
#ifndef DOCPIPE_TEXT_VOCAB_H
#define DOCPIPE_TEXT_VOCAB_H

#include <stddef.h>

/* Whole-line menu, banner and widget titles (trailing ':' ignored). */
int text_vocab_menu(const char *folded);
/* Headings that open a related-news block: everything after is chrome. */
int text_vocab_related(const char *folded);
/* Heading that opens a poll. */
int text_vocab_poll(const char *folded);
/* Lines made only of font-size, print and share controls. */
int text_vocab_controls(const char *folded);
/* Visit counters ("Online 4", "Hôm nay: 77", "Tổng 5.973.316"). */
int text_vocab_counter(const char *folded);
/* Words that make a short line a photo caption; `words` is the folded
 * line with punctuation turned into spaces, padded with one space. */
int text_vocab_caption(const char *words);

/* Footer lines: "Bản quyền thuộc ...", "© 2021 ...", "Giấy phép số ...":
 * the article has ended. */
int text_vocab_footer(const char *folded);
/* Length of a leading "Từ khóa:" / "Tags:" label in the folded line, or 0. */
size_t text_vocab_tags(const char *folded);

#endif
