/* bench_chem_model.c — CB6r5 chemistry cost in microseconds per cell per model step on the cells
 * of the default case (inputs/cases/wcs.yaml), ROS3, RODAS3, CVODE-dense, CVODE-KLU and ROS3V (multi-cell) at equal
 * accuracy, cold (h = 0) and warm (h = the step the model's own chemistry carried into this call).
 *
 * Cells: the model runs with all processes from time.start (2021-01-01T00Z = 08 LST) and is sampled
 * at SAMPLE hours (default 4 h = 12 LST, daylight, and 12 h = 20 LST, night). At a sample the
 * model's next step is begun exactly as as_model_step begins it (met, boundary and emission rates at
 * the step's mid-time, then the first half of every process before chemistry, dt/2 each), and
 * as_chem_cell_problem gives each sampled cell's y (molecules cm-3) and k (rate constants with the
 * J of the step's mid-time and the column's cloud factor): the problem the chemistry process solves.
 * The concentrations are then restored and the model goes on with as_model_step (the budget
 * diagnostics see the extra half step; nothing else carries over).
 * Sample per time: the surface cells of the three town centres (inputs/receptors/wcs.csv: Wujin,
 * Jiangyin, Zhangjiagang) and NSTRIDE cells at a fixed stride over all cells of all layers.
 * Reference: CVODE-dense rtol 1e-8, atol 1e-2 molecules cm-3 (as bench_chem). Every solver gets the
 * same atol (1e-2) and calls: cold (h = 0) and warm (h = as_chem_carried_step, the model's ROS3 step;
 * the same h for every solver). ros3v is the multi-cell ROS3 (as_rosenbrock_lanes.h, AS_ODE_LANES cells
 * per vector), called on --batch cells at a time (default 100, the model's 4 rows at 6 km) with the
 * clock around the calls; it also reports the lane efficiency (busy lane-iterations / (lanes x
 * iterations)). Error of O3 NO NO2 OH HO2 HNO3 H2O2 FORM PAN relative to
 * max(|ref|, 1e-3 ppt). Equal accuracy: the loosest rtol of the sweep at which every compared species
 * in every sampled cell is within 1 % in both calls. One thread; timings best of REPS sweeps.
 * usage (from the repository root): bench_chem_model [--case FILE] [--out FILE.json]
 *        [--samples H1,H2,...] [--stride-cells N] [key=value ...]   (default grid.resolution=6km)
 *        [--save-cells F.bin | --load-cells F.bin] [--solvers ros3,ros3v,cvode_klu,...] [--rtols R1,R2,...]
 *        [--batch N]
 * --save-cells writes the sampled cells (y, k, carried h, reference) after the spin-up; --load-cells
 * reads them instead of spinning up (same case and settings assumed: for tuning the solvers). With
 * --solvers or --rtols the JSON is written only if --out is given.
 * Method and figures: docs/benchmarks.md, section bench_chem_model. */
#include "as_cvode.h"
#include "as_mech.h"
#include "as_model.h"
#include "as_process_chem.h"
#include "as_mech_lanes.h"
#include "as_rosenbrock.h"
#include "as_rosenbrock_lanes.h"
#include "bench_chem_util.h"
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#define KB 1.380649e-23
#define NRTOL 9
#define NSOLV (BENCH_NSOLV + 1) /* bench_chem_util's four and ros3v, the multi-cell ROS3 */
#define ROS3V BENCH_NSOLV
#define BATCH 100       /* ros3v cells per integrate call (default; the model's is chemistry.ros3v block) */
#define REPS 3
#define MAXSAMP 8
#define NTOWN 3
#define ATOL 1e-2        /* molecules cm-3, every solver and the reference */
#define FLOOR_DOC 1e-6   /* x molecules per ppb = 1e-3 ppt */

static double rtols[NRTOL] = {1e-1, 3e-2, 1e-2, 3e-3, 1e-3, 3e-4, 1e-4, 3e-5, 1e-5};
static int nrtol = NRTOL;
static const char *const sname[NSOLV] = {"ros3", "rodas3", "cvode_dense", "cvode_klu", "ros3v"};
static int batch = BATCH;
static const char *const cmp_names[] = {"O3", "NO", "NO2", "OH", "HO2", "HNO3", "H2O2", "FORM", "PAN"};
#define NCMP 9
enum { COLD, WARM, NCALL };
static const char *const cname[NCALL] = {"cold", "warm"};
/* town centres, inputs/receptors/wcs.csv */
static const struct { const char *name; double lon, lat; } towns[NTOWN] = {
  {"Wujin", 119.94, 31.70}, {"Jiangyin", 120.285, 31.91}, {"Zhangjiagang", 120.55, 31.88}};

typedef struct {
  double *y0, *k, *ref;
  double h, ppb, lst, hours;
  long cell;
  int layer, town; /* town index or -1 */
} Cell;

typedef struct {
  double us[NCALL], err[NCALL], steps[NCALL], rejected[NCALL], worst_e;
  double eff[NCALL];          /* ros3v: lane efficiency, busy lane-iterations / (lanes x iterations) */
  int failed, worst_q, worst_cell, worst_call;
} Result;

/* the errors of one cell's result y against its reference, into r */
static void score(Result *r, const Cell *cl, const double *y, const int *cmp, int c, int call)
{
  for (int q = 0; q < NCMP; q++) {
    const double e = fabs(y[cmp[q]] - cl->ref[cmp[q]]) / fmax(fabs(cl->ref[cmp[q]]), FLOOR_DOC * cl->ppb);
    if (!(e <= r->worst_e)) r->worst_e = e, r->worst_q = q, r->worst_cell = c, r->worst_call = call;
    r->err[call] = isfinite(e) ? fmax(r->err[call], e) : INFINITY;
  }
}

/* Scratch of the multi-cell solver: every cell's y, k, h and statistics in cell-major arrays. */
typedef struct {
  AsRosLanes *rl;
  double *y, *k, *h;
  AsOdeStats *st;
} Lanes;

/* ros3v at one rtol: all cells cold, then all warm, in integrate calls of `batch` cells (as the model
 * hands it blocks of rows); the clock includes the solver's loading and unloading of its lanes */
static void run_lanes(Lanes *L, const Cell *cells, int nc, int n, int nr, double dt, double rtol, const double *atol,
                      const int *cmp, Result *r)
{
  memset(r, 0, sizeof *r);
  for (int call = 0; call < NCALL; call++) r->us[call] = 1e30;
  for (int c = 0; c < nc; c++) memcpy(L->k + (size_t)c * nr, cells[c].k, sizeof(double) * (size_t)nr);
  for (int rep = 0; rep < REPS && !r->failed; rep++)
    for (int call = 0; call < NCALL && !r->failed; call++) {
      for (int c = 0; c < nc; c++) {
        memcpy(L->y + (size_t)c * n, cells[c].y0, sizeof(double) * (size_t)n);
        L->h[c] = call == WARM ? cells[c].h : 0.0;
      }
      long iters = 0, busy = 0;
      const double t0 = bench_now();
      for (int c0 = 0; c0 < nc; c0 += batch) {
        const int nb = nc - c0 < batch ? nc - c0 : batch;
        AsRosLaneStats ls;
        if (as_rosl_integrate(L->rl, nb, L->y + (size_t)c0 * n, L->k + (size_t)c0 * nr, dt, rtol, atol, L->h + c0,
                              L->st + c0, &ls) != AS_OK) {
          r->failed = 1, r->worst_cell = ls.failed >= 0 ? c0 + (int)ls.failed : c0, r->worst_call = call;
          break;
        }
        iters += ls.iters, busy += ls.lane_iters;
      }
      const double t = bench_now() - t0;
      if (r->failed) break;
      r->us[call] = fmin(r->us[call], t / nc * 1e6);
      r->eff[call] = (double)busy / ((double)AS_ODE_LANES * (double)iters);
      double steps = 0, rej = 0;
      for (int c = 0; c < nc; c++) steps += L->st[c].steps, rej += L->st[c].rejected;
      r->steps[call] = steps / nc, r->rejected[call] = rej / nc;
      if (rep) continue;
      for (int c = 0; c < nc; c++) score(r, &cells[c], L->y + (size_t)c * n, cmp, c, call);
    }
}

/* one solver at one rtol: cold and warm call of every cell, timings best of REPS */
static void run(BenchSolvers *sv, int s, const AsMech *m, const Cell *cells, int nc, int n, double dt, double rtol,
                const double *atol, const int *cmp, double *y, Result *r)
{
  memset(r, 0, sizeof *r);
  for (int call = 0; call < NCALL; call++) r->us[call] = 1e30;
  for (int rep = 0; rep < REPS && !r->failed; rep++) {
    double t[NCALL] = {0, 0}, steps[NCALL] = {0, 0}, rej[NCALL] = {0, 0};
    for (int c = 0; c < nc && !r->failed; c++) {
      const Cell *cl = &cells[c];
      for (int call = 0; call < NCALL; call++) {
        double h = call == WARM ? cl->h : 0.0;
        AsOdeStats st = {0, 0, 0, 0, 0};
        memcpy(y, cl->y0, (size_t)n * sizeof *y);
        const double t0 = bench_now();
        if (bench_integrate(sv, s, m, cl->k, y, dt, rtol, atol, &h, &st) != AS_OK) {
          r->failed = 1, r->worst_cell = c, r->worst_call = call;
          break;
        }
        t[call] += bench_now() - t0;
        steps[call] += st.steps, rej[call] += st.rejected;
        if (rep) continue;
        score(r, cl, y, cmp, c, call);
      }
    }
    for (int call = 0; call < NCALL; call++) {
      r->us[call] = fmin(r->us[call], t[call] / nc * 1e6);
      r->steps[call] = steps[call] / nc, r->rejected[call] = rej[call] / nc;
    }
  }
}

/* cell file of --save-cells / --load-cells: header {n, nr, nc}, then per cell the scalars and y0, k, ref */
static int cells_io(const char *path, int save, Cell **cells, int *nc, int n, int nr)
{
  FILE *f = fopen(path, save ? "wb" : "rb");
  if (!f) return fprintf(stderr, "bench_chem_model: %s: cannot open\n", path), 1;
  int hdr[3] = {n, nr, *nc}, ok = 1;
  if (save) ok = fwrite(hdr, sizeof hdr, 1, f) == 1;
  else {
    ok = fread(hdr, sizeof hdr, 1, f) == 1 && hdr[0] == n && hdr[1] == nr && hdr[2] > 0;
    if (ok) *nc = hdr[2], *cells = calloc((size_t)hdr[2], sizeof **cells), ok = *cells != NULL;
  }
  for (int c = 0; ok && c < *nc; c++) {
    Cell *cl = &(*cells)[c];
    if (!save) {
      cl->y0 = malloc(sizeof(double) * (size_t)n), cl->k = malloc(sizeof(double) * (size_t)nr);
      cl->ref = malloc(sizeof(double) * (size_t)n);
      ok = cl->y0 && cl->k && cl->ref;
    }
    double sc[5] = {cl->h, cl->ppb, cl->lst, cl->hours, (double)cl->cell};
    int ic[2] = {cl->layer, cl->town};
    if (save)
      ok = ok && fwrite(sc, sizeof sc, 1, f) == 1 && fwrite(ic, sizeof ic, 1, f) == 1 &&
           fwrite(cl->y0, sizeof(double), (size_t)n, f) == (size_t)n &&
           fwrite(cl->k, sizeof(double), (size_t)nr, f) == (size_t)nr &&
           fwrite(cl->ref, sizeof(double), (size_t)n, f) == (size_t)n;
    else {
      ok = ok && fread(sc, sizeof sc, 1, f) == 1 && fread(ic, sizeof ic, 1, f) == 1 &&
           fread(cl->y0, sizeof(double), (size_t)n, f) == (size_t)n &&
           fread(cl->k, sizeof(double), (size_t)nr, f) == (size_t)nr &&
           fread(cl->ref, sizeof(double), (size_t)n, f) == (size_t)n;
      cl->h = sc[0], cl->ppb = sc[1], cl->lst = sc[2], cl->hours = sc[3], cl->cell = (long)sc[4];
      cl->layer = ic[0], cl->town = ic[1];
    }
  }
  ok = (fclose(f) == 0) && ok;
  if (!ok) return fprintf(stderr, "bench_chem_model: %s: cannot %s the cells (or another mechanism)\n", path,
                          save ? "write" : "read"), 1;
  return 0;
}

static int passes(const Result *r)
{
  if (r->failed) return 0;
  for (int call = 0; call < NCALL; call++)
    if (!(r->err[call] <= 0.01)) return 0;
  return 1;
}

#define CHECK(x)                                                                  \
  do {                                                                            \
    if ((x) != AS_OK) return fprintf(stderr, "bench_chem_model: %s\n", as_error_message()), 1; \
  } while (0)

/* the 1-minute load average (/proc/loadavg), -1 when unknown: the machine may be shared */
static double load_avg(void)
{
  double l = -1.0;
  FILE *f = fopen("/proc/loadavg", "r");
  if (f) {
    if (fscanf(f, "%lf", &l) != 1) l = -1.0;
    fclose(f);
  }
  return l;
}

static void cpu_name(char *buf, size_t len)
{
  snprintf(buf, len, "unknown");
  FILE *f = fopen("/proc/cpuinfo", "r");
  if (!f) return;
  char line[512];
  while (fgets(line, sizeof line, f))
    if (!strncmp(line, "model name", 10)) {
      char *p = strchr(line, ':');
      if (p) {
        p += 1 + (p[1] == ' ');
        p[strcspn(p, "\n")] = 0;
        snprintf(buf, len, "%s", p);
      }
      break;
    }
  fclose(f);
}

int main(int argc, char **argv)
{
  const char *casefile = "inputs/cases/wcs.yaml", *out = "benchmarks/results/chem_model.json";
  double samp[MAXSAMP] = {4, 12};
  int nsamp = 2, nstride = 97, subset = 0, out_given = 0, use[NSOLV] = {1, 1, 1, 1, 1};
  const char *save_cells = NULL, *load_cells = NULL;
  AsConfig *cfg = NULL;
  for (int a = 1; a < argc; a++)
    if (!strcmp(argv[a], "--case") && a + 1 < argc) casefile = argv[++a];
  CHECK(as_config_load(casefile, &cfg));
  CHECK(as_config_set(cfg, "grid.resolution=6km"));
  char settings[1024] = "grid.resolution=6km";
  for (int a = 1; a < argc; a++) {
    if (!strcmp(argv[a], "--case")) a++;
    else if (!strcmp(argv[a], "--out") && a + 1 < argc) out = argv[++a], out_given = 1;
    else if (!strcmp(argv[a], "--save-cells") && a + 1 < argc) save_cells = argv[++a];
    else if (!strcmp(argv[a], "--load-cells") && a + 1 < argc) load_cells = argv[++a];
    else if (!strcmp(argv[a], "--solvers") && a + 1 < argc) {
      const char *p = argv[++a];
      subset = 1;
      for (int s = 0; s < NSOLV; s++) { /* whole comma-separated names only ("ros3" is not "ros3v") */
        const size_t l = strlen(sname[s]);
        use[s] = 0;
        for (const char *q = p; *q; q += strcspn(q, ","), q += *q == ',')
          if (strcspn(q, ",") == l && !strncmp(q, sname[s], l)) use[s] = 1;
      }
    } else if (!strcmp(argv[a], "--rtols") && a + 1 < argc) {
      char *p = argv[++a];
      subset = 1;
      for (nrtol = 0; nrtol < NRTOL && *p; nrtol++) {
        rtols[nrtol] = strtod(p, &p);
        if (*p == ',') p++;
      }
    }
    else if (!strcmp(argv[a], "--stride-cells") && a + 1 < argc) nstride = atoi(argv[++a]);
    else if (!strcmp(argv[a], "--batch") && a + 1 < argc) batch = atoi(argv[++a]);
    else if (!strcmp(argv[a], "--samples") && a + 1 < argc) {
      char *p = argv[++a];
      for (nsamp = 0; nsamp < MAXSAMP && *p; nsamp++) {
        samp[nsamp] = strtod(p, &p);
        if (*p == ',') p++;
      }
    } else {
      CHECK(as_config_set(cfg, argv[a]));
      strncat(settings, " ", sizeof settings - strlen(settings) - 1);
      strncat(settings, argv[a], sizeof settings - strlen(settings) - 1);
    }
  }
  for (int i = 1; i < nsamp; i++)
    if (!(samp[i] > samp[i - 1])) return fprintf(stderr, "bench_chem_model: --samples must increase\n"), 2;
  if (nstride < 1) return fprintf(stderr, "bench_chem_model: --stride-cells must be >= 1\n"), 2;
  if (batch < 1) return fprintf(stderr, "bench_chem_model: --batch must be >= 1\n"), 2;
  AsModel *md = NULL;
  CHECK(as_model_create(cfg, &md));
  AsChemData *d = as_chem_data(md);
  if (!d) return fprintf(stderr, "bench_chem_model: %s: the case has no chemistry process\n", casefile), 1;
  const int np = md->nproc;
  if (md->proc[np - 1].ops != &as_proc_chemistry)
    return fprintf(stderr, "bench_chem_model: chemistry is not the centre process of the split step\n"), 1;
  const AsMech *mech = as_chem_mech(d);
  const int n = as_mech_nspec(mech), nr = as_mech_nreact(mech);
  const AsOdeSystem *sys = as_mech_system(mech);
  const AsGrid *g = md->grid;
  const long ncol = (long)g->nx * g->ny, ncell = md->ncell;
  const double dt = md->dt;
  int cmp[NCMP];
  for (int q = 0; q < NCMP; q++)
    if ((cmp[q] = as_mech_species_index(mech, cmp_names[q])) < 0)
      return fprintf(stderr, "bench_chem_model: no %s in the mechanism\n", cmp_names[q]), 1;
  long towncol[NTOWN];
  for (int t = 0; t < NTOWN; t++) { /* nearest column centre (degrees, cos-latitude weighted) */
    double best = 1e30;
    for (long c = 0; c < ncol; c++) {
      const double dx = (g->lon[c] - towns[t].lon) * cos(towns[t].lat * M_PI / 180), dy = g->lat[c] - towns[t].lat;
      if (dx * dx + dy * dy < best) best = dx * dx + dy * dy, towncol[t] = c;
    }
  }
  const long stride = ncell / nstride > 0 ? ncell / nstride : 1;
  const int per = NTOWN + (int)(ncell / stride < nstride ? ncell / stride : nstride);
  int nc = per * nsamp;
  Cell *cells = load_cells ? NULL : calloc((size_t)nc, sizeof *cells);
  double *csave = malloc(sizeof(double) * (size_t)md->nspec * (size_t)ncell);
  double *y = malloc(sizeof(double) * (size_t)n), *atol = malloc(sizeof(double) * (size_t)n);
  if ((!cells && !load_cells) || !csave || !y || !atol) return fprintf(stderr, "bench_chem_model: out of memory\n"), 1;
  for (int i = 0; i < n; i++) atol[i] = ATOL;
  printf("bench_chem_model: %s (%s): %d x %d x %d cells, step %g s, %d threads for the spin-up\n", casefile, settings,
         g->nx, g->ny, g->nz, dt, omp_get_max_threads());
  const double tw0 = bench_now();
  int ic = 0;
  if (load_cells && cells_io(load_cells, 0, &cells, &nc, n, nr)) return 1;
  for (int si = 0; si < nsamp && !load_cells; si++) {
    const long target = lround(samp[si] * 3600 / dt);
    while (md->nstep < target) CHECK(as_model_step(md));
    /* begin the next step as as_model_step does, up to the chemistry */
    const double tmid = md->t + 0.5 * dt;
    memcpy(csave, md->c, sizeof(double) * (size_t)md->nspec * (size_t)ncell);
    CHECK(as_met_update(md->met, tmid, &md->ms));
    CHECK(as_boundary_update(md->bc, tmid, &md->ms));
    CHECK(as_emis_rates(md->emis, tmid, &md->ms, md->emis_rate));
    for (int p = 0; p < np - 1; p++) CHECK(md->proc[p].ops->apply(&md->proc[p], md, 0.5 * dt, 0));
    for (int j = 0; j < per; j++, ic++) {
      Cell *cl = &cells[ic];
      cl->cell = j < NTOWN ? towncol[j] : stride / 2 + (long)(j - NTOWN) * stride;
      cl->town = j < NTOWN ? j : -1;
      cl->layer = (int)(cl->cell / ncol);
      cl->hours = samp[si];
      cl->y0 = malloc(sizeof(double) * (size_t)n), cl->k = malloc(sizeof(double) * (size_t)nr);
      cl->ref = malloc(sizeof(double) * (size_t)n);
      if (!cl->y0 || !cl->k || !cl->ref) return fprintf(stderr, "bench_chem_model: out of memory\n"), 1;
      CHECK(as_chem_cell_problem(d, md, cl->cell, dt, cl->y0, cl->k));
      cl->h = as_chem_carried_step(d, cl->cell);
      cl->ppb = md->ms.pres[cl->cell] / (KB * md->ms.temp[cl->cell]) * 1e-6 * 1e-9;
      cl->lst = fmod((md->t - 1609459200.0) / 3600.0 + g->lon[cl->cell % ncol] / 15.0 + 240.0, 24.0);
    }
    memcpy(md->c, csave, sizeof(double) * (size_t)md->nspec * (size_t)ncell);
    printf("sample %d: model at %.1f h (%.0f steps), %d cells taken, %.0f s wall so far\n", si, samp[si],
           (double)md->nstep, per, bench_now() - tw0);
    fflush(stdout);
  }
  const double spin_wall = bench_now() - tw0;
  BenchSolvers sv;
  CHECK(bench_solvers_create(sys, &sv));
  Lanes lanes = {NULL, malloc(sizeof(double) * (size_t)n * (size_t)nc), malloc(sizeof(double) * (size_t)nr * (size_t)nc),
                 malloc(sizeof(double) * (size_t)nc), calloc((size_t)nc, sizeof(AsOdeStats))};
  AsOdeLanes lsys;
  as_mech_lanes_system(mech, &lsys);
  if (!lanes.y || !lanes.k || !lanes.h || !lanes.st) return fprintf(stderr, "bench_chem_model: out of memory\n"), 1;
  CHECK(as_rosl_create(&lsys, "ros3", &lanes.rl));
  int ncold_h = 0, nsurf = 0, nday = 0;
  double hsum = 0;
  for (int c = 0; c < nc; c++) { /* reference */
    Cell *cl = &cells[c];
    AsOdeStats st;
    if (!load_cells) {
      memcpy(cl->ref, cl->y0, sizeof(double) * (size_t)n);
      CHECK(bench_integrate(&sv, 2, mech, cl->k, cl->ref, dt, 1e-8, atol, NULL, &st));
    }
    ncold_h += !(cl->h > 0), hsum += cl->h, nsurf += cl->layer == 0;
    nday += cl->lst > 6.5 && cl->lst < 17.5; /* EST: January daylight at 32 N ~ 07-17 LST */
  }
  printf("%d cells (%d surface, %d in daylight, %d with no carried step), mean carried step %.1f s\n", nc, nsurf,
         nday, ncold_h, hsum / nc);
  if (save_cells && cells_io(save_cells, 1, &cells, &nc, n, nr)) return 1;
  static Result res[NSOLV][NRTOL];
  const double load0 = load_avg();
  int pick[NSOLV];
  for (int s = 0; s < NSOLV; s++) {
    pick[s] = -1;
    for (int r = 0; r < nrtol && use[s]; r++) {
      Result *q = &res[s][r];
      if (s == ROS3V) run_lanes(&lanes, cells, nc, n, nr, dt, rtols[r], atol, cmp, q);
      else run(&sv, s, mech, cells, nc, n, dt, rtols[r], atol, cmp, y, q);
      if (q->failed) {
        printf("%-11s rtol %.0e: FAILED in cell %ld (%s call)\n", sname[s], rtols[r], cells[q->worst_cell].cell,
               cname[q->worst_call]);
        continue;
      }
      const Cell *w = &cells[q->worst_cell];
      printf("%-11s rtol %.0e: us/cell cold %7.1f warm %7.1f | steps %5.1f %5.1f | rej %4.2f %4.2f | err cold %.1e "
             "warm %.1e | worst %s cell %ld k=%d %.1f LST %s",
             sname[s], rtols[r], q->us[COLD], q->us[WARM], q->steps[COLD], q->steps[WARM], q->rejected[COLD],
             q->rejected[WARM], q->err[COLD], q->err[WARM], cmp_names[q->worst_q], w->cell, w->layer, w->lst,
             cname[q->worst_call]);
      if (s == ROS3V) printf(" | lane eff. %.3f %.3f", q->eff[COLD], q->eff[WARM]);
      printf("\n");
      fflush(stdout);
      if (pick[s] < 0 && passes(q)) pick[s] = r;
    }
  }
  const double load1 = load_avg();
  printf("load average (1 min) before / after the timed sweeps: %.2f / %.2f\n", load0, load1);
  printf("ros3v: %d lanes, %d cells per integrate call\n", AS_ODE_LANES, batch);
  FILE *f = NULL;
  if (subset && !out_given) printf("no JSON written (--solvers/--rtols without --out)\n");
  else if (!(f = fopen(out, "w"))) return fprintf(stderr, "bench_chem_model: %s: cannot open for writing\n", out), 1;
  if (f) {
    char cpu[256];
    cpu_name(cpu, sizeof cpu);
    struct utsname un;
    uname(&un);
    fprintf(f, "{\n  \"benchmark\": \"bench_chem_model\",\n"
               "  \"machine\": {\"cpu\": \"%s\", \"logical_cpus\": %ld, \"os\": \"%s %s\", \"compiler\": \"%s\"},\n"
               "  \"case\": \"%s\", \"settings\": \"%s\", \"grid\": [%d, %d, %d],\n"
               "  \"species\": %d, \"reactions\": %d, \"jacobian_nnz\": %d,\n"
               "  \"sample_hours\": [",
            cpu, sysconf(_SC_NPROCESSORS_ONLN), un.sysname, un.release, __VERSION__, casefile, settings, g->nx, g->ny,
            g->nz, n, nr, sys->nnz);
    for (int i = 0; i < nsamp; i++) fprintf(f, "%s%g", i ? ", " : "", samp[i]);
    fprintf(f, "], \"cells\": %d, \"surface_cells\": %d, \"daylight_cells\": %d, \"cells_without_carried_step\": %d, "
               "\"mean_carried_step_s\": %.2f,\n"
               "  \"step_s\": %.0f, \"threads\": 1, \"atol_molec_cm3\": %g, \"reps\": %d, \"spinup_wall_s\": %.1f,\n"
               "  \"ros3v\": {\"lanes\": %d, \"cells_per_call\": %d, \"what\": \"multi-cell ROS3 (as_rosenbrock_lanes.c), "
               "per-cell step control, bit-identical per cell to ros3\"},\n"
               "  \"load_average_1min\": {\"before_sweeps\": %.2f, \"after_sweeps\": %.2f},\n"
               "  \"calls\": {\"cold\": \"the cell's chemistry-call state (after the first half of the other processes), "
               "h = 0\", \"warm\": \"the same call, h = the step the model's ROS3 chemistry carried into it "
               "(as_chem_carried_step), the same for every solver\"},\n"
               "  \"accuracy_criterion\": \"O3 NO NO2 OH HO2 HNO3 H2O2 FORM PAN within 1%% of CVODE-dense rtol 1e-8 "
               "relative to max(|ref|, 1e-3 ppt) in every sampled cell and both calls\",\n"
               "  \"equal_accuracy\": {\n",
            nc, nsurf, nday, ncold_h, hsum / nc, dt, ATOL, REPS, spin_wall, AS_ODE_LANES, batch, load0, load1);
    for (int s = 0; s < NSOLV; s++) {
      const Result *q = pick[s] >= 0 ? &res[s][pick[s]] : NULL;
      fprintf(f, "    \"%s\": {\"rtol\": %g, \"cold_us\": %.1f, \"warm_us\": %.1f}%s\n", sname[s],
              q ? rtols[pick[s]] : -1.0, q ? q->us[COLD] : -1.0, q ? q->us[WARM] : -1.0, s + 1 < NSOLV ? "," : "");
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
      for (int r = 0; r < nrtol; r++) {
        const Result *q = &res[s][r];
        const Cell *w = &cells[q->worst_cell];
        fprintf(f, "      {\"rtol\": %g, \"failed\": %s", rtols[r], q->failed ? "true" : "false");
        if (!q->failed)
          for (int call = 0; call < NCALL; call++)
          {
            fprintf(f, ", \"%s_us\": %.2f, \"%s_steps\": %.2f, \"%s_rejected\": %.2f, \"%s_err\": %.3e", cname[call],
                    q->us[call], cname[call], q->steps[call], cname[call], q->rejected[call], cname[call], q->err[call]);
            if (s == ROS3V) fprintf(f, ", \"%s_lane_efficiency\": %.3f", cname[call], q->eff[call]);
          }
        fprintf(f, ", \"worst\": \"%s cell %ld layer %d %.1f LST %s\"}%s\n", q->failed ? "failure" : cmp_names[q->worst_q],
                w->cell, w->layer, w->lst, cname[q->worst_call], r + 1 < nrtol ? "," : "");
      }
      fprintf(f, "    ]%s\n", s + 1 < NSOLV ? "," : "");
    }
    fprintf(f, "  }\n}\n");
    fclose(f);
  }
  printf("\n%-11s %8s %10s %10s   (us per cell per %g s step, 1 thread, equal accuracy 1 %%, floor 1e-3 ppt)\n", "solver",
         "rtol", "cold", "warm", dt);
  for (int s = 0; s < NSOLV; s++) {
    if (pick[s] < 0) {
      printf("%-11s not reached in the sweep\n", sname[s]);
      continue;
    }
    const Result *q = &res[s][pick[s]];
    printf("%-11s %8.0e %10.1f %10.1f\n", sname[s], rtols[pick[s]], q->us[COLD], q->us[WARM]);
  }
  for (int s = 0; s < NSOLV; s++)
    for (int c = 0; c < ROS3V; c++)
      if ((s < 2 || s == ROS3V) && (c >= 2 || s == ROS3V) && pick[s] >= 0 && pick[c] >= 0)
        printf("speed-up %s vs %s at equal accuracy: cold %.1fx  warm %.1fx\n", sname[s], sname[c],
               res[c][pick[c]].us[COLD] / res[s][pick[s]].us[COLD], res[c][pick[c]].us[WARM] / res[s][pick[s]].us[WARM]);
  if (f) printf("wrote %s\n", out);
  for (int c = 0; c < nc; c++) free(cells[c].y0), free(cells[c].k), free(cells[c].ref);
  free(cells), free(csave), free(y), free(atol);
  bench_solvers_destroy(&sv);
  as_rosl_destroy(&lanes.rl);
  free(lanes.y), free(lanes.k), free(lanes.h), free(lanes.st);
  as_model_destroy(&md);
  as_config_destroy(&cfg);
  return 0;
}
