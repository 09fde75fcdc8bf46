/* bench_chem.c — issue 4 benchmark: CB6r5 chemistry cost in microseconds per cell per 300 s step for
 * ROS3, RODAS3 and CVODE (dense), at equal accuracy: the loosest rtol (from a sweep) at which every cell's
 * O3 NO NO2 OH HO2 HNO3 H2O2 FORM PAN are within 1 % of CVODE at rtol 1e-8 (relative to max(|ref|,
 * 1e-3 ppt)). Cells: 200 states of the tests/test_chem_box.c boxes (100 URBAN, 100 RURAL), sampled every
 * 10 min from 00Z of the second simulated day (2021-07-02, Jiangyin), with that time's temperature and
 * clear-sky J. Cold: first call from the state with no step history (h = 0). Warm: the following
 * 300 s call with the step carried over from the cold call (CVODE re-initialises every call, so its
 * warm figure measures the same cold path). One thread. Writes JSON to argv[1]
 * (default benchmarks/results/chem.json). Run from the repository root. */
#include "as_cvode.h"
#include "../tests/chem_box_cases.h"
#include "as_mech.h"
#include "as_photolysis.h"
#include "as_rosenbrock.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define KB 1.380649e-23
#define NCELL 200
#define NRTOL 7

static const double rtols[NRTOL] = {1e-2, 3e-3, 1e-3, 3e-4, 1e-4, 3e-5, 1e-5};

typedef struct {
  double *y0, *k; /* state and rate constants (fixed over the two benchmarked calls) */
  double ppb;
  double ref1[BOX_NCMP], ref2[BOX_NCMP], *yref1;
} Cell;

static double now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

typedef struct { double cold_us, warm_us, err_cold, err_warm; long steps_cold, steps_warm; } Result;

/* solver 0 ros3, 1 rodas3, 2 cvode; timing over all cells (best of reps) and worst error */
static int run(int solver, AsRos *ros, AsCvode *cv, const AsMech *m, Cell *cells, int n, double rtol,
               const double *atol, const int *cmp, double *y, int reps, Result *r)
{
  memset(r, 0, sizeof *r);
  r->cold_us = r->warm_us = 1e30;
  for (int rep = 0; rep < reps; rep++) {
    double tc = 0, tw = 0;
    long sc = 0, sw = 0;
    for (int c = 0; c < NCELL; c++) {
      Cell *cl = &cells[c];
      AsMechCtx ctx = {m, cl->k};
      AsOdeStats st;
      double h = 0.0;
      memcpy(y, cl->y0, (size_t)n * sizeof *y);
      double t0 = now();
      AsStatus s = solver < 2 ? as_ros_integrate(ros, &ctx, y, BOX_DT, rtol, atol, &h, &st)
                              : as_cvode_integrate(cv, &ctx, y, BOX_DT, rtol, atol, &st);
      tc += now() - t0;
      if (s != AS_OK) return fprintf(stderr, "bench_chem: %s\n", as_error_message()), 1;
      sc += st.steps;
      for (int q = 0; q < BOX_NCMP; q++)
        r->err_cold = fmax(r->err_cold, fabs(y[cmp[q]] - cl->ref1[q]) / fmax(fabs(cl->ref1[q]), 1e-12 * cl->ppb));
      memcpy(y, cl->yref1, (size_t)n * sizeof *y); /* warm call starts from the reference state */
      t0 = now();
      s = solver < 2 ? as_ros_integrate(ros, &ctx, y, BOX_DT, rtol, atol, &h, &st)
                     : as_cvode_integrate(cv, &ctx, y, BOX_DT, rtol, atol, &st);
      tw += now() - t0;
      if (s != AS_OK) return fprintf(stderr, "bench_chem: %s\n", as_error_message()), 1;
      sw += st.steps;
      for (int q = 0; q < BOX_NCMP; q++)
        r->err_warm = fmax(r->err_warm, fabs(y[cmp[q]] - cl->ref2[q]) / fmax(fabs(cl->ref2[q]), 1e-12 * cl->ppb));
    }
    r->cold_us = fmin(r->cold_us, tc / NCELL * 1e6);
    r->warm_us = fmin(r->warm_us, tw / NCELL * 1e6);
    r->steps_cold = sc, r->steps_warm = sw;
  }
  return 0;
}

int main(int argc, char **argv)
{
  const char *out = argc > 1 ? argv[1] : "benchmarks/results/chem.json";
  AsMech *m = NULL;
  AsPhotolysis *ph = NULL;
  if (as_mech_load("inputs/mechanisms/cb6r5.eqn", &m) != AS_OK ||
      as_phot_create("inputs/photolysis/mcm_photolysis-rates_v3.3.1.txt", &ph) != AS_OK)
    return fprintf(stderr, "bench_chem: %s\n", as_error_message()), 1;
  const int n = as_mech_nspec(m), nr = as_mech_nreact(m), nj = as_mech_max_jnumber(m);
  const AsOdeSystem *sys = as_mech_system(m);
  double *Jc = calloc((size_t)as_phot_count(ph), sizeof *Jc), *J = calloc((size_t)nj + 1, sizeof *J);
  double *y = calloc((size_t)n, sizeof *y), *em = calloc((size_t)n, sizeof *em), *bg = calloc((size_t)n, sizeof *bg);
  double *k = calloc((size_t)nr, sizeof *k), *atol = malloc((size_t)n * sizeof *atol),
         *atol_ref = malloc((size_t)n * sizeof *atol_ref);
  for (int i = 0; i < n; i++) atol[i] = 1e2, atol_ref[i] = 1e-2; /* molecules cm-3, as test_chem_box */
  int cmp[BOX_NCMP];
  for (int q = 0; q < BOX_NCMP; q++)
    if ((cmp[q] = as_mech_species_index(m, box_cmp_names[q])) < 0) return fprintf(stderr, "bench_chem: no %s\n", box_cmp_names[q]), 1;
  AsRos *ros[2] = {NULL, NULL};
  AsCvode *cv = NULL;
  if (as_ros_create(sys, "ros3", &ros[0]) != AS_OK || as_ros_create(sys, "rodas3", &ros[1]) != AS_OK ||
      as_cvode_create(sys, &cv) != AS_OK)
    return fprintf(stderr, "bench_chem: %s\n", as_error_message()), 1;
  Cell *cells = calloc(NCELL, sizeof *cells);
  /* spin-up: each box 1 day + sampling through day 2 with ROS3 at rtol 1e-5 (states only) */
  for (int cs = 0; cs < 2; cs++) {
    const double ppb0 = BOX_PRES / (KB * box_temperature(BOX_T0)) * 1e-6 * 1e-9;
    memset(y, 0, (size_t)n * sizeof *y), memset(em, 0, (size_t)n * sizeof *em), memset(bg, 0, (size_t)n * sizeof *bg);
    if (box_fill(m, cs == 0 ? box_urban_ic : box_rural_ic, ppb0, y) || box_fill(m, cs == 0 ? box_urban_em : box_rural_em, ppb0 / 3600, em) ||
        box_fill(m, box_background, ppb0, bg))
      return 1;
    const int iISOP = as_mech_species_index(m, "ISOP"), iTERP = as_mech_species_index(m, "TERP");
    double h = 0.0;
    int next = 0;
    for (int call = 0; call < 2 * 288 && next < NCELL / 2; call++) {
      const double t = BOX_T0 + call * BOX_DT;
      double cosz, M = box_rates(m, ph, t, Jc, J, nj, k, &cosz);
      for (int i = 0; i < n; i++) y[i] += em[i] * BOX_DT;
      if (cs == 1) {
        y[iISOP] += 2.0 * fmax(cosz, 0.0) * M * 1e-9 / 3600 * BOX_DT;
        y[iTERP] += 0.1 * M * 1e-9 / 3600 * BOX_DT;
      }
      for (int i = 0; i < n; i++) y[i] = bg[i] + (y[i] - bg[i]) * exp(-BOX_DT / 86400.0);
      if (call >= 288 && (call - 288) % 2 == 0 && next < NCELL / 2) { /* every 10 min */
        Cell *cl = &cells[cs * (NCELL / 2) + next++];
        cl->y0 = malloc((size_t)n * sizeof *y), cl->k = malloc((size_t)nr * sizeof *k);
        cl->yref1 = malloc((size_t)n * sizeof *y);
        memcpy(cl->y0, y, (size_t)n * sizeof *y), memcpy(cl->k, k, (size_t)nr * sizeof *k);
        cl->ppb = M * 1e-9;
      }
      AsMechCtx ctx = {m, k};
      AsOdeStats st;
      if (as_ros_integrate(ros[0], &ctx, y, BOX_DT, 1e-5, atol, &h, &st) != AS_OK)
        return fprintf(stderr, "bench_chem: %s\n", as_error_message()), 1;
    }
  }
  /* references: CVODE rtol 1e-8 over two consecutive calls */
  for (int c = 0; c < NCELL; c++) {
    Cell *cl = &cells[c];
    AsMechCtx ctx = {m, cl->k};
    AsOdeStats st;
    memcpy(y, cl->y0, (size_t)n * sizeof *y);
    for (int call = 0; call < 2; call++) {
      if (as_cvode_integrate(cv, &ctx, y, BOX_DT, 1e-8, atol_ref, &st) != AS_OK)
        return fprintf(stderr, "bench_chem: %s\n", as_error_message()), 1;
      if (call == 0) memcpy(cl->yref1, y, (size_t)n * sizeof *y);
      for (int q = 0; q < BOX_NCMP; q++) (call ? cl->ref2 : cl->ref1)[q] = y[cmp[q]];
    }
  }
  static const char *sname[3] = {"ros3", "rodas3", "cvode"};
  Result res[3][NRTOL];
  int pick[3] = {-1, -1, -1};
  for (int s = 0; s < 3; s++)
    for (int r = 0; r < NRTOL; r++) {
      if (run(s, ros[s < 2 ? s : 0], cv, m, cells, n, rtols[r], s < 2 ? atol : atol_ref, cmp, y, 3, &res[s][r])) return 1;
      const Result *q = &res[s][r];
      printf("%-6s rtol %.0e: cold %8.1f us/cell (%.1f steps), warm %8.1f us/cell (%.1f steps); worst err cold %.2e "
             "warm %.2e\n", sname[s], rtols[r], q->cold_us, q->steps_cold / (double)NCELL, q->warm_us,
             q->steps_warm / (double)NCELL, q->err_cold, q->err_warm);
      if (pick[s] < 0 && q->err_cold <= 0.01 && q->err_warm <= 0.01) pick[s] = r;
    }
  FILE *f = fopen(out, "w");
  if (!f) return fprintf(stderr, "bench_chem: %s: cannot open for writing\n", out), 1;
  fprintf(f, "{\n  \"benchmark\": \"bench_chem\",\n  \"mechanism\": \"inputs/mechanisms/cb6r5.eqn\",\n"
             "  \"species\": %d, \"reactions\": %d, \"jacobian_nnz\": %d,\n  \"cells\": %d, \"step_s\": %.0f, "
             "\"threads\": 1,\n  \"accuracy_criterion\": \"O3 NO NO2 OH HO2 HNO3 H2O2 FORM PAN within 1%% of CVODE "
             "rtol 1e-8 (floor 1e-3 ppt) in every cell, cold and warm call\",\n  \"atol_molec_cm3\": {\"ros\": 1e2, "
             "\"cvode\": 1e-2},\n  \"solvers\": {\n", n, nr, sys->nnz, NCELL, BOX_DT);
  for (int s = 0; s < 3; s++) {
    fprintf(f, "    \"%s\": {\"equal_accuracy_rtol\": %g, \"sweep\": [\n", sname[s], pick[s] >= 0 ? rtols[pick[s]] : -1.0);
    for (int r = 0; r < NRTOL; r++) {
      const Result *q = &res[s][r];
      fprintf(f, "      {\"rtol\": %g, \"cold_us_per_cell_step\": %.2f, \"warm_us_per_cell_step\": %.2f, "
                 "\"steps_cold\": %.2f, \"steps_warm\": %.2f, \"max_rel_err_cold\": %.3e, \"max_rel_err_warm\": %.3e}%s\n",
              rtols[r], q->cold_us, q->warm_us, q->steps_cold / (double)NCELL, q->steps_warm / (double)NCELL,
              q->err_cold, q->err_warm, r + 1 < NRTOL ? "," : "");
    }
    fprintf(f, "    ]}%s\n", s < 2 ? "," : "");
  }
  fprintf(f, "  },\n  \"reference_kpp_saprc99_us\": {\"rosenbrock_cold\": [130, 650], \"rosenbrock_warm\": [17, 40], "
             "\"cvode_dense\": [1600, 9000], \"cvode_klu\": [100, 2700]}\n}\n");
  fclose(f);
  for (int s = 0; s < 3; s++)
    if (pick[s] >= 0)
      printf("equal accuracy (1 %%): %-6s rtol %.0e  cold %.1f us  warm %.1f us per cell-step\n", sname[s],
             rtols[pick[s]], res[s][pick[s]].cold_us, res[s][pick[s]].warm_us);
    else
      printf("equal accuracy (1 %%): %-6s not reached in the sweep\n", sname[s]);
  printf("wrote %s\n", out);
  for (int c = 0; c < NCELL; c++) free(cells[c].y0), free(cells[c].k), free(cells[c].yref1);
  free(cells), free(Jc), free(J), free(y), free(em), free(bg), free(k), free(atol), free(atol_ref);
  as_ros_destroy(&ros[0]), as_ros_destroy(&ros[1]), as_cvode_destroy(&cv), as_mech_destroy(&m), as_phot_destroy(&ph);
  return 0;
}
