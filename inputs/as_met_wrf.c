/* as_met_wrf.c — "wrf" source: wrfout_d0* NetCDF files interpolated to the model grid and in time.
 *
 * Horizontal: the WRF Lambert conformal projection from the global attributes (MAP_PROJ = 1,
 * TRUELAT1, TRUELAT2, STAND_LON, CEN_LAT, CEN_LON, DX, DY; sphere R = 6370 km as in WRF; Snyder
 * 1987 eqs. 15-1..15-5) gives each model cell's fractional WRF index; fields are bilinear in
 * index space on their own stagger (U on west_east_stag, V on south_north_stag). XLAT/XLONG are
 * checked against the attributes. Vertical: heights of the mass levels above ground from
 * (PH+PHB)/g, g = 9.81 m s-2 as in WRF (average of the two w levels, minus the lowest w level), linear in height to the
 * model's layer mid-heights (constant beyond the first/last level). Time: linear between the
 * records bracketing the hour. Winds: WRF grid-relative -> earth (angle -n_w (lon - STAND_LON))
 * -> model grid. T = (T' + 300 K)(p/1e5 Pa)^(R/cp), p = P + PB; precipitation rate =
 * RAINNC difference of the bracketing records / their interval. Kz from UST, PBLH and
 * L = -rho cp T2 u*^3 / (k g HFX) with the diagnostic's K-profile; Kh Smagorinsky; cloud from
 * SWDOWN by inverting Kasten & Czeplak (1980) when the sun is above 10 degrees, else 0.
 * The winds (W as the first guess of the vertical flux) are then made mass-consistent.
 */
#include "as_met_impl.h"
#include "as_met_similarity.h"
#include <glob.h>
#include <math.h>
#include <netcdf.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { V_U, V_V, V_W, V_T, V_P, V_PB, V_PH, V_PHB, V_QV, V_PBLH, V_HFX, V_UST, V_RAIN, V_SW,
       V_T2, V_U10, V_V10, V_XLAT, V_XLONG, V_N };
static const char *vname[V_N] = {"U", "V", "W", "T", "P", "PB", "PH", "PHB", "QVAPOR", "PBLH",
                                 "HFX", "UST", "RAINNC", "SWDOWN", "T2", "U10", "V10", "XLAT",
                                 "XLONG"};
/* stagger: 0 mass 3-D, 1 U, 2 V, 3 w levels, 4 2-D */
static const int vkind[V_N] = {1, 2, 3, 0, 0, 0, 3, 3, 0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4};

/* WRF's own gravity (share/module_model_constants.F: g = 9.81): geopotential -> height */
#define AS_WRF_G 9.81

typedef struct { int file, rec; double t; } Rec;

typedef struct {
  int nfile, nrec;
  char **files;
  Rec *recs;
  int nx, ny, nz;               /* WRF mass dims */
  double n, F, R, lon0, xc, yc, dx, dy;
  int *ii[3], *jj[3];           /* per model cell: lower-left index on mass / U / V points */
  double *wx[3], *wy[3];
  double *sinw, *cosw;          /* WRF grid north in earth frame per model cell */
  double *buf[V_N];             /* one record of each variable */
  double *rain_b;               /* RAINNC of the second record */
  double *zm;                   /* [nxy * nz] WRF mass-level heights at the model cells */
  double kz_min, kh_min, cs;
} Wrf;

static AsStatus nc_fail(int rc, const char *file, const char *item)
{
  return as_error(AS_ERR_IO, file, item, "%s", nc_strerror(rc));
}

static void lcc_fwd(const Wrf *w, double lon, double lat, double *x, double *y)
{
  double rho = w->R * w->F / pow(tan(M_PI / 4 + lat * M_PI / 360.0), w->n);
  double th = w->n * remainder(lon - w->lon0, 360.0) * M_PI / 180.0;
  *x = rho * sin(th);
  *y = -rho * cos(th);
}

static AsStatus get_att(int nc, const char *file, const char *name, double *v)
{
  int rc = nc_get_att_double(nc, NC_GLOBAL, name, v);
  if (rc) return as_error(AS_ERR_DATA, file, name, "missing global attribute (%s)", nc_strerror(rc));
  return AS_OK;
}

/* check dims and variables of one file; the first file sets the domain */
static AsStatus check_file(Wrf *w, int f, int *nrec_out)
{
  const char *file = w->files[f];
  int nc, rc = nc_open(file, NC_NOWRITE, &nc);
  if (rc) return nc_fail(rc, file, "open");
  AsStatus s = AS_OK;
  static const char *dn[] = {"west_east", "south_north", "bottom_top", "Time"};
  size_t len[4] = {0};
  for (int d = 0; d < 4 && !s; d++) {
    int id;
    if (nc_inq_dimid(nc, dn[d], &id) || nc_inq_dimlen(nc, id, &len[d]))
      s = as_error(AS_ERR_DATA, file, dn[d], "missing dimension");
  }
  for (int v = 0; v < V_N && !s; v++) {
    int id;
    if (nc_inq_varid(nc, vname[v], &id) != NC_NOERR)
      s = as_error(AS_ERR_DATA, file, vname[v], "missing variable");
    else {
      int nd;
      nc_inq_varndims(nc, id, &nd);
      int want = (vkind[v] == 4) ? 3 : 4;
      if (nd != want) s = as_error(AS_ERR_DATA, file, vname[v], "has %d dimensions, expected %d", nd, want);
    }
  }
  int idt;
  if (!s && nc_inq_varid(nc, "Times", &idt)) s = as_error(AS_ERR_DATA, file, "Times", "missing variable");
  double mp = 0, tl1, tl2, sl, clat, clon, dx, dy;
  if (!s) s = get_att(nc, file, "MAP_PROJ", &mp);
  if (!s && mp != 1)
    s = as_error(AS_ERR_NOTIMPL, file, "MAP_PROJ", "projection %g not supported (only 1, Lambert conformal)", mp);
  if (!s) s = get_att(nc, file, "TRUELAT1", &tl1);
  if (!s) s = get_att(nc, file, "TRUELAT2", &tl2);
  if (!s) s = get_att(nc, file, "STAND_LON", &sl);
  if (!s) s = get_att(nc, file, "CEN_LAT", &clat);
  if (!s) s = get_att(nc, file, "CEN_LON", &clon);
  if (!s) s = get_att(nc, file, "DX", &dx);
  if (!s) s = get_att(nc, file, "DY", &dy);
  if (!s) {
    double p1 = tl1 * M_PI / 180, p2 = tl2 * M_PI / 180, n;
    if (fabs(tl1 - tl2) < 1e-9) n = sin(p1);
    else n = log(cos(p1) / cos(p2)) / log(tan(M_PI / 4 + p2 / 2) / tan(M_PI / 4 + p1 / 2));
    if (f == 0) {
      w->nx = (int)len[0];
      w->ny = (int)len[1];
      w->nz = (int)len[2];
      w->n = n;
      w->F = cos(p1) * pow(tan(M_PI / 4 + p1 / 2), n) / n;
      w->R = 6370000.0;
      w->lon0 = sl;
      w->dx = dx;
      w->dy = dy;
      lcc_fwd(w, clon, clat, &w->xc, &w->yc);
      if (w->nx < 2 || w->ny < 2 || w->nz < 2)
        s = as_error(AS_ERR_DATA, file, "west_east", "domain too small (%d x %d x %d)", w->nx, w->ny, w->nz);
    } else if ((int)len[0] != w->nx || (int)len[1] != w->ny || (int)len[2] != w->nz ||
               fabs(n - w->n) > 1e-9 || sl != w->lon0 || dx != w->dx) {
      s = as_error(AS_ERR_DATA, file, "domain", "differs from %s", w->files[0]);
    }
  }
  *nrec_out = (int)len[3];
  if (!s) { /* times */
    for (int r = 0; r < (int)len[3] && !s; r++) {
      char ts[20] = {0};
      size_t st[2] = {(size_t)r, 0}, ct[2] = {1, 19};
      rc = nc_get_vara_text(nc, idt, st, ct, ts);
      struct tm tm = {0};
      if (rc || sscanf(ts, "%4d-%2d-%2d_%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                       &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
        s = as_error(AS_ERR_DATA, file, "Times", "record %d: cannot read '%s'", r, ts);
        break;
      }
      tm.tm_year -= 1900;
      tm.tm_mon -= 1;
      Rec *nr = realloc(w->recs, sizeof(Rec) * (size_t)(w->nrec + 1));
      if (!nr) {
        s = as_error(AS_ERR_MEM, file, "Times", "out of memory");
        break;
      }
      w->recs = nr;
      w->recs[w->nrec++] = (Rec){f, r, (double)timegm(&tm)};
    }
  }
  nc_close(nc);
  return s;
}

static int rec_cmp(const void *a, const void *b)
{
  double d = ((const Rec *)a)->t - ((const Rec *)b)->t;
  return d < 0 ? -1 : d > 0;
}

static AsStatus read_rec(Wrf *w, const Rec *r, int only_rain, double *rain_out)
{
  const char *file = w->files[r->file];
  int nc, rc = nc_open(file, NC_NOWRITE, &nc);
  if (rc) return nc_fail(rc, file, "open");
  for (int v = 0; v < V_N; v++) {
    if (only_rain && v != V_RAIN) continue;
    int id;
    size_t st[4] = {(size_t)r->rec, 0, 0, 0}, ct[4] = {1, 0, 0, 0};
    int nz = vkind[v] == 3 ? w->nz + 1 : w->nz, ny = vkind[v] == 2 ? w->ny + 1 : w->ny;
    int nx = vkind[v] == 1 ? w->nx + 1 : w->nx;
    if (vkind[v] == 4) { ct[1] = (size_t)ny; ct[2] = (size_t)nx; }
    else { ct[1] = (size_t)nz; ct[2] = (size_t)ny; ct[3] = (size_t)nx; }
    double *dst = (only_rain && rain_out) ? rain_out : w->buf[v];
    rc = nc_inq_varid(nc, vname[v], &id);
    if (!rc) rc = nc_get_vara_double(nc, id, st, ct, dst);
    if (rc) {
      nc_close(nc);
      return as_error(AS_ERR_DATA, file, vname[v], "record %d: %s (dimensions not as in WRF?)", r->rec,
                      nc_strerror(rc));
    }
  }
  nc_close(nc);
  return AS_OK;
}

static inline double bil(const double *b, int nx, int i, int j, double wx, double wy)
{
  const double *p = b + (long)j * nx + i;
  return (1 - wy) * ((1 - wx) * p[0] + wx * p[1]) + wy * ((1 - wx) * p[nx] + wx * p[nx + 1]);
}

static AsStatus wrf_create(AsMet *met, AsConfig *cfg, void **data)
{
  const AsGrid *g = met->g;
  const long nxy = (long)g->nx * g->ny;
  Wrf *w;
  AS_MALLOC(w, 1);
  *data = w;
  w->kz_min = 0.1;
  w->kh_min = 50.0;
  w->cs = 0.2;
  AS_CALL(as_config_get_quantity(cfg, "meteorology.wrf.kz_min", 0, "m2/s", 0, 100, &w->kz_min));
  AS_CALL(as_config_get_quantity(cfg, "meteorology.wrf.kh_min", 0, "m2/s", 0, 1e5, &w->kh_min));
  AS_CALL(as_config_get_double(cfg, "meteorology.wrf.smagorinsky", 0, 0, 2, &w->cs));
  const char **pat = NULL;
  int npat = 0;
  char where[512];
  as_config_where(cfg, "meteorology.wrf.files", where, sizeof where);
  if (as_config_has(cfg, "meteorology.wrf.files")) {
    /* a list of names or globs, or one string */
    AsStatus s = as_config_get_string_list(cfg, "meteorology.wrf.files", 1, &pat, &npat);
    if (s) {
      as_error_clear();
      const char *one;
      AS_CALL(as_config_get_string(cfg, "meteorology.wrf.files", 1, &one));
      pat = malloc(sizeof *pat);
      if (!pat) return as_error(AS_ERR_MEM, where, "meteorology.wrf.files", "out of memory");
      pat[0] = one;
      npat = 1;
    }
  } else {
    return as_error(AS_ERR_CONFIG, where, "meteorology.wrf.files", "missing key");
  }
  const char *cf = as_config_file(cfg), *slash = strrchr(cf, '/');
  int dlen = slash ? (int)(slash - cf) : 0;
  AsStatus s = AS_OK;
  for (int p = 0; p < npat && !s; p++) {
    char full[2048];
    if (pat[p][0] == '/' || dlen == 0) snprintf(full, sizeof full, "%s", pat[p]);
    else snprintf(full, sizeof full, "%.*s/%s", dlen, cf, pat[p]);
    glob_t gl;
    int grc = glob(full, 0, NULL, &gl);
    if (grc != 0) {
      s = as_error(AS_ERR_IO, where, "meteorology.wrf.files", "no file matches '%s'", full);
      break;
    }
    for (size_t q = 0; q < gl.gl_pathc && !s; q++) {
      char **nf = realloc(w->files, sizeof(char *) * (size_t)(w->nfile + 1));
      if (!nf || !(nf[w->nfile] = strdup(gl.gl_pathv[q]))) s = as_error(AS_ERR_MEM, where, "files", "out of memory");
      else w->files = nf, w->nfile++;
    }
    globfree(&gl);
  }
  free(pat);
  if (s) return s;
  for (int f = 0; f < w->nfile; f++) {
    int nr;
    AS_CALL(check_file(w, f, &nr));
  }
  qsort(w->recs, (size_t)w->nrec, sizeof(Rec), rec_cmp);
  for (int r = 1; r < w->nrec; r++)
    if (w->recs[r].t == w->recs[r - 1].t)
      return as_error(AS_ERR_DATA, w->files[w->recs[r].file], "Times", "time repeated in %s",
                      w->files[w->recs[r - 1].file]);
  /* buffers */
  for (int v = 0; v < V_N; v++) {
    long n = (long)(vkind[v] == 3 ? w->nz + 1 : vkind[v] == 4 ? 1 : w->nz) *
             (vkind[v] == 2 ? w->ny + 1 : w->ny) * (vkind[v] == 1 ? w->nx + 1 : w->nx);
    AS_MALLOC(w->buf[v], n);
  }
  AS_MALLOC(w->rain_b, (long)w->nx * w->ny);
  AS_MALLOC(w->zm, nxy * w->nz);
  AS_MALLOC(w->sinw, nxy);
  AS_MALLOC(w->cosw, nxy);
  for (int s3 = 0; s3 < 3; s3++) {
    AS_MALLOC(w->ii[s3], nxy);
    AS_MALLOC(w->jj[s3], nxy);
    AS_MALLOC(w->wx[s3], nxy);
    AS_MALLOC(w->wy[s3], nxy);
  }
  /* model cells -> fractional WRF indices; coverage */
  const char *f0 = w->files[0];
  for (long c = 0; c < nxy; c++) {
    double x, y;
    lcc_fwd(w, g->lon[c], g->lat[c], &x, &y);
    double fi = (x - w->xc) / w->dx + 0.5 * (w->nx - 1), fj = (y - w->yc) / w->dy + 0.5 * (w->ny - 1);
    if (!(fi >= 0 && fi <= w->nx - 1 && fj >= 0 && fj <= w->ny - 1))
      return as_error(AS_ERR_DOMAIN, f0, "domain", "does not cover the model grid (cell %ld at %.3f E %.3f N "
                      "is at WRF index %.2f, %.2f of %d x %d)", c, g->lon[c], g->lat[c], fi, fj, w->nx, w->ny);
    const double fis[3] = {fi, fi + 0.5, fi}, fjs[3] = {fj, fj, fj + 0.5};
    const int nxs[3] = {w->nx, w->nx + 1, w->nx}, nys[3] = {w->ny, w->ny, w->ny + 1};
    for (int s3 = 0; s3 < 3; s3++) {
      int i0 = (int)floor(fis[s3]), j0 = (int)floor(fjs[s3]);
      if (i0 > nxs[s3] - 2) i0 = nxs[s3] - 2;
      if (j0 > nys[s3] - 2) j0 = nys[s3] - 2;
      w->ii[s3][c] = i0;
      w->jj[s3][c] = j0;
      w->wx[s3][c] = fis[s3] - i0;
      w->wy[s3][c] = fjs[s3] - j0;
    }
    double a = -w->n * remainder(g->lon[c] - w->lon0, 360.0) * M_PI / 180.0;
    w->sinw[c] = sin(a);
    w->cosw[c] = cos(a);
  }
  /* XLAT/XLONG agree with the projection attributes (checked at the corners and the centre) */
  AS_CALL(read_rec(w, &w->recs[0], 0, NULL));
  const int pi[5] = {0, w->nx - 1, 0, w->nx - 1, w->nx / 2}, pj[5] = {0, 0, w->ny - 1, w->ny - 1, w->ny / 2};
  for (int q = 0; q < 5; q++) {
    long k = (long)pj[q] * w->nx + pi[q];
    double x, y;
    lcc_fwd(w, w->buf[V_XLONG][k], w->buf[V_XLAT][k], &x, &y);
    double fi = (x - w->xc) / w->dx + 0.5 * (w->nx - 1), fj = (y - w->yc) / w->dy + 0.5 * (w->ny - 1);
    if (fabs(fi - pi[q]) > 0.05 || fabs(fj - pj[q]) > 0.05)
      return as_error(AS_ERR_DATA, w->files[w->recs[0].file], "XLAT/XLONG",
                      "point (%d,%d) is at index (%.2f,%.2f) of the projection in the attributes", pi[q],
                      pj[q], fi, fj);
  }
  return AS_OK;
}

/* add weight * (record r interpolated to the model grid) into st */
static void accumulate(const AsMet *met, Wrf *w, double wt, AsMetState *st)
{
  const AsGrid *g = met->g;
  const long nxy = (long)g->nx * g->ny;
  const int nxw = w->nx, nyw = w->ny, nzw = w->nz;
  const long n2 = (long)nxw * nyw, nu = (long)(nxw + 1) * nyw, nv = (long)nxw * (nyw + 1);
  const double kappa = AS_RD / AS_CP;
#pragma omp parallel for schedule(static)
  for (long c = 0; c < nxy; c++) {
    const int im = w->ii[0][c], jm = w->jj[0][c];
    const double ax = w->wx[0][c], ay = w->wy[0][c];
    double *zm = w->zm + c * nzw;
    double z0 = bil(w->buf[V_PH], nxw, im, jm, ax, ay) + bil(w->buf[V_PHB], nxw, im, jm, ax, ay);
    for (int l = 0; l < nzw; l++) {
      double lo = bil(w->buf[V_PH] + l * n2, nxw, im, jm, ax, ay) + bil(w->buf[V_PHB] + l * n2, nxw, im, jm, ax, ay);
      double hi = bil(w->buf[V_PH] + (l + 1) * n2, nxw, im, jm, ax, ay) +
                  bil(w->buf[V_PHB] + (l + 1) * n2, nxw, im, jm, ax, ay);
      zm[l] = (0.5 * (lo + hi) - z0) / AS_WRF_G;
    }
    /* rotation WRF grid -> earth -> model grid */
    const double sw = w->sinw[c], cw = w->cosw[c], sm = met->sina[c], cm = met->cosa[c];
#define ROT(uw, vw, ug, vg)                                  \
  do {                                                       \
    double ue_ = (uw) * cw - (vw) * sw, vn_ = (uw) * sw + (vw) * cw; \
    ug = ue_ * cm + vn_ * sm;                                \
    vg = -ue_ * sm + vn_ * cm;                               \
  } while (0)
    int l = 0;
    for (int k = 0; k < g->nz; k++) {
      double z = g->z_mid[k], f;
      while (l < nzw - 2 && zm[l + 1] < z) l++;
      f = (z - zm[l]) / (zm[l + 1] - zm[l]);
      if (f < 0) f = 0;
      if (f > 1) f = 1;
      double val[7];
      for (int q = 0; q < 2; q++) {
        int lq = l + q;
        double uw = bil(w->buf[V_U] + lq * nu, nxw + 1, w->ii[1][c], w->jj[1][c], w->wx[1][c], w->wy[1][c]);
        double vw = bil(w->buf[V_V] + lq * nv, nxw, w->ii[2][c], w->jj[2][c], w->wx[2][c], w->wy[2][c]);
        double th = bil(w->buf[V_T] + lq * n2, nxw, im, jm, ax, ay) + 300.0;
        double p = bil(w->buf[V_P] + lq * n2, nxw, im, jm, ax, ay) + bil(w->buf[V_PB] + lq * n2, nxw, im, jm, ax, ay);
        double qv = bil(w->buf[V_QV] + lq * n2, nxw, im, jm, ax, ay);
        double ww = 0.5 * (bil(w->buf[V_W] + lq * n2, nxw, im, jm, ax, ay) +
                           bil(w->buf[V_W] + (lq + 1) * n2, nxw, im, jm, ax, ay));
        double wq = q ? f : 1.0 - f;
        if (q == 0) memset(val, 0, sizeof val);
        val[0] += wq * uw; val[1] += wq * vw; val[2] += wq * th; val[3] += wq * p;
        val[4] += wq * qv; val[5] += wq * ww;
      }
      double ug, vg;
      ROT(val[0], val[1], ug, vg);
      long ck = k * nxy + c;
      st->u[ck] += wt * ug;
      st->v[ck] += wt * vg;
      st->w[ck] += wt * val[5];
      st->temp[ck] += wt * val[2] * pow(val[3] / 1e5, kappa);
      st->pres[ck] += wt * val[3];
      st->qv[ck] += wt * val[4];
    }
    st->pblh[c] += wt * bil(w->buf[V_PBLH], nxw, im, jm, ax, ay);
    st->hfx[c] += wt * bil(w->buf[V_HFX], nxw, im, jm, ax, ay);
    st->ustar[c] += wt * bil(w->buf[V_UST], nxw, im, jm, ax, ay);
    st->swdown[c] += wt * bil(w->buf[V_SW], nxw, im, jm, ax, ay);
    st->t2[c] += wt * bil(w->buf[V_T2], nxw, im, jm, ax, ay);
    double u10, v10;
    ROT(bil(w->buf[V_U10], nxw, im, jm, ax, ay), bil(w->buf[V_V10], nxw, im, jm, ax, ay), u10, v10);
#undef ROT
    st->u10[c] += wt * u10;
    st->v10[c] += wt * v10;
  }
}

static AsStatus wrf_snapshot(AsMet *met, void *data, double t, AsMetState *st)
{
  Wrf *w = data;
  const AsGrid *g = met->g;
  const long nxy = (long)g->nx * g->ny, n3 = nxy * g->nz;
  if (w->nrec < 1 || t < w->recs[0].t || t > w->recs[w->nrec - 1].t) {
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    return as_error(AS_ERR_DATA, w->files[0], "Times",
                    "model time %04d-%02d-%02dT%02d:00Z is outside the period of the %d WRF file(s)",
                    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, w->nfile);
  }
  int a = 0;
  while (a < w->nrec - 2 && w->recs[a + 1].t <= t) a++;
  if (w->nrec == 1) a = 0;
  int b = w->nrec > 1 ? a + 1 : a;
  double wb = b > a ? (t - w->recs[a].t) / (w->recs[b].t - w->recs[a].t) : 0.0;
  double *fields3[] = {st->u, st->v, st->w, st->temp, st->pres, st->qv};
  for (size_t q = 0; q < 6; q++) memset(fields3[q], 0, sizeof(double) * (size_t)n3);
  double *fields2[] = {st->pblh, st->hfx, st->ustar, st->swdown, st->t2, st->u10, st->v10};
  for (size_t q = 0; q < 7; q++) memset(fields2[q], 0, sizeof(double) * (size_t)nxy);
  AS_CALL(read_rec(w, &w->recs[b], 1, w->rain_b));
  if (wb > 0) {
    AS_CALL(read_rec(w, &w->recs[b], 0, NULL));
    accumulate(met, w, wb, st);
  }
  AS_CALL(read_rec(w, &w->recs[a], 0, NULL)); /* leaves record a's RAINNC in buf */
  if (wb < 1) accumulate(met, w, 1.0 - wb, st);
  double hours = b > a ? (w->recs[b].t - w->recs[a].t) / 3600.0 : 1.0;
  const int nxw = w->nx;
#pragma omp parallel for schedule(static)
  for (long c = 0; c < nxy; c++) {
    int im = w->ii[0][c], jm = w->jj[0][c];
    double ax = w->wx[0][c], ay = w->wy[0][c];
    double pr = (bil(w->rain_b, nxw, im, jm, ax, ay) - bil(w->buf[V_RAIN], nxw, im, jm, ax, ay)) / hours;
    st->precip[c] = pr > 0 ? pr : 0.0; /* RAINNC resets (bucket) give negative differences */
    double ps = st->pres[c], qv = st->qv[c], t2 = st->t2[c];
    double e = qv * ps / (0.622 + qv), rh = e / as_esat(t2);
    st->rh2[c] = rh > 1 ? 1 : rh;
    double rho = ps / (AS_RD * t2 * (1 + 0.608 * qv)), us = st->ustar[c] > 0.01 ? st->ustar[c] : 0.01;
    double H = st->hfx[c];
    st->obukhov[c] = fabs(H) > 1e-3 ? -rho * AS_CP * t2 * us * us * us / (AS_KARMAN * AS_GRAV * H) : 1e6;
    double sb = as_solar_sin_elevation(t, g->lon[c], g->lat[c]), cl = 0.0;
    if (sb > sin(10 * M_PI / 180)) {
      double ratio = st->swdown[c] / (990.0 * sb - 30.0);
      cl = ratio >= 1 ? 0.0 : pow((1.0 - ratio) / 0.75, 1.0 / 3.4);
      if (cl > 1) cl = 1;
    }
    st->cloud[c] = cl;
    st->z0[c] = met->z0[c];
    double h = st->pblh[c] > 10 ? st->pblh[c] : 10;
    st->kz[c] = 0.0;
    st->kz[(long)g->nz * nxy + c] = 0.0;
    for (int k = 1; k < g->nz; k++) st->kz[k * nxy + c] = as_kz_profile(g->z_face[k], h, us, st->obukhov[c], w->kz_min);
    for (int k = 0; k < g->nz; k++) {
      long ck = k * nxy + c;
      st->rho[ck] = st->pres[ck] / (AS_RD * st->temp[ck] * (1 + 0.608 * st->qv[ck]));
      st->cloud_lwc[ck] = 0.0;
    }
  }
  AS_CALL(as_met_make_fluxes(met, st));
  as_met_smagorinsky(met, st, w->kh_min, w->cs);
  return AS_OK;
}

static void wrf_view(const AsMet *met, const void *data, FILE *f)
{
  (void)met;
  const Wrf *w = data;
  fprintf(f, "  wrf: %d file(s), %d records, WRF grid %d x %d x %d, DX %g m (first %s)\n", w->nfile,
          w->nrec, w->nx, w->ny, w->nz, w->dx, w->nfile ? w->files[0] : "-");
}

static void wrf_destroy(void *data)
{
  Wrf *w = data;
  for (int f = 0; f < w->nfile; f++) free(w->files[f]);
  free(w->files);
  free(w->recs);
  for (int v = 0; v < V_N; v++) free(w->buf[v]);
  free(w->rain_b);
  free(w->zm);
  free(w->sinw);
  free(w->cosw);
  for (int s3 = 0; s3 < 3; s3++) {
    free(w->ii[s3]);
    free(w->jj[s3]);
    free(w->wx[s3]);
    free(w->wy[s3]);
  }
  free(w);
}

const AsMetSourceOps as_met_wrf_ops = {"wrf", wrf_create, wrf_snapshot, wrf_view, wrf_destroy};
