/* as_emis_area.c — area and line sources: regional totals spread by spatial surrogates.
 *
 * A surrogate is a normalised density on the plane, represented by weighted sample points in
 * lon/lat that do NOT depend on the model grid; each sample falls in a cell or outside the domain
 * (then its share is dropped). Cell fraction = (sum of the weights of its samples) / (sum of all
 * weights), so the part of a region outside the domain is dropped and the in-domain share of a
 * surrogate changes only with the domain, not with the resolution's sampling.
 *   gauss:G   sum over the centres c of group G of  w_c * N2(x; x_c, sigma_c)  (normalised
 *             Gaussians, sampled on a square lattice of step sigma/4 out to 4 sigma)
 *   line:A+B  uniform per km along the polylines A, B (sub-steps of at most 100 m)
 *   crop:G    uniform per km2 over the discs of group G, minus urban cores (within sigma_c of any
 *             centre of any group) and rivers (within the half-width of any river line);
 *             lattice step 250 m
 * Distances use the local equirectangular approximation (1 deg lat = 110.574 km, 1 deg lon =
 * 111.320 cos(lat) km), adequate at these 10-100 km scales. Files: docs/config.md.
 */
#include "as_emis_internal.h"
#include <math.h>
#include <proj.h>
#include <stdlib.h>
#include <string.h>

#define KM_LAT 110.574
#define KM_LON 111.320
#define DEG (M_PI / 180.0)

typedef struct { char type[16], group[48], name[64]; double lon, lat, weight, size; } Surr;
typedef struct { char name[48]; int n; double *lon, *lat; } Line;

typedef struct {
  const AsGrid *g;
  PJ_CONTEXT *ctx;
  PJ *pj;
  double *hist; /* ny*nx */
  double wall;  /* all sample weight */
} Sampler;

static void add_sample(Sampler *S, double lon, double lat, double w)
{
  S->wall += w;
  PJ_COORD r = proj_trans(S->pj, PJ_FWD, proj_coord(lon * DEG, lat * DEG, 0, 0));
  if (!isfinite(r.xy.x) || !isfinite(r.xy.y)) return;
  const AsGrid *g = S->g;
  double fi = (r.xy.x - g->x0) / g->dx, fj = (r.xy.y - g->y0) / g->dy;
  if (!(fi >= -0.5 && fi < g->nx - 0.5 && fj >= -0.5 && fj < g->ny - 0.5)) return;
  int i = (int)floor(fi + 0.5), j = (int)floor(fj + 0.5);
  if (i >= g->nx) i = g->nx - 1;
  if (j >= g->ny) j = g->ny - 1;
  S->hist[(long)j * g->nx + i] += w;
}

static double seg_dist_km(double lon, double lat, double lo1, double la1, double lo2, double la2)
{
  double c = cos(lat * DEG) * KM_LON;
  double px = (lon - lo1) * c, py = (lat - la1) * KM_LAT;
  double sx = (lo2 - lo1) * c, sy = (la2 - la1) * KM_LAT;
  double L2 = sx * sx + sy * sy, t = L2 > 0 ? (px * sx + py * sy) / L2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  double dx = px - t * sx, dy = py - t * sy;
  return sqrt(dx * dx + dy * dy);
}

static const Line *find_line(const Line *L, int nl, const char *name)
{
  for (int k = 0; k < nl; k++)
    if (!strcmp(L[k].name, name)) return &L[k];
  return NULL;
}

/* -------- reading the surrogate and polyline files -------- */
static AsStatus read_surrogates(const char *path, Surr **out, int *n)
{
  AsCsv c;
  AsCsvHeader h;
  AsStatus st = as_csv_open(path, &c, &h);
  static const char *const cols[] = {"type", "group", "name", "lon", "lat", "weight", "size"};
  int col[7];
  double usc = 1, uof = 0;
  for (int k = 0; !st && k < 7; k++)
    if ((col[k] = as_csv_col(&h, cols[k])) < 0)
      st = as_error(AS_ERR_DATA, path, "header", "missing column '%s'", cols[k]);
  if (!st) st = as_units_convert(h.unit[col[6]][0] ? h.unit[col[6]] : "km", "km", &usc, &uof,
                                 path, "size");
  Surr *s = NULL;
  int cap = 0;
  *n = 0;
  while (!st && as_csv_next(&c, &st)) {
    char where[600];
    snprintf(where, sizeof where, "%s:%d", path, c.line);
    if (c.nfield != h.ncol) {
      st = as_error(AS_ERR_DATA, where, "record", "%d fields, header has %d", c.nfield, h.ncol);
      break;
    }
    if (*n == cap) {
      cap = cap ? 2 * cap : 64;
      Surr *q = realloc(s, (size_t)cap * sizeof *q);
      if (!q) { st = as_error(AS_ERR_MEM, path, "surrogates", "out of memory"); break; }
      s = q;
    }
    Surr *e = &s[*n];
    snprintf(e->type, sizeof e->type, "%s", c.field[col[0]]);
    snprintf(e->group, sizeof e->group, "%s", c.field[col[1]]);
    snprintf(e->name, sizeof e->name, "%s", c.field[col[2]]);
    if (strcmp(e->type, "centre") && strcmp(e->type, "disc") && strcmp(e->type, "river")) {
      st = as_error(AS_ERR_DATA, where, e->name, "type '%s' is not centre, disc or river",
                    e->type);
      break;
    }
    if (!st) st = as_csv_number(&c, col[3], "lon", e->name, &e->lon);
    if (!st) st = as_csv_number(&c, col[4], "lat", e->name, &e->lat);
    if (!st) st = as_csv_number(&c, col[5], "weight", e->name, &e->weight);
    if (!st) st = as_csv_number(&c, col[6], "size", e->name, &e->size);
    if (st) break;
    e->size = e->size * usc + uof;
    if (!(e->size > 0) || e->weight < 0) {
      st = as_error(AS_ERR_DATA, where, e->name, "size must be > 0 and weight >= 0");
      break;
    }
    (*n)++;
  }
  as_csv_close(&c, &h);
  if (st) { free(s); return st; }
  *out = s;
  return AS_OK;
}

static void free_lines(Line *L, int n)
{
  for (int k = 0; k < n; k++) free(L[k].lon), free(L[k].lat);
  free(L);
}

static AsStatus read_lines(const char *path, Line **out, int *n)
{
  AsCsv c;
  AsCsvHeader h;
  AsStatus st = as_csv_open(path, &c, &h);
  int cl = -1, cx = -1, cy = -1;
  if (!st && ((cl = as_csv_col(&h, "line")) < 0 || (cx = as_csv_col(&h, "lon")) < 0 ||
              (cy = as_csv_col(&h, "lat")) < 0))
    st = as_error(AS_ERR_DATA, path, "header", "needs columns line,lon,lat");
  Line *L = NULL;
  *n = 0;
  while (!st && as_csv_next(&c, &st)) {
    const char *nm = c.field[cl];
    Line *l = (Line *)find_line(L, *n, nm);
    if (!l) {
      Line *q = realloc(L, (size_t)(*n + 1) * sizeof *q);
      if (!q) { st = as_error(AS_ERR_MEM, path, "lines", "out of memory"); break; }
      L = q;
      l = &L[(*n)++];
      memset(l, 0, sizeof *l);
      snprintf(l->name, sizeof l->name, "%s", nm);
    }
    double *a = realloc(l->lon, (size_t)(l->n + 1) * sizeof *a);
    if (a) l->lon = a;
    double *b = realloc(l->lat, (size_t)(l->n + 1) * sizeof *b);
    if (b) l->lat = b;
    if (!a || !b) { st = as_error(AS_ERR_MEM, path, "lines", "out of memory"); break; }
    if (!st) st = as_csv_number(&c, cx, "lon", nm, &l->lon[l->n]);
    if (!st) st = as_csv_number(&c, cy, "lat", nm, &l->lat[l->n]);
    if (!st) l->n++;
  }
  for (int k = 0; !st && k < *n; k++)
    if (L[k].n < 2) st = as_error(AS_ERR_DATA, path, L[k].name, "a line needs >= 2 vertices");
  as_csv_close(&c, &h);
  if (st) { free_lines(L, *n); return st; }
  *out = L;
  return AS_OK;
}

/* -------- sampling one surrogate -------- */
static AsStatus sample(Sampler *S, const char *spec, const Surr *sv, int ns, const Line *L,
                       int nl, const char *where)
{
  char buf[256];
  snprintf(buf, sizeof buf, "%s", spec);
  char *colon = strchr(buf, ':');
  if (!colon) return as_error(AS_ERR_DATA, where, spec, "surrogate must be gauss:, line: or crop:");
  *colon = 0;
  const char *kind = buf, *arg = colon + 1;
  int found = 0;
  if (!strcmp(kind, "gauss")) {
    double wsum = 0;
    for (int k = 0; k < ns; k++)
      if (!strcmp(sv[k].type, "centre") && !strcmp(sv[k].group, arg)) wsum += sv[k].weight;
    for (int k = 0; k < ns; k++) {
      const Surr *e = &sv[k];
      if (strcmp(e->type, "centre") || strcmp(e->group, arg) || e->weight == 0) continue;
      found = 1;
      /* lattice step sigma/4 to 4 sigma; the centre's share e->weight/wsum exactly */
      double lat_norm = 0;
      for (int a = -16; a <= 16; a++)
        for (int b = -16; b <= 16; b++) lat_norm += exp(-(a * a + b * b) / 32.0);
      double st = e->size / 4, cl = cos(e->lat * DEG) * KM_LON;
      for (int b = -16; b <= 16; b++)
        for (int a = -16; a <= 16; a++) {
          double w = exp(-(a * a + b * b) / 32.0) / lat_norm * e->weight / wsum;
          add_sample(S, e->lon + a * st / cl, e->lat + b * st / KM_LAT, w);
        }
    }
  } else if (!strcmp(kind, "line")) {
    char names[256];
    snprintf(names, sizeof names, "%s", arg);
    for (char *tok = strtok(names, "+"); tok; tok = strtok(NULL, "+")) {
      const Line *l = find_line(L, nl, tok);
      if (!l) return as_error(AS_ERR_DATA, where, spec, "no polyline named '%s'", tok);
      found = 1;
      for (int v = 0; v + 1 < l->n; v++) {
        double lo1 = l->lon[v], la1 = l->lat[v], lo2 = l->lon[v + 1], la2 = l->lat[v + 1];
        double len = seg_dist_km(lo2, la2, lo1, la1, lo1, la1);
        int m = (int)ceil(len / 0.1);
        for (int q = 0; q < m; q++) {
          double t = (q + 0.5) / m;
          add_sample(S, lo1 + t * (lo2 - lo1), la1 + t * (la2 - la1), len / m);
        }
      }
    }
  } else if (!strcmp(kind, "crop")) {
    for (int k = 0; k < ns; k++) {
      const Surr *e = &sv[k];
      if (strcmp(e->type, "disc") || strcmp(e->group, arg)) continue;
      found = 1;
      double step = 0.25, cl = cos(e->lat * DEG) * KM_LON;
      int m = (int)ceil(e->size / step);
      for (int b = -m; b <= m; b++)
        for (int a = -m; a <= m; a++) {
          double x = a * step, y = b * step;
          if (x * x + y * y > e->size * e->size) continue;
          double lon = e->lon + x / cl, lat = e->lat + y / KM_LAT;
          int excluded = 0;
          for (int q = 0; q < ns && !excluded; q++) {
            const Surr *o = &sv[q];
            if (!strcmp(o->type, "centre")) {
              double dx = (lon - o->lon) * cl, dy = (lat - o->lat) * KM_LAT;
              excluded = dx * dx + dy * dy < o->size * o->size;
            } else if (!strcmp(o->type, "river")) {
              const Line *l = find_line(L, nl, o->name);
              for (int v = 0; l && v + 1 < l->n && !excluded; v++)
                excluded = seg_dist_km(lon, lat, l->lon[v], l->lat[v], l->lon[v + 1],
                                       l->lat[v + 1]) < o->size;
            }
          }
          if (!excluded) add_sample(S, lon, lat, e->weight);
        }
    }
  } else {
    return as_error(AS_ERR_DATA, where, spec, "unknown surrogate kind '%s'", kind);
  }
  if (!found) return as_error(AS_ERR_DATA, where, spec, "no surrogate entries for '%s'", arg);
  if (!(S->wall > 0)) return as_error(AS_ERR_DATA, where, spec, "surrogate has zero weight");
  return AS_OK;
}

void as_emis_area_free(AsEmisArea *a, int n)
{
  for (int k = 0; a && k < n; k++) free(a[k].cell), free(a[k].frac);
  free(a);
}

AsStatus as_emis_area_read(const char *totals, const char *surrogates, const char *polylines,
                           const AsGrid *g, const AsEmisProfiles *prof, AsEmisArea **out,
                           int *nout)
{
  Surr *sv = NULL;
  Line *L = NULL;
  int ns = 0, nl = 0, n = 0;
  AsEmisArea *A = NULL;
  AS_CALL(read_surrogates(surrogates, &sv, &ns));
  AsStatus st = read_lines(polylines, &L, &nl);
  Sampler S = {.g = g};
  if (!st) {
    S.ctx = proj_context_create();
    if (S.ctx) proj_log_level(S.ctx, PJ_LOG_NONE);
    S.pj = S.ctx ? proj_create(S.ctx, g->proj.proj_string) : NULL;
    S.hist = malloc((size_t)g->nx * g->ny * sizeof *S.hist);
    if (!S.pj || !S.hist) st = as_error(AS_ERR_LIB, surrogates, "projection",
                                        "cannot set up PROJ or memory for the surrogates");
  }
  AsCsv c;
  AsCsvHeader h;
  int opened = 0;
  int cr = -1, cs = -1, cg = -1, pcol[AS_EP_N];
  double psc[AS_EP_N];
  if (!st) {
    st = as_csv_open(totals, &c, &h);
    opened = 1;
  }
  if (!st && ((cr = as_csv_col(&h, "region")) < 0 || (cs = as_csv_col(&h, "sector")) < 0 ||
              (cg = as_csv_col(&h, "surrogate")) < 0))
    st = as_error(AS_ERR_DATA, totals, "header", "needs columns region,sector,surrogate");
  for (int p = 0; !st && p < AS_EP_N; p++) {
    psc[p] = 0;
    if ((pcol[p] = as_csv_col(&h, as_emis_pollutant_name[p])) >= 0)
      st = as_emis_rate_scale(totals, h.name[pcol[p]], h.unit[pcol[p]],
                              as_emis_pollutant_molar_mass[p], &psc[p]);
  }
  for (int k = 0; !st && k < h.ncol; k++)
    if (k != cr && k != cs && k != cg && as_emis_pollutant_index(h.name[k]) < 0 &&
        strcmp(h.name[k], "note"))
      st = as_error(AS_ERR_DATA, totals, h.name[k], "unknown column");
  while (!st && as_csv_next(&c, &st)) {
    char where[600], item[160];
    snprintf(where, sizeof where, "%s:%d", totals, c.line);
    if (c.nfield != h.ncol) {
      st = as_error(AS_ERR_DATA, where, "record", "%d fields, header has %d", c.nfield, h.ncol);
      break;
    }
    snprintf(item, sizeof item, "%s/%s", c.field[cr], c.field[cs]);
    AsEmisArea *q = realloc(A, (size_t)(n + 1) * sizeof *q);
    if (!q) { st = as_error(AS_ERR_MEM, totals, "area", "out of memory"); break; }
    A = q;
    AsEmisArea *a = &A[n++];
    memset(a, 0, sizeof *a);
    snprintf(a->region, sizeof a->region, "%s", c.field[cr]);
    if ((a->sector = as_emis_sector_index(prof, c.field[cs])) < 0) {
      st = as_error(AS_ERR_DATA, where, item, "sector '%s' has no temporal profile", c.field[cs]);
      break;
    }
    st = as_csv_rates(&c, &h, pcol, psc, item, a->rate);
    if (st) break;
    memset(S.hist, 0, (size_t)g->nx * g->ny * sizeof *S.hist);
    S.wall = 0;
    if ((st = sample(&S, c.field[cg], sv, ns, L, nl, where))) break;
    long nz = 0, n2 = (long)g->nx * g->ny;
    for (long k = 0; k < n2; k++) nz += S.hist[k] > 0;
    a->cell = malloc((size_t)(nz ? nz : 1) * sizeof *a->cell);
    a->frac = malloc((size_t)(nz ? nz : 1) * sizeof *a->frac);
    if (!a->cell || !a->frac) { st = as_error(AS_ERR_MEM, totals, "area", "out of memory"); break; }
    a->inside = 0;
    for (long k = 0; k < n2; k++)
      if (S.hist[k] > 0) {
        a->cell[a->ncell] = k;
        a->frac[a->ncell] = S.hist[k] / S.wall;
        a->inside += a->frac[a->ncell++];
      }
  }
  if (opened) as_csv_close(&c, &h);
  if (S.pj) proj_destroy(S.pj);
  if (S.ctx) proj_context_destroy(S.ctx);
  free(S.hist);
  free(sv);
  free_lines(L, nl);
  if (st) {
    as_emis_area_free(A, n);
    return st;
  }
  *out = A;
  *nout = n;
  return AS_OK;
}
