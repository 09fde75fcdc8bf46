/* test_photolysis_badinput.c — a malformed MCM parameter table gives one line "FILE:LINE: item:
 * problem" and a non-zero status (no table); a missing file names the file. */
#include "as_photolysis.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check(const char *body, const char *expect_loc, const char *expect_item)
{
  char path[] = "/tmp/as_phot_bad_XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return printf("FAIL: mkstemp\n"), 1;
  FILE *f = fdopen(fd, "w");
  fputs(body, f);
  fclose(f);
  AsPhotolysis *ph = NULL;
  as_error_clear();
  AsStatus st = as_phot_create(path, &ph);
  char want[256];
  snprintf(want, sizeof want, "%s%s: %s:", path, expect_loc, expect_item);
  const char *msg = as_error_message();
  int ok = st != AS_OK && ph == NULL && strncmp(msg, want, strlen(want)) == 0 && !strchr(msg, '\n');
  printf("%-4s status %d  message: %s\n", ok ? "ok" : "FAIL", (int)st, msg);
  remove(path);
  as_phot_destroy(&ph);
  return !ok;
}

int main(void)
{
  const char *hdr = "    j       l            m        n     name   tau\n";
  char b[512];
  int fail = 0;
  snprintf(b, sizeof b, "%s    1   6.073D-05  1.743  0.474  J1 1\n    4   1.165D-02  0.244\n", hdr);
  fail |= check(b, ":3", "row");
  snprintf(b, sizeof b, "%s    1   6.O73D-05  1.743  0.474  J1 1\n", hdr);
  fail |= check(b, ":2", "l");
  snprintf(b, sizeof b, "%s    1   6.073D-05  1.743  -0.474  J1 1\n", hdr);
  fail |= check(b, ":2", "n");
  snprintf(b, sizeof b, "%s    x1  6.073D-05  1.743  0.474  J1 1\n", hdr);
  fail |= check(b, ":2", "j");
  snprintf(b, sizeof b, "%s    4   1.165D-02  0.244  0.267  J4 1\n\n    4   1.165D-02  0.244  0.267  J4 1\n", hdr);
  fail |= check(b, ":4", "j");
  fail |= check("    1   6.073D-05  1.743  0.474  J1 1\n", ":1", "header");
  fail |= check(hdr, "", "table");
  AsPhotolysis *ph = NULL;
  as_error_clear();
  AsStatus st = as_phot_create("inputs/photolysis/no_such_file.txt", &ph);
  int ok = st != AS_OK && !ph && strncmp(as_error_message(), "inputs/photolysis/no_such_file.txt: file:", 41) == 0;
  printf("%-4s status %d  message: %s\n", ok ? "ok" : "FAIL", (int)st, as_error_message());
  fail |= !ok;
  printf("%s\n", fail ? "FAIL" : "PASS");
  return fail;
}
