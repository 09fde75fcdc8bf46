/* as_pdep.h — size-resolved dry deposition velocity of particles, Zhang et al. (2001), Atmos.
 * Environ. 35:549-560, as pure functions with checked input (the static copy inside as_drydep.c
 * serves the model's own species; this one takes any diameter, density, pressure and any of
 * Zhang's 15 land-use categories, and returns every term for tests and diagnostics).
 *
 *   vd  = vg + 1/(Ra + Rs)
 *   Rs  = 1/(eps0 u* (EB + EIM + EIN) R1),  eps0 = 3
 *   EB  = Sc^-gamma,  Sc = nu/D_B,  D_B = kB T Cc/(3 pi mu dp)            (Brownian)
 *   EIM = (St/(alpha + St))^2                                            (impaction)
 *   EIN = 1/2 (dp/A)^2  (0 on smooth surfaces, A = "N/A")                  (interception)
 *   R1  = exp(-St^1/2)                                                     (rebound)
 *   St  = vg u* / (g A) with a collector A, else St = vg u*^2/(g nu) (smooth surfaces)
 *   vg  = rho_p dp^2 g Cc/(18 mu)                                          (settling)
 * alpha, gamma, A per LUC and season: Zhang et al. (2001) Table 3. Sources, the choice of the
 * smooth-surface Stokes number and the AsLandUse -> LUC map: docs/science-aerosol-soa-removal.md. */
#ifndef AS_PDEP_H
#define AS_PDEP_H
#include "as_status.h"

enum { AS_PDEP_NLUC = 15, AS_PDEP_NSEASON = 5 };

typedef struct {
  double dp;      /* particle diameter, m (1e-9 .. 1e-4) */
  double rho_p;   /* particle density, kg m-3 (100 .. 2e4) */
  double ustar;   /* friction velocity, m s-1 (> 0, <= 5) */
  double obukhov; /* Monin-Obukhov length, m (any sign; |L| > 1e5 = neutral); used only if ra <= 0 */
  double zref;    /* reference height, m (> z0); used only if ra <= 0 */
  double z0;      /* roughness length, m (> 0); used only if ra <= 0 */
  double ra;      /* aerodynamic resistance, s m-1: > 0 uses this value, <= 0 computes it
                     with as_drydep_ra (Businger-Dyer, as for gases) */
  double T;       /* air temperature, K (200 .. 340) */
  double p;       /* air pressure, Pa (3e4 .. 1.1e5) */
  int luc;        /* Zhang (2001) land-use category 1..15 */
  int season;     /* Zhang/Wesely seasonal category 1..5 (as_drydep_season(month)) */
} AsPdepInput;

typedef struct {
  double vd, vg;        /* deposition and settling velocity, m s-1 */
  double ra, rs;        /* s m-1 */
  double eb, eim, ein;  /* collection efficiencies */
  double r1, st, sc;    /* rebound factor, Stokes and Schmidt numbers */
  double cc, db;        /* slip correction, Brownian diffusivity (m2 s-1) */
} AsPdepResult;

/* Zhang LUC for a model land-use class (AsLandUse: urban 15, crop 7, forest 5, water 13,
 * grass 6). AS_ERR_ARG with one line for an unknown class. */
AsStatus as_pdep_luc_of_landuse(int landuse, int *luc);
/* The deposition velocity and its terms. AS_ERR_ARG with one line naming the bad item. */
AsStatus as_pdep_velocity(const AsPdepInput *in, AsPdepResult *out);
/* Pieces (no checks): dynamic viscosity (Sutherland), mean free path (kinetic theory), slip. */
double as_pdep_viscosity(double T);
double as_pdep_mean_free_path(double T, double p);
double as_pdep_slip(double dp, double T, double p);

#endif
