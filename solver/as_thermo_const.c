/* as_thermo_const.c — equilibrium constants, deliquescence RH and binary molalities at (T, RH).
 *
 * Equilibrium constants (ISORROPIA II form; Nenes et al. 1998, Fountoukis & Nenes 2007):
 *   K(T) = K0 exp[ a (T0/T - 1) + b (1 + ln(T0/T) - T0/T) ],  T0 = 298.15 K,
 *   a = -dH(T0)/(R T0), b = -dCp/R. Values as in ISORROPIA II's INIT2 (isocom.f); applied at every
 *   T (ISORROPIA skips the correction when INT(T) = 298, which makes K jump at 299 K).
 * DRH(T) = DRH(298) exp[c (1/T - 1/T0)] (ISORROPIA II INIT2), DRH(NH4NO3) capped by DRH((NH4)2SO4)
 * (the "crossover" below 271 K, as ISORROPIA).
 * NH4NO3(s) = NH3(g) + HNO3(g): Mozurkewich (1993), Atmos. Environ. 27A:261,
 *   ln Kp = 118.87 - 24084/T - 6.025 ln T,  Kp in nbar^2
 * (ISORROPIA's own K10 = 5.746e-17 atm^2 is 33 % above Mozurkewich at 298 K; see the docs).
 * Sources and units of every number: docs/science-aerosol-thermo.md, table "constants". */
#include "as_thermo_impl.h"
#include <math.h>

#define AS_T0 298.15
#define AS_R_ATM 8.2057366e-5 /* atm m3 mol-1 K-1 (CODATA R / 101325 Pa) */
#define AS_R_SI 8.314462618   /* J mol-1 K-1 (CODATA 2018) */

typedef struct {
  double k0, a, b;
} AsThermoK;

/* ISORROPIA II INIT2 (isocom.f, CMAQ CCTM/src/aero/aero6): K(298.15), dH/(R T0) term, dCp/R term */
static const AsThermoK as_k1 = {1.015e-2, 8.85, 25.14};    /* HSO4- = H+ + SO4-- */
static const AsThermoK as_k21 = {57.639, 13.79, -5.393};   /* NH3(g) = NH3(aq) */
static const AsThermoK as_k22 = {1.805e-5, -1.50, 26.92};  /* NH3(aq) + H2O = NH4+ + OH- */
static const AsThermoK as_k4 = {2.511e6, 29.17, 16.83};    /* HNO3(g) = H+ + NO3- */
static const AsThermoK as_k7 = {1.817, -2.65, 38.57};      /* (NH4)2SO4(s) = 2NH4+ + SO4-- */
static const AsThermoK as_k12 = {1.382e2, -2.87, 15.83};   /* NH4HSO4(s) = NH4+ + HSO4- */
static const AsThermoK as_k13 = {29.268, -5.19, 54.40};    /* LC(s) = 3NH4+ + HSO4- + SO4-- */
static const AsThermoK as_kw = {1.010e-14, -22.52, 26.92}; /* H2O = H+ + OH- */

static double as_thermo_k(const AsThermoK *k, double T)
{
  const double t0t = AS_T0 / T;
  return k->k0 * exp(k->a * (t0t - 1.0) + k->b * (1.0 + log(t0t) - t0t));
}

double as_thermo_kp_an_nb2(double T) { return exp(118.87 - 24084.0 / T - 6.025 * log(T)); }

void as_thermo_env_init(AsThermoEnv *e, double T, double rh)
{
  e->T = T;
  e->rh = rh;
  e->aw = fmin(fmax(rh, 0.01), 0.99);
  e->rt = AS_R_ATM * T;
  e->k1 = as_thermo_k(&as_k1, T);
  e->k4 = as_thermo_k(&as_k4, T);
  e->kw = as_thermo_k(&as_kw, T);
  e->ka = as_thermo_k(&as_k21, T) * as_thermo_k(&as_k22, T) / e->kw;
  e->k7 = as_thermo_k(&as_k7, T);
  e->k12 = as_thermo_k(&as_k12, T);
  e->k13 = as_thermo_k(&as_k13, T);
  /* nbar^2 -> (mol m-3)^2: 1 nbar = 1e-4 Pa, n = p / (R T) */
  const double nb = 1e-4 / (AS_R_SI * T);
  e->kp_an = as_thermo_kp_an_nb2(T) * nb * nb;
  const double tcf = 1.0 / T - 1.0 / AS_T0;
  e->drh_as = 0.7997 * exp(80.0 * tcf);
  e->drh_ab = 0.4000 * exp(384.0 * tcf);
  e->drh_lc = 0.6900 * exp(186.0 * tcf);
  e->drh_an = fmin(0.6183 * exp(852.0 * tcf), e->drh_as);
  /* activity-coefficient factors that depend on T only (as_thermo_act.c) */
  e->km_cf1 = 1.125 - 0.005 * (T - 273.0);
  e->km_cf2 = 0.125 - 0.005 * (T - 273.0);
  e->bromley_a = 0.511 * pow(298.0 / T, 1.5);
  as_thermo_binary_molalities(e->aw, &e->m0_as, &e->m0_ab, &e->m0_lc, &e->m0_sa, &e->m0_an);
}
