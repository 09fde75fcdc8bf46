/* as_process_wetdep.c — process "wet_deposition": scavenging by rain, budget term "wet".
 *
 * In every column with a precipitation rate P > 0 (mm h-1, held constant through the hour):
 *   cloud layers   cloud_lwc > 1e-5 kg m-3 (CMAQ rescld.F's liquid-water threshold); water path
 *                  W = sum over cloud layers of lwc dz (kg m-2); k_top the highest cloud layer.
 *   in cloud       particles  L = min(P/3600 / W, 1/tau_min)   (P/3600 in kg m-2 s-1: the cloud
 *                             water, with every accumulation-mode particle in it, is rained out in
 *                             the washout time W/P; CMAQ scavwdep.F TWASH, floored at tau_min)
 *                  gases      L * f(H*, T, lwc)                 (dissolved fraction, CMAQ scavwdep.F)
 *   below cloud    every layer under k_top that is not a cloud layer (rain falls through it):
 *                  particles  Slinn collection by the drops, as_wetdep_particle(P, d_p, rho_p, T, p)
 *                  gases      as_wetdep_gas_transfer(P, D, T, p) * f(H*, T, L_rain),
 *                             L_rain = rho_w (P/3.6e6)/v_r  the rain water per air volume (kg m-3),
 *                             v_r = 3.1e3 * 9.0e-4 P^0.21 m s-1 (the drop of as_wetdep.c): a
 *                             low-solubility gas saturates the drops and is not removed further
 *   no cloud water (P > 0 but no cloud layer): below-cloud in the layers whose centre is under
 *                  default_cloud_base (EST 1500 m); nothing above.
 *   f(H*, T, L) = H* R T L/rho_w / (1 + H* R T L/rho_w)  (as_wetdep_dissolved_fraction; H* the
 *                  species' henry_wet at 298 K, not corrected for T)
 * Each scavenged cell: c <- c exp(-L dt) (exact for constant L: unconditionally stable, never
 * negative) and (c_old - c_new) V goes to the species' budget term "wet" (ug). Scavenged species:
 * aerosols and gases with henry_wet > 0 (species file; default its henry), both with deposit = 1. T and p are held inside the ranges of
 * the as_wetdep functions (230..330 K, 3e4..1.1e5 Pa); there is no ice or snow branch.
 *
 * Threads: rows j of columns are shared out; each row's removed mass goes to its own partial and
 * the partials are summed in row order, so the bits do not depend on the thread count. apply
 * allocates nothing. Keys "wet_deposition.*" and sources: docs/science-wetdep.md.
 */
#include "as_process_wetdep.h"
#include "as_wetdep.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define WET_LWC_CLOUD 1e-5   /* kg m-3: a cloud layer (CMAQ rescld.F, WCBAR .GT. 0.00001) */
#define WET_RHO_W 1000.0     /* kg m-3, water (CMAQ scavwdep.F H2ODENS) */

typedef struct {
  int enabled;
  double base_nocloud;       /* m: assumed cloud base when it rains without cloud water */
  double tau_min;            /* s: shortest in-cloud washout time */
  int nsc, naer;             /* scavenged species, of which aerosols */
  int *spec;                 /* [nsc] model species */
  double *partial;           /* [ny][nsc] removed mass per row of columns, ug */
} WetData;

/* the scavenging regime of one raining column */
typedef struct {
  double P;                  /* mm h-1 */
  double lam_in;             /* in-cloud particle coefficient, s-1 */
  double lrain;              /* rain water per air volume, kg m-3 */
  int ktop;                  /* highest cloud layer, -1: none */
  int kmax;                  /* highest layer scavenged */
} WetColumn;

static double clampd(double x, double lo, double hi) { return x < lo ? lo : x > hi ? hi : x; }

/* returns 0 for a dry column */
static int wet_column(const WetData *d, const AsModel *m, long col, WetColumn *wc)
{
  const AsGrid *g = m->grid;
  const long ncol = (long)g->nx * g->ny;
  const double P = m->ms.precip[col];
  if (!(P > 0.0)) return 0;
  double W = 0.0;
  int ktop = -1;
  for (int k = 0; k < g->nz; k++) {
    double lwc = m->ms.cloud_lwc[k * ncol + col];
    if (lwc > WET_LWC_CLOUD) W += lwc * g->dz[k], ktop = k;
  }
  wc->P = P;
  wc->ktop = ktop;
  wc->lam_in = 0.0;
  if (ktop >= 0) {
    double lam = P / 3600.0 / W;
    wc->lam_in = lam < 1.0 / d->tau_min ? lam : 1.0 / d->tau_min;
    wc->kmax = ktop;
  } else {
    wc->kmax = -1;
    for (int k = 0; k < g->nz; k++)
      if (g->z_mid[k] < d->base_nocloud) wc->kmax = k;
  }
  double v_r = 3.1e3 * 9.0e-4 * pow(P, 0.21);
  wc->lrain = WET_RHO_W * (P / 3.6e6) / v_r;
  return 1;
}

/* scavenging coefficient of species sp in layer k of a raining column (0: not scavenged here) */
static AsStatus wet_lambda(const AsModel *m, const WetColumn *wc, const AsSpecies *sp, int k, long cell,
                           double *lambda)
{
  *lambda = 0.0;
  if (k > wc->kmax) return AS_OK;
  const double lwc = m->ms.cloud_lwc[cell];
  const double T = clampd(m->ms.temp[cell], 230.0, 330.0), p = clampd(m->ms.pres[cell], 3e4, 1.1e5);
  const int in_cloud = wc->ktop >= 0 && lwc > WET_LWC_CLOUD;
  const int aerosol = sp->phase == AS_PHASE_AEROSOL;
  double f = 1.0;
  if (in_cloud) {
    if (!aerosol) AS_CALL(as_wetdep_dissolved_fraction(sp->henry_wet, T, lwc, &f));
    *lambda = wc->lam_in * f;
  } else if (aerosol) {
    AsWetPart wp;
    AS_CALL(as_wetdep_particle(wc->P, sp->diameter, sp->density, T, p, &wp));
    *lambda = wp.lambda;
  } else {
    double lt;
    AS_CALL(as_wetdep_gas_transfer(wc->P, sp->diffusivity, T, p, &lt));
    AS_CALL(as_wetdep_dissolved_fraction(sp->henry_wet, T, wc->lrain, &f));
    *lambda = lt * f;
  }
  return AS_OK;
}

static int wet_scavenged(const AsSpecies *sp)
{
  if (!sp->deposit) return 0;
  return sp->phase == AS_PHASE_AEROSOL || sp->henry_wet > 0.0;
}

static AsStatus wet_setup(AsProcess *p, AsModel *m)
{
  WetData *d = calloc(1, sizeof *d);
  if (!d) return as_error(AS_ERR_MEM, "", "wet_deposition", "out of memory");
  p->data = d;
  AsConfig *cfg = m->cfg;
  (void)as_config_has(cfg, "wet_deposition"); /* an empty section (all defaults) is a used key */
  d->enabled = 1;
  d->base_nocloud = 1500.0;
  d->tau_min = 300.0;
  AS_CALL(as_config_get_bool(cfg, "wet_deposition.enabled", 0, &d->enabled));
  AS_CALL(as_config_get_quantity(cfg, "wet_deposition.default_cloud_base", 0, "m", 0.0, 2e4, &d->base_nocloud));
  AS_CALL(as_config_get_quantity(cfg, "wet_deposition.min_washout_time", 0, "s", 1.0, 86400.0, &d->tau_min));
  AS_MALLOC(d->spec, m->nspec);
  for (int s = 0; s < m->nspec; s++) {
    const AsSpecies *sp = &m->spc->s[s];
    if (!wet_scavenged(sp)) continue;
    if (sp->phase == AS_PHASE_AEROSOL) {
      if (!(sp->diameter >= 1e-9 && sp->diameter <= 1e-4 && sp->density >= 100.0 && sp->density <= 2e4))
        return as_error(AS_ERR_CONFIG, "species.file", sp->name,
                        "wet deposition needs diameter 1e-9..1e-4 m and density 100..2e4 kg m-3, got %g m, %g kg m-3",
                        sp->diameter, sp->density);
      d->naer++;
    } else if (!(sp->diffusivity >= 1e-7 && sp->diffusivity <= 1e-4)) {
      return as_error(AS_ERR_CONFIG, "species.file", sp->name,
                      "wet deposition needs a diffusivity of 1e-7..1e-4 m2 s-1, got %g", sp->diffusivity);
    }
    d->spec[d->nsc++] = s;
  }
  AS_MALLOC(d->partial, (size_t)m->grid->ny * (size_t)(d->nsc > 0 ? d->nsc : 1));
  return AS_OK;
}

/* serial check of the met the scavenging reads: one line naming the first bad column or cell */
static AsStatus wet_check(const AsModel *m)
{
  const AsGrid *g = m->grid;
  const long ncol = (long)g->nx * g->ny;
  char where[96];
  for (long col = 0; col < ncol; col++) {
    const double P = m->ms.precip[col];
    if (!(P >= 0.0 && P <= 500.0)) {
      snprintf(where, sizeof where, "column (i=%ld, j=%ld)", col % g->nx, col / g->nx);
      return as_error(AS_ERR_DATA, where, "precip", "precipitation rate %g mm h-1 outside [0, 500]", P);
    }
    if (P == 0.0) continue;
    for (int k = 0; k < g->nz; k++) {
      const long cell = k * ncol + col;
      const double lwc = m->ms.cloud_lwc[cell], T = m->ms.temp[cell], p = m->ms.pres[cell];
      if (!(lwc >= 0.0 && lwc <= 0.1) || !(T > 0.0 && isfinite(T)) || !(p > 0.0 && isfinite(p))) {
        return as_error(AS_ERR_DATA, as_grid_cell_name(g, cell, where, sizeof where), "wet_deposition",
                        "cloud water %g kg m-3 (0..0.1), temperature %g K, pressure %g Pa", lwc, T, p);
      }
    }
  }
  return AS_OK;
}

static AsStatus wet_apply(AsProcess *p, AsModel *m, double dt, int reverse)
{
  (void)reverse;
  WetData *d = p->data;
  if (!d->enabled || d->nsc == 0) return AS_OK;
  AS_CALL(wet_check(m));
  const AsGrid *g = m->grid;
  const int nx = g->nx, ny = g->ny, nz = g->nz, nsc = d->nsc;
  const long ncol = (long)nx * ny, ncell = m->ncell;
  long fail = 0; /* first failing cell + 1 (the inputs were checked: not expected) */
#pragma omp parallel for schedule(dynamic, 1)
  for (int j = 0; j < ny; j++) {
    double *part = d->partial + (size_t)j * (size_t)nsc;
    for (int n = 0; n < nsc; n++) part[n] = 0.0;
    for (int i = 0; i < nx; i++) {
      const long col = (long)j * nx + i;
      WetColumn wc;
      if (!wet_column(d, m, col, &wc)) continue;
      for (int k = 0; k <= wc.kmax && k < nz; k++) {
        const long cell = k * ncol + col;
        const double V = m->volume[cell];
        for (int n = 0; n < nsc; n++) {
          const int s = d->spec[n];
          double lam;
          if (wet_lambda(m, &wc, &m->spc->s[s], k, cell, &lam) != AS_OK) {
#pragma omp critical(as_wetdep_fail)
            if (!fail || cell + 1 < fail) fail = cell + 1;
            continue;
          }
          if (!(lam > 0.0)) continue;
          double *c = m->c + (size_t)s * (size_t)ncell + (size_t)cell;
          const double c0 = *c, c1 = c0 * exp(-lam * dt);
          *c = c1;
          part[n] += (c0 - c1) * V;
        }
      }
    }
  }
  if (fail) {
    const long cell = fail - 1;
    char where[96];
    return as_error(AS_ERR_NUMERIC, as_grid_cell_name(g, cell, where, sizeof where), "wet_deposition",
                    "scavenging coefficient failed");
  }
  as_budget_add_rows(&m->budget, AS_BUD_WET, d->spec, nsc, d->partial, ny);
  return AS_OK;
}

static void wet_view(const AsProcess *p, FILE *f)
{
  const WetData *d = p->data;
  fprintf(f, "wet_deposition: %s, %d species scavenged (%d aerosol, %d gas); in cloud where cloud water > %g "
          "kg m-3 (washout time >= %g s), below cloud by Slinn / mass transfer; without cloud water "
          "below-cloud up to %g m\n",
          d->enabled ? "on" : "off", d->nsc, d->naer, d->nsc - d->naer, WET_LWC_CLOUD, d->tau_min,
          d->base_nocloud);
}

static void wet_destroy(AsProcess *p)
{
  WetData *d = p->data;
  if (!d) return;
  free(d->spec);
  free(d->partial);
  free(d);
  p->data = NULL;
}

AsStatus as_wetdep_cell_lambda(const AsProcess *p, const AsModel *m, int s, long cell, double *lambda)
{
  if (!p || !p->data || !lambda || s < 0 || s >= m->nspec || cell < 0 || cell >= m->ncell)
    return as_error(AS_ERR_ARG, "as_process_wetdep.c", "as_wetdep_cell_lambda", "bad argument");
  const WetData *d = p->data;
  const long ncol = (long)m->grid->nx * m->grid->ny;
  *lambda = 0.0;
  WetColumn wc;
  if (!d->enabled || !wet_scavenged(&m->spc->s[s]) || !wet_column(d, m, cell % ncol, &wc)) return AS_OK;
  return wet_lambda(m, &wc, &m->spc->s[s], (int)(cell / ncol), cell, lambda);
}

const AsProcessOps as_proc_wet_deposition = {"wet_deposition", wet_setup, wet_apply, wet_view, wet_destroy};
