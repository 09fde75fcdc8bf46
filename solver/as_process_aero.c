/* as_process_aero.c — process "aerosol": secondary PM2.5 in every grid cell.
 *
 * In each cell, in this order (docs/science-aerosol-coupling.md):
 *   1. cloud chemistry (as_aqchem) where the met has cloud water above AS_AERO_LWC_MIN: S(IV) -> S(VI)
 *      by H2O2 and O3 over the process step; the S(VI) formed joins particulate sulfate;
 *   2. inorganic equilibrium (as_thermo, ISORROPIA II forward problem): all gas-phase H2SO4 (SULF)
 *      condenses; HNO3/NH3 partition with particulate nitrate/ammonium at the cell's T and RH; aerosol
 *      water (AH2O) follows from the RH;
 *   3. organic aerosol (as_soa): the SOA counter species of the mechanism (precursor mass oxidised
 *      since the last call) make semi-volatile surrogate mass with CMAQ's mass yields, split into
 *      high- and low-NOx yields by the aromatic RO2 fate k_NO[NO]/(k_NO[NO] + k_HO2[HO2]); every
 *      surrogate then partitions (Pankow) into the absorbing organic mass POA + SOA. Counters are
 *      reset to 0.
 * Atoms are conserved by construction (S and N through moles: gas = total - particle); the mass change
 * of every species the process writes goes to the budget term "chem" (per-row partials in row order:
 * the bits do not depend on the thread count). Non-finite input or a solver failure stops the run
 * with one line naming the cell and the species. Keys ("aerosol." in the case file): docs/config.md.
 */
#include "as_process_aero.h"
#include "../inputs/as_met_similarity.h"
#include "as_aqchem.h"
#include "as_model.h"
#include "as_soa.h"
#include "as_thermo.h"
#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

#define AS_AERO_LWC_MIN 1e-5  /* kg m-3: cloud water below this is no cloud (CMAQ's aqueous threshold) */
#define AS_AERO_RH_MAX 0.99   /* ZSR water diverges as RH -> 1; ISORROPIA II's own upper limit */

/* inorganic species, in this order */
enum { I_SO2, I_SULF, I_H2O2, I_O3, I_HNO3, I_NH3, I_ASO4, I_ANO3, I_ANH4, I_AH2O, I_NIN };
static const char *const inorg_names[I_NIN] = {"SO2", "SULF", "H2O2", "O3", "HNO3", "NH3",
                                               "ASO4", "ANO3", "ANH4", "AH2O"};

/* SOA surrogates carried by the model: as_soa name, gas species, particle species */
static const char *const soa_surr[][3] = {
    {"SV_AVB1", "SVAVB1", "AAVB1"}, {"SV_AVB2", "SVAVB2", "AAVB2"}, {"SV_AVB3", "SVAVB3", "AAVB3"},
    {"SV_AVB4", "SVAVB4", "AAVB4"}, {"SV_ISO1", "SVISO1", "AISO1"}, {"SV_ISO2", "SVISO2", "AISO2"},
    {"SV_TRP1", "SVTRP1", "ATRP1"}, {"SV_TRP2", "SVTRP2", "ATRP2"},
};
enum { NSURR = sizeof soa_surr / sizeof soa_surr[0] };
/* counter species of the mechanism and the as_soa yield-table precursor each one feeds */
static const char *const soa_counter[][2] = {
    {"BNZRXN", "BNZ_VBS"}, {"TOLRXN", "TOL_VBS"}, {"XYLRXN", "XYL_VBS"},
    {"PAHRXN", "PAH_VBS"}, {"ISOPRXN", "ISO"},    {"TRPRXN", "TRP"},
};
enum { NCOUNT = sizeof soa_counter / sizeof soa_counter[0], NYMAX = 64 };

typedef struct {
  AsThermo *th;
  AsAqchem *aq;
  double ctot[NSURR], cpart[NSURR], cgas[NSURR];
  long fail;              /* first failing cell + 1 of this thread in the current apply */
  long skipped;           /* cells whose equilibrium did not converge (kept as they were) */
  AsStatus fail_status;
} AsAeroThread;

struct AsAeroData {
  int aqueous, soa;
  int sp[I_NIN];          /* model species of the inorganic set */
  double mw[I_NIN];       /* g mol-1 */
  int poc, pncom, no, ho2;
  int sv[NSURR], ap[NSURR], cnt[NCOUNT];
  AsSoa *soa_tab;
  int ny;                 /* yield rows used */
  int y_cnt[NYMAX], y_surr[NYMAX];
  double y_hi[NYMAX], y_lo[NYMAX];
  int ntouch;             /* species written by the process, for the budget */
  int touch[I_NIN + 2 * NSURR + NCOUNT];
  int nthr;
  AsAeroThread *thr;
  double *partial;        /* [nrow][ntouch] budget partials, ug */
  double *c0;             /* [nthr][ntouch] scratch: the cell's values before the process */
  long aq_cells;          /* cells with cloud chemistry in the last apply */
};

static AsStatus aero_species(AsModel *m, const char *name, int need_mw, int *s)
{
  char where[600];
  const char *file = "species.file";
  if (as_config_has(m->cfg, "species.file")) as_config_where(m->cfg, "species.file", where, sizeof where), file = where;
  *s = as_species_index(m->spc, name);
  if (*s < 0) return as_error(AS_ERR_CONFIG, file, name, "the aerosol process needs this species in the species table");
  if (need_mw && !(m->spc->s[*s].molar_mass > 0))
    return as_error(AS_ERR_CONFIG, file, name, "the aerosol process needs its molar_mass");
  return AS_OK;
}

static AsStatus aero_yields(AsAeroData *d)
{
  d->ny = 0;
  for (int r = 0; r < as_soa_yield_count(); r++) {
    const AsSoaYield *y = as_soa_yield_at(r);
    for (int c = 0; c < NCOUNT; c++) {
      if (strcmp(y->precursor, soa_counter[c][1])) continue;
      for (int k = 0; k < NSURR; k++) {
        if (strcmp(y->surrogate, soa_surr[k][0])) continue;
        if (d->ny == NYMAX) return as_error(AS_ERR_ARG, "as_process_aero.c", "yields", "more than %d rows", NYMAX);
        d->y_cnt[d->ny] = c, d->y_surr[d->ny] = k;
        d->y_hi[d->ny] = y->alpha_high, d->y_lo[d->ny] = y->alpha_low;
        d->ny++;
      }
    }
  }
  for (int c = 0; c < NCOUNT; c++) { /* every counter must feed something */
    int used = 0;
    for (int r = 0; r < d->ny; r++) used |= d->y_cnt[r] == c;
    if (!used)
      return as_error(AS_ERR_ARG, "as_soa.c", soa_counter[c][1], "no yield rows for the counter %s", soa_counter[c][0]);
  }
  return AS_OK;
}

static AsStatus aero_setup(AsProcess *p, AsModel *m)
{
  AsAeroData *d = calloc(1, sizeof *d);
  if (!d) return as_error(AS_ERR_MEM, "", "aerosol", "out of memory");
  p->data = d;
  const char *state = "metastable";
  static const char *const states[] = {"metastable", "stable", NULL};
  int ist = 0;
  AS_CALL(as_config_get_choice(m->cfg, "aerosol.state", 0, states, &ist));
  state = states[ist];
  d->aqueous = 1, d->soa = 1;
  AS_CALL(as_config_get_bool(m->cfg, "aerosol.aqueous", 0, &d->aqueous));
  AS_CALL(as_config_get_bool(m->cfg, "aerosol.soa", 0, &d->soa));
  for (int i = 0; i < I_NIN; i++) {
    AS_CALL(aero_species(m, inorg_names[i], 1, &d->sp[i]));
    d->mw[i] = m->spc->s[d->sp[i]].molar_mass;
    d->touch[d->ntouch++] = d->sp[i];
  }
  if (d->soa) {
    AS_CALL(aero_species(m, "POC", 0, &d->poc));
    d->pncom = as_species_index(m->spc, "PNCOM"); /* optional: POA = POC (+ PNCOM) */
    AS_CALL(aero_species(m, "NO", 1, &d->no));
    AS_CALL(aero_species(m, "HO2", 1, &d->ho2));
    const char *names[NSURR];
    for (int k = 0; k < NSURR; k++) {
      names[k] = soa_surr[k][0];
      AS_CALL(aero_species(m, soa_surr[k][1], 0, &d->sv[k]));
      AS_CALL(aero_species(m, soa_surr[k][2], 0, &d->ap[k]));
      d->touch[d->ntouch++] = d->sv[k];
      d->touch[d->ntouch++] = d->ap[k];
    }
    for (int c = 0; c < NCOUNT; c++) {
      AS_CALL(aero_species(m, soa_counter[c][0], 0, &d->cnt[c]));
      d->touch[d->ntouch++] = d->cnt[c];
    }
    AS_CALL(as_soa_create_names(NSURR, names, &d->soa_tab));
    AS_CALL(aero_yields(d));
  }
  d->nthr = omp_get_max_threads();
  AS_MALLOC(d->thr, d->nthr);
  memset(d->thr, 0, sizeof *d->thr * (size_t)d->nthr);
  for (int t = 0; t < d->nthr; t++) {
    AS_CALL(as_thermo_create(state, &d->thr[t].th));
    AS_CALL(as_aqchem_create(&d->thr[t].aq));
  }
  const AsGrid *g = m->grid;
  AS_MALLOC(d->partial, (size_t)g->nz * (size_t)g->ny * (size_t)d->ntouch);
  AS_MALLOC(d->c0, (size_t)d->nthr * (size_t)d->ntouch);
  return AS_OK;
}

#define C(s) m->c[(size_t)(s) * (size_t)n + (size_t)cell]

/* relative humidity 0..AS_AERO_RH_MAX from the mixing ratio qv (kg kg-1), p (Pa) and T (K) */
static double aero_rh(double qv, double p, double T)
{
  double e = qv * p / (0.622 + qv);
  double rh = e / as_esat(T);
  return rh < 0 ? 0 : rh > AS_AERO_RH_MAX ? AS_AERO_RH_MAX : rh;
}

/* one cell; returns AS_OK or the failing status (message recorded by the callee) */
static AsStatus aero_cell(AsAeroData *d, AsAeroThread *th, AsModel *m, long cell, double dt)
{
  const long n = m->ncell;
  const AsMetState *ms = &m->ms;
  const double T = ms->temp[cell], P = ms->pres[cell];
  const int *sp = d->sp;
  const double *mw = d->mw;
  /* ug m-3 -> mol m-3: c 1e-6 / M */
  double TS = C(sp[I_SULF]) * 1e-6 / mw[I_SULF] + C(sp[I_ASO4]) * 1e-6 / mw[I_ASO4];
  double TA = C(sp[I_NH3]) * 1e-6 / mw[I_NH3] + C(sp[I_ANH4]) * 1e-6 / mw[I_ANH4];
  double TN = C(sp[I_HNO3]) * 1e-6 / mw[I_HNO3] + C(sp[I_ANO3]) * 1e-6 / mw[I_ANO3];
  const double lwc = ms->cloud_lwc ? ms->cloud_lwc[cell] : 0.0;
  if (d->aqueous && lwc > AS_AERO_LWC_MIN) {
    double a[AS_AQ_N] = {C(sp[I_SO2]) * 1e-6 / mw[I_SO2], TS, C(sp[I_H2O2]) * 1e-6 / mw[I_H2O2],
                         C(sp[I_O3]) * 1e-6 / mw[I_O3], TN, TA};
    AS_CALL(as_aqchem_apply(th->aq, T, P, lwc, dt, a, NULL));
    C(sp[I_SO2]) = a[AS_AQ_SO2] * 1e6 * mw[I_SO2];
    C(sp[I_H2O2]) = a[AS_AQ_H2O2] * 1e6 * mw[I_H2O2];
    C(sp[I_O3]) = a[AS_AQ_O3] * 1e6 * mw[I_O3];
    TS = a[AS_AQ_SULF]; /* HNO3 and NH3 totals are not changed by the cloud chemistry */
  }
  const double tot[3] = {TS, TA, TN};
  AsThermoResult r;
  AsStatus ts = as_thermo_equilibrate(th->th, T, aero_rh(ms->qv ? ms->qv[cell] : 0.0, P, T), tot, &r);
  if (ts == AS_ERR_NUMERIC) {
    /* the equilibrium did not converge (rare: activity coefficients without a fixed point within
     * 2.3 %): keep this cell's gas/particle split of NH3 and HNO3 as it is, condense the H2SO4, and
     * count it (as_aero_thermo_skipped); atoms stay conserved */
#pragma omp critical(as_error_record)
    if (strstr(as_error_message(), "thermo: no convergence")) as_error_clear(); /* not another thread's */
    th->skipped++;
    r.p_so4 = TS;
    r.gas_nh3 = C(sp[I_NH3]) * 1e-6 / mw[I_NH3], r.p_nh4 = TA - r.gas_nh3;
    r.gas_hno3 = C(sp[I_HNO3]) * 1e-6 / mw[I_HNO3], r.p_no3 = TN - r.gas_hno3;
    r.water = C(sp[I_AH2O]) * 1e-9;
  } else if (ts) {
    return ts;
  }
  C(sp[I_SULF]) = 0.0;
  C(sp[I_ASO4]) = r.p_so4 * 1e6 * mw[I_ASO4];
  C(sp[I_NH3]) = r.gas_nh3 * 1e6 * mw[I_NH3];
  C(sp[I_ANH4]) = r.p_nh4 * 1e6 * mw[I_ANH4];
  C(sp[I_HNO3]) = r.gas_hno3 * 1e6 * mw[I_HNO3];
  C(sp[I_ANO3]) = r.p_no3 * 1e6 * mw[I_ANO3];
  C(sp[I_AH2O]) = r.water * 1e9;
  if (!d->soa) return AS_OK;
  /* high-NOx fraction of the aromatic RO2 (CMAQ BENZRO2 + NO 2.70e-12 exp(360/T), + HO2 1.90e-13
   * exp(1300/T)); number densities enter as ratios, so mol per ug is enough */
  const double rno = 2.70e-12 * exp(360.0 / T) * C(d->no) / m->spc->s[d->no].molar_mass;
  const double rho2 = 1.90e-13 * exp(1300.0 / T) * C(d->ho2) / m->spc->s[d->ho2].molar_mass;
  const double beta = rno + rho2 > 0 ? rno / (rno + rho2) : 1.0;
  for (int k = 0; k < NSURR; k++) th->ctot[k] = C(d->sv[k]) + C(d->ap[k]);
  for (int r2 = 0; r2 < d->ny; r2++) {
    const double dhc = C(d->cnt[d->y_cnt[r2]]); /* ug m-3 of precursor oxidised */
    th->ctot[d->y_surr[r2]] += dhc * (beta * d->y_hi[r2] + (1.0 - beta) * d->y_lo[r2]);
  }
  for (int c = 0; c < NCOUNT; c++) C(d->cnt[c]) = 0.0;
  double poa = C(d->poc) + (d->pncom >= 0 ? C(d->pncom) : 0.0);
  AS_CALL(as_soa_partition(d->soa_tab, T, poa, th->ctot, th->cpart, th->cgas, NULL));
  for (int k = 0; k < NSURR; k++) C(d->sv[k]) = th->cgas[k], C(d->ap[k]) = th->cpart[k];
  return AS_OK;
}

static AsStatus aero_apply(AsProcess *p, AsModel *m, double dt, int reverse)
{
  (void)reverse;
  AsAeroData *d = p->data;
  const AsGrid *g = m->grid;
  const int nx = g->nx, nrow = g->nz * g->ny, nt = d->ntouch;
  const long n = m->ncell;
  for (int t = 0; t < d->nthr; t++) d->thr[t].fail = 0;
  long aq = 0;
#pragma omp parallel for schedule(dynamic, 4) reduction(+ : aq)
  for (int row = 0; row < nrow; row++) {
    const int tid = omp_get_thread_num();
    AsAeroThread *th = &d->thr[tid];
    double *part = d->partial + (size_t)row * (size_t)nt, *c0 = d->c0 + (size_t)tid * (size_t)nt;
    for (int q = 0; q < nt; q++) part[q] = 0;
    for (int i = 0; i < nx && !th->fail; i++) {
      const long cell = (long)row * nx + i;
      for (int q = 0; q < nt; q++) c0[q] = C(d->touch[q]);
      aq += d->aqueous && m->ms.cloud_lwc && m->ms.cloud_lwc[cell] > AS_AERO_LWC_MIN;
      AsStatus s = aero_cell(d, th, m, cell, dt);
      if (s) {
        th->fail = cell + 1, th->fail_status = s;
        break;
      }
      const double V = m->volume[cell];
      for (int q = 0; q < nt; q++) part[q] += (C(d->touch[q]) - c0[q]) * V;
    }
  }
  d->aq_cells = aq;
  long bad = -1;
  AsStatus st = AS_OK;
  for (int t = 0; t < d->nthr; t++)
    if (d->thr[t].fail && (bad < 0 || d->thr[t].fail - 1 < bad)) bad = d->thr[t].fail - 1, st = d->thr[t].fail_status;
  if (bad >= 0) {
    /* the callee recorded what went wrong; prefix the cell (the first failing one in cell order) */
    char where[96], msg[1600];
    snprintf(msg, sizeof msg, "%s", as_error_message());
    as_error_clear();
    return as_error(st, as_grid_cell_name(g, bad, where, sizeof where), "aerosol", "%s", msg);
  }
  as_budget_add_rows(&m->budget, AS_BUD_CHEM, d->touch, nt, d->partial, nrow);
  return AS_OK;
}
#undef C

static void aero_view(const AsProcess *p, FILE *f)
{
  const AsAeroData *d = p->data;
  fprintf(f, "aerosol: ISORROPIA-II-type %s SO4/NO3/NH4/H2O equilibrium, cloud sulfate %s, SOA %s",
          as_thermo_state(d->thr[0].th), d->aqueous ? "on" : "off", d->soa ? "on" : "off");
  if (d->soa) fprintf(f, " (%d surrogates, %d counters, %d yield rows)", NSURR, NCOUNT, d->ny);
  fprintf(f, "\n");
}

static void aero_destroy(AsProcess *p)
{
  AsAeroData *d = p->data;
  if (!d) return;
  for (int t = 0; d->thr && t < d->nthr; t++) {
    as_thermo_destroy(&d->thr[t].th);
    as_aqchem_destroy(&d->thr[t].aq);
  }
  free(d->thr);
  as_soa_destroy(&d->soa_tab);
  free(d->partial), free(d->c0);
  free(d);
  p->data = NULL;
}

long as_aero_cloud_cells(const AsAeroData *d) { return d ? d->aq_cells : 0; }
long as_aero_thermo_skipped(const AsAeroData *d)
{
  long n = 0;
  for (int t = 0; d && t < d->nthr; t++) n += d->thr[t].skipped;
  return n;
}

const AsProcessOps as_proc_aerosol = {"aerosol", aero_setup, aero_apply, aero_view, aero_destroy};
