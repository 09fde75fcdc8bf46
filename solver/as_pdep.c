/* as_pdep.c — particle dry deposition, Zhang et al. (2001) (see as_pdep.h). Table 3 values as
 * transcribed in GEOS-Chem drydep_mod.F90 / CATChem DryDepScheme_ZHANG_Mod.F90 (AERO_SFCRSII);
 * docs/science-aerosol-data.md D1 and docs/science-aerosol-soa-removal.md. */
#include "as_pdep.h"
#include "as_drydep.h"
#include <math.h>

#define GRAV 9.81
#define KBOLTZ 1.380649e-23   /* J K-1 (SI 2019, exact) */
#define RGAS 8.314462618      /* J mol-1 K-1 (CODATA 2018) */
#define MAIR 0.0289644        /* kg mol-1, dry air (US Standard Atmosphere 1976) */
#define EPS0 3.0              /* Zhang et al. (2001) empirical constant */

/* Zhang et al. (2001) Table 3: alpha, gamma, A (mm) for seasons 1..5; A = 0 means N/A (smooth). */
static const double Z_ALPHA[AS_PDEP_NLUC] = {1.0, 0.6, 1.1, 0.8, 0.8, 1.2, 1.2, 50.0,
                                             50.0, 1.3, 2.0, 50.0, 100.0, 100.0, 1.5};
static const double Z_GAMMA[AS_PDEP_NLUC] = {0.56, 0.58, 0.56, 0.56, 0.56, 0.54, 0.54, 0.54,
                                             0.54, 0.54, 0.54, 0.54, 0.50, 0.50, 0.56};
static const double Z_A[AS_PDEP_NLUC][AS_PDEP_NSEASON] = {
    {2, 2, 2, 2, 2},      {5, 5, 5, 5, 5},      {2, 2, 5, 5, 2},      {5, 5, 10, 10, 5},
    {5, 5, 5, 5, 5},      {2, 2, 5, 5, 2},      {2, 2, 5, 5, 2},      {0, 0, 0, 0, 0},
    {0, 0, 0, 0, 0},      {10, 10, 10, 10, 10}, {10, 10, 10, 10, 10}, {0, 0, 0, 0, 0},
    {0, 0, 0, 0, 0},      {0, 0, 0, 0, 0},      {10, 10, 10, 10, 10}};

AsStatus as_pdep_luc_of_landuse(int landuse, int *luc)
{
  /* AsLandUse order: urban, crop, forest, water, grass (inputs/as_met.h) */
  static const int map[5] = {15, 7, 5, 13, 6};
  if (!luc) return as_error(AS_ERR_ARG, "", "as_pdep_luc_of_landuse", "NULL output");
  if (landuse < 0 || landuse >= 5)
    return as_error(AS_ERR_ARG, "", "landuse", "unknown land-use class %d (0..4)", landuse);
  *luc = map[landuse];
  return AS_OK;
}

double as_pdep_viscosity(double T) { return as_drydep_air_viscosity(T); }

double as_pdep_mean_free_path(double T, double p)
{
  /* lambda = 2 mu / (p sqrt(8 M / (pi R T)))  (Seinfeld & Pandis 2006, eq. 9.6) */
  return 2.0 * as_pdep_viscosity(T) / (p * sqrt(8.0 * MAIR / (M_PI * RGAS * T)));
}

double as_pdep_slip(double dp, double T, double p)
{
  /* Cc = 1 + Kn (1.257 + 0.4 exp(-1.1/Kn)), Kn = 2 lambda/dp (Seinfeld & Pandis 2006, eq. 9.34) */
  double kn = 2.0 * as_pdep_mean_free_path(T, p) / dp;
  return 1.0 + kn * (1.257 + 0.4 * exp(-1.1 / kn));
}

static int bad(double x, double lo, double hi) { return !(isfinite(x) && x >= lo && x <= hi); }

AsStatus as_pdep_velocity(const AsPdepInput *in, AsPdepResult *out)
{
  if (!in || !out) return as_error(AS_ERR_ARG, "", "as_pdep_velocity", "NULL argument");
  if (bad(in->dp, 1e-9, 1e-4)) return as_error(AS_ERR_ARG, "", "dp", "diameter %g m outside [1e-9, 1e-4] m", in->dp);
  if (bad(in->rho_p, 100.0, 2e4))
    return as_error(AS_ERR_ARG, "", "rho_p", "density %g kg m-3 outside [100, 2e4] kg m-3", in->rho_p);
  if (bad(in->ustar, 1e-6, 5.0)) return as_error(AS_ERR_ARG, "", "ustar", "u* %g m s-1 outside (0, 5] m s-1", in->ustar);
  if (bad(in->T, 200.0, 340.0)) return as_error(AS_ERR_ARG, "", "T", "temperature %g K outside [200, 340] K", in->T);
  if (bad(in->p, 3e4, 1.1e5)) return as_error(AS_ERR_ARG, "", "p", "pressure %g Pa outside [3e4, 1.1e5] Pa", in->p);
  if (in->luc < 1 || in->luc > AS_PDEP_NLUC)
    return as_error(AS_ERR_ARG, "", "luc", "Zhang land-use category %d outside 1..15", in->luc);
  if (in->season < 1 || in->season > AS_PDEP_NSEASON)
    return as_error(AS_ERR_ARG, "", "season", "seasonal category %d outside 1..5", in->season);
  double ra = in->ra;
  if (isnan(ra)) return as_error(AS_ERR_ARG, "", "ra", "aerodynamic resistance is NaN");
  if (!(ra > 0.0)) {
    if (bad(in->z0, 1e-6, 10.0)) return as_error(AS_ERR_ARG, "", "z0", "roughness %g m outside (0, 10] m", in->z0);
    if (bad(in->zref, in->z0, 1e4) || in->zref <= in->z0)
      return as_error(AS_ERR_ARG, "", "zref", "reference height %g m must exceed z0 = %g m", in->zref, in->z0);
    if (isnan(in->obukhov) || in->obukhov == 0.0)
      return as_error(AS_ERR_ARG, "", "obukhov", "Monin-Obukhov length must be nonzero, got %g m", in->obukhov);
    AsDepSurface sf = {0};
    sf.ustar = in->ustar;
    sf.obukhov = in->obukhov;
    sf.zref = in->zref;
    sf.z0 = in->z0;
    sf.t2 = in->T;
    ra = as_drydep_ra(&sf);
  }
  int l = in->luc - 1;
  double T = in->T, dp = in->dp, ust = in->ustar;
  double mu = as_pdep_viscosity(T);
  double rho_air = in->p * MAIR / (RGAS * T);
  double nu = mu / rho_air;
  double cc = as_pdep_slip(dp, T, in->p);
  double vg = in->rho_p * dp * dp * GRAV * cc / (18.0 * mu);
  double db = KBOLTZ * T * cc / (3.0 * M_PI * mu * dp);
  double sc = nu / db;
  double eb = pow(sc, -Z_GAMMA[l]);
  double A = Z_A[l][in->season - 1] * 1e-3, st, ein = 0.0;
  if (A > 0.0) {
    st = vg * ust / (GRAV * A);
    ein = 0.5 * (dp / A) * (dp / A);
  } else {
    st = vg * ust * ust / (GRAV * nu);
  }
  double q = st / (Z_ALPHA[l] + st);
  double eim = q * q;
  double r1 = exp(-sqrt(st));
  double rs = 1.0 / (EPS0 * ust * (eb + eim + ein) * r1);
  out->vd = vg + 1.0 / (ra + rs);
  out->vg = vg;
  out->ra = ra;
  out->rs = rs;
  out->eb = eb;
  out->eim = eim;
  out->ein = ein;
  out->r1 = r1;
  out->st = st;
  out->sc = sc;
  out->cc = cc;
  out->db = db;
  return AS_OK;
}
