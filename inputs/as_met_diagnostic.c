/* as_met_diagnostic.c — "diagnostic" source (the built-in default): a typical year of the belt.
 *
 * Per hour (equations and sources in as_met_similarity.c, as_met_climate.c, docs/science.md):
 *  1. surface record (wind, T, RH, cloud, rain, p) from the climatology, as_climate_record();
 *  2. at the reference station (domain centre, crop roughness): energy balance -> H (day) or
 *     theta* (night), Monin-Obukhov u*, L, and the wind U_b at the blending height z_b;
 *  3. in every cell: the same U_b and direction at z_b over the cell's own z0 -> u*, L, H
 *     (so wind slows over towns and speeds up over water: the field has divergence);
 *  4. a weak breeze from water to land by day (land to water by night) below 400 m, along the
 *     gradient of the smoothed water fraction (breeze_pattern);
 *     profiles: MO below z_b; power law U_b (z/z_b)^p up to max(h, z_b) (p = 0.1 unstable,
 *     0.3 stable; Irwin 1979 rural exponents for classes B and E-F), constant above; the wind
 *     veers with height by 10 deg (unstable) or 25 deg (stable) across the boundary layer;
 *  5. boundary-layer height h: while H > 0 the mixed layer grows from the stable height at the
 *     start of the positive-H spell by the Batchvarova & Gryning (1991) equation (convective
 *     encroachment with entrainment A = 0.2 plus the mechanical spin-up term), per land use at the
 *     reference point; stable: min(0.4 sqrt(u* L / f) (Zilitinkevich 1972), 2300 u*^1.5
 *     (Venkatram 1980)); 50 m <= h <= 3000 m;
 *  6. theta well mixed below h by day, a surface inversion by night, gamma above h; hydrostatic p;
 *     q_v from RH (constant in the PBL, e-folding 2.5 km above); Kz from K-theory;
 *  7. fluxes from the winds, divergence removed (as_met_make_fluxes, FFTW Poisson);
 *  8. Kh = kh_min + (Cs Delta)^2 |D| (Smagorinsky 1963 deformation on the final winds);
 *  9. cloud liquid water (diag_cloud): when the cloud cover N >= 0.5 or it rains, one stratiform
 *     layer from z_b = max(125 m/K (T2 - Td), top of layer 0) (Lawrence 2005, BAMS 86:225; Td from
 *     RH2 by inverting as_esat) up to z_b + 1000 m when raining, + 500 m otherwise (EST); in-cloud
 *     LWC 0.3 g m-3 raining, 0.2 g m-3 otherwise (EST); every layer whose centre lies in the cloud
 *     holds N x LWC (kg m-3). Sources and arithmetic: docs/science-wetdep.md.
 */
#include "as_met_climate.h"
#include "as_met_impl.h"
#include "as_met_similarity.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  AsClimate clim;
  char path[1024];
  uint64_t seed;
  double kz_min, kz_min_urban, kh_min, cs, zb, gamma;
  double lonc, latc;        /* reference station: domain centre */
  double breeze;            /* daytime water-to-land breeze speed at full heating, m s-1 */
  double *bx, *by;          /* [ny*nx] breeze direction field: -grad(smoothed water fraction) * 10 km */
} Diag;

/* Breeze pattern: water fraction smoothed by two passes of a (2r+1)-cell box filter in x and y
 * (r = 5 km / dx), then b = -10 km * grad(W) (grid-relative, |b| <= 1): points from water to land. */
static AsStatus breeze_pattern(const AsMet *met, Diag *d)
{
  const AsGrid *g = met->g;
  const int nx = g->nx, ny = g->ny;
  const long nxy = (long)nx * ny;
  double *w, *t;
  AS_MALLOC(d->bx, nxy);
  AS_MALLOC(d->by, nxy);
  AS_MALLOC(w, nxy);
  t = calloc((size_t)nxy, sizeof *t);
  if (!t) {
    free(w);
    return as_error(AS_ERR_MEM, "", "meteorology", "cannot allocate the breeze pattern");
  }
  for (long c = 0; c < nxy; c++) w[c] = met->lu[c] == AS_LU_WATER;
  int r = (int)lround(5000.0 / g->dx);
  if (r < 1) r = 1;
  for (int pass = 0; pass < 2; pass++) {
    for (int j = 0; j < ny; j++)
      for (int i = 0; i < nx; i++) {
        double sum = 0;
        int n = 0;
        for (int q = i - r; q <= i + r; q++)
          if (q >= 0 && q < nx) sum += w[(long)j * nx + q], n++;
        t[(long)j * nx + i] = sum / n;
      }
    for (int j = 0; j < ny; j++)
      for (int i = 0; i < nx; i++) {
        double sum = 0;
        int n = 0;
        for (int q = j - r; q <= j + r; q++)
          if (q >= 0 && q < ny) sum += t[(long)q * nx + i], n++;
        w[(long)j * nx + i] = sum / n;
      }
  }
  for (int j = 0; j < ny; j++)
    for (int i = 0; i < nx; i++) {
      long c = (long)j * nx + i;
      int ie = i < nx - 1 ? i + 1 : i, iw = i > 0 ? i - 1 : i, jn = j < ny - 1 ? j + 1 : j, js = j > 0 ? j - 1 : j;
      double m = g->mapfac[c];
      double gx = (w[(long)j * nx + ie] - w[(long)j * nx + iw]) / ((ie - iw) * g->dx / m);
      double gy = (w[(long)jn * nx + i] - w[(long)js * nx + i]) / ((jn - js) * g->dy / m);
      double bx = -1e4 * gx, by = -1e4 * gy, bm = hypot(bx, by);
      if (bm > 1) bx /= bm, by /= bm;
      d->bx[c] = bx;
      d->by[c] = by;
    }
  free(w);
  free(t);
  return AS_OK;
}

static AsStatus diag_create(AsMet *met, AsConfig *cfg, void **data)
{
  Diag *d;
  AS_MALLOC(d, 1);
  *data = d;
  const AsGrid *g = met->g;
  long seed = 1;
  d->kz_min = 0.1;
  d->kh_min = 50.0;
  d->cs = 0.2;
  d->zb = 100.0;
  d->gamma = 0.005;
  d->breeze = 2.0;
  AS_CALL(as_config_get_int(cfg, "meteorology.diagnostic.seed", 0, 0, 2147483647L, &seed));
  d->seed = (uint64_t)seed;
  AS_CALL(as_config_get_quantity(cfg, "meteorology.diagnostic.kz_min", 0, "m2/s", 0, 100, &d->kz_min));
  d->kz_min_urban = d->kz_min; /* CMAQ's KZMIN option: 1.0 m2/s in urban cells, 0.01 elsewhere */
  AS_CALL(as_config_get_quantity(cfg, "meteorology.diagnostic.kz_min_urban", 0, "m2/s", 0, 100, &d->kz_min_urban));
  AS_CALL(as_config_get_quantity(cfg, "meteorology.diagnostic.kh_min", 0, "m2/s", 0, 1e5, &d->kh_min));
  AS_CALL(as_config_get_double(cfg, "meteorology.diagnostic.smagorinsky", 0, 0, 2, &d->cs));
  AS_CALL(as_config_get_quantity(cfg, "meteorology.diagnostic.blending_height", 0, "m", 10, 1000,
                                 &d->zb));
  AS_CALL(as_config_get_quantity(cfg, "meteorology.diagnostic.theta_lapse_rate", 0, "K/m", 1e-4,
                                 0.02, &d->gamma));
  AS_CALL(as_config_get_quantity(cfg, "meteorology.diagnostic.breeze", 0, "m/s", 0, 10, &d->breeze));
  const char *path = NULL;
  AS_CALL(as_config_get_path(cfg, "meteorology.diagnostic.climatology", 0, &path));
  if (path) {
    snprintf(d->path, sizeof d->path, "%s", path);
  } else {
    /* built-in default: inputs/met/ from the working directory (repository root), else beside
     * the case file's directory (inputs/cases/../met) */
    snprintf(d->path, sizeof d->path, "inputs/met/wcs_climatology.csv");
    FILE *f = fopen(d->path, "r");
    if (f) {
      fclose(f);
    } else {
      const char *cf = as_config_file(cfg);
      const char *slash = strrchr(cf, '/');
      int n = slash ? (int)(slash - cf) : 0;
      snprintf(d->path, sizeof d->path, "%.*s%s../met/wcs_climatology.csv", n, cf, n ? "/" : "");
    }
  }
  AS_CALL(as_climate_load(d->path, &d->clim));
  long c = (long)(g->ny / 2) * g->nx + g->nx / 2;
  d->lonc = g->lon[c];
  d->latc = g->lat[c];
  AS_CALL(breeze_pattern(met, d));
  AS_CALL(as_met_enable_mass_consistency(met));
  return AS_OK;
}

/* stable boundary-layer height: min(0.4 sqrt(u* L / f) (Zilitinkevich 1972), 2300 u*^1.5
 * (Venkatram 1980)), 50..3000 m */
static double stable_height(double us, double L, double f)
{
  double hz = 0.4 * sqrt(us * L / fabs(f)), hm = 2300.0 * pow(us, 1.5);
  double h = hz < hm ? hz : hm;
  return h < 50.0 ? 50.0 : h > 3000.0 ? 3000.0 : h;
}

/* u*, L and H at the reference point over land use lu at time t */
static void ref_surface(const Diag *d, double t, int lu, double *us, double *L, double *H, double *T,
                        double *rho)
{
  AsSfcRecord r;
  as_climate_record(&d->clim, d->seed, t, &r);
  double sb = as_solar_sin_elevation(t, d->lonc, d->latc);
  *H = sb > 0 ? as_sfc_heat_flux(as_sfc_kdown(sb, r.cloud), r.cloud, r.t2, r.psfc, lu) : 0.0;
  *T = r.t2;
  *rho = r.psfc / (AS_RD * r.t2);
  double U10 = r.speed > 0.5 ? r.speed : 0.5;
  as_mo_solve(U10, 10.0, as_met_z0_of(lu), r.t2, *rho, H, as_sfc_thetastar(r.cloud), us, L);
}

/* Mixed-layer height at time t over land use lu while the surface heat flux is positive: the
 * Batchvarova & Gryning (1991, Boundary-Layer Meteorol. 56:261) growth equation
 *   dh/dt [h^2 / ((1+2A) h - 2 B k L) + C u*^2 T / (gamma g ((1+A) h - B k L))] = (w'theta')_s / gamma
 * with A = 0.2, B = 2.5, C = 8 (their values), gamma the lapse rate above h, integrated with 60-s
 * steps from the start of the current positive-H spell (found in 10-min steps back over at most
 * 16 h), starting from the stable height there. The convective term alone is the encroachment
 * growth of Tennekes (1973) with entrainment; the mechanical term slows the early growth. The
 * layer thus grows from the nocturnal height instead of jumping to the mechanical height 2300
 * u*^1.5 (a stable-layer formula) the hour H turns positive. Returns 0 if H <= 0 at t. */
static double mixed_layer_height(const Diag *d, double t, int lu, double fcor)
{
  const double A = 0.2, B = 2.5, C = 8.0, k = AS_KARMAN, dt = 60.0;
  double us, L, H, T, rho;
  ref_surface(d, t, lu, &us, &L, &H, &T, &rho);
  if (H <= 0) return 0.0;
  int nback = 1;
  for (; nback < 16 * 6; nback++) {
    ref_surface(d, t - nback * 600.0, lu, &us, &L, &H, &T, &rho);
    if (H <= 0) break;
  }
  /* t - nback*600 has H <= 0 (or is 16 h back): start there from its stable height */
  double h = H <= 0 ? stable_height(us, L, fcor) : 50.0;
  const double t0 = t - nback * 600.0;
  for (int n = 0; n < nback * 10; n++) {
    double tm = t0 + (n + 0.5) * dt;
    ref_surface(d, tm, lu, &us, &L, &H, &T, &rho);
    if (H <= 0) continue;
    double wt = H / (rho * AS_CP), g = AS_GRAV, gam = d->gamma;
    double den = h * h / ((1.0 + 2.0 * A) * h - 2.0 * B * k * L) +
                 C * us * us * T / (gam * g * ((1.0 + A) * h - B * k * L));
    h += dt * wt / gam / den;
    if (h > 3000.0) h = 3000.0;
  }
  return h < 50.0 ? 50.0 : h;
}

/* 9. the diagnostic stratiform cloud of a column (docs/science-wetdep.md): base z_b, top z_t (m) and
 * grid-cell liquid water lwc (kg m-3, cloud cover x in-cloud value); returns 0 when there is none.
 * Td inverts as_esat (Bolton 1980, 611.2 exp(17.67 Tc/(Tc + 243.5)) Pa) at e = RH e_s(T2). */
static int diag_cloud(double t2, double rh2, double cover, double precip, double z1, double *zb, double *zt,
                      double *lwc)
{
  if (!(cover >= 0.5 || precip > 0.0)) return 0;
  double rh = rh2 < 1e-3 ? 1e-3 : rh2 > 1.0 ? 1.0 : rh2;
  double x = log(rh) + 17.67 * (t2 - 273.15) / (t2 - 29.65);
  double td = 273.15 + 243.5 * x / (17.67 - x);
  double base = 125.0 * (t2 - td);                     /* Lawrence (2005): 125 m per K of T - Td */
  *zb = base > z1 ? base : z1;                         /* at least the top of the first layer */
  *zt = *zb + (precip > 0.0 ? 1000.0 : 500.0);         /* EST: nimbostratus / stratus depth */
  *lwc = cover * (precip > 0.0 ? 0.3e-3 : 0.2e-3);     /* EST in-cloud LWC, kg m-3 */
  return 1;
}

static AsStatus diag_snapshot(AsMet *met, void *data, double t, AsMetState *st)
{
  const Diag *d = data;
  const AsGrid *g = met->g;
  const int nx = g->nx, ny = g->ny, nz = g->nz;
  const long nxy = (long)nx * ny;
  AsSfcRecord r;
  as_climate_record(&d->clim, d->seed, t, &r);
  const double rho_s = r.psfc / (AS_RD * r.t2);
  /* 2. reference station */
  const double z0s = as_met_z0_of(AS_LU_CROP);
  double sb = as_solar_sin_elevation(t, d->lonc, d->latc);
  double Hs = sb > 0 ? as_sfc_heat_flux(as_sfc_kdown(sb, r.cloud), r.cloud, r.t2, r.psfc, AS_LU_CROP) : 0;
  double U10 = r.speed > 0.5 ? r.speed : 0.5, uss, Ls;
  as_mo_solve(U10, 10.0, z0s, r.t2, rho_s, &Hs, as_sfc_thetastar(r.cloud), &uss, &Ls);
  const double Ub = as_mo_speed(d->zb, uss, Ls, z0s);
  /* breeze amplitude: water-to-land by day in proportion to the land heating (full at 200 W m-2),
   * a weak land-to-water drift (15 %) at night */
  const double abz = Hs > 0 ? d->breeze * (Hs < 200.0 ? Hs / 200.0 : 1.0) : -0.15 * d->breeze;
  /* 5. daytime mixed-layer height per land use (Batchvarova & Gryning 1991), grown from the stable
   *    height at the start of the current positive-H spell */
  const double fcor = 2.0 * 7.2921e-5 * sin(d->latc * M_PI / 180.0);
  double hday[AS_LU_NCAT];
  for (int lu = 0; lu < AS_LU_NCAT; lu++) hday[lu] = mixed_layer_height(d, t, lu, fcor);
  const double ztop = g->z_face[nz], kappa = 0.2857;
#pragma omp parallel for schedule(static)
  for (long c = 0; c < nxy; c++) {
    int lu = met->lu[c];
    double z0 = met->z0[c];
    double sbc = as_solar_sin_elevation(t, g->lon[c], g->lat[c]);
    double kd = sbc > 0 ? as_sfc_kdown(sbc, r.cloud) : 0.0;
    double H = sbc > 0 ? as_sfc_heat_flux(kd, r.cloud, r.t2, r.psfc, lu) : 0.0;
    double thstar = as_sfc_thetastar(r.cloud), us, L;
    as_mo_solve(Ub, d->zb, z0, r.t2, rho_s, &H, thstar, &us, &L);
    int unstable = H > 0;
    double f = 2.0 * 7.2921e-5 * sin(g->lat[c] * M_PI / 180.0);
    double hmech = 2300.0 * pow(us, 1.5), h;
    if (unstable) h = hday[lu];
    else {
      double hz = 0.4 * sqrt(us * L / fabs(f));
      h = hz < hmech ? hz : hmech;
    }
    if (h < 50.0) h = 50.0;
    if (h > 3000.0) h = 3000.0;
    if (h > 0.9 * ztop) h = 0.9 * ztop;
    st->ustar[c] = us;
    st->obukhov[c] = L;
    st->hfx[c] = H;
    st->pblh[c] = h;
    st->swdown[c] = kd;
    st->cloud[c] = r.cloud;
    st->precip[c] = r.precip;
    st->t2[c] = r.t2;
    st->rh2[c] = r.rh;
    st->z0[c] = z0;
    /* winds */
    double p = unstable ? 0.1 : 0.3, turn = (unstable ? 10.0 : 25.0) * M_PI / 180.0;
    double dir0 = r.dir_from * M_PI / 180.0, zcap = h > d->zb ? h : d->zb;
    double Ubc = as_mo_speed(d->zb, us, L, z0);
    for (int k = -1; k < nz; k++) { /* k = -1: the 10-m wind */
      double z = k < 0 ? 10.0 : g->z_mid[k], spd;
      if (z <= d->zb) spd = as_mo_speed(z, us, L, z0);
      else spd = Ubc * pow((z < zcap ? z : zcap) / d->zb, p);
      double dir = dir0 + turn * (z < h ? z : h) / h;
      double ue = -spd * sin(dir), vn = -spd * cos(dir);
      double ug = ue * met->cosa[c] + vn * met->sina[c], vg = -ue * met->sina[c] + vn * met->cosa[c];
      double gz = z < 200.0 ? 1.0 : z < 400.0 ? (400.0 - z) / 200.0 : 0.0;
      ug += abz * gz * d->bx[c];
      vg += abz * gz * d->by[c];
      if (k >= 0) st->w[k * nxy + c] = 0.0;
      if (k < 0) {
        st->u10[c] = ug;
        st->v10[c] = vg;
      } else {
        st->u[k * nxy + c] = ug;
        st->v[k * nxy + c] = vg;
      }
    }
    /* thermodynamics */
    double th2 = r.t2 * pow(1e5 / r.psfc, kappa);
    double dth = unstable ? 0.0 : thstar / AS_KARMAN * (log(h / 2.0) + 5.0 * (h / L < 1 ? h / L : 1));
    if (dth > 10.0) dth = 10.0;
    double e = r.rh * as_esat(r.t2), qvs = 0.622 * e / (r.psfc - 0.378 * e);
    double pk = r.psfc, zprev = 0.0, tprev = r.t2 * (1 + 0.608 * qvs);
    double zcb = 0.0, zct = 0.0, lwc = 0.0;
    int cloudy = diag_cloud(r.t2, r.rh, r.cloud, r.precip, g->z_face[1], &zcb, &zct, &lwc);
    int kcloud = -1; /* no layer centre inside the cloud: the layer holding its mid-height */
    if (cloudy) {
      double zc = 0.5 * (zcb + zct);
      for (int k = 0; k < nz; k++) {
        if (g->z_mid[k] >= zcb && g->z_mid[k] <= zct) kcloud = -2;
        if (kcloud == -1 && zc >= g->z_face[k] && zc < g->z_face[k + 1]) kcloud = k;
      }
    }
    for (int k = 0; k < nz; k++) {
      double z = g->z_mid[k];
      double th = th2 + dth * (z < h ? z : h) / h + (z > h ? d->gamma * (z - h) : 0.0);
      double qv = z < h ? qvs : qvs * exp(-(z - h) / 2500.0);
      double tk = th * pow(pk / 1e5, kappa); /* first guess with the pressure below */
      pk = pk * exp(-AS_GRAV * (z - zprev) / (AS_RD * 0.5 * (tprev + tk * (1 + 0.608 * qv))));
      tk = th * pow(pk / 1e5, kappa);
      double qsat = 0.622 * as_esat(tk) / (pk - 0.378 * as_esat(tk));
      if (qv > 0.95 * qsat) qv = 0.95 * qsat;
      long ck = k * nxy + c;
      st->temp[ck] = tk;
      st->pres[ck] = pk;
      st->qv[ck] = qv;
      st->rho[ck] = pk / (AS_RD * tk * (1 + 0.608 * qv));
      int in = cloudy && ((z >= zcb && z <= zct) || k == kcloud);
      st->cloud_lwc[ck] = in ? lwc : 0.0;
      zprev = z;
      tprev = tk * (1 + 0.608 * qv);
    }
    st->kz[c] = 0.0;
    st->kz[(long)nz * nxy + c] = 0.0;
    const double kzm = met->lu[c] == AS_LU_URBAN ? d->kz_min_urban : d->kz_min;
    for (int k = 1; k < nz; k++) st->kz[k * nxy + c] = as_kz_profile(g->z_face[k], h, us, L, kzm);
  }
  AS_CALL(as_met_make_fluxes(met, st));
  as_met_smagorinsky(met, st, d->kh_min, d->cs);
  return AS_OK;
}

static void diag_view(const AsMet *met, const void *data, FILE *f)
{
  (void)met;
  const Diag *d = data;
  fprintf(f, "  diagnostic: climatology %s, seed %llu, blending height %g m, kz_min %g (urban %g), kh_min %g "
          "m2/s, Smagorinsky %g, theta lapse above the PBL %g K/km, breeze %g m/s, stratiform cloud "
          "water when cover >= 0.5 or raining\n",
          d->path, (unsigned long long)d->seed, d->zb, d->kz_min, d->kz_min_urban, d->kh_min, d->cs, 1e3 * d->gamma,
          d->breeze);
}

static void diag_destroy(void *data)
{
  Diag *d = data;
  free(d->bx);
  free(d->by);
  free(d);
}

const AsMetSourceOps as_met_diagnostic_ops = {"diagnostic", diag_create, diag_snapshot, diag_view,
                                              diag_destroy};
