/* as_output_nc.c — the CF-1.8 NetCDF-4 (classic model) file of hourly means.
 *
 * Layout (CF-1.8 conventions, sections 4, 5.6, 7.1, 7.4 and appendix F "lambert_conformal_conic"):
 *   dimensions  time (unlimited), bnds = 2, y, x [, z with output.three_d]
 *   time(time)  seconds since 1970-01-01 00:00:00 UTC, calendar standard, END of the averaging
 *               hour (air-quality convention, hour-ending); time_bnds(time, bnds) = [start, end]
 *   x(x), y(y)  projection_x/y_coordinate, m;  lat(y,x), lon(y,x) degrees_north/east
 *   lambert_conformal_conic  grid mapping (the same parameters as the PROJ string of the grid)
 *   cell_area(y,x)  true cell area dx*dy/m^2 (cell_measures "area: cell_area")
 *   <species>, <gas>_ppb, PM25 (time, y, x) float: lowest-layer hourly means;
 *   <name>_3d (time, z, y, x) with output.three_d (CDO reads at most 4 dimensions);
 *   with output.met the surface met (T2 ... SWDOWN, 2-D only) and the CF scalar coordinates
 *   height_2m = 2 m, height_10m = 10 m (section 5.7) named in their "coordinates".
 */
#include "as_output_impl.h"
#include "as_version.h"
#include <netcdf.h>
#include <proj.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NCC(expr, item)                                                                   \
  do {                                                                                    \
    int nc_e_ = (expr);                                                                   \
    if (nc_e_ != NC_NOERR)                                                                \
      return as_error(AS_ERR_IO, o->nc_tmp, (item), "NetCDF: %s", nc_strerror(nc_e_));   \
  } while (0)

static AsStatus att_text(AsOutput *o, int var, const char *name, const char *value)
{
  if (!value || !*value) return AS_OK;
  NCC(nc_put_att_text(o->ncid, var, name, strlen(value), value), name);
  return AS_OK;
}

static AsStatus att_double(AsOutput *o, int var, const char *name, size_t n, const double *v)
{
  NCC(nc_put_att_double(o->ncid, var, name, NC_DOUBLE, n, v), name);
  return AS_OK;
}

/* OGC WKT of the grid's CRS from PROJ (optional CF attribute crs_wkt; "" if PROJ cannot) */
static void crs_wkt(const AsGrid *g, char *buf, size_t n)
{
  buf[0] = 0;
  PJ_CONTEXT *ctx = proj_context_create();
  if (!ctx) return;
  proj_log_level(ctx, PJ_LOG_NONE);
  char def[320];
  snprintf(def, sizeof def, "%s +type=crs", g->proj.proj_string);
  PJ *crs = proj_create(ctx, def);
  if (crs) {
    const char *w = proj_as_wkt(ctx, crs, PJ_WKT1_GDAL, NULL);
    if (w && strlen(w) < n) snprintf(buf, n, "%s", w);
    proj_destroy(crs);
  }
  proj_context_destroy(ctx);
}

static AsStatus def_coord(AsOutput *o, const char *name, int ndim, const int *dims,
                          const char *std, const char *longn, const char *units, int *id)
{
  NCC(nc_def_var(o->ncid, name, NC_DOUBLE, ndim, dims, id), name);
  AS_CALL(att_text(o, *id, "standard_name", std));
  AS_CALL(att_text(o, *id, "long_name", longn));
  AS_CALL(att_text(o, *id, "units", units));
  return AS_OK;
}

static AsStatus def_field(AsOutput *o, const AsField *f, int three, int ndim, const int *dims,
                          const size_t *chunk, int *id)
{
  char name[64];
  snprintf(name, sizeof name, "%s%s", f->name, three ? "_3d" : "");
  NCC(nc_def_var(o->ncid, name, NC_FLOAT, ndim, dims, id), name);
  NCC(nc_def_var_chunking(o->ncid, *id, NC_CHUNKED, chunk), name);
  NCC(nc_def_var_deflate(o->ncid, *id, 1, 1, 1), name);
  float fill = NC_FILL_FLOAT;
  NCC(nc_put_att_float(o->ncid, *id, "_FillValue", NC_FLOAT, 1, &fill), name);
  AS_CALL(att_text(o, *id, "units", f->units));
  AS_CALL(att_text(o, *id, "standard_name", f->standard_name));
  AS_CALL(att_text(o, *id, "long_name", f->long_name));
  char coords[64];
  snprintf(coords, sizeof coords, "lat lon%s%s", f->scalar_coord[0] ? " " : "", f->scalar_coord);
  AS_CALL(att_text(o, *id, "coordinates", coords));
  AS_CALL(att_text(o, *id, "grid_mapping", "lambert_conformal_conic"));
  AS_CALL(att_text(o, *id, "cell_methods", "time: mean"));
  AS_CALL(att_text(o, *id, "cell_measures", "area: cell_area"));
  AS_CALL(att_text(o, *id, "comment", f->comment));
  return AS_OK;
}

AsStatus as_output_nc_open(AsOutput *o, const AsModel *m, double t_first_start)
{
  const AsGrid *g = m->grid;
  char stamp[32];
  time_t tt = (time_t)t_first_start;
  struct tm tm;
  gmtime_r(&tt, &tm);
  strftime(stamp, sizeof stamp, "%Y%m%d%H", &tm);
  snprintf(o->nc_path, sizeof o->nc_path, "%s/%s_%s.nc", o->dir, o->casename, stamp);
  snprintf(o->nc_tmp, sizeof o->nc_tmp, "%s/.%s_%s.nc.tmp", o->dir, o->casename, stamp);
  AS_CALL(as_output_mkdir(o->dir));
  NCC(nc_create(o->nc_tmp, NC_CLOBBER | NC_NETCDF4 | NC_CLASSIC_MODEL, &o->ncid), "output");
  o->nc_open = 1;
  int d_t, d_b, d_y, d_x, d_z = -1;
  NCC(nc_def_dim(o->ncid, "time", NC_UNLIMITED, &d_t), "time");
  NCC(nc_def_dim(o->ncid, "bnds", 2, &d_b), "bnds");
  if (o->three_d) NCC(nc_def_dim(o->ncid, "z", (size_t)g->nz, &d_z), "z");
  NCC(nc_def_dim(o->ncid, "y", (size_t)g->ny, &d_y), "y");
  NCC(nc_def_dim(o->ncid, "x", (size_t)g->nx, &d_x), "x");

  /* global attributes */
  char buf[2048], now[32];
  AS_CALL(att_text(o, NC_GLOBAL, "Conventions", "CF-1.8"));
  snprintf(buf, sizeof buf, "airshed hourly mean concentrations, case %s", o->casename);
  AS_CALL(att_text(o, NC_GLOBAL, "title", buf));
  AS_CALL(att_text(o, NC_GLOBAL, "institution", o->institution));
  snprintf(buf, sizeof buf, "airshed %s (git %s)", AS_VERSION, AS_GIT_HASH);
  AS_CALL(att_text(o, NC_GLOBAL, "source", buf));
  as_output_iso((double)time(NULL), now, sizeof now);
  snprintf(buf, sizeof buf, "%s: airshed %s (git %s) run %s", now, AS_VERSION, AS_GIT_HASH,
           o->casefile);
  AS_CALL(att_text(o, NC_GLOBAL, "history", buf));
  AS_CALL(att_text(o, NC_GLOBAL, "comment",
                   "time is the end of each averaging hour (UTC); time_bnds give the hour"));

  /* coordinates */
  int dtb[2] = {d_t, d_b}, dyx[2] = {d_y, d_x};
  NCC(nc_def_var(o->ncid, "time", NC_DOUBLE, 1, &d_t, &o->v_time), "time");
  AS_CALL(att_text(o, o->v_time, "standard_name", "time"));
  AS_CALL(att_text(o, o->v_time, "long_name", "end of the averaging hour (UTC)"));
  AS_CALL(att_text(o, o->v_time, "units", "seconds since 1970-01-01 00:00:00"));
  AS_CALL(att_text(o, o->v_time, "calendar", "standard"));
  AS_CALL(att_text(o, o->v_time, "axis", "T"));
  AS_CALL(att_text(o, o->v_time, "bounds", "time_bnds"));
  NCC(nc_def_var(o->ncid, "time_bnds", NC_DOUBLE, 2, dtb, &o->v_tbnds), "time_bnds");
  int v_x, v_y, v_z = -1, v_zb = -1, v_lat, v_lon, v_area, v_crs;
  AS_CALL(def_coord(o, "x", 1, &d_x, "projection_x_coordinate", "x coordinate of projection",
                    "m", &v_x));
  AS_CALL(att_text(o, v_x, "axis", "X"));
  AS_CALL(def_coord(o, "y", 1, &d_y, "projection_y_coordinate", "y coordinate of projection",
                    "m", &v_y));
  AS_CALL(att_text(o, v_y, "axis", "Y"));
  if (o->three_d) {
    int dzb[2] = {d_z, d_b};
    AS_CALL(def_coord(o, "z", 1, &d_z, "height", "height above ground of the layer centre", "m",
                      &v_z));
    AS_CALL(att_text(o, v_z, "positive", "up"));
    AS_CALL(att_text(o, v_z, "axis", "Z"));
    AS_CALL(att_text(o, v_z, "bounds", "z_bnds"));
    NCC(nc_def_var(o->ncid, "z_bnds", NC_DOUBLE, 2, dzb, &v_zb), "z_bnds");
  }
  AS_CALL(def_coord(o, "lat", 2, dyx, "latitude", "latitude of the cell centre", "degrees_north",
                    &v_lat));
  AS_CALL(def_coord(o, "lon", 2, dyx, "longitude", "longitude of the cell centre", "degrees_east",
                    &v_lon));
  AS_CALL(def_coord(o, "cell_area", 2, dyx, "cell_area", "true area of the grid cell", "m2",
                    &v_area));
  AS_CALL(att_text(o, v_area, "coordinates", "lat lon"));
  AS_CALL(att_text(o, v_area, "grid_mapping", "lambert_conformal_conic"));
  NCC(nc_def_var(o->ncid, "lambert_conformal_conic", NC_INT, 0, NULL, &v_crs), "grid mapping");
  {
    const AsProjection *p = &g->proj;
    double sp[2] = {p->lat1, p->lat2}, zero = 0;
    AS_CALL(att_text(o, v_crs, "grid_mapping_name", "lambert_conformal_conic"));
    AS_CALL(att_double(o, v_crs, "standard_parallel", p->lat1 == p->lat2 ? 1 : 2, sp));
    AS_CALL(att_double(o, v_crs, "longitude_of_central_meridian", 1, &p->lon0));
    AS_CALL(att_double(o, v_crs, "latitude_of_projection_origin", 1, &p->lat0));
    AS_CALL(att_double(o, v_crs, "false_easting", 1, &zero));
    AS_CALL(att_double(o, v_crs, "false_northing", 1, &zero));
    AS_CALL(att_double(o, v_crs, "earth_radius", 1, &p->earth_radius));
    AS_CALL(att_text(o, v_crs, "proj4_params", p->proj_string));
    char wkt[4096];
    crs_wkt(g, wkt, sizeof wkt);
    AS_CALL(att_text(o, v_crs, "crs_wkt", wkt));
  }

  /* CF scalar coordinates of the met fields: heights of the 2-m and 10-m values (as_met.h) */
  static const struct { const char *name, *long_name; double z; } hgt[2] = {
      {"height_2m", "height above ground of the 2-m fields", 2.0},
      {"height_10m", "height above ground of the 10-m fields", 10.0}};
  int v_hgt[2] = {-1, -1};
  for (int h = 0; o->met && h < 2; h++) {
    AS_CALL(def_coord(o, hgt[h].name, 0, NULL, "height", hgt[h].long_name, "m", &v_hgt[h]));
    AS_CALL(att_text(o, v_hgt[h], "positive", "up"));
  }

  /* data variables */
  int d2[3] = {d_t, d_y, d_x}, d3[4] = {d_t, d_z, d_y, d_x};
  size_t c2[3] = {1, (size_t)g->ny, (size_t)g->nx}, c3[4] = {1, (size_t)g->nz, (size_t)g->ny,
                                                             (size_t)g->nx};
  for (int f = 0; f < o->nfield; f++) {
    AsField *fd = &o->field[f];
    AS_CALL(def_field(o, fd, 0, 3, d2, c2, &fd->var2d));
    fd->var3d = -1;
    if (o->three_d && fd->kind != AS_FIELD_MET) AS_CALL(def_field(o, fd, 1, 4, d3, c3, &fd->var3d));
  }
  NCC(nc_enddef(o->ncid), "output");

  /* static coordinate values */
  double *tmp = malloc(sizeof(double) * (size_t)(g->nx > g->ny ? g->nx : g->ny) * 2 + 16);
  if (!tmp) return as_error(AS_ERR_MEM, "", "output", "cannot allocate");
  for (int i = 0; i < g->nx; i++) tmp[i] = g->x0 + i * g->dx;
  int e = nc_put_var_double(o->ncid, v_x, tmp);
  for (int j = 0; j < g->ny && !e; j++) tmp[j] = g->y0 + j * g->dy;
  if (!e) e = nc_put_var_double(o->ncid, v_y, tmp);
  free(tmp);
  NCC(e, "x/y");
  if (o->three_d) {
    NCC(nc_put_var_double(o->ncid, v_z, g->z_mid), "z");
    double zb[2 * 512];
    for (int k = 0; k < g->nz; k++) {
      size_t st[2] = {(size_t)k, 0}, ct[2] = {1, 2};
      zb[0] = g->z_face[k], zb[1] = g->z_face[k + 1];
      NCC(nc_put_vara_double(o->ncid, v_zb, st, ct, zb), "z_bnds");
    }
  }
  NCC(nc_put_var_double(o->ncid, v_lat, g->lat), "lat");
  NCC(nc_put_var_double(o->ncid, v_lon, g->lon), "lon");
  NCC(nc_put_var_double(o->ncid, v_area, g->area), "cell_area");
  int one = 0;
  NCC(nc_put_var_int(o->ncid, v_crs, &one), "grid mapping");
  for (int h = 0; h < 2; h++)
    if (v_hgt[h] >= 0) NCC(nc_put_var_double(o->ncid, v_hgt[h], &hgt[h].z), hgt[h].name);
  o->nrec = 0;
  return AS_OK;
}

AsStatus as_output_nc_write(AsOutput *o, double t_start, double t_end)
{
  const size_t r = o->nrec, n3 = (size_t)o->nlev * (size_t)o->ncol;
  double tb[2] = {t_start, t_end};
  size_t s1[1] = {r}, c1[1] = {1}, sb[2] = {r, 0}, cb[2] = {1, 2};
  NCC(nc_put_vara_double(o->ncid, o->v_time, s1, c1, &t_end), "time");
  NCC(nc_put_vara_double(o->ncid, o->v_tbnds, sb, cb, tb), "time_bnds");
  for (int f = 0; f < o->nfield; f++) {
    const AsField *fd = &o->field[f];
    const double *mean = o->mean + (size_t)f * n3;
    const size_t nval = fd->var3d >= 0 ? n3 : (size_t)o->ncol; /* met fields: surface only */
    for (size_t i = 0; i < nval; i++) o->fbuf[i] = (float)mean[i];
    size_t s3[3] = {r, 0, 0}, c3[3] = {1, (size_t)o->ny, (size_t)o->nx};
    NCC(nc_put_vara_float(o->ncid, fd->var2d, s3, c3, o->fbuf), fd->name);
    if (fd->var3d >= 0) {
      size_t s4[4] = {r, 0, 0, 0}, c4[4] = {1, (size_t)o->nz, (size_t)o->ny, (size_t)o->nx};
      NCC(nc_put_vara_float(o->ncid, fd->var3d, s4, c4, o->fbuf), fd->name);
    }
  }
  o->nrec++;
  return AS_OK;
}

AsStatus as_output_nc_close(AsOutput *o)
{
  if (!o->nc_open) return AS_OK;
  o->nc_open = 0;
  NCC(nc_close(o->ncid), "output");
  return AS_OK;
}

/* after a publish (close + copy): continue appending to the same temporary file */
AsStatus as_output_nc_reopen(AsOutput *o)
{
  NCC(nc_open(o->nc_tmp, NC_WRITE, &o->ncid), "output");
  o->nc_open = 1;
  return AS_OK;
}
