/* Whole-file input and atomic output (temporary file, then rename). */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

int docpipe_file_read(const char *path, size_t max_size, unsigned char **data, size_t *size,
                      docpipe_error *err) {
  *data = NULL;
  *size = 0;
  int is_stdin = strcmp(path, "-") == 0;
  int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return docpipe_error_set(err, DOCPIPE_EIO, "%s", strerror(errno));
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    if (!is_stdin) close(fd);
    return docpipe_error_set(err, DOCPIPE_EIO, "is a directory");
  }
  size_t cap = (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
                   ? (size_t)st.st_size + 1
                   : 65536;
  if (max_size && cap > max_size + 1) cap = max_size + 1;
  unsigned char *buf = NULL;
  size_t len = 0;
  int rc = 0;
  for (;;) {
    if (!buf || len == cap) {
      if (buf) cap *= 2;
      unsigned char *p = realloc(buf, cap + DOCPIPE_PROBE_PADDING);
      if (!p) {
        rc = docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
        break;
      }
      buf = p;
    }
    ssize_t n = read(fd, buf + len, cap - len);
    if (n < 0) {
      if (errno == EINTR) continue;
      rc = docpipe_error_set(err, DOCPIPE_EIO, "%s", strerror(errno));
      break;
    }
    if (n == 0) break;
    len += (size_t)n;
    if (max_size && len > max_size) {
      rc = docpipe_error_set(err, DOCPIPE_ELIMIT, "input larger than %zu bytes", max_size);
      break;
    }
  }
  if (!is_stdin) close(fd);
  if (rc) {
    free(buf);
    return rc;
  }
  memset(buf + len, 0, DOCPIPE_PROBE_PADDING);
  *data = buf;
  *size = len;
  return 0;
}

static int S_write_all(int fd, const char *p, size_t n) {
  while (n) {
    ssize_t w = write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

/* The process umask, read without changing it: umask(2) can only be read
 * by setting it, which would race with other threads. */
static mode_t S_current_umask(void) {
  mode_t mask = 022;
  FILE *f = fopen("/proc/self/status", "re");
  if (!f) return mask;
  char line[256];
  while (fgets(line, sizeof line, f))
    if (strncmp(line, "Umask:", 6) == 0) {
      mask = (mode_t)strtoul(line + 6, NULL, 8);
      break;
    }
  fclose(f);
  return mask;
}

int docpipe_file_write_atomic(const char *path, const void *data, size_t size,
                              docpipe_error *err) {
  char dirbuf[PATH_MAX], tmpl[PATH_MAX + 32];
  if (strlen(path) >= sizeof dirbuf) return docpipe_error_set(err, DOCPIPE_EINVAL, "path too long");
  strcpy(dirbuf, path);
  const char *dir = dirname(dirbuf);
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  if (!*base) return docpipe_error_set(err, DOCPIPE_EINVAL, "output path names a directory");
  /* The temporary file sits beside the target so rename() is atomic. */
  snprintf(tmpl, sizeof tmpl, "%s/.%s.docpipe-XXXXXX", dir, base);
  int fd = mkostemp(tmpl, O_CLOEXEC);
  if (fd < 0) return docpipe_error_set(err, DOCPIPE_EIO, "cannot create a file in %s: %s", dir,
                                       strerror(errno));
  /* Keep the permissions an existing target has; else 0666 & ~umask. */
  struct stat st;
  if (stat(path, &st) == 0) {
    fchmod(fd, st.st_mode & 07777);
  } else {
    fchmod(fd, 0666 & ~S_current_umask());
  }
  int rc = 0;
  if (S_write_all(fd, data, size) != 0 || fsync(fd) != 0)
    rc = docpipe_error_set(err, DOCPIPE_EIO, "cannot write %s: %s", path, strerror(errno));
  if (close(fd) != 0 && !rc)
    rc = docpipe_error_set(err, DOCPIPE_EIO, "cannot write %s: %s", path, strerror(errno));
  if (!rc && rename(tmpl, path) != 0)
    rc = docpipe_error_set(err, DOCPIPE_EIO, "cannot replace %s: %s", path, strerror(errno));
  if (rc) unlink(tmpl);
  return rc;
}
