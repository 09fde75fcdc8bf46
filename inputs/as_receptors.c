/* as_receptors.c — named receptors: read their list, locate them on the grid, write hourly rows.
 *
 * Input CSV (output.receptors): '#' comment lines, a header naming at least the columns name,
 * longitude, latitude (degrees; any order, other columns ignored), one receptor per line, no
 * quoted fields. A receptor outside the domain's outer cell edges is an error.
 *
 * Value at a receptor: bilinear interpolation between the four surrounding cell centres of the
 * hourly-mean surface field, in the grid's index space (fi, fj from the LCC projection):
 *   f = (1-wx)(1-wy) f[i0,j0] + wx(1-wy) f[i0+1,j0] + (1-wx)wy f[i0,j0+1] + wx wy f[i0+1,j0+1],
 * i0 = floor(fi) clamped to [0, nx-2], wx = fi - i0 clamped to [0, 1] (so within half a cell of the
 * boundary the edge value is used). The met wind direction WDIR10 (output.met) is instead the
 * direction of the interpolated mean wind vector (an angle cannot be interpolated across north):
 * as_output_met_bilinear().
 */
#include "as_output_impl.h"
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static char *trim(char *s)
{
  while (*s == ' ' || *s == '\t') s++;
  char *e = s + strlen(s);
  while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n')) *--e = 0;
  return s;
}

static int split(char *line, char **col, int max)
{
  int n = 0;
  char *p = line;
  while (n < max) {
    char *c = strchr(p, ',');
    if (c) *c = 0;
    col[n++] = trim(p);
    if (!c) break;
    p = c + 1;
  }
  return n;
}

static AsStatus as_receptors_parse(AsOutput *o, const AsGrid *g, FILE *f, const char *path)
{
  char line[1024], where[1100];
  int ln = 0, c_name = -1, c_lon = -1, c_lat = -1, have_header = 0, cap = 0;
  while (fgets(line, sizeof line, f)) {
    ln++;
    snprintf(where, sizeof where, "%s:%d", path, ln);
    char *s = trim(line);
    if (!*s || *s == '#') continue;
    char *col[32];
    int n = split(s, col, 32);
    if (!have_header) {
      for (int c = 0; c < n; c++) {
        if (!strcmp(col[c], "name")) c_name = c;
        if (!strcmp(col[c], "longitude")) c_lon = c;
        if (!strcmp(col[c], "latitude")) c_lat = c;
      }
      if (c_name < 0 || c_lon < 0 || c_lat < 0)
        return as_error(AS_ERR_DATA, where, "header",
                        "needs the columns name, longitude, latitude");
      have_header = 1;
      continue;
    }
    int need = c_name > c_lon ? c_name : c_lon;
    need = need > c_lat ? need : c_lat;
    if (n <= need)
      return as_error(AS_ERR_DATA, where, "receptor", "%d columns, the header needs %d", n,
                      need + 1);
    const char *name = col[c_name];
    if (!*name || strlen(name) >= sizeof o->recep[0].name)
      return as_error(AS_ERR_DATA, where, "name", "empty or longer than 63 characters");
    for (int r = 0; r < o->nrecep; r++)
      if (!strcmp(o->recep[r].name, name))
        return as_error(AS_ERR_DATA, where, name, "receptor named twice");
    double v[2];
    const char *txt[2] = {col[c_lon], col[c_lat]}, *what[2] = {"longitude", "latitude"};
    for (int q = 0; q < 2; q++) {
      char *end;
      errno = 0;
      v[q] = strtod(txt[q], &end);
      if (end == txt[q] || *end || errno || !isfinite(v[q]))
        return as_error(AS_ERR_DATA, where, what[q], "'%s' is not a number", txt[q]);
    }
    if (v[0] < -180 || v[0] > 360 || v[1] < -90 || v[1] > 90)
      return as_error(AS_ERR_DATA, where, name, "lon %g lat %g out of range", v[0], v[1]);
    double fi, fj;
    int inside;
    AS_CALL(as_grid_locate(g, v[0], v[1], &fi, &fj, &inside));
    if (!inside)
      return as_error(AS_ERR_DOMAIN, where, name, "lon %g lat %g is outside the model domain",
                      v[0], v[1]);
    if (o->nrecep == cap) {
      cap = cap ? 2 * cap : 16;
      AsReceptor *nr = realloc(o->recep, sizeof *nr * (size_t)cap);
      if (!nr) return as_error(AS_ERR_MEM, where, "receptor", "cannot allocate");
      o->recep = nr;
    }
    AsReceptor *r = &o->recep[o->nrecep++];
    memset(r, 0, sizeof *r);
    snprintf(r->name, sizeof r->name, "%s", name);
    r->lon = v[0], r->lat = v[1];
    r->i0 = (int)floor(fi), r->j0 = (int)floor(fj);
    if (r->i0 < 0) r->i0 = 0;
    if (r->i0 > g->nx - 2) r->i0 = g->nx - 2;
    if (r->j0 < 0) r->j0 = 0;
    if (r->j0 > g->ny - 2) r->j0 = g->ny - 2;
    r->wx = fmin(1, fmax(0, fi - r->i0));
    r->wy = fmin(1, fmax(0, fj - r->j0));
  }
  if (!have_header) return as_error(AS_ERR_DATA, path, "header", "no header line");
  if (!o->nrecep) return as_error(AS_ERR_DATA, path, "receptor", "no receptors listed");
  return AS_OK;
}

AsStatus as_receptors_read(AsOutput *o, const AsGrid *g, const char *path)
{
  FILE *f = fopen(path, "r");
  if (!f) return as_error(AS_ERR_IO, path, "output.receptors", "cannot open: %s", strerror(errno));
  snprintf(o->rec_file, sizeof o->rec_file, "%s", path);
  AsStatus s = as_receptors_parse(o, g, f, path);
  fclose(f);
  return s;
}

AsStatus as_receptors_write(AsOutput *o, double t_end)
{
  const size_t n3 = (size_t)o->nlev * (size_t)o->ncol;
  if (!o->frec) {
    AS_CALL(as_output_mkdir(o->dir));
    snprintf(o->rec_path, sizeof o->rec_path, "%s/%s_receptors.csv", o->dir, o->runname);
    snprintf(o->rec_tmp, sizeof o->rec_tmp, "%s/.%s_receptors.csv.tmp", o->dir, o->runname);
    o->frec = fopen(o->rec_tmp, "w");
    if (!o->frec)
      return as_error(AS_ERR_IO, o->rec_tmp, "output", "cannot create: %s", strerror(errno));
    fprintf(o->frec, "time,receptor,longitude,latitude");
    for (int f = 0; f < o->nfield; f++) fprintf(o->frec, ",%s", o->field[f].name);
    fprintf(o->frec, "\n");
  }
  char ts[32];
  as_output_iso(t_end, ts, sizeof ts);
  for (int r = 0; r < o->nrecep; r++) {
    const AsReceptor *rc = &o->recep[r];
    fprintf(o->frec, "%s,%s,%.5f,%.5f", ts, rc->name, rc->lon, rc->lat);
    const long a = (long)rc->j0 * o->nx + rc->i0, b = a + 1, c = a + o->nx, d = c + 1;
    const double wx = rc->wx, wy = rc->wy;
    const long cell[4] = {a, b, c, d};
    const double w[4] = {(1 - wx) * (1 - wy), wx * (1 - wy), (1 - wx) * wy, wx * wy};
    for (int f = 0; f < o->nfield; f++) {
      const double *m = o->mean + (size_t)f * n3; /* surface = first nx*ny values */
      double v = o->field[f].kind == AS_FIELD_MET
                     ? as_output_met_bilinear(o, o->field[f].track, m, cell, w)
                     : (1 - wx) * (1 - wy) * m[a] + wx * (1 - wy) * m[b] + (1 - wx) * wy * m[c] +
                           wx * wy * m[d];
      fprintf(o->frec, ",%.7g", v);
    }
    fprintf(o->frec, "\n");
  }
  if (ferror(o->frec)) return as_error(AS_ERR_IO, o->rec_tmp, "output", "write failed");
  return AS_OK;
}
