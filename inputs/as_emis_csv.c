/* as_emis_csv.c — the plain CSV dialect of the emission inventory files.
 *
 *   # comment lines (anywhere) and blank lines are skipped
 *   id,name,lon,lat,height[m],so2[t/yr],nox[g/s]     <- first non-comment line: the header;
 *   P01,"Some works, east",120.3,31.9,80,120.5,3.2      a column's unit is written in [...]
 *
 * Fields are separated by commas; a field may be double-quoted (then it may hold commas, and ""
 * stands for one quote). Surrounding blanks are trimmed. Column names are case-insensitive.
 * Errors name the file and line: "points.csv:12: item: problem".
 */
#include "as_emis_internal.h"
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *const as_emis_pollutant_name[AS_EP_N] = {"SO2", "NOX", "CO", "NH3", "VOC",
                                                      "PM25_EC", "PM25_OC", "PM25_OTHER"};
/* SO2 64.064, NO2 46.0055, CO 28.010, NH3 17.031 g/mol (IUPAC standard atomic weights) */
const double as_emis_pollutant_molar_mass[AS_EP_N] = {64.064, 46.0055, 28.010, 17.031, 0, 0, 0, 0};

int as_emis_pollutant_index(const char *name)
{
  for (int p = 0; p < AS_EP_N; p++)
    if (!strcasecmp(name, as_emis_pollutant_name[p])) return p;
  return -1;
}

static char *trim(char *s)
{
  while (*s == ' ' || *s == '\t') s++;
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
    s[--n] = 0;
  return s;
}

/* read one physical line into csv->buf; 0 at EOF */
static int read_line(AsCsv *c)
{
  size_t n = 0;
  int ch;
  while ((ch = fgetc(c->f)) != EOF) {
    if (n + 2 > c->cap) {
      size_t cap = c->cap ? 2 * c->cap : 1024;
      char *b = realloc(c->buf, cap);
      if (!b) return -1;
      c->buf = b, c->cap = cap;
    }
    if (ch == '\n') break;
    c->buf[n++] = (char)ch;
  }
  if (ch == EOF && n == 0) return 0;
  c->buf[n] = 0;
  c->line++;
  return 1;
}

/* split buf in place; handles quotes */
static int split(AsCsv *c)
{
  c->nfield = 0;
  char *s = c->buf;
  for (;;) {
    if (c->nfield == c->fcap) {
      int cap = c->fcap ? 2 * c->fcap : 32;
      char **f = realloc(c->field, (size_t)cap * sizeof *f);
      if (!f) return -1;
      c->field = f, c->fcap = cap;
    }
    while (*s == ' ' || *s == '\t') s++;
    char *start = s;
    if (*s == '"') {
      char *w = s;
      s++;
      for (;;) {
        if (!*s) break;
        if (*s == '"' && s[1] == '"') { *w++ = '"'; s += 2; continue; }
        if (*s == '"') { s++; break; }
        *w++ = *s++;
      }
      char *end = w;
      while (*s && *s != ',') s++;
      int more = *s == ',';
      *end = 0;
      c->field[c->nfield++] = start;
      if (!more) break;
      s++;
    } else {
      while (*s && *s != ',') s++;
      int more = *s == ',';
      *s = 0;
      c->field[c->nfield++] = trim(start);
      if (!more) break;
      s++;
    }
  }
  return 0;
}

static int skip(const char *b)
{
  while (*b == ' ' || *b == '\t' || *b == '\r') b++;
  return *b == 0 || *b == '#';
}

AsStatus as_csv_open(const char *path, AsCsv *c, AsCsvHeader *h)
{
  memset(c, 0, sizeof *c);
  memset(h, 0, sizeof *h);
  c->path = path;
  c->f = fopen(path, "r");
  if (!c->f) return as_error(AS_ERR_IO, path, "file", "cannot open for reading");
  int r;
  while ((r = read_line(c)) == 1 && skip(c->buf)) {}
  if (r < 0) return as_error(AS_ERR_MEM, path, "file", "out of memory");
  if (r == 0) return as_error(AS_ERR_DATA, path, "header", "no header line (file is empty)");
  if (split(c)) return as_error(AS_ERR_MEM, path, "file", "out of memory");
  h->ncol = c->nfield;
  h->name = calloc((size_t)h->ncol, sizeof *h->name);
  h->unit = calloc((size_t)h->ncol, sizeof *h->unit);
  if (!h->name || !h->unit) return as_error(AS_ERR_MEM, path, "file", "out of memory");
  char where[600];
  snprintf(where, sizeof where, "%s:%d", path, c->line);
  for (int k = 0; k < h->ncol; k++) {
    char *f = c->field[k], *lb = strchr(f, '[');
    const char *unit = "";
    if (lb) {
      char *rb = strchr(lb, ']');
      if (!rb || trim(rb + 1)[0])
        return as_error(AS_ERR_DATA, where, f, "column unit must be written name[unit]");
      *rb = 0;
      *lb = 0;
      unit = trim(lb + 1);
    }
    char *nm = trim(f);
    if (!nm[0]) return as_error(AS_ERR_DATA, where, "header", "column %d has no name", k + 1);
    for (char *q = nm; *q; q++) *q = (char)tolower((unsigned char)*q);
    h->name[k] = strdup(nm);
    h->unit[k] = strdup(unit);
    if (!h->name[k] || !h->unit[k]) return as_error(AS_ERR_MEM, path, "file", "out of memory");
    for (int m = 0; m < k; m++)
      if (!strcmp(h->name[m], nm))
        return as_error(AS_ERR_DATA, where, nm, "column appears twice");
  }
  return AS_OK;
}

int as_csv_next(AsCsv *c, AsStatus *st)
{
  *st = AS_OK;
  int r;
  while ((r = read_line(c)) == 1 && skip(c->buf)) {}
  if (r < 0) {
    *st = as_error(AS_ERR_MEM, c->path, "file", "out of memory");
    return 0;
  }
  if (r == 0) return 0;
  if (split(c)) {
    *st = as_error(AS_ERR_MEM, c->path, "file", "out of memory");
    return 0;
  }
  return 1;
}

void as_csv_close(AsCsv *c, AsCsvHeader *h)
{
  if (c->f) fclose(c->f);
  free(c->buf);
  free(c->field);
  for (int k = 0; k < h->ncol; k++) {
    if (h->name) free(h->name[k]);
    if (h->unit) free(h->unit[k]);
  }
  free(h->name);
  free(h->unit);
  memset(c, 0, sizeof *c);
  memset(h, 0, sizeof *h);
}

int as_csv_col(const AsCsvHeader *h, const char *name)
{
  for (int k = 0; k < h->ncol; k++)
    if (!strcasecmp(h->name[k], name)) return k;
  return -1;
}

AsStatus as_csv_number(const AsCsv *c, int col, const char *colname, const char *item, double *v)
{
  char where[600];
  snprintf(where, sizeof where, "%s:%d", c->path, c->line);
  if (col >= c->nfield || !c->field[col][0])
    return as_error(AS_ERR_DATA, where, item, "%s: missing value", colname);
  char *end;
  double x = strtod(c->field[col], &end);
  if (end == c->field[col] || *trim(end))
    return as_error(AS_ERR_DATA, where, item, "%s: '%s' is not a number", colname, c->field[col]);
  if (!isfinite(x)) return as_error(AS_ERR_DATA, where, item, "%s: value is %s", colname,
                                    isnan(x) ? "NaN" : "infinite");
  *v = x;
  return AS_OK;
}

AsStatus as_csv_rates(const AsCsv *c, const AsCsvHeader *h, const int *pcol, const double *scale,
                      const char *item, double *rate)
{
  char where[600];
  snprintf(where, sizeof where, "%s:%d", c->path, c->line);
  for (int p = 0; p < AS_EP_N; p++) {
    double x = 0;
    if (pcol[p] >= 0) {
      AS_CALL(as_csv_number(c, pcol[p], h->name[pcol[p]], item, &x));
      if (x < 0)
        return as_error(AS_ERR_DATA, where, item, "%s: negative emission %g", h->name[pcol[p]], x);
    }
    rate[p] = x * scale[p];
  }
  return AS_OK;
}
