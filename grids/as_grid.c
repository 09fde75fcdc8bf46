/* as_grid.c — the model grid: Lambert conformal conic (LCC) on a sphere through PROJ, and layers.
 *
 * Horizontal: cell (i,j) centre x = x0 + i*dx, y = y0 + j*dy in the LCC plane; the domain is
 * centred on grid.center (projected through PROJ). lon/lat of every cell centre by the inverse
 * projection. Map factor m = k, PROJ's scale factor (proj_factors: parallel_scale; LCC is
 * conformal so it equals meridional_scale), i.e. Snyder (1987, USGS PP 1395) eq. 15-4
 *     k = n F / (cos(phi) tan^n(pi/4 + phi/2)),
 *     n = ln(cos phi1 / cos phi2) / ln(tan(pi/4+phi2/2) / tan(pi/4+phi1/2)),
 *     F = cos(phi1) tan^n(pi/4+phi1/2) / n,
 * which tests/test_grid.c checks independently. True cell area = dx*dy/m^2.
 *
 * Vertical: layer interfaces z_face[0..nz] above ground, either listed or a geometric stretch
 * dz_k = dz_0 r^k with sum_k dz_k = top (r found by bisection). See docs/science.md.
 */
#include "as_grid.h"
#include <math.h>
#include <proj.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AS_DEG (3.14159265358979323846 / 180.0)

/* ---- PROJ boundary: a private context per use keeps every call thread-safe ---- */
typedef struct {
  PJ_CONTEXT *ctx;
  PJ *pj;
} AsProj;

static void as_proj_close(AsProj *p)
{
  if (p->pj) proj_destroy(p->pj);
  if (p->ctx) proj_context_destroy(p->ctx);
  p->pj = NULL;
  p->ctx = NULL;
}

static AsStatus as_proj_open(const AsProjection *pr, AsProj *p)
{
  p->ctx = proj_context_create();
  if (!p->ctx) return as_error(AS_ERR_LIB, "", "grid.projection", "PROJ: cannot create context");
  proj_log_level(p->ctx, PJ_LOG_NONE);
  p->pj = proj_create(p->ctx, pr->proj_string);
  if (!p->pj) {
    int e = proj_context_errno(p->ctx);
    AsStatus s = as_error(AS_ERR_LIB, "", "grid.projection", "PROJ rejects '%s': %s",
                          pr->proj_string, proj_context_errno_string(p->ctx, e));
    as_proj_close(p);
    return s;
  }
  return AS_OK;
}

/* forward: degrees -> metres; inverse: metres -> degrees ("+proj=lcc" works in radians) */
static AsStatus as_proj_fwd(AsProj *p, double lon, double lat, double *x, double *y)
{
  PJ_COORD c = proj_coord(lon * AS_DEG, lat * AS_DEG, 0, 0);
  PJ_COORD r = proj_trans(p->pj, PJ_FWD, c);
  if (!isfinite(r.xy.x) || !isfinite(r.xy.y) || r.xy.x == HUGE_VAL)
    return as_error(AS_ERR_DOMAIN, "", "grid.projection",
                    "PROJ cannot project lon %g lat %g", lon, lat);
  *x = r.xy.x;
  *y = r.xy.y;
  return AS_OK;
}

static AsStatus as_proj_inv(AsProj *p, double x, double y, double *lon, double *lat)
{
  PJ_COORD r = proj_trans(p->pj, PJ_INV, proj_coord(x, y, 0, 0));
  if (!isfinite(r.lp.lam) || !isfinite(r.lp.phi) || r.lp.lam == HUGE_VAL)
    return as_error(AS_ERR_DOMAIN, "", "grid.projection",
                    "PROJ cannot invert x %g m y %g m", x, y);
  *lon = r.lp.lam / AS_DEG;
  *lat = r.lp.phi / AS_DEG;
  return AS_OK;
}

static AsStatus as_proj_mapfac(AsProj *p, double x, double y, double *m)
{
  double lon = 0, lat = 0;
  AS_CALL(as_proj_inv(p, x, y, &lon, &lat));
  PJ_FACTORS f = proj_factors(p->pj, proj_coord(lon * AS_DEG, lat * AS_DEG, 0, 0));
  if (!(f.parallel_scale > 0))
    return as_error(AS_ERR_LIB, "", "grid.projection", "PROJ gives no scale factor at %g %g",
                    lon, lat);
  *m = f.parallel_scale;
  return AS_OK;
}

/* ---- configuration ---- */
static const char *as_where(AsConfig *cfg, const char *key, char *buf, size_t n)
{
  return as_config_where(cfg, key, buf, n);
}

static AsStatus as_grid_read_projection(AsConfig *cfg, AsProjection *pr)
{
  /* defaults: a China LCC sphere (standard parallels 25/40 N as in MEIC/CMAQ China domains),
   * origin at the centre of the Wu-Cheng-Sha domain, WRF/CMAQ earth radius */
  pr->lat1 = 25.0;
  pr->lat2 = 40.0;
  pr->lat0 = 31.8;
  pr->lon0 = 120.35;
  pr->earth_radius = 6370000.0;
  AS_CALL(as_config_get_double(cfg, "grid.projection.standard_parallel_1", 0, -89, 89, &pr->lat1));
  AS_CALL(as_config_get_double(cfg, "grid.projection.standard_parallel_2", 0, -89, 89, &pr->lat2));
  AS_CALL(as_config_get_double(cfg, "grid.projection.latitude_of_projection_origin", 0, -89, 89,
                               &pr->lat0));
  AS_CALL(as_config_get_double(cfg, "grid.projection.longitude_of_central_meridian", 0, -180, 360,
                               &pr->lon0));
  AS_CALL(as_config_get_quantity(cfg, "grid.projection.earth_radius", 0, "m", 6.0e6, 6.5e6,
                                 &pr->earth_radius));
  char w[256];
  if (pr->lat1 * pr->lat2 <= 0 && !(pr->lat1 == 0 && pr->lat2 == 0))
    return as_error(AS_ERR_CONFIG, as_where(cfg, "grid.projection.standard_parallel_2", w, sizeof w),
                    "grid.projection.standard_parallel_2",
                    "standard parallels %g and %g lie on opposite sides of the equator", pr->lat1,
                    pr->lat2);
  if (pr->lat1 == 0 && pr->lat2 == 0)
    return as_error(AS_ERR_CONFIG, as_where(cfg, "grid.projection.standard_parallel_1", w, sizeof w),
                    "grid.projection.standard_parallel_1", "both standard parallels are 0");
  snprintf(pr->proj_string, sizeof pr->proj_string,
           "+proj=lcc +lat_1=%.10g +lat_2=%.10g +lat_0=%.10g +lon_0=%.10g +x_0=0 +y_0=0 "
           "+R=%.10g +units=m +no_defs",
           pr->lat1, pr->lat2, pr->lat0, pr->lon0, pr->earth_radius);
  return AS_OK;
}

/* nx from an extent (must be a whole number of cells) or given directly */
static AsStatus as_grid_read_count(AsConfig *cfg, const char *ext_key, const char *n_key, double d,
                                   double ext_default, int *n)
{
  char w[256];
  int has_ext = as_config_has(cfg, ext_key), has_n = as_config_has(cfg, n_key);
  if (has_ext && has_n)
    return as_error(AS_ERR_CONFIG, as_where(cfg, n_key, w, sizeof w), n_key,
                    "give either %s or %s, not both", ext_key, n_key);
  if (has_n) {
    long v = 0;
    AS_CALL(as_config_get_int(cfg, n_key, 1, 3, 100000, &v));
    *n = (int)v;
    return AS_OK;
  }
  double ext = ext_default;
  AS_CALL(as_config_get_quantity(cfg, ext_key, 0, "m", 1.0, 1.0e7, &ext));
  double cells = ext / d;
  if (fabs(cells - round(cells)) > 1e-6 * fmax(1.0, cells))
    return as_error(AS_ERR_CONFIG, as_where(cfg, ext_key, w, sizeof w), ext_key,
                    "%s%g m is not a whole number of %g m cells", has_ext ? "" : "the default ",
                    ext, d);
  if (round(cells) < 3)
    return as_error(AS_ERR_CONFIG, as_where(cfg, ext_key, w, sizeof w), ext_key,
                    "%g m gives fewer than 3 cells of %g m", ext, d);
  *n = (int)round(cells);
  return AS_OK;
}

/* geometric stretch: sum_{k<n} dz0 r^k = top; returns r >= 1 */
static double as_stretch_ratio(double top, double dz0, int n)
{
  if (n == 1) return 1.0;
  double lo = 1.0, hi = 2.0;
  for (;;) { /* grow hi until the sum exceeds top */
    double s = dz0 * (pow(hi, n) - 1) / (hi - 1);
    if (s >= top || hi > 1e3) break;
    hi *= 2;
  }
  for (int it = 0; it < 200; it++) {
    double r = 0.5 * (lo + hi);
    double s = (r - 1 < 1e-12) ? dz0 * n : dz0 * (pow(r, n) - 1) / (r - 1);
    if (s < top) lo = r; else hi = r;
  }
  return 0.5 * (lo + hi);
}

static AsStatus as_grid_read_layers(AsConfig *cfg, AsGrid *g)
{
  char w[256];
  if (as_config_has(cfg, "grid.layers.count") || as_config_has(cfg, "grid.layers.top") ||
      as_config_has(cfg, "grid.layers.first_layer") || !as_config_has(cfg, "grid.layers")) {
    double top = 6000, dz0 = 36;
    long count = 18;
    AS_CALL(as_config_get_quantity(cfg, "grid.layers.top", 0, "m", 10, 50000, &top));
    AS_CALL(as_config_get_quantity(cfg, "grid.layers.first_layer", 0, "m", 1, 5000, &dz0));
    AS_CALL(as_config_get_int(cfg, "grid.layers.count", 0, 1, 500, &count));
    if (top < dz0 * (double)count * (1 - 1e-12))
      return as_error(AS_ERR_CONFIG, as_where(cfg, "grid.layers.top", w, sizeof w),
                      "grid.layers.top", "%g m is less than count x first_layer = %g m", top,
                      dz0 * (double)count);
    g->nz = (int)count;
    AS_MALLOC(g->z_face, g->nz + 1);
    double r = as_stretch_ratio(top, dz0, g->nz);
    g->z_face[0] = 0;
    for (int k = 0; k < g->nz; k++) g->z_face[k + 1] = g->z_face[k] + dz0 * pow(r, k);
    g->z_face[g->nz] = top; /* exact top despite round-off */
  } else {
    double *z = NULL;
    int n = 0;
    AS_CALL(as_config_get_quantity_list(cfg, "grid.layers", 1, "m", 0, 50000, &z, &n));
    if (n < 2 || z[0] != 0) {
      free(z);
      return as_error(AS_ERR_CONFIG, as_where(cfg, "grid.layers", w, sizeof w), "grid.layers",
                      "needs at least 2 interface heights starting with 0");
    }
    for (int k = 1; k < n; k++)
      if (!(z[k] > z[k - 1])) {
        double a = z[k - 1], b = z[k];
        free(z);
        return as_error(AS_ERR_CONFIG, as_where(cfg, "grid.layers", w, sizeof w), "grid.layers",
                        "interface heights must increase (element %d: %g m after %g m)", k, b,
                        a);
      }
    g->nz = n - 1;
    g->z_face = z;
  }
  AS_MALLOC(g->dz, g->nz);
  AS_MALLOC(g->z_mid, g->nz);
  for (int k = 0; k < g->nz; k++) {
    g->dz[k] = g->z_face[k + 1] - g->z_face[k];
    g->z_mid[k] = 0.5 * (g->z_face[k] + g->z_face[k + 1]);
  }
  return AS_OK;
}

static AsStatus as_grid_fill(AsGrid *g)
{
  AsProj p = {0};
  AS_CALL(as_proj_open(&g->proj, &p));
  const int nx = g->nx, ny = g->ny;
  AsStatus s = AS_OK;
  for (int j = 0; j < ny && !s; j++)
    for (int i = 0; i < nx && !s; i++) {
      long c = (long)j * nx + i;
      double x = g->x0 + i * g->dx, y = g->y0 + j * g->dy;
      s = as_proj_inv(&p, x, y, &g->lon[c], &g->lat[c]);
      if (!s) s = as_proj_mapfac(&p, x, y, &g->mapfac[c]);
      if (!s) g->area[c] = g->dx * g->dy / (g->mapfac[c] * g->mapfac[c]);
    }
  for (int j = 0; j < ny && !s; j++)
    for (int i = 0; i <= nx && !s; i++)
      s = as_proj_mapfac(&p, g->x0 + (i - 0.5) * g->dx, g->y0 + j * g->dy,
                         &g->mapfac_u[(long)j * (nx + 1) + i]);
  for (int j = 0; j <= ny && !s; j++)
    for (int i = 0; i < nx && !s; i++)
      s = as_proj_mapfac(&p, g->x0 + i * g->dx, g->y0 + (j - 0.5) * g->dy,
                         &g->mapfac_v[(long)j * nx + i]);
  as_proj_close(&p);
  return s;
}

static AsStatus as_grid_build(AsConfig *cfg, AsGrid *g)
{
  char w[256];
  AS_CALL(as_grid_read_projection(cfg, &g->proj));
  double res = 3000;
  AS_CALL(as_config_get_quantity(cfg, "grid.resolution", 1, "m", 10, 1.0e6, &res));
  g->dx = g->dy = res;
  double clon = 120.35, clat = 31.8;
  AS_CALL(as_config_get_double(cfg, "grid.center.longitude", 0, -180, 360, &clon));
  AS_CALL(as_config_get_double(cfg, "grid.center.latitude", 0, -89, 89, &clat));
  AS_CALL(as_grid_read_count(cfg, "grid.extent.x", "grid.nx", res, 150000, &g->nx));
  AS_CALL(as_grid_read_count(cfg, "grid.extent.y", "grid.ny", res, 120000, &g->ny));
  AS_CALL(as_grid_read_layers(cfg, g));
  AsProj p = {0};
  AS_CALL(as_proj_open(&g->proj, &p));
  double xc = 0, yc = 0;
  AsStatus s = as_proj_fwd(&p, clon, clat, &xc, &yc);
  as_proj_close(&p);
  if (s) {
    as_error_clear();
    return as_error(AS_ERR_CONFIG, as_where(cfg, "grid.center", w, sizeof w), "grid.center",
                    "lon %g lat %g cannot be projected", clon, clat);
  }
  g->x0 = xc - 0.5 * (g->nx - 1) * g->dx;
  g->y0 = yc - 0.5 * (g->ny - 1) * g->dy;
  long n2 = (long)g->nx * g->ny;
  AS_MALLOC(g->lon, n2);
  AS_MALLOC(g->lat, n2);
  AS_MALLOC(g->mapfac, n2);
  AS_MALLOC(g->area, n2);
  AS_MALLOC(g->topo, n2); /* flat domain: 0 */
  AS_MALLOC(g->mapfac_u, (long)(g->nx + 1) * g->ny);
  AS_MALLOC(g->mapfac_v, (long)g->nx * (g->ny + 1));
  AS_CALL(as_grid_fill(g));
  /* the domain must stay where LCC is sane */
  for (long c = 0; c < n2; c++)
    if (fabs(g->lat[c]) > 85)
      return as_error(AS_ERR_CONFIG, as_where(cfg, "grid.extent", w, sizeof w), "grid.extent",
                      "domain reaches latitude %g", g->lat[c]);
  return AS_OK;
}

AsStatus as_grid_create(AsConfig *cfg, AsGrid **grid)
{
  AsGrid *g = calloc(1, sizeof *g);
  if (!g) return as_error(AS_ERR_MEM, "", "grid", "cannot allocate the grid");
  AsStatus s = as_grid_build(cfg, g);
  if (s) {
    as_grid_destroy(&g);
    return s;
  }
  *grid = g;
  return AS_OK;
}

void as_grid_view(const AsGrid *g, void *file)
{
  FILE *f = file;
  if (!g || !f) return;
  double mmin = INFINITY, mmax = -INFINITY, lo0 = INFINITY, lo1 = -INFINITY, la0 = INFINITY,
         la1 = -INFINITY, atot = 0;
  for (long c = 0; c < (long)g->nx * g->ny; c++) {
    mmin = fmin(mmin, g->mapfac[c]), mmax = fmax(mmax, g->mapfac[c]);
    lo0 = fmin(lo0, g->lon[c]), lo1 = fmax(lo1, g->lon[c]);
    la0 = fmin(la0, g->lat[c]), la1 = fmax(la1, g->lat[c]);
    atot += g->area[c];
  }
  fprintf(f, "grid: %d x %d x %d cells, %g m x %g m, LCC (%s)\n", g->nx, g->ny, g->nz, g->dx,
          g->dy, g->proj.proj_string);
  fprintf(f, "grid: cell centres %.3f..%.3f E, %.3f..%.3f N; map factor %.6f..%.6f; "
             "area %.1f km2\n", lo0, lo1, la0, la1, mmin, mmax, atot * 1e-6);
  fprintf(f, "grid: %d layers to %g m, first %g m thick, top layer %g m\n", g->nz,
          g->z_face[g->nz], g->dz[0], g->dz[g->nz - 1]);
}

void as_grid_destroy(AsGrid **grid)
{
  if (!grid || !*grid) return;
  AsGrid *g = *grid;
  free(g->lon), free(g->lat), free(g->mapfac), free(g->area), free(g->topo);
  free(g->mapfac_u), free(g->mapfac_v);
  free(g->z_face), free(g->dz), free(g->z_mid);
  free(g);
  *grid = NULL;
}

double as_grid_convergence(const AsGrid *g, long col)
{
  const double d2r = M_PI / 180.0, p1 = g->proj.lat1 * d2r, p2 = g->proj.lat2 * d2r;
  const double n = fabs(p1 - p2) < 1e-10
                       ? sin(p1)
                       : log(cos(p1) / cos(p2)) / log(tan(M_PI / 4 + p2 / 2) / tan(M_PI / 4 + p1 / 2));
  return n * remainder(g->lon[col] - g->proj.lon0, 360.0) * d2r;
}

AsStatus as_grid_lonlat_to_xy(const AsGrid *g, double lon, double lat, double *x, double *y)
{
  AsProj p = {0};
  AS_CALL(as_proj_open(&g->proj, &p));
  AsStatus s = as_proj_fwd(&p, lon, lat, x, y);
  as_proj_close(&p);
  return s;
}

AsStatus as_grid_xy_to_lonlat(const AsGrid *g, double x, double y, double *lon, double *lat)
{
  AsProj p = {0};
  AS_CALL(as_proj_open(&g->proj, &p));
  AsStatus s = as_proj_inv(&p, x, y, lon, lat);
  as_proj_close(&p);
  return s;
}

AsStatus as_grid_locate(const AsGrid *g, double lon, double lat, double *fi, double *fj,
                        int *inside)
{
  double x = 0, y = 0;
  AS_CALL(as_grid_lonlat_to_xy(g, lon, lat, &x, &y));
  *fi = (x - g->x0) / g->dx;
  *fj = (y - g->y0) / g->dy;
  *inside = *fi >= -0.5 && *fi <= g->nx - 0.5 && *fj >= -0.5 && *fj <= g->ny - 0.5;
  return AS_OK;
}
