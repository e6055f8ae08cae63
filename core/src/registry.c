/* The plugin registry: dlopen loading with ABI checks, search order,
 * lookup by name and extension, and format probing. */
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "internal.h"

typedef struct {
  const docpipe_plugin *plugin;
  char *path;
} S_loaded;

struct docpipe_registry {
  S_loaded *items;
  size_t count, cap;
  char **dirs_seen; /* real paths of directories already scanned */
  size_t ndirs;
};

docpipe_registry *docpipe_registry_new(void) { return calloc(1, sizeof(docpipe_registry)); }

void docpipe_registry_free(docpipe_registry *reg) {
  if (!reg) return;
  /* Handles are deliberately never dlclose'd: see the header. */
  for (size_t i = 0; i < reg->count; i++) docpipe_free(reg->items[i].path);
  for (size_t i = 0; i < reg->ndirs; i++) docpipe_free(reg->dirs_seen[i]);
  free(reg->items);
  free(reg->dirs_seen);
  free(reg);
}

size_t docpipe_registry_count(const docpipe_registry *reg) { return reg ? reg->count : 0; }

const docpipe_plugin *docpipe_registry_plugin(const docpipe_registry *reg, size_t i) {
  return reg && i < reg->count ? reg->items[i].plugin : NULL;
}

const char *docpipe_registry_path(const docpipe_registry *reg, size_t i) {
  return reg && i < reg->count ? reg->items[i].path : NULL;
}

const docpipe_plugin *docpipe_registry_find(const docpipe_registry *reg, const char *name) {
  for (size_t i = 0; reg && name && i < reg->count; i++)
    if (strcmp(reg->items[i].plugin->name, name) == 0) return reg->items[i].plugin;
  return NULL;
}

static int S_valid_name(const char *name) {
  if (!name || !*name) return 0;
  for (const char *p = name; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_')) return 0;
  return 1;
}

/* Checks a descriptor; returns NULL when acceptable, else the reason. */
static const char *S_check_descriptor(const docpipe_plugin *p, char *why, size_t why_size) {
  /* Only abi_version may be read before it is known to match: a plugin
   * of another ABI may have a different layout after it. */
  if (p->abi_version != DOCPIPE_ABI_VERSION) {
    snprintf(why, why_size, "plugin ABI %u, docpipe ABI %u", (unsigned)p->abi_version,
             (unsigned)DOCPIPE_ABI_VERSION);
    return why;
  }
  if (!S_valid_name(p->name)) return "invalid plugin name (want [a-z0-9_]+)";
  if (!p->read && !p->write && !p->filter) return "no read, write or filter function";
  for (size_t i = 0; i < sizeof p->reserved / sizeof p->reserved[0]; i++)
    if (p->reserved[i]) return "reserved descriptor fields are not NULL";
  return NULL;
}

static int S_push(docpipe_registry *reg, const docpipe_plugin *p, const char *path) {
  if (reg->count == reg->cap) {
    size_t cap = reg->cap ? reg->cap * 2 : 8;
    S_loaded *items = realloc(reg->items, cap * sizeof *items);
    if (!items) return DOCPIPE_ENOMEM;
    reg->items = items;
    reg->cap = cap;
  }
  char *copy = docpipe__strdup(path);
  if (!copy) return DOCPIPE_ENOMEM;
  reg->items[reg->count].plugin = p;
  reg->items[reg->count].path = copy;
  reg->count++;
  return 0;
}

int docpipe_registry_load_file(docpipe_registry *reg, const char *path, docpipe_error *err) {
  if (!reg || !path || !*path) return docpipe_error_set(err, DOCPIPE_EINVAL, "empty plugin path");
  char real[PATH_MAX];
  if (!realpath(path, real)) return docpipe_error_set(err, DOCPIPE_EIO, "%s", strerror(errno));
  for (size_t i = 0; i < reg->count; i++)
    if (strcmp(reg->items[i].path, real) == 0) return 0; /* the same file again */
  struct stat st;
  if (stat(real, &st) != 0 || !S_ISREG(st.st_mode))
    return docpipe_error_set(err, DOCPIPE_EINVAL, "not a regular file");

  void *handle = dlopen(real, RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char *msg = dlerror();
    /* dlerror() usually starts with the path; don't print it twice. */
    size_t n = strlen(real);
    if (msg && strncmp(msg, real, n) == 0 && msg[n] == ':') msg += n + 1;
    while (msg && *msg == ' ') msg++;
    return docpipe_error_set(err, DOCPIPE_EINVAL, "not a loadable plugin (%s)",
                             msg ? msg : "dlopen failed");
  }
  docpipe_plugin_entry_fn entry;
  *(void **)&entry = dlsym(handle, DOCPIPE_PLUGIN_ENTRY_SYMBOL);
  if (!entry) {
    dlclose(handle);
    return docpipe_error_set(err, DOCPIPE_ENOTFOUND, "no %s symbol", DOCPIPE_PLUGIN_ENTRY_SYMBOL);
  }
  const docpipe_plugin *p = entry();
  if (!p) {
    dlclose(handle);
    return docpipe_error_set(err, DOCPIPE_EINVAL, "%s returned NULL", DOCPIPE_PLUGIN_ENTRY_SYMBOL);
  }
  char why[128];
  const char *reason = S_check_descriptor(p, why, sizeof why);
  if (reason) {
    int code = p->abi_version != DOCPIPE_ABI_VERSION ? DOCPIPE_EABI : DOCPIPE_EINVAL;
    dlclose(handle);
    return docpipe_error_set(err, code, "%s", reason);
  }
  for (size_t i = 0; i < reg->count; i++) {
    if (strcmp(reg->items[i].plugin->name, p->name) == 0) {
      docpipe_error_set(err, DOCPIPE_EINVAL, "duplicate name '%s' (already loaded from %s)",
                        p->name, reg->items[i].path);
      dlclose(handle);
      return DOCPIPE_EINVAL;
    }
  }
  if (S_push(reg, p, real)) {
    dlclose(handle);
    return docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
  }
  return 0;
}

static int S_cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void S_log(docpipe_log_fn log, void *ctx, const char *fmt, ...) DOCPIPE_PRINTF(3, 4);
static void S_log(docpipe_log_fn log, void *ctx, const char *fmt, ...) {
  if (!log) return;
  char line[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  log(ctx, line);
}

/* 1 when `dir` was scanned before (so a directory named twice, e.g. by
 * --plugin-dir and as the default, does not report every plugin as a
 * duplicate); records it otherwise. */
static int S_seen_dir(docpipe_registry *reg, const char *real) {
  for (size_t i = 0; i < reg->ndirs; i++)
    if (strcmp(reg->dirs_seen[i], real) == 0) return 1;
  char **dirs = realloc(reg->dirs_seen, (reg->ndirs + 1) * sizeof *dirs);
  if (!dirs) return 0;
  reg->dirs_seen = dirs;
  if ((dirs[reg->ndirs] = docpipe__strdup(real))) reg->ndirs++;
  return 0;
}

static int S_has_suffix(const char *name, const char *suffix) {
  size_t n = strlen(name), s = strlen(suffix);
  return n > s && strcmp(name + n - s, suffix) == 0;
}

int docpipe_registry_load_dir(docpipe_registry *reg, const char *dir, docpipe_log_fn log,
                              void *log_ctx) {
  if (!reg || !dir || !*dir) return DOCPIPE_EINVAL;
  char real[PATH_MAX];
  if (!realpath(dir, real)) return DOCPIPE_ENOTFOUND;
  if (S_seen_dir(reg, real)) return 0;
  DIR *d = opendir(real);
  if (!d) return DOCPIPE_EIO;
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.' || !S_has_suffix(e->d_name, ".so")) continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 16;
      char **p = realloc(names, cap * sizeof *p);
      if (!p) break;
      names = p;
    }
    if ((names[n] = docpipe__strdup(e->d_name))) n++;
  }
  closedir(d);
  if (n) qsort(names, n, sizeof *names, S_cmp_str);
  int loaded = 0;
  for (size_t i = 0; i < n; i++) {
    char path[PATH_MAX + 256];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", real, names[i]);
    docpipe_free(names[i]);
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) continue;
    docpipe_error err = DOCPIPE_ERROR_INIT;
    size_t before = reg->count;
    if (docpipe_registry_load_file(reg, path, &err) != 0)
      S_log(log, log_ctx, "%s: %s; skipped", path, err.message);
    else if (reg->count > before)
      loaded++;
  }
  free(names);
  return loaded;
}

/* ---- the default directory ---- */

static char S_default_dir[PATH_MAX];
static pthread_once_t S_default_once = PTHREAD_ONCE_INIT;

/* The build tree's plugins when this library is the build tree's own
 * copy; else the installed plugin directory beside the installed library.
 * Keyed on the library, not the program, so that tests and tools linked
 * against the build tree see fresh plugins and an installed docpipe never
 * loads build-tree plugins (or the reverse). */
static void S_compute_default_dir(void) {
  Dl_info info;
  char lib[PATH_MAX];
  snprintf(S_default_dir, sizeof S_default_dir, "%s", DOCPIPE_INSTALL_PLUGIN_DIR);
  if (!dladdr((void *)docpipe_version, &info) || !info.dli_fname ||
      !realpath(info.dli_fname, lib))
    return;
  char *slash = strrchr(lib, '/');
  if (!slash) return;
  *slash = '\0';
  char build_root[PATH_MAX];
  if (realpath(DOCPIPE_BUILD_ROOT, build_root) && strcmp(lib, build_root) == 0) {
    snprintf(S_default_dir, sizeof S_default_dir, "%s", DOCPIPE_BUILD_PLUGIN_DIR);
    return;
  }
  char candidate[PATH_MAX + sizeof DOCPIPE_PLUGIN_SUBDIR_NAME + 1];
  struct stat st;
  snprintf(candidate, sizeof candidate, "%s/%s", lib, DOCPIPE_PLUGIN_SUBDIR_NAME);
  size_t n = strlen(candidate);
  if (stat(candidate, &st) == 0 && S_ISDIR(st.st_mode) && n < sizeof S_default_dir)
    memcpy(S_default_dir, candidate, n + 1);
}

const char *docpipe_default_plugin_dir(void) {
  pthread_once(&S_default_once, S_compute_default_dir);
  return S_default_dir;
}

int docpipe_registry_load_defaults(docpipe_registry *reg, const char *const *dirs,
                                   docpipe_log_fn log, void *log_ctx) {
  if (!reg) return DOCPIPE_EINVAL;
  int total = 0;
  for (size_t i = 0; dirs && dirs[i]; i++) {
    int n = docpipe_registry_load_dir(reg, dirs[i], log, log_ctx);
    if (n < 0) S_log(log, log_ctx, "%s: cannot read plugin directory", dirs[i]);
    else total += n;
  }
  const char *env = getenv("DOCPIPE_PLUGIN_PATH");
  if (env && *env) {
    char *copy = docpipe__strdup(env);
    char *save = NULL;
    /* strtok_r skips empty entries, which is the rule: in shell
     * convention an empty entry would mean the current directory. */
    for (char *tok = copy ? strtok_r(copy, ":", &save) : NULL; tok;
         tok = strtok_r(NULL, ":", &save)) {
      int n = docpipe_registry_load_dir(reg, tok, log, log_ctx);
      if (n > 0) total += n;
    }
    docpipe_free(copy);
  }
  int n = docpipe_registry_load_dir(reg, docpipe_default_plugin_dir(), log, log_ctx);
  if (n > 0) total += n;
  return total;
}

/* ---- lookup by extension and by content ---- */

static int S_list_has(const char *list, const char *word) {
  size_t wl = strlen(word);
  for (const char *p = list; p && *p;) {
    const char *end = strchr(p, ',');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    if (n == wl && strncasecmp(p, word, n) == 0) return 1;
    p = end ? end + 1 : NULL;
  }
  return 0;
}

const docpipe_plugin *docpipe_registry_by_extension(const docpipe_registry *reg,
                                                    const char *filename, int want_writer) {
  if (!reg || !filename) return NULL;
  const char *base = strrchr(filename, '/');
  base = base ? base + 1 : filename;
  const char *dot = strrchr(base, '.');
  if (!dot || dot == base || !dot[1]) return NULL;
  for (size_t i = 0; i < reg->count; i++) {
    const docpipe_plugin *p = reg->items[i].plugin;
    if ((want_writer ? p->write != NULL : p->read != NULL) && S_list_has(p->extensions, dot + 1))
      return p;
  }
  return NULL;
}

const docpipe_plugin *docpipe_registry_probe(const docpipe_registry *reg,
                                             const unsigned char *data, size_t size,
                                             const char *name_hint, docpipe_error *err) {
  const docpipe_plugin *best = NULL;
  int best_score = -1, tie = 0;
  char candidates[256] = "";
  for (size_t i = 0; reg && i < reg->count; i++) {
    const docpipe_plugin *p = reg->items[i].plugin;
    if (!p->read || !p->probe || (p->flags & DOCPIPE_PLUGIN_EXPERIMENTAL)) continue;
    int score = p->probe(data, size, name_hint);
    if (score > best_score) {
      best = p;
      best_score = score;
      tie = 0;
      snprintf(candidates, sizeof candidates, "%s", p->name);
    } else if (score == best_score) {
      tie = 1;
      size_t len = strlen(candidates);
      snprintf(candidates + len, sizeof candidates - len, ", %s", p->name);
    }
  }
  if (!best || best_score < DOCPIPE_PROBE_SCORE_MIN) {
    docpipe_error_set(err, DOCPIPE_ENOTFOUND,
                      "cannot tell the input format (no reader recognises it); use -f FORMAT");
    return NULL;
  }
  if (tie) {
    docpipe_error_set(err, DOCPIPE_ENOTFOUND,
                      "input format is ambiguous (%s score %d); use -f FORMAT", candidates,
                      best_score);
    return NULL;
  }
  return best;
}
