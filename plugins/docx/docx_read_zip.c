/* Reading package entries within the limits.  Declared sizes are checked first, but
 * never trusted: the bytes are counted while inflating, so a header that lies about
 * its size still cannot push memory past the caps. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "docx_r.h"

static int S_cmp_nocase(const void *a, const void *b) {
  const char *x = *(const char *const *)a, *y = *(const char *const *)b;
  for (;; x++, y++) {
    int cx = tolower((unsigned char)*x), cy = tolower((unsigned char)*y);
    if (cx != cy || !cx) return cx - cy;
  }
}

/* Refuses absurd packages before anything is inflated: too many entries, huge names,
 * two entries with one name (which one would Word read?), declared sizes over the cap. */
int docx_r_zip_check(docx_r_ctx *c) {
  zip_int64_t n = zip_get_num_entries(c->zip, 0);
  if (n < 0) n = 0;
  if (n > DOCX_R_MAX_ENTRIES)
    return docpipe_error_set(c->err, DOCPIPE_ELIMIT, "docx: the archive has %lld entries (limit %d)",
                             (long long)n, DOCX_R_MAX_ENTRIES);
  const char **names = malloc(((size_t)n + 1) * sizeof *names);
  if (!names) return docpipe_error_set(c->err, DOCPIPE_ENOMEM, "docx: out of memory");
  size_t total = 0;
  int rc = 0;
  for (zip_int64_t i = 0; i < n && rc == 0; i++) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(c->zip, (zip_uint64_t)i, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME)) {
      rc = docpipe_error_set(c->err, DOCPIPE_EPARSE, "docx: unreadable entry %lld in the archive",
                             (long long)i);
      break;
    }
    if (strlen(st.name) > DOCX_R_MAX_NAME) {
      rc = docpipe_error_set(c->err, DOCPIPE_ELIMIT,
                             "docx: an entry name is %zu bytes long (limit %d)", strlen(st.name),
                             DOCX_R_MAX_NAME);
      break;
    }
    names[i] = st.name;
    if (st.valid & ZIP_STAT_SIZE) {
      if (st.size > c->limits.max_expanded_bytes - total)
        rc = docpipe_error_set(c->err, DOCPIPE_ELIMIT,
                               "docx: the archive expands to more than %zu bytes (zip bomb?)",
                               c->limits.max_expanded_bytes);
      else
        total += (size_t)st.size;
    }
  }
  if (rc == 0 && n > 1) {
    qsort(names, (size_t)n, sizeof *names, S_cmp_nocase);
    for (zip_int64_t i = 1; i < n; i++)
      if (S_cmp_nocase(&names[i - 1], &names[i]) == 0) {
        rc = docpipe_error_set(c->err, DOCPIPE_EPARSE, "docx: duplicate entry \"%.200s\" in the archive",
                               names[i]);
        break;
      }
  }
  free(names);
  return rc;
}

int docx_r_zip_get(docx_r_ctx *c, const char *name, char **data, size_t *len) {
  *data = NULL;
  *len = 0;
  zip_int64_t idx = zip_name_locate(c->zip, name, ZIP_FL_NOCASE);
  if (idx < 0) return 0;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(c->zip, (zip_uint64_t)idx, 0, &st) != 0)
    return docpipe_error_set(c->err, DOCPIPE_EPARSE, "docx: cannot read %s", name);
  size_t cap = DOCX_R_MAX_XML_PART;
  size_t left = c->limits.max_expanded_bytes - c->expanded;
  if (left < cap) cap = left;
  /* The ratio cap: an entry may inflate to max_ratio times its compressed size (plus a
   * floor under which ratios mean nothing). */
  size_t comp = (st.valid & ZIP_STAT_COMP_SIZE) ? (size_t)st.comp_size : 0;
  size_t ratio_cap = comp > (size_t)-1 / c->limits.max_ratio ? (size_t)-1 : comp * c->limits.max_ratio;
  if (ratio_cap < DOCX_R_RATIO_FLOOR) ratio_cap = DOCX_R_RATIO_FLOOR;
  if ((st.valid & ZIP_STAT_SIZE) && st.size > ratio_cap)
    return docpipe_error_set(c->err, DOCPIPE_ELIMIT,
                             "docx: %s inflates %llu bytes from %zu (ratio over %u; zip bomb?)", name,
                             (unsigned long long)st.size, comp, c->limits.max_ratio);
  if ((st.valid & ZIP_STAT_SIZE) && st.size > cap)
    return docpipe_error_set(c->err, DOCPIPE_ELIMIT, "docx: %s is %llu bytes (limit %zu)", name,
                             (unsigned long long)st.size, cap);
  if (ratio_cap < cap) cap = ratio_cap;

  zip_file_t *zf = zip_fopen_index(c->zip, (zip_uint64_t)idx, 0);
  if (!zf)
    return docpipe_error_set(c->err, DOCPIPE_EPARSE, "docx: cannot open %s (%s)", name,
                             zip_strerror(c->zip));
  size_t alloc = (st.valid & ZIP_STAT_SIZE) && st.size < cap ? (size_t)st.size + 1 : 65536;
  char *buf = malloc(alloc);
  size_t n = 0;
  int rc = buf ? 0 : docpipe_error_set(c->err, DOCPIPE_ENOMEM, "docx: out of memory");
  while (rc == 0) {
    if (alloc - n < 2) {
      if (alloc > cap) {
        rc = docpipe_error_set(c->err, DOCPIPE_ELIMIT,
                               "docx: %s inflates past %zu bytes (ratio or size limit; zip bomb?)",
                               name, cap);
        break;
      }
      size_t na = alloc * 2 > cap + 2 ? cap + 2 : alloc * 2;
      char *nb = realloc(buf, na);
      if (!nb) {
        rc = docpipe_error_set(c->err, DOCPIPE_ENOMEM, "docx: out of memory");
        break;
      }
      buf = nb;
      alloc = na;
    }
    zip_int64_t got = zip_fread(zf, buf + n, alloc - n - 1);
    if (got < 0) {
      rc = docpipe_error_set(c->err, DOCPIPE_EPARSE, "docx: %s is damaged (%s)", name,
                             zip_file_strerror(zf));
      break;
    }
    if (got == 0) break;
    n += (size_t)got;
    if (n > cap)
      rc = docpipe_error_set(c->err, DOCPIPE_ELIMIT,
                             "docx: %s inflates past %zu bytes (ratio or size limit; zip bomb?)",
                             name, cap);
  }
  zip_fclose(zf);
  if (rc < 0) {
    free(buf);
    return rc;
  }
  buf[n] = '\0';
  c->expanded += n;
  *data = buf;
  *len = n;
  return 0;
}
