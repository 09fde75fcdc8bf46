/* as_emis_points.c — point sources (stacks) from a CSV with explicit units in the header.
 *
 *   id,name,sector,lon,lat,height[m],diameter[m],velocity[m/s],temperature[K],so2[t/yr],nox[g/s],...
 *
 * Pollutant columns (any subset of SO2, NOX, CO, NH3, VOC, PM25_EC, PM25_OC, PM25_OTHER; absent
 * ones are 0) must carry a unit convertible (udunits2) to g/s, or, for SO2/NOX/CO/NH3, to mol/s
 * (multiplied by the molar mass; NOX as NO2). Every value becomes an annual-mean rate in g/s:
 * "t/yr" divides by udunits' year (365.2422 d). Stack columns without a unit are taken in m, m,
 * m/s, K. Optional text columns: name_zh, note, source. Sector is optional ("flat" if absent).
 * A stack outside the domain is an error for a user file and is dropped (counted) for the
 * built-in regional inventory.
 */
#include "as_emis_internal.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { C_ID, C_NAME, C_SECTOR, C_LON, C_LAT, C_H, C_D, C_V, C_T, C_NFIX };
static const char *const fix_name[C_NFIX] = {"id", "name", "sector", "lon", "lat",
                                             "height", "diameter", "velocity", "temperature"};
static const char *const fix_unit[C_NFIX] = {"", "", "", "degrees_east", "degrees_north",
                                             "m", "m", "m/s", "K"};
static const char *const text_cols[] = {"name_zh", "note", "source", NULL};

AsStatus as_emis_rate_scale(const char *path, const char *col, const char *unit, double mm,
                            double *scale)
{
  double off = 0;
  if (!unit[0])
    return as_error(AS_ERR_UNITS, path, col, "column has no unit (write e.g. %s[t/yr])", col);
  if (as_units_convert(unit, "g/s", scale, &off, path, col) == AS_OK && off == 0) return AS_OK;
  as_error_clear();
  if (mm > 0) {
    if (as_units_convert(unit, "mol/s", scale, &off, path, col) == AS_OK && off == 0) {
      *scale *= mm;
      return AS_OK;
    }
    as_error_clear();
  }
  return as_error(AS_ERR_UNITS, path, col, "units '%s' not convertible to '%s'", unit,
                  mm > 0 ? "g/s or mol/s" : "g/s");
}

AsStatus as_emis_points_read(const char *path, const AsGrid *g, const AsEmisProfiles *prof,
                             int outside_is_error, AsEmisPoint **pts_out, int *npts,
                             int *ndropped)
{
  AsCsv c;
  AsCsvHeader h;
  AsEmisPoint *pts = NULL;
  int n = 0, cap = 0;
  *ndropped = 0;
  AsStatus st = as_csv_open(path, &c, &h);
  int col[C_NFIX], pcol[AS_EP_N];
  double fscale[C_NFIX], foff[C_NFIX], pscale[AS_EP_N];
  for (int k = 0; !st && k < C_NFIX; k++) {
    col[k] = as_csv_col(&h, fix_name[k]);
    fscale[k] = 1, foff[k] = 0;
    if (col[k] < 0 && k != C_SECTOR)
      st = as_error(AS_ERR_DATA, path, "header", "missing column '%s'", fix_name[k]);
    else if (col[k] >= 0 && k >= C_H && h.unit[col[k]][0])
      st = as_units_convert(h.unit[col[k]], fix_unit[k], &fscale[k], &foff[k], path,
                            fix_name[k]);
  }
  for (int p = 0; !st && p < AS_EP_N; p++) {
    pcol[p] = as_csv_col(&h, as_emis_pollutant_name[p]);
    pscale[p] = 0;
    if (pcol[p] >= 0)
      st = as_emis_rate_scale(path, h.name[pcol[p]], h.unit[pcol[p]],
                              as_emis_pollutant_molar_mass[p], &pscale[p]);
  }
  for (int k = 0; !st && k < h.ncol; k++) {
    int known = as_emis_pollutant_index(h.name[k]) >= 0;
    for (int m = 0; m < C_NFIX; m++) known |= !strcmp(h.name[k], fix_name[m]);
    for (int m = 0; text_cols[m]; m++) known |= !strcmp(h.name[k], text_cols[m]);
    if (!known) st = as_error(AS_ERR_DATA, path, h.name[k], "unknown column");
  }
  while (!st && as_csv_next(&c, &st)) {
    char where[600];
    snprintf(where, sizeof where, "%s:%d", path, c.line);
    if (c.nfield != h.ncol) {
      st = as_error(AS_ERR_DATA, where, "record", "%d fields, header has %d", c.nfield, h.ncol);
      break;
    }
    if (n == cap) {
      cap = cap ? 2 * cap : 64;
      AsEmisPoint *q = realloc(pts, (size_t)cap * sizeof *q);
      if (!q) { st = as_error(AS_ERR_MEM, path, "points", "out of memory"); break; }
      pts = q;
    }
    AsEmisPoint *P = &pts[n];
    memset(P, 0, sizeof *P);
    snprintf(P->id, sizeof P->id, "%s", c.field[col[C_ID]]);
    snprintf(P->name, sizeof P->name, "%s", c.field[col[C_NAME]]);
    const char *item = P->name[0] ? P->name : P->id;
    if (!P->id[0]) { st = as_error(AS_ERR_DATA, where, "id", "empty id"); break; }
    P->sector = 0;
    if (col[C_SECTOR] >= 0) {
      P->sector = as_emis_sector_index(prof, c.field[col[C_SECTOR]]);
      if (P->sector < 0) {
        st = as_error(AS_ERR_DATA, where, item, "sector '%s' has no temporal profile",
                      c.field[col[C_SECTOR]]);
        break;
      }
    }
    double v[C_NFIX];
    for (int k = C_LON; !st && k < C_NFIX; k++) {
      st = as_csv_number(&c, col[k], fix_name[k], item, &v[k]);
      v[k] = v[k] * fscale[k] + foff[k];
    }
    if (st) break;
    P->lon = v[C_LON], P->lat = v[C_LAT];
    P->height = v[C_H], P->diameter = v[C_D], P->velocity = v[C_V], P->temperature = v[C_T];
    if (P->lat < -90 || P->lat > 90 || P->lon < -180 || P->lon > 360) {
      st = as_error(AS_ERR_DATA, where, item, "lon %g lat %g is not a geographic position",
                    P->lon, P->lat);
      break;
    }
    if (P->height < 0 || P->diameter < 0 || P->velocity < 0 || !(P->temperature > 0)) {
      st = as_error(AS_ERR_DATA, where, item,
                    "stack height, diameter, velocity must be >= 0 and temperature > 0 K");
      break;
    }
    st = as_csv_rates(&c, &h, pcol, pscale, item, P->rate);
    if (st) break;
    double fi, fj;
    int inside;
    if ((st = as_grid_locate(g, P->lon, P->lat, &fi, &fj, &inside))) break;
    if (!inside || P->height >= g->z_face[g->nz]) {
      if (outside_is_error) {
        st = as_error(AS_ERR_DOMAIN, where, item, "stack at %.4gE %.4gN%s is outside the domain",
                      P->lon, P->lat, inside ? " (above the model top)" : "");
        break;
      }
      (*ndropped)++;
      continue;
    }
    P->i = (int)lround(fi), P->j = (int)lround(fj);
    if (P->i < 0) P->i = 0;
    if (P->i >= g->nx) P->i = g->nx - 1;
    if (P->j < 0) P->j = 0;
    if (P->j >= g->ny) P->j = g->ny - 1;
    n++;
  }
  as_csv_close(&c, &h);
  if (st) {
    free(pts);
    return st;
  }
  *pts_out = pts;
  *npts = n;
  return AS_OK;
}
