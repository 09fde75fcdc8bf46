/* as_wetdep.c — below-cloud scavenging coefficients (see as_wetdep.h). */
#include "as_wetdep.h"
#include "as_pdep.h"
#include <math.h>

#define GRAV 9.81
#define KBOLTZ 1.380649e-23
#define RGAS 8.314462618
#define MAIR 0.0289644
#define RHO_W 1000.0         /* kg m-3 */
#define MU_W 1.0e-3          /* water viscosity, kg m-1 s-1 (CAMx scavrat.f) */
#define R_LATM 0.082057366   /* L atm mol-1 K-1 (= RGAS/101.325) */

static int bad(double x, double lo, double hi) { return !(isfinite(x) && x >= lo && x <= hi); }

static void drop(double P, double *d_r, double *v_r)
{
  *d_r = 9.0e-4 * pow(P, 0.21);
  *v_r = 3.1e3 * *d_r;
}

static AsStatus check_met(double P, double T, double p)
{
  if (bad(P, 0.0, 500.0)) return as_error(AS_ERR_ARG, "", "rain", "rate %g mm h-1 outside [0, 500]", P);
  if (bad(T, 230.0, 330.0)) return as_error(AS_ERR_ARG, "", "T", "temperature %g K outside [230, 330] K", T);
  if (bad(p, 3e4, 1.1e5)) return as_error(AS_ERR_ARG, "", "p", "pressure %g Pa outside [3e4, 1.1e5] Pa", p);
  return AS_OK;
}

AsStatus as_wetdep_particle(double P, double dp, double rho_p, double T, double p, AsWetPart *out)
{
  if (!out) return as_error(AS_ERR_ARG, "", "as_wetdep_particle", "NULL output");
  AS_CALL(check_met(P, T, p));
  if (bad(dp, 1e-9, 1e-4)) return as_error(AS_ERR_ARG, "", "dp", "diameter %g m outside [1e-9, 1e-4] m", dp);
  if (bad(rho_p, 100.0, 2e4)) return as_error(AS_ERR_ARG, "", "rho_p", "density %g kg m-3 outside [100, 2e4]", rho_p);
  *out = (AsWetPart){0};
  if (P == 0.0) return AS_OK;
  double d_r, v_r;
  drop(P, &d_r, &v_r);
  double mu = as_pdep_viscosity(T), rho_a = p * MAIR / (RGAS * T), nu = mu / rho_a;
  double cc = as_pdep_slip(dp, T, p);
  double db = KBOLTZ * T * cc / (3.0 * M_PI * mu * dp);
  double tau = rho_p * dp * dp * cc / (18.0 * mu); /* particle relaxation time, s */
  double re = d_r * v_r / (2.0 * nu), sc = nu / db;
  double sre = sqrt(re);
  double eb = 4.0 / (re * sc) * (1.0 + 0.4 * sre * cbrt(sc) + 0.16 * sre * sqrt(sc));
  double phi = dp / d_r;
  double ei = 4.0 * phi * (mu / MU_W + (1.0 + 2.0 * sre) * phi);
  double st = 2.0 * tau * fmax(v_r - tau * GRAV, 0.0) / d_r;
  double lr = log(1.0 + re), sstar = (1.2 + lr / 12.0) / (1.0 + lr);
  double em = 0.0;
  if (st > sstar) em = sqrt(RHO_W / rho_p) * pow((st - sstar) / (st - sstar + 2.0 / 3.0), 1.5);
  double e = fmin(eb + ei + em, 1.0);
  out->d_r = d_r;
  out->v_r = v_r;
  out->e_brown = eb;
  out->e_int = ei;
  out->e_imp = em;
  out->e = e;
  out->lambda = 1.5 * e * (P / 3.6e6) / d_r;
  return AS_OK;
}

AsStatus as_wetdep_gas_transfer(double P, double D, double T, double p, double *lambda)
{
  if (!lambda) return as_error(AS_ERR_ARG, "", "as_wetdep_gas_transfer", "NULL output");
  AS_CALL(check_met(P, T, p));
  if (bad(D, 1e-7, 1e-4)) return as_error(AS_ERR_ARG, "", "D", "diffusivity %g m2 s-1 outside [1e-7, 1e-4]", D);
  *lambda = 0.0;
  if (P == 0.0) return AS_OK;
  double d_r, v_r;
  drop(P, &d_r, &v_r);
  double nu = as_pdep_viscosity(T) / (p * MAIR / (RGAS * T));
  /* Frossling / Ranz-Marshall Sherwood number uses the drop DIAMETER in Re (unlike Slinn's E) */
  double re = d_r * v_r / nu, sc = nu / D;
  double kc = D / d_r * (2.0 + 0.6 * sqrt(re) * cbrt(sc));
  *lambda = 6.0 * kc * (P / 3.6e6) / (d_r * v_r);
  return AS_OK;
}

AsStatus as_wetdep_dissolved_fraction(double hstar, double T, double lwc, double *f)
{
  if (!f) return as_error(AS_ERR_ARG, "", "as_wetdep_dissolved_fraction", "NULL output");
  if (!(hstar >= 0.0) || isnan(hstar)) return as_error(AS_ERR_ARG, "", "hstar", "Henry constant %g M atm-1 must be >= 0", hstar);
  if (bad(T, 230.0, 330.0)) return as_error(AS_ERR_ARG, "", "T", "temperature %g K outside [230, 330] K", T);
  if (bad(lwc, 0.0, 0.1)) return as_error(AS_ERR_ARG, "", "lwc", "liquid water %g kg m-3 outside [0, 0.1]", lwc);
  if (isinf(hstar)) { *f = lwc > 0.0 ? 1.0 : 0.0; return AS_OK; }
  double x = hstar * R_LATM * T * (lwc / RHO_W);
  *f = x / (1.0 + x);
  return AS_OK;
}
