/* Whole-file reads with padding and limits; atomic writes. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "docpipe/docpipe.h"
#include "harness.h"

static char dir[64];

static int S_count_entries(void) {
  DIR *d = opendir(dir);
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)))
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) n++;
  closedir(d);
  return n;
}

static void test_read(void) {
  char path[128];
  snprintf(path, sizeof path, "%s/in.txt", dir);
  FILE *f = fopen(path, "w");
  fputs("hello", f);
  fclose(f);
  unsigned char *data;
  size_t size;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  INT_EQ(docpipe_file_read(path, 0, &data, &size, &err), 0, "read");
  INT_EQ(size, 5, "size");
  int zeros = 1;
  for (int i = 0; i < DOCPIPE_PROBE_PADDING; i++) zeros &= data[size + i] == 0;
  OK(zeros, "padding is zero");
  docpipe_free(data);
  INT_EQ(docpipe_file_read(path, 4, &data, &size, &err), DOCPIPE_ELIMIT, "limit");
  OK(data == NULL, "nothing returned over the limit");
  INT_EQ(docpipe_file_read("/nonexistent/x", 0, &data, &size, &err), DOCPIPE_EIO, "missing");
  OK(strstr(err.message, "No such file") != NULL, "reason in message");
  INT_EQ(docpipe_file_read(dir, 0, &data, &size, &err), DOCPIPE_EIO, "directory refused");
}

static void test_atomic_write(void) {
  char path[128];
  snprintf(path, sizeof path, "%s/out.txt", dir);
  docpipe_error err = DOCPIPE_ERROR_INIT;
  INT_EQ(docpipe_file_write_atomic(path, "one", 3, &err), 0, "write");
  INT_EQ(docpipe_file_write_atomic(path, "two!", 4, &err), 0, "replace");
  FILE *f = fopen(path, "r");
  char buf[16] = {0};
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  INT_EQ(n, 4, "new size");
  STR_EQ(buf, "two!", "new content");
  struct stat st;
  stat(path, &st);
  OK((st.st_mode & 0777) != 0600, "not left with mkstemp's 0600");
  INT_EQ(S_count_entries(), 2, "no temporary file left behind");
  char bad[160];
  snprintf(bad, sizeof bad, "%s/no-such-dir/out.txt", dir);
  OK(docpipe_file_write_atomic(bad, "x", 1, &err) == DOCPIPE_EIO, "missing directory fails");
  INT_EQ(S_count_entries(), 2, "nothing created on failure");
}

int main(void) {
  snprintf(dir, sizeof dir, "/tmp/docpipe-test-XXXXXX");
  if (!mkdtemp(dir)) SKIP_ALL("cannot create a temporary directory");
  RUN(test_read);
  RUN(test_atomic_write);
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  if (system(cmd) != 0) fprintf(stderr, "warning: could not remove %s\n", dir);
  return harness_summary();
}
