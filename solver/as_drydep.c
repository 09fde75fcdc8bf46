/* as_drydep.c — dry deposition velocities by the resistance model.
 *
 *   gases:     vd = 1/(Ra + Rb + Rc)                       Wesely (1989) Atmos. Environ. 23:1293
 *   particles: vd = vg + 1/(Ra + Rs),
 *              Rs = 1/(eps0 u* (E_B + E_IM + E_IN) R1)      Zhang et al. (2001) Atmos. Environ. 35:549
 *
 *   Ra = [ln(z/z0) - psi_h(z/L) + psi_h(z0/L)] / (kappa u*)  (Businger-Dyer: Dyer 1974, Paulson 1970)
 *   Rb = 2/(kappa u*) (Sc/Pr)^(2/3)                          (Wesely & Hicks 1977)
 *   Rc = 1/[1/(Rs+Rm) + 1/Rlu + 1/(Rdc+Rcl) + 1/(Rac+Rgs)]   (Wesely 1989 eqs. 2-9)
 *
 * Every constant and table, with its source and the land-use/season mapping used for the belt,
 * is in docs/science.md ("Dry deposition").
 */
#include "as_drydep.h"
#include <math.h>
#include <time.h>

#define KAPPA 0.4          /* von Karman constant */
#define PRANDTL 0.72       /* Prandtl number of air */
#define GRAV 9.81
#define BOLTZ 1.380649e-23
#define USTAR_MIN 0.05     /* m s-1: floor that keeps Ra finite in calms (documented) */
#define RBIG 1.0e25        /* "no pathway" (Wesely's 9999 entries) */

/* Wesely (1989) Table 3 columns used for the AsLandUse classes: urban 1, agricultural 2, mixed
 * forest 6, water 7, range 3 (order of AsLandUse: urban, crop, forest, water, grass). Rows are
 * the 5 seasons. 9999 = no uptake by that pathway. Every entry checked against the Table 3
 * transcription in github.com/ctessum/atmos wesely1989/data.go (r_i, r_lu, r_ac, r_gsS, r_gsO,
 * r_clS, r_clO; columns 1, 2, 6, 7, 3). */
enum { NSEASON = 5 };
static const double W_RI[NSEASON][AS_LU_NCAT] = {
    {9999, 60, 100, 9999, 120}, {9999, 9999, 500, 9999, 9999}, {9999, 9999, 500, 9999, 9999},
    {9999, 9999, 800, 9999, 9999}, {9999, 120, 190, 9999, 240}};
static const double W_RLU[NSEASON][AS_LU_NCAT] = {
    {9999, 2000, 2000, 9999, 2000}, {9999, 9000, 8000, 9999, 9000}, {9999, 9999, 8000, 9999, 9000},
    {9999, 9999, 9000, 9999, 9999}, {9999, 4000, 3000, 9999, 4000}};
static const double W_RAC[NSEASON][AS_LU_NCAT] = {
    {100, 200, 2000, 0, 100}, {100, 150, 1700, 0, 100}, {100, 10, 1500, 0, 100},
    {100, 10, 1500, 0, 10}, {100, 50, 1500, 0, 80}};
static const double W_RGSS[NSEASON][AS_LU_NCAT] = {
    {400, 150, 100, 0, 350}, {400, 200, 100, 0, 350}, {400, 150, 200, 0, 350},
    {100, 100, 100, 0, 100}, {500, 150, 200, 0, 350}};
static const double W_RGSO[NSEASON][AS_LU_NCAT] = {
    {300, 150, 300, 2000, 200}, {300, 150, 300, 2000, 200}, {300, 150, 300, 2000, 200},
    {600, 3500, 3500, 2000, 3500}, {300, 150, 300, 2000, 200}};
static const double W_RCLS[NSEASON][AS_LU_NCAT] = {
    {9999, 2000, 2000, 9999, 2000}, {9999, 9000, 4000, 9999, 9000}, {9999, 9999, 6000, 9999, 9000},
    {9999, 9999, 400, 9999, 9999}, {9999, 4000, 3000, 9999, 4000}};
static const double W_RCLO[NSEASON][AS_LU_NCAT] = {
    {9999, 1000, 1000, 9999, 1000}, {9999, 400, 600, 9999, 400}, {9999, 1000, 600, 9999, 400},
    {9999, 1000, 600, 9999, 1000}, {9999, 1000, 700, 9999, 500}};

/* Zhang et al. (2001) Table 3 for their classes crops/mixed farming 7, grass 6, mixed broadleaf
 * and needleleaf trees 5, inland water 13, urban 15 (mapped to AsLandUse order). A = collector
 * radius (mm; 0 = smooth surface, "N/A" in the table), per season. Checked against the Table 3
 * transcriptions in github.com/geoschem/geos-chem GeosCore/drydep_mod.F90 (AERO_SFCRSII:
 * ALPHA(15), GAMMA(15), A(15,5)) and github.com/AndSchmitz/ddpart
 * R/GetLandUseParametersZhang2001 (LUC 5-7). */
static const double Z_ALPHA[AS_LU_NCAT] = {1.5, 1.2, 0.8, 100.0, 1.2};
static const double Z_GAMMA[AS_LU_NCAT] = {0.56, 0.54, 0.56, 0.50, 0.54};
static const double Z_A_MM[NSEASON][AS_LU_NCAT] = {
    {10, 2, 5, 0, 2}, {10, 2, 5, 0, 2}, {10, 5, 5, 0, 5}, {10, 5, 5, 0, 5}, {10, 2, 5, 0, 2}};

int as_drydep_season(int month)
{
  /* 1 midsummer, 2 autumn unharvested, 3 late autumn/no snow, 4 winter with snow, 5 spring.
   * The belt's winter (Changzhou January mean ~4 C) rarely has lying snow: Dec-Feb use 3. */
  static const int season[12] = {3, 3, 5, 5, 5, 1, 1, 1, 2, 2, 3, 3};
  if (month < 1 || month > 12) return 1;
  return season[month - 1];
}

static double psi_h(double zeta)
{
  if (zeta >= 0) return -5.0 * zeta;              /* stable, Dyer (1974) */
  double y = sqrt(1.0 - 16.0 * zeta);             /* unstable, Paulson (1970) */
  return 2.0 * log(0.5 * (1.0 + y));
}

double as_drydep_ra(const AsDepSurface *sf)
{
  double ust = fmax(sf->ustar, USTAR_MIN);
  double z0 = fmax(sf->z0, 1e-4);
  double z = fmax(sf->zref, 2.0 * z0);
  double L = sf->obukhov;
  double zeta = (fabs(L) > 1e-3) ? z / L : (L >= 0 ? 1.0 : -1e3);
  double zeta0 = (fabs(L) > 1e-3) ? z0 / L : 0.0;
  if (zeta > 1.0) { zeta0 *= 1.0 / zeta; zeta = 1.0; } /* cap strong stability at z/L = 1 */
  double ra = (log(z / z0) - psi_h(zeta) + psi_h(zeta0)) / (KAPPA * ust);
  return fmax(ra, 0.1);
}

double as_drydep_air_viscosity(double t) /* dynamic, Pa s: Sutherland (US Std. Atm. 1976) */
{
  return 1.458e-6 * t * sqrt(t) / (t + 110.4);
}

static double air_kinematic(double t) { return as_drydep_air_viscosity(t) * 287.05 * t / 101325.0; }

/* water vapour diffusivity in air, m2 s-1 (Massman 1998, at 1 atm; 2.178e-5 at 273.15 K and the
 * T^1.81 law as transcribed in github.com/wusunlab/SoilTracers.jl src/physchem/diffus.jl) */
static double d_h2o(double t) { return 2.178e-5 * pow(t / 273.15, 1.81); }

static double gas_diffusivity(const AsSpecies *sp, double t)
{
  if (sp->diffusivity > 0) return sp->diffusivity;
  double m = sp->molar_mass > 0 ? sp->molar_mass : 29.0;
  return d_h2o(t) * sqrt(18.0 / m);                 /* Graham's law estimate */
}

double as_drydep_rb_gas(const AsDepSurface *sf, double diffusivity)
{
  double ust = fmax(sf->ustar, USTAR_MIN);
  double sc = air_kinematic(sf->t2) / diffusivity;
  return 2.0 / (KAPPA * ust) * pow(sc / PRANDTL, 2.0 / 3.0);
}

static double tab(double v) { return v >= 9999 ? RBIG : v; }
static double cond(double r) { return r >= RBIG ? 0.0 : 1.0 / fmax(r, 1e-3); }

double as_drydep_rc_gas(const AsDepSurface *sf, const AsSpecies *sp)
{
  int is = as_drydep_season(sf->month) - 1, lu = sf->landuse;
  if (lu < 0 || lu >= AS_LU_NCAT) lu = AS_LU_CROP;
  double h = sp->henry, f0 = sp->f0;
  double G = fmax(sf->swdown, 0.0), ts = sf->t2 - 273.15;
  double ri = tab(W_RI[is][lu]);
  double rs = RBIG;
  if (ri < RBIG && ts > 0.0 && ts < 40.0)
    rs = ri * (1.0 + pow(200.0 / (G + 0.1), 2)) * (400.0 / (ts * (40.0 - ts)));
  if (rs < RBIG) {
    rs *= d_h2o(sf->t2) / gas_diffusivity(sp, sf->t2);
    if (sf->wet) rs *= 3.0;                         /* stomata blocked by water films */
  }
  double rm = 1.0 / (h / 3000.0 + 100.0 * f0);
  double chem = 1e-5 * h + f0;                      /* Wesely eq. 7 scaling */
  double rlu = tab(W_RLU[is][lu]) < RBIG ? W_RLU[is][lu] / fmax(chem, 1e-30) : RBIG;
  double rdc = 100.0 * (1.0 + 1000.0 / (G + 10.0)); /* flat terrain */
  double gcl = (tab(W_RCLS[is][lu]) < RBIG ? 1e-5 * h / W_RCLS[is][lu] : 0) +
               (tab(W_RCLO[is][lu]) < RBIG ? f0 / W_RCLO[is][lu] : 0);
  double rcl = gcl > 0 ? 1.0 / gcl : RBIG;
  double ggs = (W_RGSS[is][lu] > 0 ? 1e-5 * h / W_RGSS[is][lu] : (h > 0 ? 1e30 : 0)) +
               f0 / W_RGSO[is][lu];
  double rgs = ggs > 0 ? 1.0 / ggs : RBIG;
  if (ts < -2.0) { /* Wesely: cold surfaces take up less */
    double add = 1000.0 * exp(-ts - 4.0);
    rlu += add;
    rcl += add;
    rgs += add;
  }
  double g = cond(rs + rm) + cond(rlu) + cond(rdc + rcl) + cond(W_RAC[is][lu] + rgs);
  return g > 0 ? 1.0 / g : RBIG;
}

static double mean_free_path(double t) /* m; 0.0651 um at 298.15 K, 1 atm (Seinfeld & Pandis) */
{
  return 0.0651e-6 * (as_drydep_air_viscosity(t) / as_drydep_air_viscosity(298.15)) * sqrt(t / 298.15);
}

static double slip(double dp, double t)
{
  double lam = mean_free_path(t);
  return 1.0 + 2.0 * lam / dp * (1.257 + 0.4 * exp(-1.1 * dp / (2.0 * lam)));
}

double as_drydep_settling(double dp, double rhop, double t)
{
  return rhop * dp * dp * GRAV * slip(dp, t) / (18.0 * as_drydep_air_viscosity(t));
}

static double vd_particle(const AsSpecies *sp, const AsDepSurface *sf)
{
  int is = as_drydep_season(sf->month) - 1, lu = sf->landuse;
  if (lu < 0 || lu >= AS_LU_NCAT) lu = AS_LU_CROP;
  double t = sf->t2, dp = sp->diameter > 0 ? sp->diameter : 0.3e-6;
  double rhop = sp->density > 0 ? sp->density : 1500.0;
  double ust = fmax(sf->ustar, USTAR_MIN);
  double vg = as_drydep_settling(dp, rhop, t);
  double db = BOLTZ * t * slip(dp, t) / (3.0 * M_PI * as_drydep_air_viscosity(t) * dp);
  double nu = air_kinematic(t);
  double eb = pow(nu / db, -Z_GAMMA[lu]);
  double A = Z_A_MM[is][lu] * 1e-3, st, ein = 0;
  if (A > 0) {
    st = vg * ust / (GRAV * A);                     /* vegetated surfaces */
    ein = 0.5 * (dp / A) * (dp / A);
  } else {
    st = vg * ust * ust / (GRAV * nu);              /* smooth surfaces (Seinfeld & Pandis 2006, eq. 19.23) */
  }
  double eim = pow(st / (Z_ALPHA[lu] + st), 2.0);
  double r1 = exp(-sqrt(st));
  double rs = 1.0 / (3.0 * ust * (eb + eim + ein) * r1);
  return vg + 1.0 / (as_drydep_ra(sf) + rs);
}

double as_drydep_velocity(const AsSpecies *sp, const AsDepSurface *sf)
{
  if (!sp->deposit) return 0.0;
  if (sp->phase == AS_PHASE_AEROSOL) return vd_particle(sp, sf);
  double ra = as_drydep_ra(sf);
  double rb = as_drydep_rb_gas(sf, gas_diffusivity(sp, sf->t2));
  double rc = as_drydep_rc_gas(sf, sp);
  return 1.0 / (ra + rb + rc);
}

void as_drydep_fill(const AsGrid *g, const AsSpeciesTable *spc, const AsMetState *ms,
                    const unsigned char *lu, double t, int on, double *vdep)
{
  const long ncol = (long)g->nx * g->ny;
  time_t tt = (time_t)floor(t + 8 * 3600.0); /* China Standard Time selects the month */
  struct tm tm;
  gmtime_r(&tt, &tm);
  const int month = tm.tm_mon + 1;
#pragma omp parallel for schedule(static)
  for (long col = 0; col < ncol; col++) {
    AsDepSurface sf = {
        .landuse = lu ? lu[col] : AS_LU_CROP, .month = month, .ustar = ms->ustar[col],
        .obukhov = ms->obukhov[col], .zref = g->z_mid[0], .z0 = ms->z0[col], .t2 = ms->t2[col],
        .swdown = ms->swdown[col], .wet = ms->precip && ms->precip[col] > 0.1};
    for (int s = 0; s < spc->n; s++)
      vdep[(size_t)s * ncol + col] = on ? as_drydep_velocity(&spc->s[s], &sf) : 0.0;
  }
}
