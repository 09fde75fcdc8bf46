/* as_emis_gridded.c — gridded emission files in the CMAQ-ready style (NetCDF).
 *
 * Variables named by a model species (e.g. PEC, SO2) or by an inventory pollutant (SO2, NOX,
 * PM25_EC, ...; mapped through AsSpecies.emitted_as/emission_factor like every other source).
 * Dimensions (TSTEP, LAY, ROW, COL), (time, z, y, x), (TSTEP, ROW, COL) or (ROW, COL): the last
 * two must equal the model grid's ny, nx; LAY <= nz (upper model layers get nothing).
 * Units attribute: gases (species of gas phase; SO2, NOX, CO, NH3) convertible to mol/s and
 * multiplied by the molar mass (NOX as NO2, 46.0055 g/mol); particles and VOC convertible to g/s.
 * Anything else is rejected: "emis.nc: SO2: units 'kg' not convertible to 'mol/s'".
 * Time: record k holds the mean rate of the clock hour [t0 + k h, t0 + (k+1) h), t0 from a CF
 * time variable ("hours since 2021-01-01 00:00:00", hourly steps) or the I/O API global
 * attributes SDATE (YYYYDDD), STIME (HHMMSS), TSTEP = 10000. A file with one record and no time
 * axis is constant in time. Every value is checked at open (NaN, negative).
 */
#include "as_emis_internal.h"
#include <math.h>
#include <netcdf.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
  char name[NC_MAX_NAME + 1];
  int varid, ndims, has_time, nlay;
  double scale;       /* file unit -> ug/s */
  int ntgt;
  int *tgt;           /* model species */
  double *fac;        /* emission factor */
} GVar;

struct AsEmisGridded {
  char path[1024];
  int ncid, nt, constant;
  double t0;          /* UTC epoch of record 0 */
  int nx, ny, nz, nvar;
  GVar *v;
  double *buf;        /* nlay*ny*nx */
};

static AsStatus nc_fail(const char *path, const char *item, int rc)
{
  return as_error(AS_ERR_LIB, path, item, "netCDF: %s", nc_strerror(rc));
}

/* "hours since 2021-01-01 00:00:00" -> seconds per unit, epoch of origin */
static int parse_cf_time(const char *u, double *sec, double *origin)
{
  char unit[32];
  int Y, M, D, h = 0, mi = 0, n = 0;
  double s = 0;
  if (sscanf(u, "%31s since %d-%d-%d%n", unit, &Y, &M, &D, &n) != 4) return 0;
  const char *r = u + n;
  while (*r == ' ' || *r == 'T') r++;
  if (*r) sscanf(r, "%d:%d:%lf", &h, &mi, &s);
  if (!strncmp(unit, "second", 6) || !strcmp(unit, "s")) *sec = 1;
  else if (!strncmp(unit, "minute", 6) || !strcmp(unit, "min")) *sec = 60;
  else if (!strncmp(unit, "hour", 4) || !strcmp(unit, "h")) *sec = 3600;
  else if (!strncmp(unit, "day", 3) || !strcmp(unit, "d")) *sec = 86400;
  else return 0;
  *origin = as_emis_epoch(Y, M, D, h, mi, s);
  return 1;
}

static AsStatus read_time(AsEmisGridded *gd, int tdim)
{
  const char *p = gd->path;
  int rc, tv;
  if (tdim < 0) { gd->nt = 1, gd->constant = 1; return AS_OK; }
  size_t nt;
  if ((rc = nc_inq_dimlen(gd->ncid, tdim, &nt))) return nc_fail(p, "time", rc);
  gd->nt = (int)nt;
  if (nc_inq_varid(gd->ncid, "time", &tv) == NC_NOERR) {
    char units[256] = "";
    size_t len = 0;
    if (nc_inq_attlen(gd->ncid, tv, "units", &len) || len >= sizeof units ||
        nc_get_att_text(gd->ncid, tv, "units", units))
      return as_error(AS_ERR_DATA, p, "time", "no units attribute");
    units[len] = 0;
    double sec, origin;
    if (!parse_cf_time(units, &sec, &origin))
      return as_error(AS_ERR_UNITS, p, "time", "units '%s' are not '<unit> since <date>'", units);
    double *t = malloc(nt * sizeof *t);
    if (!t) return as_error(AS_ERR_MEM, p, "time", "out of memory");
    if ((rc = nc_get_var_double(gd->ncid, tv, t))) { free(t); return nc_fail(p, "time", rc); }
    gd->t0 = origin + t[0] * sec;
    for (size_t k = 1; k < nt; k++)
      if (fabs((t[k] - t[k - 1]) * sec - 3600) > 1e-6) {
        free(t);
        return as_error(AS_ERR_DATA, p, "time", "records must be hourly (step %zu is %g s)", k,
                        (t[k] - t[k - 1]) * sec);
      }
    free(t);
  } else {
    int sdate, stime, tstep;
    if (nc_get_att_int(gd->ncid, NC_GLOBAL, "SDATE", &sdate) ||
        nc_get_att_int(gd->ncid, NC_GLOBAL, "STIME", &stime) ||
        nc_get_att_int(gd->ncid, NC_GLOBAL, "TSTEP", &tstep)) {
      if (nt == 1) { gd->constant = 1; return AS_OK; }
      return as_error(AS_ERR_DATA, p, "time",
                      "no time axis: need a CF 'time' variable or SDATE/STIME/TSTEP attributes");
    }
    if (tstep != 10000 && nt > 1)
      return as_error(AS_ERR_DATA, p, "TSTEP", "%d: records must be hourly (10000)", tstep);
    int year = sdate / 1000, doy = sdate % 1000;
    gd->t0 = as_emis_epoch(year, 1, 1, 0, 0, 0) + (doy - 1) * 86400.0 + (stime / 10000) * 3600.0 +
             (stime / 100 % 100) * 60.0 + stime % 100;
  }
  if (fmod(gd->t0, 3600.0) != 0)
    return as_error(AS_ERR_DATA, p, "time", "first record does not start on a whole hour");
  return AS_OK;
}

static int is_time_dim(const char *n)
{
  return !strcmp(n, "TSTEP") || !strcmp(n, "time") || !strcmp(n, "Time") || !strcmp(n, "t");
}

static AsStatus read_record(const AsEmisGridded *gd, const GVar *v, int rec, double *buf)
{
  size_t start[4] = {0}, count[4] = {0};
  int d = 0;
  if (v->has_time) start[d] = (size_t)rec, count[d++] = 1;
  if (v->ndims - v->has_time == 3) count[d++] = (size_t)v->nlay;
  count[d++] = (size_t)gd->ny;
  count[d++] = (size_t)gd->nx;
  int rc = nc_get_vara_double(gd->ncid, v->varid, start, count, buf);
  return rc ? nc_fail(gd->path, v->name, rc) : AS_OK;
}

static AsStatus open_vars(AsEmisGridded *gd, const AsGrid *g, const AsSpeciesTable *spc)
{
  const char *p = gd->path;
  int nv, rc, tdim = -1;
  if ((rc = nc_inq_nvars(gd->ncid, &nv))) return nc_fail(p, "file", rc);
  gd->v = calloc((size_t)nv, sizeof *gd->v);
  if (!gd->v) return as_error(AS_ERR_MEM, p, "file", "out of memory");
  for (int id = 0; id < nv; id++) {
    GVar *v = &gd->v[gd->nvar];
    memset(v, 0, sizeof *v);
    if ((rc = nc_inq_varname(gd->ncid, id, v->name))) return nc_fail(p, "file", rc);
    int s = -1, pol = as_emis_pollutant_index(v->name);
    for (int k = 0; k < spc->n && s < 0; k++)
      if (!strcmp(spc->s[k].name, v->name)) s = k;
    if (s < 0 && pol < 0) continue;
    int dims[NC_MAX_VAR_DIMS];
    size_t len[4];
    char dn[4][NC_MAX_NAME + 1];
    nc_inq_varndims(gd->ncid, id, &v->ndims);
    if (v->ndims < 2 || v->ndims > 4)
      return as_error(AS_ERR_DATA, p, v->name, "%d dimensions (expected 2 to 4)", v->ndims);
    nc_inq_vardimid(gd->ncid, id, dims);
    for (int k = 0; k < v->ndims; k++) {
      nc_inq_dimlen(gd->ncid, dims[k], &len[k]);
      nc_inq_dimname(gd->ncid, dims[k], dn[k]);
    }
    v->has_time = v->ndims == 4 || (v->ndims == 3 && is_time_dim(dn[0]));
    if (v->has_time) {
      if (tdim >= 0 && tdim != dims[0])
        return as_error(AS_ERR_DATA, p, v->name, "uses a different time dimension");
      tdim = dims[0];
    }
    v->nlay = v->ndims - v->has_time == 3 ? (int)len[v->has_time] : 1;
    if (len[v->ndims - 2] != (size_t)g->ny || len[v->ndims - 1] != (size_t)g->nx)
      return as_error(AS_ERR_DATA, p, v->name,
                      "grid %zu x %zu (%s x %s) does not match the model grid %d x %d (ny x nx)",
                      len[v->ndims - 2], len[v->ndims - 1], dn[v->ndims - 2], dn[v->ndims - 1],
                      g->ny, g->nx);
    if (v->nlay > g->nz)
      return as_error(AS_ERR_DATA, p, v->name, "%d layers, the model has %d", v->nlay, g->nz);
    /* units */
    char units[256] = "";
    size_t ul = 0;
    if (nc_inq_attlen(gd->ncid, id, "units", &ul) == NC_NOERR && ul < sizeof units)
      nc_get_att_text(gd->ncid, id, "units", units), units[ul] = 0;
    int gas = s >= 0 ? spc->s[s].phase == AS_PHASE_GAS : as_emis_pollutant_molar_mass[pol] > 0;
    double mm = s >= 0 ? spc->s[s].molar_mass : as_emis_pollutant_molar_mass[pol];
    double sc = 0, off = 0;
    if (!units[0])
      return as_error(AS_ERR_UNITS, p, v->name, "no units attribute (expected '%s')",
                      gas ? "mol/s" : "g/s");
    if (as_units_convert(units, gas ? "mol/s" : "g/s", &sc, &off, p, v->name) || off != 0) {
      as_error_clear();
      return as_error(AS_ERR_UNITS, p, v->name, "units '%s' not convertible to '%s'", units,
                      gas ? "mol/s" : "g/s");
    }
    if (gas && !(mm > 0))
      return as_error(AS_ERR_DATA, p, v->name, "gas without a molar mass in the species table");
    v->scale = sc * (gas ? mm : 1) * 1e6; /* -> ug/s */
    v->varid = id;
    /* targets */
    v->tgt = malloc((size_t)(spc->n + 1) * sizeof *v->tgt);
    v->fac = malloc((size_t)(spc->n + 1) * sizeof *v->fac);
    if (!v->tgt || !v->fac) return as_error(AS_ERR_MEM, p, "file", "out of memory");
    if (s >= 0) {
      v->tgt[0] = s, v->fac[0] = 1, v->ntgt = 1;
    } else {
      for (int k = 0; k < spc->n; k++)
        if (!strcasecmp(spc->s[k].emitted_as, as_emis_pollutant_name[pol])) {
          v->tgt[v->ntgt] = k;
          v->fac[v->ntgt++] = spc->s[k].emission_factor;
        }
    }
    gd->nvar++;
  }
  if (!gd->nvar)
    return as_error(AS_ERR_DATA, p, "file",
                    "no variable named by a model species or an inventory pollutant");
  AS_CALL(read_time(gd, tdim));
  /* check every value once */
  for (int k = 0; k < gd->nvar; k++) {
    GVar *v = &gd->v[k];
    long n = (long)v->nlay * gd->ny * gd->nx;
    for (int r = 0; r < (v->has_time ? gd->nt : 1); r++) {
      AS_CALL(read_record(gd, v, r, gd->buf));
      for (long c = 0; c < n; c++)
        if (!isfinite(gd->buf[c]) || gd->buf[c] < 0)
          return as_error(AS_ERR_DATA, p, v->name,
                          "record %d, layer %ld, row %ld, col %ld: %s value %g", r,
                          c / ((long)gd->ny * gd->nx), c / gd->nx % gd->ny, c % gd->nx,
                          isfinite(gd->buf[c]) ? "negative" : "non-finite", gd->buf[c]);
    }
  }
  return AS_OK;
}

AsStatus as_emis_gridded_open(const char *path, const AsGrid *g, const AsSpeciesTable *spc,
                              AsEmisGridded **out)
{
  AsEmisGridded *gd = calloc(1, sizeof *gd);
  if (!gd) return as_error(AS_ERR_MEM, path, "file", "out of memory");
  snprintf(gd->path, sizeof gd->path, "%s", path);
  gd->nx = g->nx, gd->ny = g->ny, gd->nz = g->nz;
  gd->ncid = -1;
  int rc = nc_open(path, NC_NOWRITE, &gd->ncid);
  AsStatus st = AS_OK;
  if (rc) {
    gd->ncid = -1;
    st = as_error(AS_ERR_IO, path, "file", "cannot open: %s", nc_strerror(rc));
  }
  if (!st) {
    gd->buf = malloc((size_t)g->nz * g->ny * g->nx * sizeof *gd->buf);
    if (!gd->buf) st = as_error(AS_ERR_MEM, path, "file", "out of memory");
  }
  if (!st) st = open_vars(gd, g, spc);
  if (st) {
    as_emis_gridded_close(&gd);
    return st;
  }
  *out = gd;
  return AS_OK;
}

static AsStatus record_of(const AsEmisGridded *gd, double t_h, int *rec)
{
  if (gd->constant) { *rec = 0; return AS_OK; }
  double k = floor((t_h - gd->t0) / 3600.0 + 1e-9);
  if (k < 0 || k >= gd->nt) {
    AsLocalTime L = as_emis_local_time(t_h - 8 * 3600.0);
    return as_error(AS_ERR_DATA, gd->path, "time",
                    "hour %04d-%02d-%02dT%02d:00Z is outside the file's %d hourly records",
                    L.year, L.month, L.day, L.hour, gd->nt);
  }
  *rec = (int)k;
  return AS_OK;
}

AsStatus as_emis_gridded_add(AsEmisGridded *gd, double t_h, double *rate)
{
  int rec = 0;
  AS_CALL(record_of(gd, t_h, &rec));
  const long n2 = (long)gd->ny * gd->nx, ncell = n2 * gd->nz;
  for (int k = 0; k < gd->nvar; k++) {
    GVar *v = &gd->v[k];
    AS_CALL(read_record(gd, v, v->has_time ? rec : 0, gd->buf));
    long n = (long)v->nlay * n2;
    for (int q = 0; q < v->ntgt; q++) {
      double f = v->fac[q] * v->scale, *r = rate + (size_t)v->tgt[q] * (size_t)ncell;
      for (long c = 0; c < n; c++) r[c] += f * gd->buf[c];
    }
  }
  return AS_OK;
}

AsStatus as_emis_gridded_total(const AsEmisGridded *gd, int s, double t0, double t1, double *ug)
{
  double tot = 0;
  const long n2 = (long)gd->ny * gd->nx;
  for (int k = 0; k < gd->nvar; k++) {
    const GVar *v = &gd->v[k];
    double f = 0;
    for (int q = 0; q < v->ntgt; q++)
      if (v->tgt[q] == s) f += v->fac[q];
    if (f == 0) continue;
    for (double t = t0; t < t1 - 1e-6; t += 3600) {
      int rec = 0;
      AS_CALL(record_of(gd, t, &rec));
      AS_CALL(read_record(gd, v, v->has_time ? rec : 0, gd->buf));
      double sum = 0;
      for (long c = 0; c < (long)v->nlay * n2; c++) sum += gd->buf[c];
      tot += f * v->scale * sum * 3600.0;
    }
  }
  *ug = tot;
  return AS_OK;
}

void as_emis_gridded_view(const AsEmisGridded *gd, FILE *f)
{
  fprintf(f, "emissions: gridded %s: %d variables, %d %s record(s)\n", gd->path, gd->nvar, gd->nt,
          gd->constant ? "constant" : "hourly");
  for (int k = 0; k < gd->nvar; k++)
    fprintf(f, "emissions:   %s: %d layer(s), -> %d species, x %.6g to ug/s\n", gd->v[k].name,
            gd->v[k].nlay, gd->v[k].ntgt, gd->v[k].scale);
}

void as_emis_gridded_close(AsEmisGridded **gdp)
{
  if (!gdp || !*gdp) return;
  AsEmisGridded *gd = *gdp;
  if (gd->ncid >= 0) nc_close(gd->ncid);
  for (int k = 0; k < gd->nvar; k++) free(gd->v[k].tgt), free(gd->v[k].fac);
  free(gd->v);
  free(gd->buf);
  free(gd);
  *gdp = NULL;
}
