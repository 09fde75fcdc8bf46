/* test_photolysis_table.c — issue 4 acceptance: the photolysis module reproduces its source table
 * (inputs/photolysis/mcm_v331_clear_sky_J_vs_SZA.csv, every J channel at every tabulated solar
 * zenith angle) within 1 %; prints the worst relative difference per channel. Also one independent
 * point: AtChem2 env_model_1 output J4 = 6.059161e-3 s-1 at cos(chi) = 0.53353 (PROVENANCE.md). */
#include "as_photolysis.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXCOL 32

int main(void)
{
  const char *params = "inputs/photolysis/mcm_photolysis-rates_v3.3.1.txt";
  const char *table = "inputs/photolysis/mcm_v331_clear_sky_J_vs_SZA.csv";
  AsPhotolysis *ph = NULL;
  if (as_phot_create(params, &ph) != AS_OK) {
    printf("FAIL: %s\n", as_error_message());
    return 1;
  }
  int nch = as_phot_count(ph);
  printf("%s: %d channels\n", params, nch);
  FILE *f = fopen(table, "r");
  if (!f) {
    printf("FAIL: cannot open %s\n", table);
    return 1;
  }
  char line[2048];
  int jnum[MAXCOL], ncol = 0, fail = 0, rows = 0;
  char names[MAXCOL][64];
  if (!fgets(line, sizeof line, f)) return printf("FAIL: empty %s\n", table), 1;
  for (char *tok = strtok(line, ",\r\n"); tok; tok = strtok(NULL, ",\r\n")) {
    if (ncol > 0) { /* column 0 is sza_deg */
      if (sscanf(tok, "J%d_", &jnum[ncol]) != 1) return printf("FAIL: column '%s'\n", tok), 1;
      snprintf(names[ncol], sizeof names[ncol], "%s", tok);
    }
    if (++ncol == MAXCOL) break;
  }
  double worst[MAXCOL] = {0}, worst_sza[MAXCOL] = {0};
  double *J = malloc((size_t)nch * sizeof *J);
  while (fgets(line, sizeof line, f)) {
    double v[MAXCOL];
    int k = 0;
    for (char *tok = strtok(line, ",\r\n"); tok && k < MAXCOL; tok = strtok(NULL, ",\r\n")) v[k++] = atof(tok);
    if (k != ncol) return printf("FAIL: row with %d of %d fields\n", k, ncol), 1;
    rows++;
    as_phot_clear_sky(ph, cos(v[0] * M_PI / 180), J);
    for (int c = 1; c < ncol; c++) {
      int ch = as_phot_index(ph, jnum[c]);
      if (ch < 0) return printf("FAIL: J%d not in %s\n", jnum[c], params), 1;
      double rel = fabs(J[ch] - v[c]) / v[c];
      if (rel > worst[c]) worst[c] = rel, worst_sza[c] = v[0];
    }
  }
  fclose(f);
  for (int c = 1; c < ncol; c++) {
    int ok = worst[c] <= 0.01;
    fail |= !ok;
    printf("%-22s worst rel diff %.2e at SZA %4.0f deg over %d angles  %s\n", names[c], worst[c], worst_sza[c],
           rows, ok ? "ok" : "FAIL (> 1 %)");
  }
  as_phot_clear_sky(ph, 0.53353, J);
  double j4 = J[as_phot_index(ph, 4)], rel = fabs(j4 - 6.059161e-3) / 6.059161e-3;
  printf("AtChem2 cross-check cos(chi)=0.53353: J4 = %.6e (AtChem2 6.059161e-03), rel %.2e  %s\n", j4, rel,
         rel <= 0.01 ? "ok" : "FAIL");
  fail |= rel > 0.01;
  as_phot_clear_sky(ph, -0.1, J);
  double night = 0;
  for (int c = 0; c < nch; c++) night += fabs(J[c]);
  printf("below horizon (cos -0.1): sum |J| = %g  %s\n", night, night == 0 ? "ok" : "FAIL");
  fail |= night != 0;
  free(J);
  as_phot_destroy(&ph);
  fail |= ph != NULL;
  printf("%s\n", fail ? "FAIL" : "PASS");
  return fail;
}
