/* Metadata values: strings, lists and key-sorted maps. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct {
  char *key;
  docpipe_value *value;
} S_entry;

struct docpipe_value {
  docpipe_value_kind kind;
  char *str;              /* STRING */
  docpipe_value **items;  /* LIST */
  S_entry *entries;       /* MAP, sorted by key (strcmp) */
  size_t count, cap;
};

static docpipe_value *S_new(docpipe_value_kind kind) {
  docpipe_value *v = calloc(1, sizeof *v);
  if (v) v->kind = kind;
  return v;
}

docpipe_value *docpipe_value_new_string_n(const char *s, size_t len) {
  if (!s) return NULL;
  char *copy = docpipe__text_dup(s, len, NULL);
  if (!copy) return NULL;
  docpipe_value *v = S_new(DOCPIPE_VALUE_STRING);
  if (!v) {
    docpipe_free(copy);
    return NULL;
  }
  v->str = copy;
  return v;
}

docpipe_value *docpipe_value_new_string(const char *s) {
  return s ? docpipe_value_new_string_n(s, strlen(s)) : NULL;
}

docpipe_value *docpipe_value_new_list(void) { return S_new(DOCPIPE_VALUE_LIST); }
docpipe_value *docpipe_value_new_map(void) { return S_new(DOCPIPE_VALUE_MAP); }

void docpipe_value_free(docpipe_value *v) {
  if (!v) return;
  docpipe_free(v->str);
  for (size_t i = 0; i < v->count; i++) {
    if (v->kind == DOCPIPE_VALUE_LIST) {
      docpipe_value_free(v->items[i]);
    } else if (v->kind == DOCPIPE_VALUE_MAP) {
      docpipe_free(v->entries[i].key);
      docpipe_value_free(v->entries[i].value);
    }
  }
  free(v->items);
  free(v->entries);
  free(v);
}

docpipe_value *docpipe_value_copy(const docpipe_value *v) {
  if (!v) return NULL;
  switch (v->kind) {
  case DOCPIPE_VALUE_STRING:
    return docpipe_value_new_string(v->str);
  case DOCPIPE_VALUE_LIST: {
    docpipe_value *c = docpipe_value_new_list();
    for (size_t i = 0; c && i < v->count; i++) {
      docpipe_value *item = docpipe_value_copy(v->items[i]);
      if (!item || docpipe_value_append(c, item)) {
        docpipe_value_free(c);
        return NULL;
      }
    }
    return c;
  }
  case DOCPIPE_VALUE_MAP: {
    docpipe_value *c = docpipe_value_new_map();
    for (size_t i = 0; c && i < v->count; i++) {
      docpipe_value *item = docpipe_value_copy(v->entries[i].value);
      if (!item || docpipe_value_set(c, v->entries[i].key, item)) {
        docpipe_value_free(c);
        return NULL;
      }
    }
    return c;
  }
  default:
    return NULL;
  }
}

int docpipe_value_equal(const docpipe_value *a, const docpipe_value *b) {
  if (!a || !b) return a == b;
  if (a->kind != b->kind || a->count != b->count) return 0;
  switch (a->kind) {
  case DOCPIPE_VALUE_STRING:
    return strcmp(a->str, b->str) == 0;
  case DOCPIPE_VALUE_LIST:
    for (size_t i = 0; i < a->count; i++)
      if (!docpipe_value_equal(a->items[i], b->items[i])) return 0;
    return 1;
  case DOCPIPE_VALUE_MAP:
    for (size_t i = 0; i < a->count; i++)
      if (strcmp(a->entries[i].key, b->entries[i].key) ||
          !docpipe_value_equal(a->entries[i].value, b->entries[i].value))
        return 0;
    return 1;
  default:
    return 0;
  }
}

docpipe_value_kind docpipe_value_kind_of(const docpipe_value *v) {
  return v ? v->kind : DOCPIPE_VALUE_NONE;
}

const char *docpipe_value_string(const docpipe_value *v) {
  return v && v->kind == DOCPIPE_VALUE_STRING ? v->str : NULL;
}

size_t docpipe_value_count(const docpipe_value *v) {
  return v && v->kind != DOCPIPE_VALUE_STRING ? v->count : 0;
}

docpipe_value *docpipe_value_at(const docpipe_value *v, size_t i) {
  if (!v || i >= v->count) return NULL;
  if (v->kind == DOCPIPE_VALUE_LIST) return v->items[i];
  if (v->kind == DOCPIPE_VALUE_MAP) return v->entries[i].value;
  return NULL;
}

const char *docpipe_value_key_at(const docpipe_value *v, size_t i) {
  return v && v->kind == DOCPIPE_VALUE_MAP && i < v->count ? v->entries[i].key : NULL;
}

static int S_reserve(docpipe_value *v, size_t elem) {
  if (v->count < v->cap) return 0;
  size_t cap = v->cap ? v->cap * 2 : 4;
  void **slot = v->kind == DOCPIPE_VALUE_LIST ? (void **)&v->items : (void **)&v->entries;
  void *p = realloc(*slot, cap * elem);
  if (!p) return DOCPIPE_ENOMEM;
  *slot = p;
  v->cap = cap;
  return 0;
}

int docpipe_value_append(docpipe_value *list, docpipe_value *item) {
  if (!list || list->kind != DOCPIPE_VALUE_LIST || !item || item == list) {
    docpipe_value_free(item);
    return DOCPIPE_EINVAL;
  }
  if (S_reserve(list, sizeof *list->items)) {
    docpipe_value_free(item);
    return DOCPIPE_ENOMEM;
  }
  list->items[list->count++] = item;
  return 0;
}

int docpipe_value_append_string(docpipe_value *list, const char *s) {
  docpipe_value *item = docpipe_value_new_string(s);
  if (!item) return s && docpipe_utf8_valid(s, strlen(s)) ? DOCPIPE_ENOMEM : DOCPIPE_EINVAL;
  return docpipe_value_append(list, item);
}

/* Index of `key`, or of where it would go (with *found = 0). */
static size_t S_find(const docpipe_value *map, const char *key, int *found) {
  size_t lo = 0, hi = map->count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(map->entries[mid].key, key);
    if (c == 0) {
      *found = 1;
      return mid;
    }
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  *found = 0;
  return lo;
}

docpipe_value *docpipe_value_get(const docpipe_value *map, const char *key) {
  if (!map || map->kind != DOCPIPE_VALUE_MAP || !key) return NULL;
  int found;
  size_t i = S_find(map, key, &found);
  return found ? map->entries[i].value : NULL;
}

int docpipe_value_set(docpipe_value *map, const char *key, docpipe_value *value) {
  if (!map || map->kind != DOCPIPE_VALUE_MAP || !key || !*key || !value || value == map ||
      !docpipe_utf8_valid(key, strlen(key))) {
    docpipe_value_free(value);
    return DOCPIPE_EINVAL;
  }
  int found;
  size_t i = S_find(map, key, &found);
  if (found) {
    docpipe_value_free(map->entries[i].value);
    map->entries[i].value = value;
    return 0;
  }
  char *k = docpipe__strdup(key);
  if (!k || S_reserve(map, sizeof *map->entries)) {
    docpipe_free(k);
    docpipe_value_free(value);
    return DOCPIPE_ENOMEM;
  }
  memmove(map->entries + i + 1, map->entries + i, (map->count - i) * sizeof *map->entries);
  map->entries[i].key = k;
  map->entries[i].value = value;
  map->count++;
  return 0;
}

int docpipe_value_set_string(docpipe_value *map, const char *key, const char *s) {
  docpipe_value *v = docpipe_value_new_string(s);
  if (!v) return s && docpipe_utf8_valid(s, strlen(s)) ? DOCPIPE_ENOMEM : DOCPIPE_EINVAL;
  return docpipe_value_set(map, key, v);
}

docpipe_value *docpipe_value_take(docpipe_value *map, const char *key) {
  if (!map || map->kind != DOCPIPE_VALUE_MAP || !key) return NULL;
  int found;
  size_t i = S_find(map, key, &found);
  if (!found) return NULL;
  docpipe_value *v = map->entries[i].value;
  docpipe_free(map->entries[i].key);
  memmove(map->entries + i, map->entries + i + 1, (map->count - i - 1) * sizeof *map->entries);
  map->count--;
  return v;
}

int docpipe_value_remove(docpipe_value *map, const char *key) {
  docpipe_value_free(docpipe_value_take(map, key));
  return 0;
}

const char *docpipe_meta_string(const docpipe_value *map, const char *key) {
  return docpipe_value_string(docpipe_value_get(map, key));
}

size_t docpipe_meta_list_count(const docpipe_value *map, const char *key) {
  const docpipe_value *v = docpipe_value_get(map, key);
  if (!v) return 0;
  return v->kind == DOCPIPE_VALUE_STRING ? 1 : v->kind == DOCPIPE_VALUE_LIST ? v->count : 0;
}

const char *docpipe_meta_list_item(const docpipe_value *map, const char *key, size_t i) {
  const docpipe_value *v = docpipe_value_get(map, key);
  if (!v) return NULL;
  if (v->kind == DOCPIPE_VALUE_STRING) return i == 0 ? v->str : NULL;
  if (v->kind == DOCPIPE_VALUE_LIST && i < v->count) return docpipe_value_string(v->items[i]);
  return NULL;
}

static int S_digits(const char *s, int n) {
  for (int i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return 1;
}

static int S_num(const char *s, int n) {
  int v = 0;
  for (int i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
  return v;
}

int docpipe__calendar_day_valid(int y, int m, int d) {
  static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1]) return 0;
  return !(m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

int docpipe_date_iso_valid(const char *s) {
  if (!s || strlen(s) < 10 || !S_digits(s, 4) || s[4] != '-' || !S_digits(s + 5, 2) ||
      s[7] != '-' || !S_digits(s + 8, 2))
    return 0;
  if (!docpipe__calendar_day_valid(S_num(s, 4), S_num(s + 5, 2), S_num(s + 8, 2))) return 0;
  const char *p = s + 10;
  if (!*p) return 1;
  if (*p != 'T' || !S_digits(p + 1, 2) || p[3] != ':' || !S_digits(p + 4, 2)) return 0;
  if (S_num(p + 1, 2) > 23 || S_num(p + 4, 2) > 59) return 0;
  p += 6;
  if (*p == ':') {
    if (!S_digits(p + 1, 2) || S_num(p + 1, 2) > 60) return 0;
    p += 3;
  }
  if (!*p) return 1;
  if (*p == 'Z') return p[1] == '\0';
  if ((*p == '+' || *p == '-') && S_digits(p + 1, 2) && p[3] == ':' && S_digits(p + 4, 2) &&
      p[6] == '\0')
    return S_num(p + 1, 2) <= 14 && S_num(p + 4, 2) <= 59;
  return 0;
}
