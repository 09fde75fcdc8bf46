/* test_ros_lanes.c — claim: the multi-cell Rosenbrock solver (as_rosenbrock_lanes.h, W = AS_ODE_LANES
 * cells interleaved, per-cell step control, lanes refilled from a queue) gives every cell the same
 * bits as the one-cell solver (as_rosenbrock.h): concentrations, carried step and statistics (steps,
 * rejections, f, J and LU counts), for ROS3 and RODAS3.
 * Cells: CB6r5 (inputs/mechanisms/cb6r5.eqn) box states of the Jiangyin July case (tests/chem_box_cases.c),
 * urban and rural, every 2 h of one day with the case's emissions added before each call, so the
 * radicals are off their steady state as after transport; each state is called cold (h = 0) and warm
 * (the carried step), rtol 3e-3 (the default case's) and 1e-5. Also one group of exactly W cells that
 * need very different step counts (night warm, day cold, day with a 1e-7 s first step, ...), which
 * leaves lanes idle while the slowest finishes, a batch smaller than W, and the batch in reverse order
 * (cells in other lanes). Prints the step counts, the lane efficiency and the first difference. */
#include "as_mech_lanes.h"
#include "as_rosenbrock.h"
#include "as_rosenbrock_lanes.h"
#include "chem_box_cases.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KB 1.380649e-23
#define NSTATE 24 /* per box case: every 2 h for a day */
#define W AS_ODE_LANES

typedef struct {
  int n, nr, nc;
  double *y, *k, *h;  /* [nc][n], [nc][nr], [nc] */
} Batch;

/* scalar solver on every cell of b (copies), then the lane solver on b; 0 when every bit agrees */
static int compare(const AsMech *m, AsRos *ros, AsRosLanes *rl, const Batch *b, double rtol, const double *atol,
                   const char *what, int verbose)
{
  const int n = b->n, nr = b->nr, nc = b->nc;
  double *ys = malloc(sizeof(double) * (size_t)n * nc), *hs = malloc(sizeof(double) * nc);
  double *yl = malloc(sizeof(double) * (size_t)n * nc), *hl = malloc(sizeof(double) * nc);
  AsOdeStats *ss = calloc((size_t)nc, sizeof *ss), *sl = calloc((size_t)nc, sizeof *sl);
  if (!ys || !hs || !yl || !hl || !ss || !sl) return printf("FAIL: out of memory\n"), 1;
  memcpy(ys, b->y, sizeof(double) * (size_t)n * nc), memcpy(yl, b->y, sizeof(double) * (size_t)n * nc);
  memcpy(hs, b->h, sizeof(double) * nc), memcpy(hl, b->h, sizeof(double) * nc);
  long steps = 0, rej = 0, smin = 1L << 40, smax = 0;
  for (int c = 0; c < nc; c++) {
    AsMechCtx ctx = {m, b->k + (size_t)c * nr};
    if (as_ros_integrate(ros, &ctx, ys + (size_t)c * n, BOX_DT, rtol, atol, &hs[c], &ss[c]) != AS_OK)
      return printf("FAIL: %s: scalar cell %d: %s\n", what, c, as_error_message()), 1;
    steps += ss[c].steps, rej += ss[c].rejected;
    const long a = ss[c].steps + ss[c].rejected;
    smin = a < smin ? a : smin, smax = a > smax ? a : smax;
  }
  AsRosLaneStats ls;
  if (as_rosl_integrate(rl, nc, yl, b->k, BOX_DT, rtol, atol, hl, sl, &ls) != AS_OK)
    return printf("FAIL: %s: lanes: %s\n", what, as_error_message()), 1;
  int bad = -1;
  for (int c = 0; c < nc && bad < 0; c++)
    if (memcmp(ys + (size_t)c * n, yl + (size_t)c * n, sizeof(double) * n) || memcmp(&hs[c], &hl[c], sizeof(double)) ||
        memcmp(&ss[c], &sl[c], sizeof(AsOdeStats)))
      bad = c;
  printf("%-44s %3d cells: attempts per cell %ld..%ld (%.1f steps + %.1f rej.), %ld vector iterations, "
         "lane efficiency %.3f: %s\n",
         what, nc, smin, smax, (double)steps / nc, (double)rej / nc, ls.iters, (double)ls.lane_iters / ((double)W * ls.iters),
         bad < 0 ? "bit-identical" : "DIFFERENT");
  if (bad >= 0) {
    double worst = 0;
    int wi = 0;
    for (int i = 0; i < n; i++) {
      const double d = fabs(ys[(size_t)bad * n + i] - yl[(size_t)bad * n + i]) / fmax(fabs(ys[(size_t)bad * n + i]), 1e-300);
      if (d > worst) worst = d, wi = i;
    }
    printf("  first different cell %d: max rel. difference %.3e (%s), h %.17g vs %.17g, steps %ld/%ld vs %ld/%ld\n", bad,
           worst, as_mech_species_name(m, wi), hs[bad], hl[bad], ss[bad].steps, ss[bad].rejected, sl[bad].steps,
           sl[bad].rejected);
  }
  if (verbose && bad < 0) {
    printf("  per cell (steps+rejected):");
    for (int c = 0; c < nc; c++) printf(" %ld+%ld", ss[c].steps, ss[c].rejected);
    printf("\n");
  }
  free(ys), free(hs), free(yl), free(hl), free(ss), free(sl);
  return bad >= 0;
}

int main(void)
{
  AsMech *m = NULL;
  AsPhotolysis *ph = NULL;
  if (as_mech_load("inputs/mechanisms/cb6r5.eqn", &m) != AS_OK ||
      as_phot_create("inputs/photolysis/mcm_photolysis-rates_v3.3.1.txt", &ph) != AS_OK)
    return printf("FAIL: %s\n", as_error_message()), 1;
  const int n = as_mech_nspec(m), nr = as_mech_nreact(m), nj = as_mech_max_jnumber(m);
  const int nall = 2 * NSTATE * 2; /* case x state x (cold, warm) */
  Batch b = {n, nr, nall, malloc(sizeof(double) * (size_t)n * nall), malloc(sizeof(double) * (size_t)nr * nall),
             malloc(sizeof(double) * nall)};
  double *y = calloc((size_t)n, sizeof *y), *em = calloc((size_t)n, sizeof *em), *k = malloc(sizeof(double) * nr);
  double *atol = malloc(sizeof(double) * n), *Jc = malloc(sizeof(double) * (size_t)(as_phot_count(ph) + 1));
  double *J = malloc(sizeof(double) * (size_t)(nj + 1));
  AsRos *ros = NULL;
  AsRosLanes *rl = NULL;
  AsOdeLanes sys;
  as_mech_lanes_system(m, &sys);
  if (!b.y || !b.k || !b.h || !y || !em || !k || !atol || !Jc || !J ||
      as_ros_create(as_mech_system(m), "ros3", &ros) != AS_OK || as_rosl_create(&sys, "ros3", &rl) != AS_OK)
    return printf("FAIL: setup: %s\n", as_error_message()), 1;
  for (int i = 0; i < n; i++) atol[i] = 1e2; /* molecules cm-3, the default case's */
  printf("CB6r5: %d species, %d reactions; %d lanes\n", n, nr, W);
  /* states: the box run with the one-cell ROS3, sampled every 2 h */
  int c = 0;
  for (int cs = 0; cs < 2; cs++) {
    const double M0 = BOX_PRES / (KB * box_temperature(BOX_T0)) * 1e-6, ppb0 = M0 * 1e-9;
    memset(y, 0, sizeof(double) * n), memset(em, 0, sizeof(double) * n);
    if (box_fill(m, cs ? box_rural_ic : box_urban_ic, ppb0, y) || box_fill(m, cs ? box_rural_em : box_urban_em, ppb0 / 3600.0, em))
      return printf("FAIL: box case\n"), 1;
    double h = 0;
    for (int call = 0; call < 288; call++) {
      double cosz;
      box_rates(m, ph, BOX_T0 + call * BOX_DT, Jc, J, nj, k, &cosz);
      for (int i = 0; i < n; i++) y[i] += em[i] * BOX_DT;
      if (call % (288 / NSTATE) == 0)
        for (int warm = 0; warm < 2; warm++, c++) {
          memcpy(b.y + (size_t)c * n, y, sizeof(double) * n), memcpy(b.k + (size_t)c * nr, k, sizeof(double) * nr);
          b.h[c] = warm ? h : 0.0;
        }
      AsMechCtx ctx = {m, k};
      if (as_ros_integrate(ros, &ctx, y, BOX_DT, 3e-3, atol, &h, NULL) != AS_OK)
        return printf("FAIL: box run: %s\n", as_error_message()), 1;
    }
  }
  int fail = 0;
  fail |= compare(m, ros, rl, &b, 3e-3, atol, "ros3 rtol 3e-3, all states cold and warm", 0);
  fail |= compare(m, ros, rl, &b, 1e-5, atol, "ros3 rtol 1e-5, all states cold and warm", 0);
  /* the same cells in reverse order: other lanes, other neighbours */
  Batch r = {n, nr, nall, malloc(sizeof(double) * (size_t)n * nall), malloc(sizeof(double) * (size_t)nr * nall),
             malloc(sizeof(double) * nall)};
  if (!r.y || !r.k || !r.h) return printf("FAIL: out of memory\n"), 1;
  for (int q = 0; q < nall; q++) {
    memcpy(r.y + (size_t)q * n, b.y + (size_t)(nall - 1 - q) * n, sizeof(double) * n);
    memcpy(r.k + (size_t)q * nr, b.k + (size_t)(nall - 1 - q) * nr, sizeof(double) * nr);
    r.h[q] = b.h[nall - 1 - q];
  }
  fail |= compare(m, ros, rl, &r, 3e-3, atol, "ros3 rtol 3e-3, reversed order", 0);
  /* one group of W cells with very different work: urban noon cold / warm, urban noon with a 1e-7 s first
   * step, rural midnight warm, ...: no refill, lanes idle until the slowest is done */
  Batch g = {n, nr, W, r.y, r.k, r.h};
  const int pick[8] = {12, 13, 1, 13, 48, 49, 35, 14};
  const double hfirst[8] = {0, -1, -1, 1e-7, -1, 0, -1, 300};
  for (int q = 0; q < W; q++) {
    const int s = pick[q % 8];
    memcpy(g.y + (size_t)q * n, b.y + (size_t)s * n, sizeof(double) * n);
    memcpy(g.k + (size_t)q * nr, b.k + (size_t)s * nr, sizeof(double) * nr);
    g.h[q] = hfirst[q % 8] < 0 ? b.h[s] : hfirst[q % 8];
  }
  fail |= compare(m, ros, rl, &g, 3e-3, atol, "ros3 rtol 3e-3, one group of unequal cells", 1);
  g.nc = W - 1;
  fail |= compare(m, ros, rl, &g, 3e-3, atol, "ros3 rtol 3e-3, fewer cells than lanes", 0);
  as_ros_destroy(&ros), as_rosl_destroy(&rl);
  if (as_ros_create(as_mech_system(m), "rodas3", &ros) != AS_OK || as_rosl_create(&sys, "rodas3", &rl) != AS_OK)
    return printf("FAIL: setup: %s\n", as_error_message()), 1;
  fail |= compare(m, ros, rl, &b, 1e-3, atol, "rodas3 rtol 1e-3, all states cold and warm", 0);
  printf("%s\n", fail ? "FAIL" : "PASS");
  as_ros_destroy(&ros), as_rosl_destroy(&rl);
  free(b.y), free(b.k), free(b.h), free(r.y), free(r.k), free(r.h);
  free(y), free(em), free(k), free(atol), free(Jc), free(J);
  as_mech_destroy(&m), as_phot_destroy(&ph);
  return fail;
}
