/* bench_chem.c — issue 4 benchmark: CB6r5 chemistry cost in microseconds per cell per 300 s step for
 * ROS3, RODAS3, CVODE-dense, CVODE-KLU and ros3v (the multi-cell ROS3 the default case uses) at equal
 * accuracy.
 *
 * Cells: 200 states of the tests/test_chem_box.c boxes (100 URBAN, 100 RURAL), sampled every 10 min
 * from 00Z of the second simulated day (2021-07-02 08 LST .. 00:30 LST, Jiangyin), each the state
 * right after the operator-split emission + ventilation update, i.e. what the chemistry process is
 * handed, with that interval's temperature and clear-sky J. Like with like: every solver gets the
 * same atol (ATOL) and the same calls:
 *   cold     from the cell's state with no step history (h = 0);
 *   warm     the same call, but with the step carried over from the solver's own call on the
 *            PREVIOUS 300 s interval of that cell (untimed) — what a model run does every step;
 *   relaxed  the following 300 s call from the reference end state (no fresh emissions: the
 *            situation of cells above the surface layer), step carried over from the warm call.
 * (The previous version of this file reported the relaxed call as "warm": it has no emitted NO pulse.)
 * Reference: CVODE-dense rtol 1e-8, atol 1e-2 molecules cm-3. Error of O3 NO NO2 OH HO2 HNO3 H2O2
 * FORM PAN relative to max(|ref|, floor), with the documented floor 1e-3 ppt (as tests/test_chem_box.c)
 * and, for comparison, a floor of 1e-9 ppt (practically pure relative error; what this file used
 * before, by a units slip). Equal accuracy: the loosest rtol of the sweep at which every compared
 * species in every cell is within 1 % in all three calls. One thread; timings are the best of REPS
 * sweeps. ros3v gets the same three calls for all 200 cells in integrate calls of BATCH cells (the
 * clock around the calls, lane loading included); every cell's result and carried step are checked
 * bit for bit against ros3's at the same rtol (untimed), and the count of differing cells is printed
 * and written. Timings are also kept per box (URBAN cells 0..99, RURAL 100..199), and the URBAN box at
 * rtol 1e-3 is printed for every solver: the setting of the KPP SAPRC99 figures (../shared/context/peers.md:
 * urban state, 5-minute step, rtol 1e-3). Writes JSON to argv[1] (default benchmarks/results/chem.json). Run from the repository root.
 * Science and figures: docs/science-chemsolver-b.md. */
#include "as_cvode.h"
#include "../tests/chem_box_cases.h"
#include "as_mech.h"
#include "as_mech_lanes.h"
#include "as_photolysis.h"
#include "as_rosenbrock.h"
#include "as_rosenbrock_lanes.h"
#include "bench_chem_util.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define KB 1.380649e-23
#define NCELL 200
#define NRTOL 8
#define NSOLV (BENCH_NSOLV + 1) /* bench_chem_util's four and ros3v */
#define ROS3V BENCH_NSOLV
#define BATCH 100             /* ros3v cells per integrate call: the model's 4 grid rows at 6 km; one box each */
#define REPS 3
#define ATOL 1e-2             /* molecules cm-3, every solver and the reference */
#define FLOOR_DOC 1e-6        /* x molecules per ppb = 1e-3 ppt */
#define FLOOR_STRICT 1e-12    /* x molecules per ppb = 1e-9 ppt */

static const double rtols[NRTOL] = {3e-2, 1e-2, 3e-3, 1e-3, 3e-4, 1e-4, 3e-5, 1e-5};
#define KPP_RTOL 3            /* rtols[3] = 1e-3, the tolerance of the KPP figures in peers.md */
static const char *const sname[NSOLV] = {"ros3", "rodas3", "cvode_dense", "cvode_klu", "ros3v"};
enum { COLD, WARM, RELAXED, NCALL };
static const char *const cname[NCALL] = {"cold", "warm", "relaxed"};

typedef struct {
  double *y0, *k;          /* state handed to chemistry, rate constants of the interval */
  double *yp, *kp;         /* the same for the previous interval (gives the carried step) */
  double *ref1, *ref2;     /* CVODE rtol 1e-8 after the call from y0, and after the next call */
  double ppb, lst;         /* molecules cm-3 per ppb; local solar time at the start of the call */
} Cell;

typedef struct {
  double us[NCALL], err[NCALL], err_strict[NCALL], steps[NCALL], rejected[NCALL];
  double us_case[2][NCALL];            /* the same per box: [0] URBAN (cells 0..99), [1] RURAL */
  int worst_q, worst_cell, worst_call; /* where the largest documented-floor error was */
  double eff[NCALL];                   /* ros3v: busy lane-iterations / (lanes x iterations) */
  int differ;                          /* ros3v: cells whose y or carried h differ from ros3's (any call) */
} Result;

static void score(Result *r, int call, const Cell *cl, const double *ref, const double *y, const int *cmp, int c)
{
  for (int q = 0; q < BOX_NCMP; q++) {
    const double d = fabs(y[cmp[q]] - ref[cmp[q]]);
    const double e = d / fmax(fabs(ref[cmp[q]]), FLOOR_DOC * cl->ppb);
    r->err_strict[call] = fmax(r->err_strict[call], d / fmax(fabs(ref[cmp[q]]), FLOOR_STRICT * cl->ppb));
    if (e > r->err[r->worst_call]) r->worst_q = q, r->worst_cell = c, r->worst_call = call; /* the overall maximum */
    r->err[call] = fmax(r->err[call], e);
  }
}

/* one solver at one rtol: the three calls for every cell, timings best of REPS */
static int run(BenchSolvers *sv, int s, const AsMech *m, const Cell *cells, int n, double rtol, const double *atol,
               const int *cmp, double *y, double *hprev, Result *r)
{
  memset(r, 0, sizeof *r);
  AsOdeStats st;
  for (int c = 0; c < NCELL; c++) { /* the step each cell carries out of its previous interval */
    hprev[c] = 0.0;
    memcpy(y, cells[c].yp, (size_t)n * sizeof *y);
    if (bench_integrate(sv, s, m, cells[c].kp, y, BOX_DT, rtol, atol, &hprev[c], &st) != AS_OK) return 1;
  }
  for (int call = 0; call < NCALL; call++) r->us[call] = r->us_case[0][call] = r->us_case[1][call] = 1e30;
  for (int rep = 0; rep < REPS; rep++) {
    double t[NCALL] = {0, 0, 0}, tc[2][NCALL] = {{0, 0, 0}, {0, 0, 0}}, steps[NCALL] = {0, 0, 0}, rej[NCALL] = {0, 0, 0};
    for (int c = 0; c < NCELL; c++) {
      const Cell *cl = &cells[c];
      double h = 0.0; /* cold; then the carried step for warm, and warm's step for relaxed */
      for (int call = 0; call < NCALL; call++) {
        if (call == WARM) h = hprev[c];
        memcpy(y, call == RELAXED ? cl->ref1 : cl->y0, (size_t)n * sizeof *y);
        const double t0 = bench_now();
        if (bench_integrate(sv, s, m, cl->k, y, BOX_DT, rtol, atol, &h, &st) != AS_OK) return 1;
        const double dt_call = bench_now() - t0;
        t[call] += dt_call, tc[c >= NCELL / 2][call] += dt_call;
        steps[call] += st.steps, rej[call] += st.rejected;
        if (rep == 0) score(r, call, cl, call == RELAXED ? cl->ref2 : cl->ref1, y, cmp, c);
      }
    }
    for (int call = 0; call < NCALL; call++) {
      r->us[call] = fmin(r->us[call], t[call] / NCELL * 1e6);
      for (int b = 0; b < 2; b++) r->us_case[b][call] = fmin(r->us_case[b][call], tc[b][call] / (NCELL / 2) * 1e6);
      r->steps[call] = steps[call] / NCELL, r->rejected[call] = rej[call] / NCELL;
    }
  }
  return 0;
}

/* Scratch of ros3v: all cells' y, k and h in cell-major arrays, and one cell for the ros3 check. */
typedef struct {
  AsRosLanes *rl;
  double *y, *k, *h, *hc, *y1; /* hc: carried steps after each call; y1: ros3's result of one cell */
  AsOdeStats *st;
} Lanes;

/* ros3v at one rtol: each call for all cells in integrate calls of BATCH cells, timings best of REPS;
 * then (untimed) every cell's result and carried step against ros3's from the same input */
static int run_lanes(Lanes *L, BenchSolvers *sv, const AsMech *m, const Cell *cells, int n, int nr, double rtol,
                     const double *atol, const int *cmp, Result *r)
{
  memset(r, 0, sizeof *r);
  for (int c = 0; c < NCELL; c++) { /* the step each cell carries out of its previous interval */
    memcpy(L->y + (size_t)c * n, cells[c].yp, (size_t)n * sizeof *L->y);
    memcpy(L->k + (size_t)c * nr, cells[c].kp, (size_t)nr * sizeof *L->k);
    L->hc[c] = 0.0;
  }
  for (int c0 = 0; c0 < NCELL; c0 += BATCH)
    if (as_rosl_integrate(L->rl, BATCH, L->y + (size_t)c0 * n, L->k + (size_t)c0 * nr, BOX_DT, rtol, atol,
                          L->hc + c0, NULL, NULL) != AS_OK) return 1;
  double *hprev = L->h + NCELL; /* second half of h: the carried step into the warm call */
  memcpy(hprev, L->hc, NCELL * sizeof *hprev);
  for (int c = 0; c < NCELL; c++) memcpy(L->k + (size_t)c * nr, cells[c].k, (size_t)nr * sizeof *L->k);
  for (int call = 0; call < NCALL; call++) r->us[call] = r->us_case[0][call] = r->us_case[1][call] = 1e30;
  for (int rep = 0; rep < REPS; rep++) {
    for (int call = 0; call < NCALL; call++) {
      for (int c = 0; c < NCELL; c++) {
        memcpy(L->y + (size_t)c * n, call == RELAXED ? cells[c].ref1 : cells[c].y0, (size_t)n * sizeof *L->y);
        L->h[c] = call == COLD ? 0.0 : call == WARM ? hprev[c] : L->hc[c]; /* relaxed: warm's carried step */
      }
      long iters = 0, busy = 0;
      double tc[2] = {0, 0}; /* BATCH = NCELL / 2: the first call is the URBAN box, the second the RURAL */
      for (int c0 = 0; c0 < NCELL; c0 += BATCH) {
        AsRosLaneStats ls;
        const double t0 = bench_now();
        if (as_rosl_integrate(L->rl, BATCH, L->y + (size_t)c0 * n, L->k + (size_t)c0 * nr, BOX_DT, rtol, atol,
                              L->h + c0, L->st + c0, &ls) != AS_OK) return 1;
        tc[c0 / BATCH] = bench_now() - t0;
        iters += ls.iters, busy += ls.lane_iters;
      }
      const double t = tc[0] + tc[1];
      for (int b = 0; b < 2; b++) r->us_case[b][call] = fmin(r->us_case[b][call], tc[b] / BATCH * 1e6);
      r->us[call] = fmin(r->us[call], t / NCELL * 1e6);
      r->eff[call] = (double)busy / ((double)AS_ODE_LANES * (double)iters);
      double steps = 0, rej = 0;
      for (int c = 0; c < NCELL; c++) steps += L->st[c].steps, rej += L->st[c].rejected;
      r->steps[call] = steps / NCELL, r->rejected[call] = rej / NCELL;
      if (rep == 0)
        for (int c = 0; c < NCELL; c++) { /* score, and the same call with ros3 must give the same bits */
          const double *yv = L->y + (size_t)c * n;
          score(r, call, &cells[c], call == RELAXED ? cells[c].ref2 : cells[c].ref1, yv, cmp, c);
          double h = call == COLD ? 0.0 : call == WARM ? hprev[c] : L->hc[c];
          AsOdeStats st;
          memcpy(L->y1, call == RELAXED ? cells[c].ref1 : cells[c].y0, (size_t)n * sizeof *L->y1);
          if (bench_integrate(sv, 0, m, cells[c].k, L->y1, BOX_DT, rtol, atol, &h, &st) != AS_OK) return 1;
          if (memcmp(L->y1, yv, (size_t)n * sizeof *yv) || memcmp(&h, &L->h[c], sizeof h)) r->differ++;
        }
      memcpy(L->hc, L->h, NCELL * sizeof *L->hc); /* the step this call carries (relaxed starts from warm's) */
    }
  }
  return 0;
}

static int passes(const Result *r, int strict)
{
  for (int call = 0; call < NCALL; call++)
    if (!((strict ? r->err_strict : r->err)[call] <= 0.01)) return 0;
  return 1;
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
  double *k = calloc((size_t)nr, sizeof *k), *atol = malloc((size_t)n * sizeof *atol);
  double *yprev = malloc((size_t)n * sizeof *yprev), *kprev = malloc((size_t)nr * sizeof *kprev);
  double *hprev = malloc(NCELL * sizeof *hprev);
  Cell *cells = calloc(NCELL, sizeof *cells);
  if (!Jc || !J || !y || !em || !bg || !k || !atol || !yprev || !kprev || !hprev || !cells)
    return fprintf(stderr, "bench_chem: out of memory\n"), 1;
  for (int i = 0; i < n; i++) atol[i] = ATOL;
  int cmp[BOX_NCMP];
  for (int q = 0; q < BOX_NCMP; q++)
    if ((cmp[q] = as_mech_species_index(m, box_cmp_names[q])) < 0) return fprintf(stderr, "bench_chem: no %s\n", box_cmp_names[q]), 1;
  BenchSolvers sv;
  if (bench_solvers_create(sys, &sv) != AS_OK)
    return fprintf(stderr, "bench_chem: %s\n", as_error_message()), 1;
  Lanes lanes = {NULL, malloc(sizeof(double) * (size_t)n * NCELL), malloc(sizeof(double) * (size_t)nr * NCELL),
                 malloc(sizeof(double) * 2 * NCELL), malloc(sizeof(double) * NCELL), malloc(sizeof(double) * (size_t)n),
                 calloc(NCELL, sizeof(AsOdeStats))};
  AsOdeLanes lsys;
  as_mech_lanes_system(m, &lsys);
  if (!lanes.y || !lanes.k || !lanes.h || !lanes.hc || !lanes.y1 || !lanes.st)
    return fprintf(stderr, "bench_chem: out of memory\n"), 1;
  if (as_rosl_create(&lsys, "ros3", &lanes.rl) != AS_OK) return fprintf(stderr, "bench_chem: %s\n", as_error_message()), 1;
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
        cl->yp = malloc((size_t)n * sizeof *y), cl->kp = malloc((size_t)nr * sizeof *k);
        cl->ref1 = malloc((size_t)n * sizeof *y), cl->ref2 = malloc((size_t)n * sizeof *y);
        if (!cl->y0 || !cl->k || !cl->yp || !cl->kp || !cl->ref1 || !cl->ref2) return fprintf(stderr, "bench_chem: out of memory\n"), 1;
        memcpy(cl->y0, y, (size_t)n * sizeof *y), memcpy(cl->k, k, (size_t)nr * sizeof *k);
        memcpy(cl->yp, yprev, (size_t)n * sizeof *y), memcpy(cl->kp, kprev, (size_t)nr * sizeof *k);
        cl->ppb = M * 1e-9;
        cl->lst = fmod((t - BOX_T0) / 3600.0 + BOX_LON / 15.0, 24.0);
      }
      memcpy(yprev, y, (size_t)n * sizeof *y), memcpy(kprev, k, (size_t)nr * sizeof *k);
      AsMechCtx ctx = {m, k};
      AsOdeStats st;
      if (as_ros_integrate(sv.ros[0], &ctx, y, BOX_DT, 1e-5, atol, &h, &st) != AS_OK)
        return fprintf(stderr, "bench_chem: %s\n", as_error_message()), 1;
    }
  }
  /* references: CVODE-dense rtol 1e-8 over two consecutive calls */
  for (int c = 0; c < NCELL; c++) {
    Cell *cl = &cells[c];
    AsOdeStats st;
    memcpy(y, cl->y0, (size_t)n * sizeof *y);
    for (int call = 0; call < 2; call++) {
      if (bench_integrate(&sv, 2, m, cl->k, y, BOX_DT, 1e-8, atol, NULL, &st) != AS_OK)
        return fprintf(stderr, "bench_chem: %s\n", as_error_message()), 1;
      memcpy(call ? cl->ref2 : cl->ref1, y, (size_t)n * sizeof *y);
    }
  }
  static Result res[NSOLV][NRTOL];
  int pick[NSOLV], pick_strict[NSOLV];
  for (int s = 0; s < NSOLV; s++) {
    pick[s] = pick_strict[s] = -1;
    for (int r = 0; r < NRTOL; r++) {
      Result *q = &res[s][r];
      if (s == ROS3V ? run_lanes(&lanes, &sv, m, cells, n, nr, rtols[r], atol, cmp, q)
                     : run(&sv, s, m, cells, n, rtols[r], atol, cmp, y, hprev, q))
        return fprintf(stderr, "bench_chem: %s rtol %g: %s\n", sname[s], rtols[r], as_error_message()), 1;
      printf("%-11s rtol %.0e: us/cell cold %7.1f warm %7.1f relaxed %7.1f | steps %5.1f %5.1f %4.1f | err cold %.1e "
             "warm %.1e relaxed %.1e (1e-9 ppt floor: %.1e %.1e %.1e) worst %s cell %d (%.1f LST, %s)\n",
             sname[s], rtols[r], q->us[COLD], q->us[WARM], q->us[RELAXED], q->steps[COLD], q->steps[WARM],
             q->steps[RELAXED], q->err[COLD], q->err[WARM], q->err[RELAXED], q->err_strict[COLD],
             q->err_strict[WARM], q->err_strict[RELAXED], box_cmp_names[q->worst_q], q->worst_cell,
             cells[q->worst_cell].lst, cname[q->worst_call]);
      if (s == ROS3V)
        printf("%-11s rtol %.0e: lane efficiency cold %.3f warm %.3f relaxed %.3f; cells differing from ros3: %d\n",
               sname[s], rtols[r], q->eff[COLD], q->eff[WARM], q->eff[RELAXED], q->differ);
      if (pick[s] < 0 && passes(q, 0)) pick[s] = r;
      if (pick_strict[s] < 0 && passes(q, 1)) pick_strict[s] = r;
    }
  }
  FILE *f = fopen(out, "w");
  if (!f) return fprintf(stderr, "bench_chem: %s: cannot open for writing\n", out), 1;
  fprintf(f, "{\n  \"benchmark\": \"bench_chem\",\n  \"mechanism\": \"inputs/mechanisms/cb6r5.eqn\",\n"
             "  \"species\": %d, \"reactions\": %d, \"jacobian_nnz\": %d,\n  \"cells\": %d, \"step_s\": %.0f, "
             "\"threads\": 1, \"atol_molec_cm3\": %g,\n"
             "  \"calls\": {\"cold\": \"post-emission state, h = 0\", \"warm\": \"post-emission state, h carried from "
             "the solver's own call on the previous interval\", \"relaxed\": \"next call from the reference end state "
             "(no fresh emissions), h carried\"},\n"
             "  \"accuracy_criterion\": \"O3 NO NO2 OH HO2 HNO3 H2O2 FORM PAN within 1%% of CVODE-dense rtol 1e-8 relative "
             "to max(|ref|, 1e-3 ppt) in every cell and all three calls; _strict: floor 1e-9 ppt\",\n",
          n, as_mech_nreact(m), sys->nnz, NCELL, BOX_DT, ATOL);
  fprintf(f, "  \"ros3v\": {\"lanes\": %d, \"cells_per_call\": %d, \"what\": \"multi-cell ROS3 (as_rosenbrock_lanes.c), "
             "per-cell step control; results checked bit for bit against ros3 (differing_cells)\"},\n",
          AS_ODE_LANES, BATCH);
  fprintf(f, "  \"equal_accuracy\": {\n");
  for (int s = 0; s < NSOLV; s++) {
    const Result *q = pick[s] >= 0 ? &res[s][pick[s]] : NULL;
    fprintf(f, "    \"%s\": {\"rtol\": %g, \"cold_us\": %.1f, \"warm_us\": %.1f, \"relaxed_us\": %.1f, \"rtol_strict\": %g}%s\n",
            sname[s], q ? rtols[pick[s]] : -1.0, q ? q->us[COLD] : -1.0, q ? q->us[WARM] : -1.0,
            q ? q->us[RELAXED] : -1.0, pick_strict[s] >= 0 ? rtols[pick_strict[s]] : -1.0, s + 1 < NSOLV ? "," : "");
  }
  fprintf(f, "  },\n");
  {
    double us[NSOLV][3] = {{0}};
    int ok[NSOLV];
    for (int s = 0; s < NSOLV; s++) {
      ok[s] = pick[s] >= 0;
      for (int call = 0; call < NCALL; call++) us[s][call] = ok[s] ? res[s][pick[s]].us[call] : 0;
    }
    bench_json_speedups(f, us, ok, NCALL, cname);
  }
  fprintf(f, "  \"solvers\": {\n");
  for (int s = 0; s < NSOLV; s++) {
    fprintf(f, "    \"%s\": [\n", sname[s]);
    for (int r = 0; r < NRTOL; r++) {
      const Result *q = &res[s][r];
      fprintf(f, "      {\"rtol\": %g", rtols[r]);
      for (int call = 0; call < NCALL; call++)
        fprintf(f, ", \"%s_us\": %.2f, \"%s_steps\": %.2f, \"%s_rejected\": %.2f, \"%s_err\": %.3e, \"%s_err_strict\": %.3e",
                cname[call], q->us[call], cname[call], q->steps[call], cname[call], q->rejected[call], cname[call],
                q->err[call], cname[call], q->err_strict[call]);
      for (int b = 0; b < 2; b++)
        fprintf(f, ", \"%s_us\": [%.2f, %.2f, %.2f]", b ? "rural" : "urban", q->us_case[b][COLD], q->us_case[b][WARM],
                q->us_case[b][RELAXED]);
      if (s == ROS3V)
        fprintf(f, ", \"lane_efficiency\": [%.3f, %.3f, %.3f], \"differing_cells\": %d", q->eff[COLD], q->eff[WARM],
                q->eff[RELAXED], q->differ);
      fprintf(f, ", \"worst\": \"%s cell %d %.1f LST %s\"}%s\n", box_cmp_names[q->worst_q], q->worst_cell,
              cells[q->worst_cell].lst, cname[q->worst_call], r + 1 < NRTOL ? "," : "");
    }
    fprintf(f, "    ]%s\n", s + 1 < NSOLV ? "," : "");
  }
  fprintf(f, "  },\n  \"urban_at_rtol_1e-3_us\": {"); /* peers.md's KPP setting: urban state, 5 min, rtol 1e-3 */
  for (int s = 0; s < NSOLV; s++)
    fprintf(f, "\"%s\": {\"cold\": %.1f, \"warm\": %.1f, \"relaxed\": %.1f}%s", sname[s], res[s][KPP_RTOL].us_case[0][COLD],
            res[s][KPP_RTOL].us_case[0][WARM], res[s][KPP_RTOL].us_case[0][RELAXED], s + 1 < NSOLV ? ", " : "");
  fprintf(f, "},\n  \"reference_kpp_saprc99_us\": {\"rosenbrock_cold\": [130, 650], \"rosenbrock_warm\": [17, 40], "
             "\"cvode_dense\": [1600, 9000], \"cvode_klu\": [100, 2700]}\n}\n");
  fclose(f);
  for (int s = 0; s < NSOLV; s++) {
    if (pick[s] < 0) {
      printf("equal accuracy (1 %%): %-11s not reached in the sweep\n", sname[s]);
      continue;
    }
    const Result *q = &res[s][pick[s]];
    printf("equal accuracy (1 %%, floor 1e-3 ppt): %-11s rtol %.0e  cold %7.1f  warm %7.1f  relaxed %6.1f us per cell-step"
           " (floor 1e-9 ppt: rtol %.0e)\n", sname[s], rtols[pick[s]], q->us[COLD], q->us[WARM], q->us[RELAXED],
           pick_strict[s] >= 0 ? rtols[pick_strict[s]] : -1.0);
  }
  for (int s = 0; s < NSOLV; s++) /* the setting of the KPP figures (peers.md) */
    printf("URBAN box at rtol %.0e (KPP's setting): %-11s cold %7.1f  warm %7.1f  relaxed %6.1f us per cell-step\n",
           rtols[KPP_RTOL], sname[s], res[s][KPP_RTOL].us_case[0][COLD], res[s][KPP_RTOL].us_case[0][WARM],
           res[s][KPP_RTOL].us_case[0][RELAXED]);
  for (int s = 0; s < NSOLV; s += s == 1 ? 3 : 1) /* ros3, rodas3, ros3v */
    for (int c = 2; c < ROS3V; c++)
      if (pick[s] >= 0 && pick[c] >= 0)
        printf("speed-up %s vs %s at equal accuracy: cold %.1fx  warm %.1fx  relaxed %.1fx\n", sname[s], sname[c],
               res[c][pick[c]].us[COLD] / res[s][pick[s]].us[COLD], res[c][pick[c]].us[WARM] / res[s][pick[s]].us[WARM],
               res[c][pick[c]].us[RELAXED] / res[s][pick[s]].us[RELAXED]);
  printf("wrote %s\n", out);
  for (int c = 0; c < NCELL; c++)
    free(cells[c].y0), free(cells[c].k), free(cells[c].yp), free(cells[c].kp), free(cells[c].ref1), free(cells[c].ref2);
  free(cells), free(Jc), free(J), free(y), free(em), free(bg), free(k), free(atol), free(yprev), free(kprev), free(hprev);
  bench_solvers_destroy(&sv);
  as_rosl_destroy(&lanes.rl);
  free(lanes.y), free(lanes.k), free(lanes.h), free(lanes.hc), free(lanes.y1), free(lanes.st);
  as_mech_destroy(&m), as_phot_destroy(&ph);
  return 0;
}
