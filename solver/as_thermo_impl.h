/* as_thermo_impl.h — internals shared by the as_thermo*.c files (not part of the public API).
 *
 * Units inside: amounts in mol m-3 of air, water W in kg m-3 of air, molality = amount / W,
 * pressures in atm, R*T in atm m3 mol-1. Constants and their sources: docs/science-aerosol-thermo.md. */
#ifndef AS_THERMO_IMPL_H
#define AS_THERMO_IMPL_H
#include "as_thermo.h"

/* electrolyte pairs whose mean activity coefficients are used (log10 stored) */
enum {
  AS_TP_H2SO4 = 0, /* 2H+ SO4--   (ISORROPIA pair 7)  */
  AS_TP_HHSO4,     /* H+ HSO4-    (pair 8)            */
  AS_TP_HNO3,      /* H+ NO3-     (pair 10)           */
  AS_TP_AS,        /* (NH4)2SO4   (pair 4)            */
  AS_TP_AB,        /* NH4HSO4     (pair 9)            */
  AS_TP_AN,        /* NH4NO3      (pair 5)            */
  AS_TP_LC,        /* (NH4)3H(SO4)2 (pair 13)         */
  AS_TP_N
};

/* Everything that depends on T and RH only: computed once per call. */
typedef struct {
  double T, rh, aw;       /* aw = RH clamped to the ZSR tables' [0.01, 0.99] */
  double rt;              /* R*T, atm m3 mol-1 */
  double k1;              /* HSO4- = H+ + SO4--, mol kg-1 */
  double k4;              /* HNO3(g) = H+ + NO3-, mol2 kg-2 atm-1 */
  double ka;              /* NH3(g) + H+ = NH4+ (K21*K22/Kw), atm-1 */
  double kw;              /* H2O = H+ + OH-, mol2 kg-2 */
  double k7, k12, k13;    /* (NH4)2SO4(s), NH4HSO4(s), (NH4)3H(SO4)2(s) solubility products */
  double kp_an;           /* NH4NO3(s) = NH3(g) + HNO3(g), (mol m-3)^2 (Mozurkewich 1993) */
  double drh_as, drh_ab, drh_lc, drh_an;
  double m0_as, m0_ab, m0_lc, m0_sa, m0_an; /* binary molalities at aw, mol kg-1 */
  double km_cf1, km_cf2;  /* KM temperature correction: 1.125 - 0.005 t, 0.125 - 0.005 t (t = T - 273) */
  double bromley_a;       /* Debye-Hueckel A of the Bromley mixing, 0.511 (298/T)^1.5 */
} AsThermoEnv;

/* One aqueous solution in equilibrium with the gas. */
typedef struct {
  double h, nh4, so4, hso4, no3, oh; /* mol m-3 air */
  double w;                          /* kg m-3 air; 0 = no liquid */
  double ionic;                      /* mol kg-1 */
  double lg[AS_TP_N];                /* log10 mean activity coefficients */
  double resid;                      /* activity fixed-point residual (log10 units) */
  int iters, evals;
} AsThermoLiquid;

/* as_thermo_const.c */
void as_thermo_env_init(AsThermoEnv *e, double T, double rh);
double as_thermo_kp_an_nb2(double T); /* Mozurkewich (1993) Kp of NH4NO3(s), nbar^2 */

/* as_thermo_water.c: ZSR water (kg m-3) of a solution with sulfate s, ammonium a, nitrate n */
void as_thermo_binary_molalities(double aw, double *m_as, double *m_ab, double *m_lc,
                                 double *m_sa, double *m_an);
double as_thermo_zsr(const AsThermoEnv *e, double s, double a, double n);

/* as_thermo_act.c: log10 mean activity coefficients from molalities (mol kg-1) */
void as_thermo_activity(const AsThermoEnv *e, double m_h, double m_nh4, double m_so4,
                        double m_hso4, double m_no3, double *ionic, double lg[AS_TP_N]);

/* as_thermo_liquid.c: the aqueous solution for totals (ts, ta, tn); liq->lg on entry is the
 * starting guess (zeros are fine). Returns AS_ERR_NUMERIC without recording a message when a
 * cap is hit (the caller names the inputs). liq->w = 0 when no liquid can exist. */
AsStatus as_thermo_liquid_solve(const AsThermoEnv *e, double ts, double ta, double tn,
                                AsThermoLiquid *liq);

#endif
