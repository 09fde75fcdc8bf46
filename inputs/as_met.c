/* as_met.c — the meteorology object: source chosen by name (ops table), static fields, hourly
 * snapshot cache and linear interpolation in time, mass-consistent fluxes.
 *
 *   met(t) = (1 - w) S(h) + w S(h + 1 h),  h = floor(t / 1 h),  w = (t - h) / 1 h
 * except the precipitation rate, which every source defines as the mean rate over the hour
 * [h, h + 1 h) and which is therefore held constant through the hour (so the hour's total is
 * exactly the source's: the RAINNC difference for WRF, the event amount for the diagnostic).
 * S(h) is computed only when the bracketing hour changes (two cached snapshots, swapped when the
 * clock moves on by one hour); update() itself never allocates. Each snapshot depends on its hour
 * only, so a restart at any time reproduces the same bits.
 *
 * Reference density (anelastic, constant in time): US Standard Atmosphere 1976 (NOAA/NASA/USAF
 * 1976, troposphere: T = 288.15 K - 6.5 K/km z, p = 101325 Pa (T/288.15)^(g M/(R L))) at the layer
 * mid-heights above ground; air mass per cell mair = rho_ref[k] * area * dz[k].
 */
#include "as_met_impl.h"
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

static const AsMetSourceOps *const as_met_sources[] = {
    &as_met_idealized_ops, &as_met_diagnostic_ops, &as_met_wrf_ops, NULL};

/* ---- AsMetState fields as a table: offset and layout ---- */
enum { L_C3, L_FX, L_FY, L_IF, L_S2, L_S2_STEP };
static const struct { size_t off; int layout; } as_met_fields[] = {
    {offsetof(AsMetState, fx), L_FX},      {offsetof(AsMetState, fy), L_FY},
    {offsetof(AsMetState, fz), L_IF},      {offsetof(AsMetState, u), L_C3},
    {offsetof(AsMetState, v), L_C3},       {offsetof(AsMetState, w), L_C3},
    {offsetof(AsMetState, temp), L_C3},    {offsetof(AsMetState, pres), L_C3},
    {offsetof(AsMetState, rho), L_C3},     {offsetof(AsMetState, qv), L_C3},
    {offsetof(AsMetState, kh), L_C3},      {offsetof(AsMetState, kz), L_IF},
    {offsetof(AsMetState, cloud_lwc), L_C3}, {offsetof(AsMetState, pblh), L_S2},
    {offsetof(AsMetState, ustar), L_S2},   {offsetof(AsMetState, hfx), L_S2},
    {offsetof(AsMetState, obukhov), L_S2}, {offsetof(AsMetState, t2), L_S2},
    {offsetof(AsMetState, rh2), L_S2},     {offsetof(AsMetState, u10), L_S2},
    {offsetof(AsMetState, v10), L_S2},     {offsetof(AsMetState, precip), L_S2_STEP},
    {offsetof(AsMetState, swdown), L_S2},  {offsetof(AsMetState, cloud), L_S2},
    {offsetof(AsMetState, z0), L_S2},
};
#define AS_MET_NFIELD (sizeof as_met_fields / sizeof as_met_fields[0])

static long field_size(const AsGrid *g, int layout)
{
  long nx = g->nx, ny = g->ny, nz = g->nz;
  switch (layout) {
  case L_FX: return nz * ny * (nx + 1);
  case L_FY: return nz * (ny + 1) * nx;
  case L_IF: return (nz + 1) * ny * nx;
  case L_S2:
  case L_S2_STEP: return ny * nx;
  default: return nz * ny * nx;
  }
}

static double **field_ptr(AsMetState *st, int f)
{
  return (double **)((char *)st + as_met_fields[f].off);
}

AsStatus as_met_state_alloc(const AsGrid *g, AsMetState *st)
{
  memset(st, 0, sizeof *st);
  for (size_t f = 0; f < AS_MET_NFIELD; f++) {
    long n = field_size(g, as_met_fields[f].layout);
    double *a = calloc((size_t)n, sizeof(double));
    if (!a) {
      as_met_state_free(st);
      return as_error(AS_ERR_MEM, "", "meteorology", "cannot allocate a state (%ld values)", n);
    }
    *field_ptr(st, (int)f) = a;
  }
  return AS_OK;
}

void as_met_state_free(AsMetState *st)
{
  if (!st) return;
  for (size_t f = 0; f < AS_MET_NFIELD; f++) {
    free(*field_ptr(st, (int)f));
    *field_ptr(st, (int)f) = NULL;
  }
}

double as_met_divergence(const AsGrid *g, const AsMetState *st, double *div)
{
  const int nx = g->nx, ny = g->ny, nz = g->nz;
  const long nxy = (long)nx * ny;
  double dmax = 0.0;
  /* max is order-independent, so the reduction is thread-count independent */
#pragma omp parallel for reduction(max : dmax) schedule(static)
  for (int k = 0; k < nz; k++)
    for (int j = 0; j < ny; j++)
      for (int i = 0; i < nx; i++) {
        long c = (long)k * nxy + (long)j * nx + i;
        long ix = ((long)k * ny + j) * (nx + 1) + i;
        long iy = ((long)k * (ny + 1) + j) * nx + i;
        double d = (st->fx[ix + 1] - st->fx[ix]) + (st->fy[iy + nx] - st->fy[iy]) +
                   (st->fz[c + nxy] - st->fz[c]);
        if (div) div[c] = d;
        if (fabs(d) > dmax) dmax = fabs(d);
      }
  return dmax;
}

void as_met_std_atmosphere(double z, double *t, double *p, double *rho)
{
  const double T0 = 288.15, P0 = 101325.0, L = 0.0065, g0 = 9.80665, R = 287.053;
  if (z > 11000.0) z = 11000.0; /* the model top is ~6 km; clamp keeps the formula valid */
  double T = T0 - L * z;
  double P = P0 * pow(T / T0, g0 / (R * L));
  if (t) *t = T;
  if (p) *p = P;
  if (rho) *rho = P / (R * T);
}

/* ---- mass consistency ---- */
AsStatus as_met_enable_mass_consistency(AsMet *met)
{
  if (met->poisson) return AS_OK;
  const AsGrid *g = met->g;
  int nz = g->nz;
  double *cx, *cy, *cz;
  AS_MALLOC(cx, nz);
  AS_MALLOC(cy, nz);
  cz = calloc((size_t)nz + 1, sizeof *cz);
  if (!cz) {
    free(cx);
    free(cy);
    return as_error(AS_ERR_MEM, "", "meteorology", "cannot allocate Poisson weights");
  }
  const double a2 = met->alpha * met->alpha, area = g->dx * g->dy;
  for (int k = 0; k < nz; k++) {
    cx[k] = met->rho_ref[k] * g->dz[k] * g->dy / g->dx;
    cy[k] = met->rho_ref[k] * g->dz[k] * g->dx / g->dy;
  }
  for (int k = 1; k < nz; k++)
    cz[k] = 0.5 * (met->rho_ref[k - 1] + met->rho_ref[k]) * area /
            (a2 * (g->z_mid[k] - g->z_mid[k - 1]));
  cz[nz] = met->rho_ref[nz - 1] * area / (a2 * (g->z_face[nz] - g->z_mid[nz - 1]));
  AsStatus s = as_poisson_create(g->nx, g->ny, nz, cx, cy, cz, met->open_top, &met->poisson);
  free(cx);
  free(cy);
  free(cz);
  return s;
}

void as_met_winds_from_fluxes(const AsMet *met, AsMetState *st)
{
  const AsGrid *g = met->g;
  const int nx = g->nx, ny = g->ny, nz = g->nz;
  const long nxy = (long)nx * ny;
#pragma omp parallel for schedule(static)
  for (int k = 0; k < nz; k++)
    for (int j = 0; j < ny; j++)
      for (int i = 0; i < nx; i++) {
        long c2 = (long)j * nx + i, c = (long)k * nxy + c2;
        long ix = ((long)k * ny + j) * (nx + 1) + i;
        long iy = ((long)k * (ny + 1) + j) * nx + i;
        double m = g->mapfac[c2], rdz = met->rho_ref[k] * g->dz[k];
        st->u[c] = 0.5 * (st->fx[ix] + st->fx[ix + 1]) * m / (rdz * g->dy);
        st->v[c] = 0.5 * (st->fy[iy] + st->fy[iy + nx]) * m / (rdz * g->dx);
        st->w[c] = 0.5 * (st->fz[c] + st->fz[c + nxy]) / (met->rho_ref[k] * g->area[c2]);
      }
}

AsStatus as_met_make_fluxes(AsMet *met, AsMetState *st)
{
  const AsGrid *g = met->g;
  const int nx = g->nx, ny = g->ny, nz = g->nz;
  const long nxy = (long)nx * ny;
#pragma omp parallel for schedule(static)
  for (int k = 0; k < nz; k++) {
    const double rdz = met->rho_ref[k] * g->dz[k];
    for (int j = 0; j < ny; j++)
      for (int i = 0; i <= nx; i++) {
        const double *u = st->u + (long)k * nxy + (long)j * nx;
        double uf = (i == 0) ? u[0] : (i == nx) ? u[nx - 1] : 0.5 * (u[i - 1] + u[i]);
        st->fx[((long)k * ny + j) * (nx + 1) + i] =
            rdz * g->dy / g->mapfac_u[(long)j * (nx + 1) + i] * uf;
      }
    for (int j = 0; j <= ny; j++)
      for (int i = 0; i < nx; i++) {
        const double *v = st->v + (long)k * nxy + i;
        double vf = (j == 0) ? v[0] : (j == ny) ? v[(long)(ny - 1) * nx]
                                                : 0.5 * (v[(long)(j - 1) * nx] + v[(long)j * nx]);
        st->fy[((long)k * (ny + 1) + j) * nx + i] =
            rdz * g->dx / g->mapfac_v[(long)j * nx + i] * vf;
      }
  }
  /* first guess of the vertical flux from the source's w at centres (0 for the diagnostic) */
#pragma omp parallel for schedule(static)
  for (long c = 0; c < nxy; c++) {
    st->fz[c] = 0.0;
    for (int k = 1; k <= nz; k++) {
      double wi = k < nz ? 0.5 * (st->w[(k - 1) * nxy + c] + st->w[k * nxy + c]) : st->w[(k - 1) * nxy + c];
      double ri = k < nz ? 0.5 * (met->rho_ref[k - 1] + met->rho_ref[k]) : met->rho_ref[nz - 1];
      st->fz[k * nxy + c] = ri * g->area[c] * wi;
    }
  }
  AS_CALL(as_met_enable_mass_consistency(met));
  met->div_before = as_met_divergence(g, st, NULL);
  AS_CALL(as_poisson_apply(met->poisson, st->fx, st->fy, st->fz));
  met->div_after = as_met_divergence(g, st, NULL);
  as_met_winds_from_fluxes(met, st);
  return AS_OK;
}

/* Kh = kh_min + (Cs Delta)^2 |D|, |D| = sqrt((du/dx - dv/dy)^2 + (du/dy + dv/dx)^2) on the centre
 * winds (Smagorinsky 1963), Delta = sqrt(dx dy)/m; one-sided differences at the edges. */
void as_met_smagorinsky(const AsMet *met, AsMetState *st, double kh_min, double cs)
{
  const AsGrid *g = met->g;
  const int nx = g->nx, ny = g->ny, nz = g->nz;
  const long nxy = (long)nx * ny;
#pragma omp parallel for schedule(static)
  for (int k = 0; k < nz; k++)
    for (int j = 0; j < ny; j++)
      for (int i = 0; i < nx; i++) {
        long c2 = (long)j * nx + i, c = k * nxy + c2;
        int ie = i < nx - 1 ? i + 1 : i, iw = i > 0 ? i - 1 : i;
        int jn = j < ny - 1 ? j + 1 : j, js = j > 0 ? j - 1 : j;
        double m = g->mapfac[c2], dxt = (ie - iw) * g->dx / m, dyt = (jn - js) * g->dy / m;
        const double *u = st->u + k * nxy, *v = st->v + k * nxy;
        double dudx = nx > 1 ? (u[(long)j * nx + ie] - u[(long)j * nx + iw]) / dxt : 0.0;
        double dvdx = nx > 1 ? (v[(long)j * nx + ie] - v[(long)j * nx + iw]) / dxt : 0.0;
        double dudy = ny > 1 ? (u[(long)jn * nx + i] - u[(long)js * nx + i]) / dyt : 0.0;
        double dvdy = ny > 1 ? (v[(long)jn * nx + i] - v[(long)js * nx + i]) / dyt : 0.0;
        double def = sqrt((dudx - dvdy) * (dudx - dvdy) + (dudy + dvdx) * (dudy + dvdx));
        double delta = sqrt(g->dx * g->dy) / m;
        st->kh[c] = kh_min + cs * cs * delta * delta * def;
      }
}

/* ---- the object ---- */
AsStatus as_met_create(AsConfig *cfg, const AsGrid *g, AsMet **pmet)
{
  *pmet = NULL;
  static const char *names[] = {"idealized", "diagnostic", "wrf", NULL};
  int src = 1; /* the built-in default */
  AS_CALL(as_config_get_choice(cfg, "meteorology.source", 0, names, &src));
  AsMet *met;
  AS_MALLOC(met, 1);
  met->g = g;
  met->ops = as_met_sources[src];
  met->alpha = 1.0;
  met->open_top = 1;
  as_config_where(cfg, "meteorology.source", met->where, sizeof met->where);
  AsStatus s = AS_OK;
  static const char *tops[] = {"closed", "open", NULL};
  if (!s) s = as_config_get_double(cfg, "meteorology.mass_consistency.alpha", 0, 1e-3, 1e3,
                                   &met->alpha);
  if (!s) s = as_config_get_choice(cfg, "meteorology.mass_consistency.top", 0, tops,
                                   &met->open_top);
  const long nxy = (long)g->nx * g->ny;
  if (!s) {
    met->rho_ref = calloc((size_t)g->nz, sizeof(double));
    met->mair = calloc((size_t)(nxy * g->nz), sizeof(double));
    met->lu = calloc((size_t)nxy, 1);
    met->z0 = calloc((size_t)nxy, sizeof(double));
    met->sina = calloc((size_t)nxy, sizeof(double));
    met->cosa = calloc((size_t)nxy, sizeof(double));
    if (!met->rho_ref || !met->mair || !met->lu || !met->z0 || !met->sina || !met->cosa)
      s = as_error(AS_ERR_MEM, "", "meteorology", "cannot allocate static fields");
  }
  if (!s) {
    for (int k = 0; k < g->nz; k++) as_met_std_atmosphere(g->z_mid[k], NULL, NULL, &met->rho_ref[k]);
    for (int k = 0; k < g->nz; k++)
      for (long c = 0; c < nxy; c++)
        met->mair[k * nxy + c] = met->rho_ref[k] * g->area[c] * g->dz[k];
    /* Lambert conformal: true north is rotated by a = -(meridian convergence) from grid north */
    for (long c = 0; c < nxy; c++) {
      double a = -as_grid_convergence(g, c);
      met->sina[c] = sin(a);
      met->cosa[c] = cos(a);
    }
    s = as_met_landuse_build(met);
  }
  if (!s) s = as_met_state_alloc(g, &met->snap[0]);
  if (!s) s = as_met_state_alloc(g, &met->snap[1]);
  if (!s) s = met->ops->create(met, cfg, &met->data);
  if (s) {
    as_met_destroy(&met);
    return s;
  }
  *pmet = met;
  return AS_OK;
}

/* make sure snap[slot] holds hour h (reusing the other slot when it already does) */
static AsStatus ensure_hour(AsMet *met, int slot, double h)
{
  if (met->have[slot] && met->snap_t[slot] == h) return AS_OK;
  int other = 1 - slot;
  if (met->have[other] && met->snap_t[other] == h) {
    AsMetState tmp = met->snap[slot];
    met->snap[slot] = met->snap[other];
    met->snap[other] = tmp;
    double tt = met->snap_t[slot];
    met->snap_t[slot] = met->snap_t[other];
    met->snap_t[other] = tt;
    int hv = met->have[slot];
    met->have[slot] = met->have[other];
    met->have[other] = hv;
    return AS_OK;
  }
  met->have[slot] = 0;
  AS_CALL(met->ops->snapshot(met, met->data, h, &met->snap[slot]));
  met->snap[slot].t = h;
  met->snap_t[slot] = h;
  met->have[slot] = 1;
  return AS_OK;
}

AsStatus as_met_update(AsMet *met, double t, AsMetState *out)
{
  if (!isfinite(t)) return as_error(AS_ERR_ARG, "", "meteorology", "time is not finite");
  double h0 = floor(t / 3600.0) * 3600.0;
  double w = (t - h0) / 3600.0;
  AS_CALL(ensure_hour(met, 0, h0));
  if (w > 0.0) AS_CALL(ensure_hour(met, 1, h0 + 3600.0));
  const AsGrid *g = met->g;
  for (size_t f = 0; f < AS_MET_NFIELD; f++) {
    long n = field_size(g, as_met_fields[f].layout);
    const double *a = *field_ptr(&met->snap[0], (int)f);
    double *o = *field_ptr(out, (int)f);
    if (w > 0.0 && as_met_fields[f].layout != L_S2_STEP) {
      const double *b = *field_ptr(&met->snap[1], (int)f);
#pragma omp parallel for schedule(static)
      for (long c = 0; c < n; c++) o[c] = (1.0 - w) * a[c] + w * b[c];
    } else {
      memcpy(o, a, sizeof(double) * (size_t)n);
    }
  }
  out->t = t;
  return AS_OK;
}

const double *as_met_rho_ref(const AsMet *met) { return met->rho_ref; }
const double *as_met_air_mass(const AsMet *met) { return met->mair; }
const unsigned char *as_met_landuse(const AsMet *met) { return met->lu; }
const char *as_met_source_name(const AsMet *met) { return met->ops->name; }

void as_met_view(const AsMet *met, void *file)
{
  FILE *f = file;
  const AsGrid *g = met->g;
  fprintf(f, "meteorology: source %s, mass consistency alpha %g, top %s\n", met->ops->name,
          met->alpha, met->open_top ? "open" : "closed");
  fprintf(f, "  rho_ref (US standard atmosphere 1976 at layer mid-heights):");
  for (int k = 0; k < g->nz; k++) fprintf(f, " %.4f", met->rho_ref[k]);
  fprintf(f, " kg/m3\n");
  long cnt[AS_LU_NCAT] = {0};
  for (long c = 0; c < (long)g->nx * g->ny; c++) cnt[met->lu[c]]++;
  fprintf(f, "  land use cells:");
  for (int l = 0; l < AS_LU_NCAT; l++)
    fprintf(f, " %s %ld (z0 %g m)", as_met_landuse_name(l), cnt[l], as_met_z0_of(l));
  fprintf(f, "\n");
  if (met->ops->view) met->ops->view(met, met->data, f);
}

void as_met_destroy(AsMet **pmet)
{
  if (!pmet || !*pmet) return;
  AsMet *met = *pmet;
  if (met->ops && met->ops->destroy && met->data) met->ops->destroy(met->data);
  as_poisson_destroy(&met->poisson);
  as_met_state_free(&met->snap[0]);
  as_met_state_free(&met->snap[1]);
  free(met->rho_ref);
  free(met->mair);
  free(met->lu);
  free(met->z0);
  free(met->sina);
  free(met->cosa);
  free(met);
  *pmet = NULL;
}
