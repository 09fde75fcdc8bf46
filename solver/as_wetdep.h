/* as_wetdep.h — below-cloud scavenging coefficients (s-1) as pure functions: particles by the
 * Slinn collection efficiency on rain drops, gases by mass transfer to falling drops, and the
 * Henry-law dissolved fraction of a gas in cloud/rain water. Forms and constants: CAMx v7.20
 * scavrat.f (niravlekinwala/CAMxModel_v720 @efe7cf1f) and CMAQ scavwdep.F (USEPA/CMAQ @096e3279),
 * as collected in docs/science-aerosol-data.md C1-C2; sources in docs/science-aerosol-soa-removal.md.
 *
 *   drop diameter      d_r = 9.0e-4 P^0.21 m          (P rain rate, mm h-1)
 *   drop fall speed    v_r = 3.1e3 d_r m s-1          (liquid, T > 273 K)
 *   particles          L_p = 1.5 E (P/3.6e6) / d_r    (= 4.2e-7 P E / d_r, CAMx)
 *   gases (transfer)   L_g = 6 k_c (P/3.6e6) / (d_r v_r),  k_c = (D/d_r)(2 + 0.6 Re^1/2 Sc^1/3),
 *                      Re = d_r v_r/nu (drop diameter: Frossling/Ranz-Marshall)
 *   dissolved fraction f   = H* R T L / (1 + H* R T L)  (CMAQ: 1/(1 + rho_w/(WTBAR R T H*)))
 * E = Slinn (1983) Brownian + interception + impaction with Re = d_r v_r/(2 nu). */
#ifndef AS_WETDEP_H
#define AS_WETDEP_H
#include "as_status.h"

typedef struct {
  double d_r, v_r;         /* drop diameter m, fall speed m s-1 */
  double e_brown, e_int, e_imp, e; /* collection efficiency terms and total (<= 1) */
  double lambda;           /* scavenging coefficient, s-1 */
} AsWetPart;

/* Particle of diameter dp (m, 1e-9..1e-4) and density rho_p (kg m-3) below rain of P mm h-1
 * (0..500; P = 0 gives 0) at T (230..330 K) and p (3e4..1.1e5 Pa). */
AsStatus as_wetdep_particle(double P, double dp, double rho_p, double T, double p, AsWetPart *out);
/* Gas with molecular diffusivity D (m2 s-1, 1e-7..1e-4): irreversible (mass-transfer-limited)
 * uptake by the rain, s-1. Applies to very soluble gases (HNO3, NH3 in acid rain); bound a
 * reversible gas with as_wetdep_dissolved_fraction. */
AsStatus as_wetdep_gas_transfer(double P, double D, double T, double p, double *lambda);
/* Fraction of a gas dissolved in water at equilibrium: H* effective Henry constant (M atm-1,
 * >= 0), liquid water content lwc (kg m-3 air, >= 0). */
AsStatus as_wetdep_dissolved_fraction(double hstar, double T, double lwc, double *f);

#endif
