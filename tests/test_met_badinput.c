/* test_met_badinput.c — claim: bad meteorology input gives a non-zero status and ONE line
 * "FILE[:LINE]: item: problem" naming the file, the item and the problem (climatology CSV,
 * case-file keys, WRF file list). Cases are built from inputs/met/wcs_climatology.csv. */
#include "as_met.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int test_met_setup(const char *yaml, AsConfig **cfg, AsGrid **grid, AsMet **met);

/* copy the climatology with line `lineno` (1-based) replaced by `repl` (NULL: deleted) */
static void make_clim(const char *out, int lineno, const char *repl)
{
  FILE *in = fopen("inputs/met/wcs_climatology.csv", "r"), *o = fopen(out, "w");
  char line[1024];
  int n = 0;
  while (fgets(line, sizeof line, in)) {
    n++;
    if (n == lineno) {
      if (repl) fputs(repl, o);
    } else {
      fputs(line, o);
    }
  }
  fclose(in);
  fclose(o);
}

static int first_data_line(void)
{
  FILE *in = fopen("inputs/met/wcs_climatology.csv", "r");
  char line[1024];
  int n = 0;
  while (fgets(line, sizeof line, in)) {
    n++;
    if (!strncmp(line, "1,", 2)) break;
  }
  fclose(in);
  return n;
}

int main(void)
{
  int l1 = first_data_line(), fail = 0;
  char nanrow[] = "1,nan,7.8,75,0.55,66,10.5,1025.0,2.4,16,15,11,9,5,6,10,22,6\n";
  char sumrow[] = "1,4.0,7.8,75,0.55,66,10.5,1025.0,2.4,16,15,11,9,5,6,10,22,16\n";
  char negrow[] = "1,4.0,7.8,75,0.55,-66,10.5,1025.0,2.4,16,15,11,9,5,6,10,22,6\n";
  char shortrow[] = "1,4.0,7.8,75\n";
  struct { const char *name, *repl; int del; const char *yaml_tail, *want; } cases[] = {
      {"/tmp/airshed_met_bad1.csv", nanrow, 0, NULL, "t_mean: not a number"},
      {"/tmp/airshed_met_bad2.csv", sumrow, 0, NULL, "direction frequencies sum to 110"},
      {"/tmp/airshed_met_bad3.csv", negrow, 0, NULL, "precip: negative value -66"},
      {"/tmp/airshed_met_bad4.csv", shortrow, 0, NULL, "cloud: missing column"},
      {"/tmp/airshed_met_bad5.csv", NULL, 1, NULL, "month: month 1 missing"},
      {NULL, NULL, 0, "  diagnostic:\n    climatology: /nonexistent/clim.csv\n", "cannot open"},
      {NULL, NULL, 0, "  source: wrf\n  wrf:\n    files: [/nonexistent/wrfout_d01_*]\n", "meteorology.wrf.files: no file matches"},
      {NULL, NULL, 0, "  source: idealized\n  idealized:\n    u: 5 kg\n", "meteorology.idealized.u"},
      {NULL, NULL, 0, "  source: ecmwf\n", "meteorology.source"},
  };
  int ncase = (int)(sizeof cases / sizeof cases[0]);
  for (int q = 0; q < ncase; q++) {
    char yaml[1024];
    if (cases[q].name) {
      make_clim(cases[q].name, l1, cases[q].repl);
      snprintf(yaml, sizeof yaml, "grid:\n  resolution: 3 km\nmeteorology:\n  diagnostic:\n"
                                  "    climatology: %s\n", cases[q].name);
    } else {
      snprintf(yaml, sizeof yaml, "grid:\n  resolution: 3 km\nmeteorology:\n%s", cases[q].yaml_tail);
    }
    as_error_clear();
    AsConfig *cfg = NULL;
    AsGrid *g = NULL;
    AsMet *met = NULL;
    FILE *devnull = freopen("/dev/null", "w", stderr); /* test_met_setup reports failures */
    (void)devnull;
    int bad = test_met_setup(yaml, &cfg, &g, &met);
    const char *msg = as_error_message();
    int ok = bad && strstr(msg, cases[q].want) && !strchr(msg, '\n') && strchr(msg, ':') &&
             (!cases[q].name || strstr(msg, cases[q].name));
    printf("case %d: %s: \"%s\"\n", q + 1, ok ? "rejected" : "NOT AS EXPECTED", msg);
    if (!ok) fail = 1;
    as_met_destroy(&met);
    as_grid_destroy(&g);
    as_config_destroy(&cfg);
    if (cases[q].name) remove(cases[q].name);
  }
  printf("%s\n", fail ? "FAIL" : "PASS");
  return fail;
}
