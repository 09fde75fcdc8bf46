/* as_met_similarity.c — surface-layer similarity, solar position, energy balance, K-theory.
 *
 * Monin-Obukhov similarity (Businger et al. 1971 form with Dyer 1974 coefficients):
 *   zeta = z/L,  L = -rho cp T u*^3 / (k g H)
 *   unstable  phi_m = (1 - 16 zeta)^(-1/4), phi_h = (1 - 16 zeta)^(-1/2),
 *             psi_m = 2 ln((1+x)/2) + ln((1+x^2)/2) - 2 atan x + pi/2, x = (1-16 zeta)^(1/4)
 *             (Paulson 1970)
 *   stable    phi_m = phi_h = 1 + 5 zeta, psi_m = -5 zeta (zeta <= 1);
 *             phi = 6, psi_m = -5 - 5 ln zeta for zeta > 1 (Hicks 1976 cap)
 *   U(z) = u* / k [ln(z/z0) - psi_m(z/L) + psi_m(z0/L)],  k = 0.4
 * Night: theta* = 0.09 (1 - 0.5 N^2) K, H = -rho cp u* theta* (Holtslag & van Ulden 1983, eq. 12),
 *   L = T u*^2 / (k g theta*) (Venkatram 1980).
 * Energy balance (Holtslag & van Ulden 1983, eqs. 4-9; Kasten & Czeplak 1980 for K):
 *   K = (a1 sin b + a2)(1 - b1 N^b2), a1 = 990, a2 = -30 W m-2, b1 = 0.75, b2 = 3.4
 *   Q* = ((1-r) K + c1 T^6 - sigma T^4 + c2 N) / (1 + c3), c1 = 5.31e-13 W m-2 K-6, c2 = 60 W m-2,
 *        c3 = 0.12
 *   H = ((1 - a) + gamma/s) / (1 + gamma/s) (1 - cg) Q* - beta,  cg = 0.1, beta = 20 W m-2
 *   (a: Priestley-Taylor moisture parameter, r: albedo, per land use, see docs/science.md).
 * Solar position: declination and equation of time from Spencer (1971) Fourier series.
 * Kz (Holtslag & Boville 1993, eq. 3.7 with the surface-layer velocity scale):
 *   Kz = k u* z / phi_h(min(z, 0.1 h)/L) (1 - z/h)^2 for z < h, floored at kz_min; kz_min above h.
 */
#include "as_met_similarity.h"
#include "as_met.h"
#include <math.h>
#include <time.h>

double as_mo_psi_m(double zeta)
{
  if (zeta < 0) {
    double x = pow(1.0 - 16.0 * zeta, 0.25);
    return 2.0 * log(0.5 * (1.0 + x)) + log(0.5 * (1.0 + x * x)) - 2.0 * atan(x) + M_PI / 2;
  }
  if (zeta <= 1.0) return -5.0 * zeta;
  return -5.0 - 5.0 * log(zeta);
}

double as_mo_phi_h(double zeta)
{
  if (zeta < 0) return 1.0 / sqrt(1.0 - 16.0 * zeta);
  return zeta <= 1.0 ? 1.0 + 5.0 * zeta : 6.0;
}

double as_mo_speed(double z, double ustar, double L, double z0)
{
  double s = log(z / z0) - as_mo_psi_m(z / L) + as_mo_psi_m(z0 / L);
  return ustar / AS_KARMAN * s;
}

void as_mo_solve(double U, double zr, double z0, double T, double rho, double *H, double thstar,
                 double *ustar, double *L)
{
  const double k = AS_KARMAN, g = AS_GRAV;
  double us, l;
  if (*H > 0.0) {
    us = k * U / log(zr / z0);
    for (int it = 0; it < 60; it++) {
      l = -rho * AS_CP * T * us * us * us / (k * g * *H);
      double un = k * U / (log(zr / z0) - as_mo_psi_m(zr / l) + as_mo_psi_m(z0 / l));
      double d = un - us;
      us = un;
      if (fabs(d) < 1e-9) break;
    }
    *ustar = us;
    *L = -rho * AS_CP * T * us * us * us / (k * g * *H);
    return;
  }
  /* stable: closed form of U = u* / C_D + u0^2/u*, C_D = k / ln(zr/z0), u0^2 = 5 zr g theta* / T
   * (Venkatram 1980); below the critical speed U_cr = 2 u0 / sqrt(C_D) theta* is reduced by
   * U/U_cr (AERMOD formulation, Cimorelli et al. 2004, EPA-454/R-03-004, sec. 3.3). */
  double cd = k / log(zr / z0), u02 = 5.0 * zr * g * thstar / T;
  double ucr = 2.0 * sqrt(u02) / sqrt(cd), th = thstar;
  if (U >= ucr) {
    us = 0.5 * cd * U * (1.0 + sqrt(1.0 - ucr * ucr / (U * U)));
  } else {
    us = 0.5 * cd * U;
    th = thstar * U / ucr;
  }
  if (us < 0.01) us = 0.01;
  if (th < 1e-6) th = 1e-6;
  *ustar = us;
  *L = T * us * us / (k * g * th);
  *H = -rho * AS_CP * us * th;
}

double as_solar_sin_elevation(double t, double lon, double lat)
{
  time_t tt = (time_t)floor(t);
  struct tm tm;
  gmtime_r(&tt, &tm);
  double hour = tm.tm_hour + tm.tm_min / 60.0 + (tm.tm_sec + (t - floor(t))) / 3600.0;
  double gam = 2.0 * M_PI / 365.0 * (tm.tm_yday + (hour - 12.0) / 24.0);
  double decl = 0.006918 - 0.399912 * cos(gam) + 0.070257 * sin(gam) - 0.006758 * cos(2 * gam) +
                0.000907 * sin(2 * gam) - 0.002697 * cos(3 * gam) + 0.00148 * sin(3 * gam);
  double eqt = 229.18 * (0.000075 + 0.001868 * cos(gam) - 0.032077 * sin(gam) -
                         0.014615 * cos(2 * gam) - 0.040849 * sin(2 * gam)); /* minutes */
  double tst = hour * 60.0 + eqt + 4.0 * lon;                             /* true solar time */
  double ha = (tst / 4.0 - 180.0) * M_PI / 180.0;
  double phi = lat * M_PI / 180.0;
  return sin(phi) * sin(decl) + cos(phi) * cos(decl) * cos(ha);
}

double as_sfc_kdown(double sinb, double N)
{
  double k = (990.0 * sinb - 30.0) * (1.0 - 0.75 * pow(N, 3.4));
  return k > 0 ? k : 0.0;
}

/* per land use (AsLandUse order: urban, crop, forest, water, grass): albedo, Priestley-Taylor a */
static const double albedo[AS_LU_NCAT] = {0.18, 0.20, 0.15, 0.08, 0.23};
static const double pt_alpha[AS_LU_NCAT] = {0.5, 1.0, 1.0, 1.2, 0.9};

double as_esat(double T) { return 611.2 * exp(17.67 * (T - 273.15) / (T - 29.65)); }

double as_sfc_heat_flux(double kdown, double N, double T, double p, int lu)
{
  const double sigma = 5.670374e-8;
  double qnet = ((1.0 - albedo[lu]) * kdown + 5.31e-13 * pow(T, 6) - sigma * pow(T, 4) + 60.0 * N) /
                1.12;
  double es = as_esat(T), qs = 0.622 * es / p;
  double s = qs * 17.67 * 243.5 / ((T - 29.65) * (T - 29.65)); /* dqs/dT, K-1 */
  double gos = (AS_CP / 2.501e6) / s;
  return ((1.0 - pt_alpha[lu]) + gos) / (1.0 + gos) * 0.9 * qnet - 20.0;
}

double as_sfc_thetastar(double N) { return 0.09 * (1.0 - 0.5 * N * N); }

double as_kz_profile(double z, double h, double ustar, double L, double kz_min)
{
  if (z >= h) return kz_min;
  double zs = z < 0.1 * h ? z : 0.1 * h;
  double r = 1.0 - z / h;
  double kz = AS_KARMAN * ustar * z / as_mo_phi_h(zs / L) * r * r;
  return kz > kz_min ? kz : kz_min;
}
