/* test_met_wrf.c — claims about the "wrf" meteorology on a wrfout file written by
 * scripts/make_wrfout.py (argv[1]; argv[2] lacks PBLH; argv[3] is moved 200 km east):
 *  1. fields linear in WRF's projected x, y (T2) and in height (QVAPOR) are reproduced at the
 *     model points to the file's float32 precision, half-way between two records (time
 *     interpolation), with the expected position computed independently by PROJ;
 *  2. the 10-m wind (5 m/s along WRF's x axis) is rotated onto the model grid: direction from
 *     PROJ finite differences, within 1e-4 m/s;
 *  3. precipitation rate from RAINNC differences: 1 mm/h in the first hour, 2 mm/h in the second;
 *  4. the mass-consistency solve reduces the max divergence >= 1e6 times;
 *  5. a file missing PBLH and a file not covering the grid each give one error line naming the
 *     file, the item and the problem. */
#include "as_met_impl.h"
#include <math.h>
#include <netcdf.h>
#include <proj.h>
#include <stdio.h>
#include <string.h>

int test_met_setup(const char *yaml, AsConfig **cfg, AsGrid **grid, AsMet **met);

static int setup_wrf(const char *file, AsConfig **cfg, AsGrid **g, AsMet **met)
{
  char yaml[2048];
  snprintf(yaml, sizeof yaml, "grid:\n  resolution: 3 km\nmeteorology:\n  source: wrf\n  wrf:\n"
                              "    files: [\"%s\"]\n", file);
  return test_met_setup(yaml, cfg, g, met);
}

int main(int argc, char **argv)
{
  if (argc < 4) {
    fprintf(stderr, "usage: test_met_wrf good.nc no_pblh.nc shifted.nc\n");
    return 1;
  }
  int fail = 0;
  AsConfig *cfg;
  AsGrid *g;
  AsMet *met;
  if (setup_wrf(argv[1], &cfg, &g, &met)) return 1;
  as_met_view(met, stdout);
  AsMetState st;
  if (as_met_state_alloc(g, &st)) return 1;
  const double t0 = 1626739200.0; /* 2021-07-20 00:00 UTC */
  if (as_met_update(met, t0 + 1800.0, &st)) {
    fprintf(stderr, "%s\n", as_error_message());
    return 1;
  }
  double ratio = met->div_before / met->div_after;
  /* WRF projection through PROJ, centre from the file's attributes */
  int nc;
  double clat, clon;
  nc_open(argv[1], NC_NOWRITE, &nc);
  nc_get_att_double(nc, NC_GLOBAL, "CEN_LAT", &clat);
  nc_get_att_double(nc, NC_GLOBAL, "CEN_LON", &clon);
  nc_close(nc);
  PJ_CONTEXT *ctx = proj_context_create();
  PJ *P = proj_create(ctx, "+proj=lcc +lat_1=30 +lat_2=60 +lat_0=31.8 +lon_0=118 +R=6370000 +units=m");
  PJ_COORD cc = proj_trans(P, PJ_FWD, proj_coord(proj_torad(clon), proj_torad(clat), 0, 0));
  const long nxy = (long)g->nx * g->ny;
  double et2 = 0, eq = 0, ewind = 0, qmax = 0;
  int nq = 0;
  for (long c = 0; c < nxy; c++) {
    PJ_COORD p = proj_trans(P, PJ_FWD, proj_coord(proj_torad(g->lon[c]), proj_torad(g->lat[c]), 0, 0));
    double X = p.xy.x - cc.xy.x, Y = p.xy.y - cc.xy.y;
    double t2 = 300.0 + 1e-5 * X + 2e-5 * Y + 0.25;
    et2 = fmax(et2, fabs(st.t2[c] - t2));
    /* QVAPOR where the model level lies between WRF's mass levels (10 m .. 3250 m, +-1.2 %) */
    for (int k = 0; k < g->nz; k++) {
      double z = g->z_mid[k];
      if (z < 11 || z > 3200) continue;
      double q = 0.012 + 1e-8 * X - 5e-9 * Y - 1.5e-6 * z + 0.5e-4;
      eq = fmax(eq, fabs(st.qv[k * nxy + c] - q));
      qmax = fmax(qmax, q);
      nq++;
    }
    /* direction of WRF's x axis on the model grid */
    PJ_COORD p1 = proj_trans(P, PJ_INV, proj_coord(p.xy.x + 1.0, p.xy.y, 0, 0));
    double xa, ya, xb, yb;
    as_grid_lonlat_to_xy(g, g->lon[c], g->lat[c], &xa, &ya);
    as_grid_lonlat_to_xy(g, proj_todeg(p1.lp.lam), proj_todeg(p1.lp.phi), &xb, &yb);
    double len = hypot(xb - xa, yb - ya);
    double ue = 5.0 * (xb - xa) / len, ve = 5.0 * (yb - ya) / len;
    ewind = fmax(ewind, hypot(st.u10[c] - ue, st.v10[c] - ve));
  }
  proj_destroy(P);
  proj_context_destroy(ctx);
  double pr1 = st.precip[nxy / 2];
  if (as_met_update(met, t0 + 5400.0, &st)) return 1;
  double pr2 = st.precip[nxy / 2];
  printf("T2 (linear in WRF x, y): max error %.2e K over %ld cells\n", et2, nxy);
  printf("QVAPOR (linear in x, y, z): max error %.2e kg/kg (%.1e relative) over %d points\n", eq, eq / qmax, nq);
  printf("10-m wind rotation: max error %.2e m/s; u10, v10 at the centre %.4f %.4f\n", ewind,
         st.u10[nxy / 2 + g->nx / 2], st.v10[nxy / 2 + g->nx / 2]);
  printf("precipitation: %.4f mm/h at 00:30, %.4f mm/h at 01:30 (expected 1, 2)\n", pr1, pr2);
  printf("divergence: raw %.3e -> %.3e kg/s (reduction %.2e)\n", met->div_before, met->div_after, ratio);
  if (!(et2 < 2e-4) || !(eq < 1e-8) || nq == 0 || !(ewind < 1e-4)) fail = 1;
  if (fabs(pr1 - 1.0) > 1e-6 || fabs(pr2 - 2.0) > 1e-6) fail = 1;
  if (!(ratio >= 1e6)) fail = 1;
  as_met_state_free(&st);
  as_met_destroy(&met);
  as_grid_destroy(&g);
  as_config_destroy(&cfg);
  /* bad inputs */
  const char *want[2] = {"PBLH: missing variable", "domain: does not cover the model grid"};
  for (int b = 0; b < 2; b++) {
    as_error_clear();
    AsConfig *c2 = NULL;
    AsGrid *g2 = NULL;
    AsMet *m2 = NULL;
    int bad = setup_wrf(argv[2 + b], &c2, &g2, &m2);
    const char *msg = as_error_message();
    int ok = bad && strstr(msg, want[b]) && strstr(msg, argv[2 + b]) && !strchr(msg, '\n');
    printf("bad file %d: %s -> \"%s\"\n", b + 1, ok ? "rejected" : "NOT REJECTED AS EXPECTED", msg);
    if (!ok) fail = 1;
    as_met_destroy(&m2);
    as_grid_destroy(&g2);
    as_config_destroy(&c2);
  }
  printf("%s\n", fail ? "FAIL" : "PASS");
  return fail;
}
