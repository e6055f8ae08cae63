/* Images for the docx writer.  Only two sources are ever embedded: a
 * local file below args->resource_dir (relative path, regular file, never
 * escaping the directory) and a base64 data: URI.  Nothing is fetched.
 * The type comes from the magic bytes (PNG, JPEG, GIF) and the pixel size
 * from the header, so a renamed or broken file stays text. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "docx_w_ctx.h"

#define MAX_IMAGE_BYTES (32u << 20)
#define DEFAULT_MEDIA_BYTES (200u << 20)
#define EMU_PER_PX 9525L /* at 96 dpi */

typedef struct {
  const char *ext;
  long w, h;
} img_info;

static unsigned long S_be16(const unsigned char *p) { return ((unsigned long)p[0] << 8) | p[1]; }
static unsigned long S_be32(const unsigned char *p) {
  return ((unsigned long)p[0] << 24) | ((unsigned long)p[1] << 16) | ((unsigned long)p[2] << 8) |
         p[3];
}

/* Fills `info` from the header; 0 when the bytes are no image we take. */
static int S_sniff(const unsigned char *d, size_t n, img_info *info) {
  if (n >= 24 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0 && memcmp(d + 12, "IHDR", 4) == 0) {
    info->ext = "png";
    info->w = (long)S_be32(d + 16);
    info->h = (long)S_be32(d + 20);
  } else if (n >= 10 && (memcmp(d, "GIF87a", 6) == 0 || memcmp(d, "GIF89a", 6) == 0)) {
    info->ext = "gif";
    info->w = d[6] | (d[7] << 8);
    info->h = d[8] | (d[9] << 8);
  } else if (n >= 4 && d[0] == 0xFF && d[1] == 0xD8) {
    size_t i = 2;
    info->ext = "jpeg";
    info->w = info->h = 0;
    while (i + 4 <= n) {
      if (d[i] != 0xFF) return 0;
      unsigned m = d[i + 1];
      if (m == 0xFF) { /* fill byte */
        i++;
        continue;
      }
      if (m == 0x01 || (m >= 0xD0 && m <= 0xD8)) { /* no length */
        i += 2;
        continue;
      }
      if (m == 0xD9 || m == 0xDA) return 0; /* no frame header before the data */
      size_t len = S_be16(d + i + 2);
      if (len < 2) return 0;
      if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
        if (i + 9 > n) return 0;
        info->h = (long)S_be16(d + i + 5);
        info->w = (long)S_be16(d + i + 7);
        break;
      }
      i += 2 + len;
    }
  } else {
    return 0;
  }
  return info->w > 0 && info->h > 0 && info->w <= 100000 && info->h <= 100000;
}

static int S_b64(int ch) {
  if (ch >= 'A' && ch <= 'Z') return ch - 'A';
  if (ch >= 'a' && ch <= 'z') return ch - 'a' + 26;
  if (ch >= '0' && ch <= '9') return ch - '0' + 52;
  if (ch == '+' || ch == '-') return 62;
  if (ch == '/' || ch == '_') return 63;
  return -1;
}

/* Decodes the base64 payload of a data: URI; NULL when it is not base64,
 * malformed, too big, or memory runs out. */
static unsigned char *S_data_uri(const char *url, size_t *len) {
  const char *comma = strchr(url, ',');
  if (!comma) return NULL;
  const char *semi = strstr(url, ";base64");
  if (!semi || semi > comma) return NULL;
  const char *p = comma + 1;
  size_t n = strlen(p);
  if (n / 4 * 3 > MAX_IMAGE_BYTES) return NULL;
  unsigned char *out = malloc(n / 4 * 3 + 3);
  if (!out) return NULL;
  size_t o = 0;
  unsigned long acc = 0;
  int bits = 0;
  for (; *p && *p != '='; p++) {
    if (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t') continue;
    int v = S_b64((unsigned char)*p);
    if (v < 0) {
      free(out);
      return NULL;
    }
    acc = (acc << 6) | (unsigned long)v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (unsigned char)(acc >> bits);
      acc &= (1ul << bits) - 1;
    }
  }
  *len = o;
  return out;
}

static int S_hex(int ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}

/* A relative reference with no scheme: "img/a.png", not "http://..",
 * "/etc/..", "//host/..", "C:..". */
static int S_relative(const char *url) {
  if (url[0] == '/' || url[0] == '\\' || url[0] == '#' || url[0] == '?') return 0;
  for (const char *p = url; *p && *p != '/'; p++)
    if (*p == ':') return 0;
  return 1;
}

/* Reads a file below resource_dir; NULL when it is not allowed, absent,
 * not a regular file, too big, or unreadable. */
static unsigned char *S_local(const char *dir, const char *url, size_t *len) {
  if (!dir || !*dir || !S_relative(url)) return NULL;
  size_t n = strlen(url);
  if (n > PATH_MAX) return NULL;
  char rel[PATH_MAX + 1];
  size_t o = 0;
  for (size_t i = 0; i < n; i++) {
    if (url[i] == '?' || url[i] == '#') break;
    if (url[i] == '%' && i + 2 < n && S_hex(url[i + 1]) >= 0 && S_hex(url[i + 2]) >= 0) {
      rel[o++] = (char)(S_hex(url[i + 1]) * 16 + S_hex(url[i + 2]));
      i += 2;
    } else {
      rel[o++] = url[i];
    }
  }
  rel[o] = '\0';
  if (o == 0 || memchr(rel, '\0', o)) return NULL;
  char base[PATH_MAX], full[PATH_MAX], path[2 * PATH_MAX + 2];
  if (!realpath(dir, base)) return NULL;
  snprintf(path, sizeof path, "%s/%s", base, rel);
  if (!realpath(path, full)) return NULL;
  size_t bl = strlen(base);
  if (strncmp(full, base, bl) != 0 || (full[bl] != '/' && !(bl == 1 && base[0] == '/')))
    return NULL;
  int fd = open(full, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return NULL;
  struct stat st;
  unsigned char *data = NULL;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
      (unsigned long long)st.st_size <= MAX_IMAGE_BYTES) {
    size_t want = (size_t)st.st_size, got = 0;
    data = malloc(want);
    while (data && got < want) {
      ssize_t r = read(fd, data + got, want - got);
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) break;
      got += (size_t)r;
    }
    if (data && got != want) {
      free(data);
      data = NULL;
    }
    *len = want;
  }
  close(fd);
  return data;
}

int docx_w_image(docx_w *c, const char *url, const char **rel_id, long *cx_emu, long *cy_emu) {
  size_t len = 0;
  unsigned char *data = NULL;
  if (strncmp(url, "data:", 5) == 0)
    data = S_data_uri(url, &len);
  else
    data = S_local(c->args ? c->args->resource_dir : NULL, url, &len);
  if (!data) return 0;
  img_info info;
  size_t cap = DEFAULT_MEDIA_BYTES;
  if (c->args && c->args->limits.max_expanded_bytes) cap = c->args->limits.max_expanded_bytes;
  if (!S_sniff(data, len, &info) || c->media_bytes + len > cap) {
    free(data);
    return 0;
  }
  size_t n = ++c->nimages;
  char part[64], target[64];
  snprintf(part, sizeof part, "word/media/image%zu.%s", n, info.ext);
  snprintf(target, sizeof target, "media/image%zu.%s", n, info.ext);
  if (docx_w_add_part(c, part, data, len, 1)) return -1;
  c->media_bytes += len;
  if (info.ext[0] == 'p') c->has_png = 1;
  if (info.ext[0] == 'j') c->has_jpeg = 1;
  if (info.ext[0] == 'g') c->has_gif = 1;
  *rel_id = docx_w_add_rel(c, "rImg", n, DOCX_REL_BASE "/image", target, 0);
  if (!*rel_id) return -1;

  /* Natural size at 96 dpi, shrunk to the text width and most of a page. */
  double w = (double)info.w * EMU_PER_PX, h = (double)info.h * EMU_PER_PX;
  double max_w = (double)DOCX_W_TEXT_W * DOCX_W_EMU_PER_TWIP;
  double max_h = 0.75 * (DOCX_W_PAGE_H - 2 * DOCX_W_MARGIN) * DOCX_W_EMU_PER_TWIP;
  if (w > max_w) {
    h = h * max_w / w;
    w = max_w;
  }
  if (h > max_h) {
    w = w * max_h / h;
    h = max_h;
  }
  *cx_emu = w < 1 ? 1 : (long)w;
  *cy_emu = h < 1 ? 1 : (long)h;
  return 1;
}
