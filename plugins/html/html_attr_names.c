/* Framework attribute names libxml2 2.9 cannot tokenize.
 *
 * libxml2 2.9's HTML parser takes an attribute name only when it starts
 * with a letter, '_', ':' or '.' and goes on with letters, digits, ':',
 * '-', '_' and '.'.  On any other name it skips to the next blank or '>',
 * and a '>' or a blank inside the skipped attribute's quoted value then
 * ends the tag early: Alpine.js and Vue's `@click="open = () => ..."`,
 * Angular's `(click)`, `[class.x]`, `#ref` and `*ngIf` turn the rest of the
 * tag into text on the page, and the element loses its class and id.
 * (Newer libxml2, with an HTML5 tokenizer, reads them; Debian 12 has 2.9.)
 *
 * These names belong to scripts, never to what the reader keeps, so their
 * odd bytes become '_' before the parse.  One pass follows start tags the
 * way the tokenizer does ('<' and a letter opens one, a '>' outside quoted
 * values closes it) and touches only a name inside one, after a blank and
 * before '='.  Text, and every other name, parse as before. */
#include <string.h>

#include "html_reader.h"

static int S_blank(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int S_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static int S_name_char(unsigned char c) {
  return S_letter(c) || (c >= '0' && c <= '9') || c == ':' || c == '-' || c == '_' || c == '.';
}

static int S_framework_lead(unsigned char c) {
  return c == '@' || c == '(' || c == '[' || c == '#' || c == '*';
}

/* The end of the attribute name starting at s[i], or 0 when what follows
 * is not `name=`. */
static size_t S_name_end(const char *s, size_t len, size_t i) {
  size_t j = i;
  while (j < len && !S_blank((unsigned char)s[j]) && s[j] != '=' && s[j] != '>' && s[j] != '<' &&
         s[j] != '"' && s[j] != '\'' && s[j] != '/')
    j++;
  return j > i + 1 && j < len && s[j] == '=' ? j : 0;
}

int html_fix_attr_names(const char **s, size_t len, int *copied) {
  const char *in = *s;
  int in_tag = 0;
  char quote = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)in[i];
    if (!in_tag) {
      in_tag = c == '<' && i + 1 < len && S_letter((unsigned char)in[i + 1]);
      continue;
    }
    if (quote) {
      if (c == (unsigned char)quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = (char)c;
      continue;
    }
    if (c == '>') {
      in_tag = 0;
      continue;
    }
    size_t end;
    if (!S_framework_lead(c) || !S_blank((unsigned char)in[i - 1]) || !(end = S_name_end(in, len, i)))
      continue;
    if (!*copied) {
      char *copy = docpipe_malloc(len + 1);
      if (!copy) return -1;
      memcpy(copy, in, len);
      copy[len] = '\0';
      *s = in = copy;
      *copied = 1;
    }
    char *out = (char *)in;
    for (; i < end; i++)
      if (!S_name_char((unsigned char)out[i])) out[i] = '_';
    i--;
  }
  return 0;
}
