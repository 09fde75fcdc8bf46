/* as_process_chem.c — process "chemistry": the gas-phase mechanism in every grid cell.
 *
 * The model holds every species as a mass concentration c (ug m-3). For one cell the chemistry
 *   1. converts the mechanism's species to number densities, n = c * N_A 1e-12 / M  (molecules cm-3;
 *      M the species' molar mass from the species table, g mol-1);
 *   2. sets the cell's rate constants from its temperature, pressure, water vapour and the
 *      photolysis frequencies of its column (clear-sky MCM J at the solar zenith angle of the step's
 *      mid-time, times the Kasten-Czeplak cloud factor of the column's cloud cover), and the HET(...)
 *      reactions' first-order uptake from the cell's fine aerosol (as_hetchem.h: dry volume of the
 *      PM2.5 species, their water and nitrate, as the aerosol process left them);
 *   3. integrates dn/dt = f(n) over the step with the chosen stiff solver (ROS3/RODAS3 with the
 *      internal step carried from the cell's previous call, or the CVODE reference); ros3v / rodas3v
 *      are the same solvers run on AS_ODE_LANES cells at once (as_rosenbrock_lanes.h), bit-identical
 *      per cell, on blocks of AS_CHEM_BLOCK_ROWS grid rows;
 *   4. converts back and adds (c_new - c_old) * V to the budget term "chem" of every species.
 * Fixed species (M, O2, H2, H2O) come from the meteorology, not from the species table. Mechanism
 * species must all be in the species table (one-line error naming the first missing one); species of
 * the table that are not in the mechanism (aerosols, NH3) are left alone.
 *
 * Threads: rows (k, j) of the grid (blocks of rows for ros3v / rodas3v) are shared out dynamically;
 * every cell is independent and its budget contribution goes to a per-row partial that is summed in
 * row order afterwards, so the bits do not depend on the thread count (nor, for the multi-cell
 * solvers, on which cells share a vector: each cell's arithmetic is its own). No allocation in apply: each thread owns its solver and scratch.
 * Keys ("chemistry." in the case file): docs/config.md. Science: docs/science.md ("Chemistry in the
 * 3-D model").
 */
#include "as_process_chem.h"
#include "as_cvode.h"
#include "as_hetchem.h"
#include "as_mech.h"
#include "as_model.h"
#include "as_photolysis.h"
#include "as_mech_lanes.h"
#include "as_rosenbrock.h"
#include "as_rosenbrock_lanes.h"
#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

#define AS_NA 6.02214076e23   /* Avogadro constant, mol-1 (SI 2019, exact) */
#define AS_KB 1.380649e-23    /* Boltzmann constant, J K-1 (SI 2019, exact) */
#define AS_MH2O 18.01528e-3   /* kg mol-1, water */
/* grid rows per integrate call of the multi-cell solvers: the lanes idle only while the last cells of
 * a call finish, so a call of 4 rows (100 cells at 6 km, 200 at 3 km) keeps them ~98 % busy (measured:
 * bench_chem_model, docs/science-ros-speed.md) */
#define AS_CHEM_BLOCK_ROWS 4

typedef struct {
  AsRos *ros;
  AsCvode *cv;
  AsRosLanes *rl;             /* ros3v, rodas3v */
  double *y, *y0, *k, *J;     /* [nm], [nm], [nr], [nj+1]; multi-cell: [nblk][nm], [nblk][nm], [nblk][nr] */
  AsOdeStats *cst;            /* multi-cell: [nblk] per-cell statistics */
  AsOdeStats st;
  int fail;                   /* first failure of this thread in the current apply: cell + 1 */
} AsChemThread;

struct AsChemData {
  AsMech *mech;
  AsPhotolysis *ph;
  int nm, nr, nj, nch;
  int *spec;                  /* [nm] model species of mechanism species i */
  double *conv;               /* [nm] molecules cm-3 per ug m-3 */
  double *atol;               /* [nm] molecules cm-3 */
  double rtol;
  int solver;                 /* 0 ros3, 1 rodas3, 2 cvode (KLU), 3 cvode_dense, 4 ros3v, 5 rodas3v */
  int nblk;                   /* multi-cell solvers: cells per block of AS_CHEM_BLOCK_ROWS rows */
  int nthr;
  AsChemThread *thr;
  double *h;                  /* [ncell] internal step carried to the next call, s (0: cold) */
  double *jcol;               /* [ncol][nj+1] photolysis frequencies of the current step, s-1 */
  double *jch;                /* [nch] scratch */
  double *partial;            /* [nrow][nm] budget partials, ug */
  /* heterogeneous chemistry (0 species: off) */
  int nhet;                   /* dry PM2.5 species */
  int *het_spec;              /* [nhet] their model indices */
  double *het_vol;            /* [nhet] m3 per ug of each (1e-9 / density) */
  double *het_surf;           /* [nhet] 6 / Sauter diameter of each, m-1 */
  int het_water, het_no3;     /* model indices of the particle water and nitrate (-1: none) */
  double last_dn_rel;         /* diagnostics of the last apply: max |dN|/N over cells */
  AsOdeStats stats;           /* accumulated over the run */
  long calls;
};

static const char *const as_chem_solvers[] = {"ros3", "rodas3", "cvode", "cvode_dense", "ros3v", "rodas3v", NULL};
#define AS_CHEM_LANES(d) ((d)->solver >= 4) /* multi-cell Rosenbrock (method: as_chem_solvers[solver - 4]) */

static AsStatus chem_map_species(AsChemData *d, AsModel *m, const char *mfile)
{
  AS_MALLOC(d->spec, d->nm);
  AS_MALLOC(d->conv, d->nm);
  AS_MALLOC(d->atol, d->nm);
  for (int i = 0; i < d->nm; i++) {
    const char *name = as_mech_species_name(d->mech, i);
    int s = as_species_index(m->spc, name);
    if (s < 0)
      return as_error(AS_ERR_CONFIG, mfile, name,
                      "mechanism species is not in the species table (species.file)");
    if (m->spc->s[s].phase != AS_PHASE_GAS || !(m->spc->s[s].molar_mass > 0))
      return as_error(AS_ERR_CONFIG, mfile, name,
                      "mechanism species must be a gas with a molar mass in the species table");
    d->spec[i] = s;
    d->conv[i] = AS_NA * 1e-12 / m->spc->s[s].molar_mass;
  }
  return AS_OK;
}

/* The aerosol the HET(...) reactions see: every dry PM2.5 species (with its density and diameter),
 * the particle water and the nitrate. Off when the key chemistry.heterogeneous is false or the
 * species table has no particle water. */
#define AS_HET_SIGMA_G 2.0 /* geometric standard deviation of the accumulation mode (CMAQ default;
                              inputs/species/cb6r5.yaml diameters are its mass median) */
static AsStatus chem_setup_het(AsChemData *d, AsModel *m, const char *sfile)
{
  int on = 1;
  d->het_water = d->het_no3 = -1;
  AS_CALL(as_config_get_bool(m->cfg, "chemistry.heterogeneous", 0, &on));
  for (int s = 0; s < m->spc->n; s++)
    if (m->spc->s[s].pm25_water) d->het_water = s;
  if (!on || d->het_water < 0) return AS_OK;
  d->het_no3 = as_species_index(m->spc, "ANO3");
  for (int s = 0; s < m->spc->n; s++)
    if (m->spc->s[s].phase == AS_PHASE_AEROSOL && m->spc->s[s].pm25) d->nhet++;
  AS_MALLOC(d->het_spec, d->nhet);
  AS_MALLOC(d->het_vol, d->nhet);
  AS_MALLOC(d->het_surf, d->nhet);
  for (int s = 0, i = 0; s < m->spc->n; s++) {
    const AsSpecies *sp = &m->spc->s[s];
    if (sp->phase != AS_PHASE_AEROSOL || !sp->pm25) continue;
    if (!(sp->density > 0) || !(sp->diameter > 0))
      return as_error(AS_ERR_CONFIG, sfile, sp->name,
                      "a PM2.5 species needs 'diameter' and 'density' for heterogeneous chemistry "
                      "(or set chemistry.heterogeneous: false)");
    d->het_spec[i] = s;
    d->het_vol[i] = 1e-9 / sp->density;
    d->het_surf[i] = 6.0 / as_het_sauter(sp->diameter, AS_HET_SIGMA_G);
    i++;
  }
  return AS_OK;
}

/* the fine aerosol of one cell for as_het_k_n2o5 */
static void chem_cell_het(const AsChemData *d, const AsModel *m, long cell, double *het)
{
  const size_t n = (size_t)m->ncell, c = (size_t)cell;
  AsHetAerosol a = {0, 0, 0, 0, 0};
  double surf = 0;
  for (int i = 0; i < d->nhet; i++) {
    double v = m->c[(size_t)d->het_spec[i] * n + c] * d->het_vol[i];
    a.vdry += v;
    surf += v * d->het_surf[i];
  }
  double w = m->c[(size_t)d->het_water * n + c];     /* ug m-3 */
  a.vwater = w * 1e-12;                               /* ug m-3 -> m3 m-3 at 1000 kg m-3 */
  a.n_water = w * 1e-6 / 18.015;                      /* mol m-3 */
  a.n_nitrate = d->het_no3 >= 0 ? m->c[(size_t)d->het_no3 * n + c] * 1e-6 / 62.004 : 0.0;
  a.dvs_dry = surf > 0 ? 6.0 * a.vdry / surf : 0.0;   /* Sauter diameter of the mixture */
  het[AS_HET_N2O5] = as_het_k_n2o5(&a, m->ms.temp[cell], m->ms.pres[cell]);
}

static AsStatus chem_setup(AsProcess *p, AsModel *m)
{
  AsChemData *d = calloc(1, sizeof *d);
  if (!d) return as_error(AS_ERR_MEM, "", "chemistry", "out of memory");
  p->data = d;
  AsConfig *cfg = m->cfg;
  const char *mfile = NULL, *pfile = NULL;
  AS_CALL(as_config_get_path(cfg, "chemistry.mechanism", 1, &mfile));
  AS_CALL(as_config_get_path(cfg, "chemistry.photolysis", 1, &pfile));
  AS_CALL(as_config_get_choice(cfg, "chemistry.solver", 0, as_chem_solvers, &d->solver));
  d->rtol = 2e-4;
  AS_CALL(as_config_get_double(cfg, "chemistry.rtol", 0, 1e-12, 0.1, &d->rtol));
  double atol = 1e2;
  AS_CALL(as_config_get_double(cfg, "chemistry.atol", 0, 1e-20, 1e8, &atol));
  AS_CALL(as_mech_load(mfile, &d->mech));
  AS_CALL(as_phot_create(pfile, &d->ph));
  d->nm = as_mech_nspec(d->mech);
  d->nr = as_mech_nreact(d->mech);
  d->nj = as_mech_max_jnumber(d->mech);
  d->nch = as_phot_count(d->ph);
  AS_CALL(chem_map_species(d, m, mfile));
  const char *sfile = NULL;
  AS_CALL(as_config_get_path(cfg, "species.file", 0, &sfile));
  AS_CALL(chem_setup_het(d, m, sfile ? sfile : "species.file"));
  for (int i = 0; i < d->nm; i++) d->atol[i] = atol;
  const AsOdeSystem *sys = as_mech_system(d->mech);
  const AsGrid *g = m->grid;
  d->nthr = omp_get_max_threads();
  d->nblk = AS_CHEM_LANES(d) ? AS_CHEM_BLOCK_ROWS * g->nx : 1;
  AsOdeLanes lsys;
  as_mech_lanes_system(d->mech, &lsys);
  AS_MALLOC(d->thr, d->nthr);
  for (int t = 0; t < d->nthr; t++) {
    AsChemThread *th = &d->thr[t];
    if (d->solver < 2) AS_CALL(as_ros_create(sys, as_chem_solvers[d->solver], &th->ros));
    else if (AS_CHEM_LANES(d)) AS_CALL(as_rosl_create(&lsys, as_chem_solvers[d->solver - 4], &th->rl));
    else AS_CALL(as_cvode_create(sys, d->solver == 2 ? "klu" : "dense", &th->cv));
    AS_MALLOC(th->y, (size_t)d->nm * d->nblk);
    AS_MALLOC(th->y0, (size_t)d->nm * d->nblk);
    AS_MALLOC(th->k, (size_t)d->nr * d->nblk);
    AS_MALLOC(th->J, d->nj + 1);
    AS_MALLOC(th->cst, d->nblk);
  }
  long ncol = (long)g->nx * g->ny;
  AS_MALLOC(d->h, m->ncell);
  AS_MALLOC(d->jcol, (size_t)ncol * (size_t)(d->nj + 1));
  AS_MALLOC(d->jch, d->nch > 0 ? d->nch : 1);
  AS_MALLOC(d->partial, (size_t)g->nz * (size_t)g->ny * (size_t)d->nm);
  for (long c = 0; c < m->ncell; c++) d->h[c] = 0;
  return AS_OK;
}

/* photolysis frequencies J[nj+1] of column col at time t (clear sky times the column's cloud
 * factor); jch is [nch] scratch */
static void chem_column_J(const AsChemData *d, const AsModel *m, long col, double t, double *jch, double *J)
{
  const AsGrid *g = m->grid;
  const int nj1 = d->nj + 1;
  memset(J, 0, sizeof(double) * (size_t)nj1);
  double cz = as_phot_cos_zenith(g->lon[col], g->lat[col], t);
  if (!(cz > 0)) return;
  as_phot_clear_sky(d->ph, cz, jch);
  double cf = as_phot_cloud_factor(m->ms.cloud ? m->ms.cloud[col] : 0.0, cz);
  for (int c = 0; c < d->nch; c++) {
    int num = as_phot_number(d->ph, c);
    if (num >= 0 && num < nj1) J[num] = jch[c] * cf;
  }
}

/* photolysis frequencies of every column at time t */
static void chem_photolysis(AsChemData *d, const AsModel *m, double t)
{
  const AsGrid *g = m->grid;
  const long ncol = (long)g->nx * g->ny;
  for (long col = 0; col < ncol; col++)
    chem_column_J(d, m, col, t, d->jch, d->jcol + (size_t)col * (size_t)(d->nj + 1));
}

/* the chemistry problem of one cell: rate constants k[nr] from the cell's met and the column's
 * J[nj+1], number densities y[nm] (molecules cm-3) and, if y0, the mass concentrations (ug m-3) */
static void chem_cell_problem(const AsChemData *d, const AsModel *m, long cell, const double *J, double *k,
                              double *y, double *y0)
{
  const AsMetState *ms = &m->ms;
  const long n = m->ncell;
  double T = ms->temp[cell], P = ms->pres[cell];
  double Mair = P / (AS_KB * T) * 1e-6;
  double h2o = ms->qv ? ms->qv[cell] * ms->rho[cell] / AS_MH2O * AS_NA * 1e-6 : 0.0;
  double het[AS_HET_COUNT] = {0};
  if (d->nhet > 0) chem_cell_het(d, m, cell, het);
  AsMechEnv env = {T, P, Mair, h2o, J, d->nhet > 0 ? het : NULL};
  as_mech_rate_constants(d->mech, &env, k);
  for (int i = 0; i < d->nm; i++) {
    double c = m->c[(size_t)d->spec[i] * (size_t)n + (size_t)cell];
    if (y0) y0[i] = c;
    y[i] = c * d->conv[i];
  }
}

/* one cell: returns 0 on success */
static int chem_cell(AsChemData *d, AsChemThread *th, AsModel *m, long cell, long col, double dt)
{
  const long n = m->ncell;
  chem_cell_problem(d, m, cell, d->jcol + (size_t)col * (size_t)(d->nj + 1), th->k, th->y, th->y0);
  AsMechCtx ctx = {d->mech, th->k};
  AsStatus s;
  AsOdeStats st = {0, 0, 0, 0, 0};
  if (d->solver < 2) s = as_ros_integrate(th->ros, &ctx, th->y, dt, d->rtol, d->atol, &d->h[cell], &st);
  else s = as_cvode_integrate(th->cv, &ctx, th->y, dt, d->rtol, d->atol, NULL, &st); /* BDF restarts at order 1: a carried step costs more */
  th->st.steps += st.steps, th->st.rejected += st.rejected, th->st.fun_evals += st.fun_evals;
  th->st.jac_evals += st.jac_evals, th->st.lu_decomps += st.lu_decomps;
  if (s != AS_OK) return 1;
  for (int i = 0; i < d->nm; i++) {
    double c = th->y[i] / d->conv[i];
    if (!isfinite(c)) return 1;
    m->c[(size_t)d->spec[i] * (size_t)n + (size_t)cell] = c;
  }
  return 0;
}

/* adds cell's chemical change (c_now - c_before) * V, species in table order, to its row's budget
 * partial: the one place both the one-cell and the multi-cell paths accumulate the "chem" term */
static void chem_budget_add(const AsChemData *d, const AsModel *m, double *part, long cell, const double *y0)
{
  const double V = m->volume[cell];
  for (int s = 0; s < d->nm; s++)
    part[s] += (m->c[(size_t)d->spec[s] * (size_t)m->ncell + (size_t)cell] - y0[s]) * V;
}

/* the multi-cell solver on rows row0..row1-1 (cells row0 * nx ... row1 * nx - 1, contiguous): the
 * problems of all cells, one integrate call, then the concentrations and each row's budget partial in
 * the order chem_apply's one-cell loop uses. Returns 0, or the first failing cell + 1. */
static long chem_block(AsChemData *d, AsChemThread *th, AsModel *m, int row0, int row1, double dt)
{
  const AsGrid *g = m->grid;
  const int nx = g->nx, ny = g->ny, nm = d->nm, nr = d->nr;
  const long cell0 = (long)row0 * nx, n = m->ncell;
  const int nb = (row1 - row0) * nx;
  for (int q = 0; q < nb; q++) {
    const long cell = cell0 + q, col = (long)((row0 + q / nx) % ny) * nx + q % nx;
    chem_cell_problem(d, m, cell, d->jcol + (size_t)col * (size_t)(d->nj + 1), th->k + (size_t)q * nr,
                      th->y + (size_t)q * nm, th->y0 + (size_t)q * nm);
  }
  AsRosLaneStats ls;
  const AsStatus s = as_rosl_integrate(th->rl, nb, th->y, th->k, dt, d->rtol, d->atol, d->h + cell0, th->cst, &ls);
  for (int q = 0; q < nb; q++) {
    const AsOdeStats *st = &th->cst[q];
    th->st.steps += st->steps, th->st.rejected += st->rejected, th->st.fun_evals += st->fun_evals;
    th->st.jac_evals += st->jac_evals, th->st.lu_decomps += st->lu_decomps;
  }
  if (s != AS_OK) return cell0 + (ls.failed >= 0 ? ls.failed : 0) + 1;
  for (int q = 0; q < nb; q++)
    for (int i = 0; i < nm; i++) {
      const double c = th->y[(size_t)q * nm + i] / d->conv[i];
      if (!isfinite(c)) return cell0 + q + 1;
      m->c[(size_t)d->spec[i] * (size_t)n + (size_t)(cell0 + q)] = c;
    }
  for (int row = row0; row < row1; row++) {
    double *part = d->partial + (size_t)row * (size_t)nm;
    for (int i = 0; i < nm; i++) part[i] = 0;
    for (int i = 0; i < nx; i++) {
      const long cell = (long)row * nx + i;
      chem_budget_add(d, m, part, cell, th->y0 + (size_t)(cell - cell0) * nm);
    }
  }
  return 0;
}

static AsStatus chem_apply(AsProcess *p, AsModel *m, double dt, int reverse)
{
  (void)reverse;
  AsChemData *d = p->data;
  const AsGrid *g = m->grid;
  const int nx = g->nx, ny = g->ny, nrow = g->nz * g->ny, nm = d->nm;
  chem_photolysis(d, m, m->t + 0.5 * dt); /* the centre process spans the whole step [t, t+dt] */
  for (int t = 0; t < d->nthr; t++) d->thr[t].fail = 0, memset(&d->thr[t].st, 0, sizeof(AsOdeStats));
  if (AS_CHEM_LANES(d)) {
    const int nblock = (nrow + AS_CHEM_BLOCK_ROWS - 1) / AS_CHEM_BLOCK_ROWS;
#pragma omp parallel for schedule(dynamic, 1)
    for (int b = 0; b < nblock; b++) {
      AsChemThread *th = &d->thr[omp_get_thread_num()];
      const int row0 = b * AS_CHEM_BLOCK_ROWS, row1 = row0 + AS_CHEM_BLOCK_ROWS < nrow ? row0 + AS_CHEM_BLOCK_ROWS : nrow;
      const long bad = th->fail ? 0 : chem_block(d, th, m, row0, row1, dt);
      if (bad && (!th->fail || bad < th->fail)) th->fail = (int)bad;
    }
  } else {
#pragma omp parallel for schedule(dynamic, 4)
    for (int row = 0; row < nrow; row++) {
      AsChemThread *th = &d->thr[omp_get_thread_num()];
      double *part = d->partial + (size_t)row * (size_t)nm;
      for (int i = 0; i < nm; i++) part[i] = 0;
      const int j = row % ny;
      for (int i = 0; i < nx; i++) {
        long cell = (long)row * nx + i, col = (long)j * nx + i;
        if (th->fail) break;
        if (chem_cell(d, th, m, cell, col, dt)) {
          th->fail = (int)(cell + 1);
          break;
        }
        chem_budget_add(d, m, part, cell, th->y0);
      }
    }
  }
  for (int t = 0; t < d->nthr; t++) {
    const AsOdeStats *st = &d->thr[t].st;
    d->stats.steps += st->steps, d->stats.rejected += st->rejected;
    d->stats.fun_evals += st->fun_evals, d->stats.jac_evals += st->jac_evals;
    d->stats.lu_decomps += st->lu_decomps;
  }
  d->calls++;
  long bad = -1;
  for (int t = 0; t < d->nthr; t++)
    if (d->thr[t].fail && (bad < 0 || d->thr[t].fail - 1 < bad)) bad = d->thr[t].fail - 1;
  if (bad >= 0) {
    char where[96];
    return as_error(AS_ERR_NUMERIC, as_grid_cell_name(g, bad, where, sizeof where), "chemistry",
                    "the %s solver failed or gave a non-finite concentration", as_chem_solvers[d->solver]);
  }
  as_budget_add_rows(&m->budget, AS_BUD_CHEM, d->spec, nm, d->partial, nrow);
  return AS_OK;
}

static void chem_view(const AsProcess *p, FILE *f)
{
  const AsChemData *d = p->data;
  fprintf(f, "chemistry: %d species, %d reactions, solver %s, rtol %g, atol %g molecules cm-3, heterogeneous %s\n",
          d->nm, d->nr, as_chem_solvers[d->solver], d->rtol, d->atol[0],
          d->nhet > 0 ? "N2O5 on the wet PM2.5" : "off");
  if (AS_CHEM_LANES(d))
    fprintf(f, "chemistry: %d cells per vector, %d cells per integrate call (%d grid rows)\n", AS_ODE_LANES, d->nblk,
            AS_CHEM_BLOCK_ROWS);
}

static void chem_destroy(AsProcess *p)
{
  AsChemData *d = p->data;
  if (!d) return;
  for (int t = 0; d->thr && t < d->nthr; t++) {
    AsChemThread *th = &d->thr[t];
    as_ros_destroy(&th->ros);
    as_rosl_destroy(&th->rl);
    as_cvode_destroy(&th->cv);
    free(th->y), free(th->y0), free(th->k), free(th->J), free(th->cst);
  }
  free(d->thr);
  as_mech_destroy(&d->mech);
  as_phot_destroy(&d->ph);
  free(d->spec), free(d->conv), free(d->atol), free(d->h), free(d->jcol), free(d->jch), free(d->partial);
  free(d->het_spec), free(d->het_vol), free(d->het_surf);
  free(d);
  p->data = NULL;
}

/* ---- access for checkpoints, tests and reports (as_process_chem.h) ---- */
AsChemData *as_chem_data(const AsModel *m)
{
  for (int p = 0; p < m->nproc; p++)
    if (m->proc[p].ops == &as_proc_chemistry) return m->proc[p].data;
  return NULL;
}
double *as_chem_steps(AsChemData *d) { return d->h; }
const AsMech *as_chem_mech(const AsChemData *d) { return d->mech; }
int as_chem_model_species(const AsChemData *d, int i) { return d->spec[i]; }
double as_chem_carried_step(const AsChemData *d, long cell) { return d->h[cell]; }

/* what chem_apply hands the solver for this cell on a step [m->t, m->t + dt]: J of the column at
 * the step's mid-time with the cloud factor of m->ms, k from the cell's met in m->ms, y from m->c.
 * Uses the first thread's scratch: not for use while chem_apply runs. */
AsStatus as_chem_cell_problem(AsChemData *d, const AsModel *m, long cell, double dt, double *y, double *k)
{
  if (cell < 0 || cell >= m->ncell)
    return as_error(AS_ERR_ARG, "as_process_chem.c", "as_chem_cell_problem", "cell %ld is not in 0..%ld", cell,
                    m->ncell - 1);
  const long col = cell % ((long)m->grid->nx * m->grid->ny);
  AsChemThread *th = &d->thr[0];
  chem_column_J(d, m, col, m->t + 0.5 * dt, d->jch, th->J);
  chem_cell_problem(d, m, cell, th->J, k, y, NULL);
  return AS_OK;
}
AsOdeStats as_chem_stats(const AsChemData *d, long *calls)
{
  if (calls) *calls = d->calls;
  return d->stats;
}

const AsProcessOps as_proc_chemistry = {"chemistry", chem_setup, chem_apply, chem_view, chem_destroy};
