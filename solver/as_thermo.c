/* as_thermo.c — the thermodynamics object: input checks, regimes, solids, and the result.
 *
 * Regime by R = TA/TS (Nenes et al. 1998): R >= 2 ammonia rich (sulfate poor), 1 <= R < 2 sulfate
 * rich, R < 1 free acid, TS = 0 no sulfate.
 * "metastable": the particle is one aqueous solution at every RH (as_thermo_liquid.c).
 * "stable" (solids allowed), per regime, with the dry salts fixed by stoichiometry
 *   R >= 2      : (NH4)2SO4 = TS; NH4NO3(s) if (TA - 2TS) TN > Kp (Mozurkewich 1993), the amount x
 *                 solving (TA - 2TS - x)(TN - x) = Kp
 *   1.5 <= R < 2: letovicite LC = 2TS - TA, (NH4)2SO4 = 2TA - 3TS (nitrate stays in the gas)
 *   1 <= R < 1.5: LC = TA - TS, NH4HSO4 = 3TS - 2TA
 *   R < 1       : free H2SO4 always holds water (never dry)
 * and two relative humidities: below RH_dry (the mutual deliquescence RH of the dry salts, or the
 * DRH of a single salt) the particle is dry; at or above RH_liq (the DRH of the least soluble salt
 * present) it is one solution; in between one solid — (NH4)2SO4 (R >= 1.5), letovicite
 * (1 <= R < 1.5) or NH4HSO4 (R < 1) — is in equilibrium with a saturated solution: the amount s of
 * solid solves ln(IAP(s)/Ksp) = 0 for the solution of the remaining totals (Brent in s), or s = 0
 * when the solution is undersaturated at s = 0. ISORROPIA instead blends a dry and a wet solution
 * linearly in RH across the mutual deliquescence region (its WFTYP = 2); see the docs.
 * Conservation by construction: particle amounts are clipped to [0, total], gas = total - particle. */
#include "as_thermo_impl.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define AS_MDRH_AS_AN 0.600 /* (NH4)2SO4 + NH4NO3   ISORROPIA II INIT2 DRMASAN */
#define AS_MDRH_LC_AS 0.690 /* LC + (NH4)2SO4       DRMLCAS */
#define AS_MDRH_LC_AB 0.378 /* LC + NH4HSO4         DRMLCAB */
#define AS_SOLID_MAXIT 200

struct AsThermo {
  int stable;
};

enum { AS_SOLID_AS = 0, AS_SOLID_LC, AS_SOLID_AB };

AsStatus as_thermo_create(const char *state, AsThermo **t)
{
  *t = NULL;
  int stable;
  if (!state || !state[0] || !strcmp(state, "metastable")) stable = 0;
  else if (!strcmp(state, "stable")) stable = 1;
  else return as_error(AS_ERR_CONFIG, "", "thermo.state", "unknown state '%s' (metastable, stable)", state);
  AS_MALLOC(*t, 1);
  (*t)->stable = stable;
  return AS_OK;
}

const char *as_thermo_state(const AsThermo *t) { return t->stable ? "stable" : "metastable"; }

void as_thermo_destroy(AsThermo **t)
{
  if (!t || !*t) return;
  free(*t);
  *t = NULL;
}

/* ---- one solid + saturated solution ---------------------------------------------------------- */

typedef struct {
  const AsThermoEnv *e;
  int kind;
  double ts, ta, tn;
  AsThermoLiquid liq;
  int iters, evals, failed;
} AsSolidCtx;

static const double as_solid_s[3] = {1.0, 2.0, 1.0}; /* sulfate per formula unit: AS, LC, AB */
static const double as_solid_a[3] = {2.0, 3.0, 1.0}; /* ammonium per formula unit */

/* ln(IAP/Ksp) of the solution left after s mol m-3 of solid; -1e3 when an ion is absent */
static double as_solid_sat(AsSolidCtx *c, double s)
{
  const double ts = fmax(c->ts - as_solid_s[c->kind] * s, 0.0);
  const double ta = fmax(c->ta - as_solid_a[c->kind] * s, 0.0);
  if (as_thermo_liquid_solve(c->e, ts, ta, c->tn, &c->liq) != AS_OK) c->failed = 1;
  c->iters += c->liq.iters, c->evals += c->liq.evals;
  const AsThermoLiquid *l = &c->liq;
  const double w = l->w, ln10 = log(10.0);
  if (!(w > 0.0) || !(l->nh4 > 0.0)) return -1e3;
  double v;
  switch (c->kind) {
  case AS_SOLID_AS:
    if (!(l->so4 > 0.0)) return -1e3;
    v = 3.0 * ln10 * l->lg[AS_TP_AS] + 2.0 * log(l->nh4 / w) + log(l->so4 / w) - log(c->e->k7);
    break;
  case AS_SOLID_LC:
    if (!(l->so4 > 0.0) || !(l->hso4 > 0.0)) return -1e3;
    v = 5.0 * ln10 * l->lg[AS_TP_LC] + 3.0 * log(l->nh4 / w) + log(l->so4 / w) + log(l->hso4 / w) -
        log(c->e->k13);
    break;
  default:
    if (!(l->hso4 > 0.0)) return -1e3;
    v = 2.0 * ln10 * l->lg[AS_TP_AB] + log(l->nh4 / w) + log(l->hso4 / w) - log(c->e->k12);
    break;
  }
  return fmax(-1e3, fmin(1e3, v));
}

/* amount of solid: zero of as_solid_sat on (0, smax), sat(0) > 0 > sat(smax) (bisection then
 * secant steps kept inside the bracket: Illinois variant of regula falsi) */
static double as_solid_amount(AsSolidCtx *c, double f0, double smax)
{
  double a = 0.0, fa = f0, b = smax, fb = as_solid_sat(c, smax);
  if (fb >= 0.0) return smax; /* cannot happen for a finite solution; keep everything solid */
  int side = 0;
  for (int it = 0; it < AS_SOLID_MAXIT; it++) {
    double s = (fa - fb != 0.0 && fabs(fa) < 50.0 && fabs(fb) < 50.0) ? (a * fb - b * fa) / (fb - fa)
                                                                         : 0.5 * (a + b);
    if (!(s > a && s < b)) s = 0.5 * (a + b);
    const double fs = as_solid_sat(c, s);
    if (fabs(fs) < 1e-10 || b - a < 1e-12 * smax) return s;
    if (fs > 0.0) {
      a = s, fa = fs;
      if (side == 1) fb *= 0.5;
      side = 1;
    } else {
      b = s, fb = fs;
      if (side == -1) fa *= 0.5;
      side = -1;
    }
  }
  c->failed = 1;
  return 0.5 * (a + b);
}

/* ---- the call -------------------------------------------------------------------------------- */

static AsStatus as_thermo_check(double T, double rh, const double tot[3])
{
  static const char *names[3] = {"thermo.total_SO4", "thermo.total_NH3", "thermo.total_HNO3"};
  if (!isfinite(T)) return as_error(AS_ERR_ARG, "", "thermo.T", "not a finite number (%g)", T);
  if (T < 200.0 || T > 330.0)
    return as_error(AS_ERR_ARG, "", "thermo.T", "%g K outside [200, 330] K", T);
  if (!isfinite(rh)) return as_error(AS_ERR_ARG, "", "thermo.RH", "not a finite number (%g)", rh);
  if (rh < 0.0 || rh > 1.0) return as_error(AS_ERR_ARG, "", "thermo.RH", "%g outside [0, 1]", rh);
  for (int i = 0; i < 3; i++) {
    if (!isfinite(tot[i]))
      return as_error(AS_ERR_ARG, "", names[i], "not a finite number (%g mol m-3)", tot[i]);
    if (tot[i] < 0.0) return as_error(AS_ERR_ARG, "", names[i], "negative (%g mol m-3)", tot[i]);
  }
  return AS_OK;
}

static void as_thermo_fill_liquid(AsThermoResult *r, const AsThermoLiquid *l)
{
  r->aq_h = l->h, r->aq_nh4 = l->nh4, r->aq_so4 = l->so4, r->aq_hso4 = l->hso4, r->aq_no3 = l->no3;
  r->water = l->w;
  if (l->w > 0.0) {
    r->h_molal = l->h / l->w;
    r->ph = -log10(r->h_molal);
    r->ionic = l->ionic;
  }
  r->iterations += l->iters, r->evals += l->evals;
  r->act_residual = l->resid;
}

AsStatus as_thermo_equilibrate(AsThermo *t, double T, double rh, const double tot[3],
                               AsThermoResult *r)
{
  memset(r, 0, sizeof *r);
  AS_CALL(as_thermo_check(T, rh, tot));
  const double ts = tot[0], ta = tot[1], tn = tot[2];
  AsThermoEnv e;
  as_thermo_env_init(&e, T, rh);
  const double ratio = ts > 0.0 ? ta / ts : INFINITY;
  r->regime = ts <= 0.0 ? AS_THERMO_NO_SULFATE
              : ratio >= 2.0 ? AS_THERMO_AMMONIA_RICH
              : ratio >= 1.0 ? AS_THERMO_SULFATE_RICH : AS_THERMO_FREE_ACID;

  /* dry salts and the two RH thresholds ("stable") */
  double d_as = 0.0, d_lc = 0.0, d_ab = 0.0, d_an = 0.0, rh_dry = 0.0, rh_liq = 0.0;
  int solid = AS_SOLID_AS;
  if (r->regime == AS_THERMO_NO_SULFATE || r->regime == AS_THERMO_AMMONIA_RICH) {
    const double fa = fmax(ta - 2.0 * ts, 0.0), kp = e.kp_an;
    d_as = ts;
    if (fa * tn > kp) { /* smaller root of x^2 - (fa+tn) x + fa tn - kp = 0 */
      const double big = 0.5 * ((fa + tn) + sqrt((fa - tn) * (fa - tn) + 4.0 * kp));
      d_an = (fa * tn - kp) / big;
    }
    if (ts > 0.0) {
      rh_liq = e.drh_as;
      rh_dry = (fa > 0.0 && tn > 0.0) ? fmin(AS_MDRH_AS_AN, rh_liq) : rh_liq;
    } else {
      rh_dry = rh_liq = e.drh_an;
    }
  } else if (r->regime == AS_THERMO_SULFATE_RICH && ratio >= 1.5) {
    d_lc = 2.0 * ts - ta, d_as = 2.0 * ta - 3.0 * ts;
    rh_liq = d_as > 0.0 ? e.drh_as : e.drh_lc;
    rh_dry = d_as > 0.0 && d_lc > 0.0 ? fmin(AS_MDRH_LC_AS, rh_liq) : rh_liq;
  } else if (r->regime == AS_THERMO_SULFATE_RICH) {
    d_lc = ta - ts, d_ab = 3.0 * ts - 2.0 * ta;
    solid = AS_SOLID_LC;
    rh_liq = d_lc > 0.0 ? e.drh_lc : e.drh_ab;
    rh_dry = d_lc > 0.0 && d_ab > 0.0 ? fmin(AS_MDRH_LC_AB, rh_liq) : rh_liq;
  } else {
    solid = AS_SOLID_AB;
    rh_liq = e.drh_ab, rh_dry = 0.0;
  }

  double p_nh4 = 0.0, p_no3 = 0.0;
  AsStatus st = AS_OK;
  if (t->stable && rh < rh_dry) { /* dry */
    r->s_nh42so4 = d_as, r->s_nh4hso4 = d_ab, r->s_lc = d_lc, r->s_nh4no3 = d_an;
    p_nh4 = 2.0 * d_as + d_ab + 3.0 * d_lc + d_an;
    p_no3 = d_an;
    r->phase = (ts > 0.0 || d_an > 0.0) ? AS_THERMO_SOLID : AS_THERMO_NONE;
  } else if (!t->stable || rh >= rh_liq) { /* one solution */
    AsThermoLiquid l = {0};
    st = as_thermo_liquid_solve(&e, ts, ta, tn, &l);
    as_thermo_fill_liquid(r, &l);
    p_nh4 = l.nh4, p_no3 = l.no3;
    r->phase = l.w > 0.0 ? AS_THERMO_LIQUID : AS_THERMO_NONE;
  } else { /* one solid + saturated solution */
    AsSolidCtx c = {.e = &e, .kind = solid, .ts = ts, .ta = ta, .tn = tn};
    const double smax = fmin(ts / as_solid_s[solid], ta / as_solid_a[solid]);
    const double f0 = as_solid_sat(&c, 0.0);
    double s = 0.0;
    if (f0 > 0.0 && smax > 0.0) s = as_solid_amount(&c, f0, smax);
    if (s > 0.0) as_solid_sat(&c, s); /* leave the solution at s */
    if (c.failed) st = AS_ERR_NUMERIC;
    c.liq.iters = c.iters, c.liq.evals = c.evals;
    as_thermo_fill_liquid(r, &c.liq);
    if (solid == AS_SOLID_AS) r->s_nh42so4 = s;
    else if (solid == AS_SOLID_LC) r->s_lc = s;
    else r->s_nh4hso4 = s;
    p_nh4 = c.liq.nh4 + as_solid_a[solid] * s;
    p_no3 = c.liq.no3;
    r->phase = s > 0.0 ? (c.liq.w > 0.0 ? AS_THERMO_MIXED : AS_THERMO_SOLID)
                       : (c.liq.w > 0.0 ? AS_THERMO_LIQUID : AS_THERMO_NONE);
  }
  if (st != AS_OK)
    return as_error(st, "", "thermo",
                    "no convergence (%s, T %.17g K, RH %.17g, totals SO4 %.17g NH3 %.17g HNO3 %.17g mol m-3)",
                    as_thermo_state(t), T, rh, ts, ta, tn);
  /* conservation by construction */
  r->p_so4 = ts;
  r->p_nh4 = fmin(fmax(p_nh4, 0.0), ta);
  r->p_no3 = fmin(fmax(p_no3, 0.0), tn);
  r->gas_nh3 = ta - r->p_nh4;
  r->gas_hno3 = tn - r->p_no3;
  r->case_code = 10 * r->regime + r->phase;
  return AS_OK;
}
