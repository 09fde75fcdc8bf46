/* test_met_util.c — shared by the meteorology tests: build config + grid + met from YAML text. */
#include "as_met.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int test_met_setup(const char *yaml, AsConfig **cfg, AsGrid **grid, AsMet **met)
{
  char path[] = "/tmp/airshed_test_met_XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return 1;
  FILE *f = fdopen(fd, "w");
  fputs(yaml, f);
  fclose(f);
  AsStatus s = as_config_load(path, cfg);
  if (!s) s = as_grid_create(*cfg, grid);
  if (!s && met) s = as_met_create(*cfg, *grid, met);
  unlink(path);
  if (s) {
    fprintf(stderr, "setup failed: %s\n", as_error_message());
    return 1;
  }
  return 0;
}
