/* as_aqchem.h — bulk cloud-water sulfate chemistry (RADM/CMAQ aqchem-style bulk scheme: Walcek &
 * Taylor 1986, J. Atmos. Sci. 43:339; Seinfeld & Pandis, ch. 7). One well-mixed drop population:
 * Henry's law + dissociation (closed system for SO2, HNO3, NH3; open for CO2 at a fixed mixing ratio),
 * pH from the charge balance (Brent on ln[H+], capped), S(IV) oxidation by H2O2 (Hoffmann & Calvert)
 * and O3 (Hoffmann 1986 k0,k1,k2) over dt with adaptive sub-steps, pH re-solved as sulfate forms.
 * Fe/Mn-catalysed O2 oxidation is NOT included (airshed has no Fe/Mn species; see the docs).
 * Constants and the scheme: docs/science-aerosol-aqchem.md.
 *
 * Conservation by construction: each sub-step computes the H2O2 and O3 losses (each <= its amount) and
 * moves their sum, clipped to the S(IV) available, from SO2 to SULF as ONE transfer; H2O2 and O3 lose
 * exactly what their own path oxidised. One AsAqchem per OpenMP thread; apply does not allocate and has
 * no global state. */
#ifndef AS_AQCHEM_H
#define AS_AQCHEM_H
#include "as_status.h"

/* c[] order, all mol m-3 of air (gas + dissolved, i.e. the cell totals). */
enum {
  AS_AQ_SO2 = 0,  /* S(IV): SO2(g) + SO2.H2O + HSO3- + SO3-- */
  AS_AQ_SULF = 1, /* S(VI): H2SO4(g) + particle/dissolved sulfate (HSO4- + SO4--) */
  AS_AQ_H2O2 = 2,
  AS_AQ_O3 = 3,
  AS_AQ_HNO3 = 4, /* total nitrate: HNO3(g) + HNO3(aq) + NO3- */
  AS_AQ_NH3 = 5,  /* total ammonia: NH3(g) + NH3.H2O + NH4+ */
  AS_AQ_N = 6
};

typedef struct AsAqchem AsAqchem;

typedef struct {
  int active;              /* 0: lwc <= 0 or dt == 0, nothing done (c unchanged) */
  double ph0, ph;          /* pH (-log10 [H+], M, no activity) at the start and at the end */
  double d_sulf_h2o2;      /* sulfate formed by the H2O2 path, mol m-3 air (= H2O2 consumed) */
  double d_sulf_o3;        /* sulfate formed by the O3 path, mol m-3 air (= O3 consumed) */
  double d_sulf;           /* total S moved SO2 -> SULF, mol m-3 air */
  double frac_aq_so2;      /* dissolved fraction of S(IV) at the end */
  int substeps, rejected;  /* accepted / rejected sub-steps */
  int ph_solves, ph_evals; /* charge-balance solves and function evaluations */
  int capped;              /* 1: the sub-step cap was hit, the rest of dt was taken in one step */
} AsAqResult;

AsStatus as_aqchem_create(AsAqchem **a);
/* CO2 mixing ratio (mol/mol), default 415e-6 (EST, see docs); finite, in [0, 0.1]. */
AsStatus as_aqchem_set_co2(AsAqchem *a, double co2_mol_mol);
/* T_K in [200, 330], p_Pa in [1e3, 1.2e5], lwc_kg_m3 (cloud liquid water, kg m-3 air; <= 0: no-op),
 * dt_s >= 0, c[AS_AQ_N] finite and >= 0 (in/out). r may be NULL. Errors: AS_ERR_ARG (one line naming
 * the item), AS_ERR_NUMERIC (charge balance not bracketed — not seen). */
AsStatus as_aqchem_apply(AsAqchem *a, double T_K, double p_Pa, double lwc_kg_m3, double dt_s,
                         double c[AS_AQ_N], AsAqResult *r);
/* pH (no reaction) of the cloud for the given totals — the equilibrium part of apply. */
AsStatus as_aqchem_ph(AsAqchem *a, double T_K, double p_Pa, double lwc_kg_m3, const double c[AS_AQ_N],
                      double *ph);
void as_aqchem_destroy(AsAqchem **a);

#endif
