/* as_met_similarity.h — private to inputs/as_met*.c: surface-layer similarity, solar position,
 * surface energy balance, boundary-layer height and K-theory (equations and sources in
 * as_met_similarity.c and docs/science.md). */
#ifndef AS_MET_SIMILARITY_H
#define AS_MET_SIMILARITY_H

#define AS_KARMAN 0.4
#define AS_GRAV 9.80665
#define AS_CP 1005.0
#define AS_RD 287.053

double as_mo_psi_m(double zeta);
double as_mo_phi_h(double zeta);
/* wind speed at height z from u*, L, z0 (log-linear profile with stability corrections) */
double as_mo_speed(double z, double ustar, double L, double z0);
/* Solve u* and L from the speed U at height zr over roughness z0. Unstable (H > 0): the heat flux
 * H (W m-2) is given. Stable/neutral (H <= 0): the temperature scale thstar (K, > 0) is given and
 * *H is returned (-rho cp u* theta*). */
void as_mo_solve(double U, double zr, double z0, double T, double rho, double *H, double thstar,
                 double *ustar, double *L);
/* sine of the solar elevation at time t (s since 1970 UTC) and lon/lat (degrees) */
double as_solar_sin_elevation(double t, double lon, double lat);
/* Holtslag & van Ulden (1983) energy balance: global radiation K (W m-2) for sin(elevation) and
 * cloud fraction N, and the sensible heat flux H (W m-2, daytime formula; may be negative). */
double as_sfc_kdown(double sinb, double N);
double as_sfc_heat_flux(double kdown, double N, double T, double p, int landuse);
/* night-time temperature scale theta* (K) for cloud fraction N (Holtslag & van Ulden 1983) */
double as_sfc_thetastar(double N);
/* K-theory vertical diffusivity at height z (Holtslag & Boville 1993 form, see .c) */
double as_kz_profile(double z, double h, double ustar, double L, double kz_min);
/* saturation vapour pressure over water, Pa (Bolton 1980), T in K */
double as_esat(double T);

#endif
