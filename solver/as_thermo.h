/* as_thermo.h — inorganic aerosol thermodynamics: the sulfate–nitrate–ammonium–water system in
 * equilibrium with gas-phase HNO3 and NH3 (H2SO4 entirely in the particle). The forward problem of
 * ISORROPIA II (Fountoukis & Nenes 2007, ACP 7:4639; Nenes et al. 1998, Aquat. Geochem. 4:123)
 * restricted to SO4/NO3/NH4/H2O, written here from the papers and the published constants; every
 * constant and the scheme are in docs/science-aerosol-thermo.md.
 *
 *   totals (mol m-3 air): TS = H2SO4 + particle sulfate, TA = NH3(g) + NH4+, TN = HNO3(g) + NO3-
 *   liquid: H+, NH4+, SO4--, HSO4-, NO3-, OH-, water by ZSR; activity by Kusik–Meissner + Bromley
 *   solids ("stable" only): (NH4)2SO4, NH4HSO4, (NH4)3H(SO4)2, NH4NO3
 *
 * Conservation is by construction: particle amounts are clipped to [0, total] and the gas is
 * total − particle, so S and N balance to round-off. One AsThermo per OpenMP thread; equilibrate
 * does not allocate and has no global state (deterministic). */
#ifndef AS_THERMO_H
#define AS_THERMO_H
#include "as_status.h"

typedef struct AsThermo AsThermo;

/* Regime by the sulfate ratio R = TA/TS (Nenes et al. 1998, sec. 3). */
typedef enum {
  AS_THERMO_NO_SULFATE = 0,   /* TS = 0: NH3–HNO3–H2O only */
  AS_THERMO_AMMONIA_RICH = 1, /* R >= 2 ("sulfate poor") */
  AS_THERMO_SULFATE_RICH = 2, /* 1 <= R < 2 */
  AS_THERMO_FREE_ACID = 3     /* R < 1: free H2SO4 */
} AsThermoRegime;

/* Phase state of the particle. */
typedef enum {
  AS_THERMO_NONE = 0,   /* nothing in the particle */
  AS_THERMO_LIQUID = 1, /* aqueous only */
  AS_THERMO_SOLID = 2,  /* solids only, no water (RH below the mutual deliquescence RH) */
  AS_THERMO_MIXED = 3   /* one solid in equilibrium with a saturated solution */
} AsThermoPhase;

typedef struct {
  double gas_hno3, gas_nh3;     /* gas, mol m-3 air (= total - particle, exactly) */
  double p_so4;                 /* particle sulfate (SO4-- + HSO4- + solids) = TS, mol m-3 */
  double p_no3, p_nh4;          /* particle nitrate and ammonium (liquid + solid), mol m-3 */
  double aq_h, aq_nh4, aq_so4, aq_hso4, aq_no3; /* liquid-phase ions, mol m-3 air */
  double water;                 /* aerosol liquid water, kg m-3 air (x 1e9 for ug m-3) */
  double h_molal;               /* H+ molality, mol kg-1 (0 without water) */
  double ph;                    /* -log10(H+ molality), free H+, no activity (0 without water) */
  double ionic;                 /* ionic strength, mol kg-1 (0 without water) */
  double s_nh42so4, s_nh4hso4, s_lc, s_nh4no3; /* solids, mol m-3 ("stable" only; lc = letovicite) */
  double act_residual;          /* self-consistency of the activity coefficients, log10 units:
                                   < 1e-8 normally, <= 2e-2 where no exact fixed point exists */
  int regime;                   /* AsThermoRegime */
  int phase;                    /* AsThermoPhase */
  int case_code;                /* 10*regime + phase, one number for logs */
  int iterations;               /* activity-coefficient sweeps (summed over the solves made) */
  int evals;                    /* charge-balance evaluations (the innermost work) */
} AsThermoResult;

/* state: "metastable" (default when NULL or ""; aqueous only, as ISORROPIA's CNTRL(2)=1) or
 * "stable" (solids allowed, CNTRL(2)=0). */
AsStatus as_thermo_create(const char *state, AsThermo **t);
/* T_K in [200, 330] K, RH in [0, 1], tot[3] = {TS, TA, TN} mol m-3 air, each finite and >= 0.
 * Errors: AS_ERR_ARG (bad input, one line naming the item), AS_ERR_NUMERIC (a solve hit its
 * iteration cap; one line with the inputs). */
AsStatus as_thermo_equilibrate(AsThermo *t, double T_K, double RH, const double tot[3],
                               AsThermoResult *r);
/* "metastable" or "stable" */
const char *as_thermo_state(const AsThermo *t);
void as_thermo_destroy(AsThermo **t);

#endif
