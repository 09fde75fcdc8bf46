/* test_puff_background.c — the regional background used as boundary and initial values
 * (solver/as_boundary.c, inputs/boundary/wcs_background.yaml).
 * Claims: the shipped file loads; at 2021-01-15 08:00 local (00 UTC) the surface PEC equals the
 * January mean x (1 + a cos(2 pi (8 - 21)/24)) to 1e-12; values are constant below the PBL and
 * decay above it towards r x surface; the top value is below the surface value; a species absent
 * from the file (TRACER) is 0; a file with 11 monthly values gives one error line naming it. */
#include "as_boundary.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static AsStatus setup(const char *bfile, AsConfig **cfg, AsGrid **g, AsSpeciesTable *spc,
                      AsBoundary **bc)
{
  char yaml[1024], path[] = "/tmp/airshed_test_bg_XXXXXX";
  snprintf(yaml, sizeof yaml,
           "grid:\n  resolution: 3 km\n  extent:\n    x: 30 km\n    y: 24 km\n"
           "boundary:\n  type: background\n  file: %s\n", bfile);
  int fd = mkstemp(path);
  FILE *f = fdopen(fd, "w");
  fputs(yaml, f);
  fclose(f);
  AsStatus s = as_config_load(path, cfg);
  unlink(path);
  if (!s) s = as_grid_create(*cfg, g);
  if (!s) s = as_boundary_create(*cfg, *g, spc, bc);
  return s;
}

int main(void)
{
  char cwd[512], bfile[700];
  if (!getcwd(cwd, sizeof cwd)) return 1;
  snprintf(bfile, sizeof bfile, "%s/inputs/boundary/wcs_background.yaml", cwd);
  AsSpecies sp[2];
  memset(sp, 0, sizeof sp);
  strcpy(sp[0].name, "PEC");
  strcpy(sp[1].name, "TRACER");
  AsSpeciesTable spc = {2, sp};
  AsConfig *cfg = NULL;
  AsGrid *g = NULL;
  AsBoundary *bc = NULL;
  if (setup(bfile, &cfg, &g, &spc, &bc)) {
    fprintf(stderr, "setup: %s\n", as_error_message());
    return 1;
  }
  const double t = 1610668800.0; /* 2021-01-15T00:00:00Z = 08:00 China Standard Time */
  as_boundary_update(bc, t, NULL); /* no met: pblh_default 800 m */
  const double *w = as_boundary_side(bc, 0, AS_WEST), *top = as_boundary_side(bc, 0, AS_TOP);
  const double *tr = as_boundary_side(bc, 1, AS_NORTH);
  /* Jan 15 00 local-day fraction: mid-January is day 15.5, so 08:00 on the 15th lies between
   * mid-December and mid-January: weight from the file's own rule */
  double frac = (14 + 8.0 / 24.0) / 31.0, x = frac - 0.5, wgt = x + 1.0; /* Dec -> Jan */
  double mon = (1 - wgt) * 2.08 + wgt * 2.20;
  double expect = mon * (1 + 0.15 * cos(2 * M_PI * (8.0 - 21.0) / 24.0));
  int fail = 0, kin = 0, kout = g->nz - 1;
  while (kin + 1 < g->nz && g->z_mid[kin + 1] < 800) kin++;
  double err = fabs(w[0] - expect) / expect;
  printf("background PEC at 2021-01-15 08 CST: surface %.6f ug/m3 (expected %.6f, rel. error "
         "%.1e), at %.0f m %.4f, at %.0f m %.4f, top %.4f; TRACER %.1f\n", w[0], expect, err,
         g->z_mid[kin], w[kin * g->ny], g->z_mid[kout], w[kout * g->ny], top[0], tr[0]);
  fail |= !(err <= 1e-12) || w[kin * g->ny] != w[0] || !(w[kout * g->ny] < w[0]) ||
          !(w[kout * g->ny] > 0.10 * w[0]) || !(top[0] < w[0]) || tr[0] != 0.0;
  as_boundary_destroy(&bc);
  as_grid_destroy(&g);
  as_config_destroy(&cfg);
  /* bad file: 11 monthly values */
  char bad[] = "/tmp/airshed_test_bg_bad_XXXXXX";
  int fd = mkstemp(bad);
  FILE *f = fdopen(fd, "w");
  fputs("profile:\n  scale_height: 1000 m\nspecies:\n  - name: PEC\n"
        "    monthly: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]\n", f);
  fclose(f);
  as_error_clear();
  AsStatus s = setup(bad, &cfg, &g, &spc, &bc);
  const char *msg = as_error_message();
  printf("bad file -> status %d, message: %s\n", (int)s, msg);
  fail |= s == AS_OK || !strstr(msg, bad) || !strstr(msg, "species[0].monthly") || strchr(msg, '\n');
  unlink(bad);
  as_boundary_destroy(&bc);
  as_grid_destroy(&g);
  as_config_destroy(&cfg);
  printf("test_puff_background: %s\n", fail ? "FAIL" : "ok");
  return fail;
}
