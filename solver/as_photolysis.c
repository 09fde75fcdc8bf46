/* as_photolysis.c — clear-sky photolysis frequencies, solar position and cloud attenuation.
 *
 *   J_i(chi) = l_i cos(chi)^m_i exp(-n_i / cos chi)   for cos chi > 0, else 0
 *   (MCM v3.3.1 parameterisation, Saunders et al. 2003, ACP 3:161, Table/Eq. 2; coefficients from
 *   the AtChem2 file mcm/photolysis-rates_v3.3.1, copied with its provenance to inputs/photolysis/).
 *
 *   Solar position: Michalsky (1988, Solar Energy 40:227, Appendix), the Astronomical Almanac's
 *   low-precision formulae, with n = JD - 2451545.0 (days, UT):
 *     L = 280.460 + 0.9856474 n,  g = 357.528 + 0.9856003 n                          [deg]
 *     ecliptic longitude lam = L + 1.915 sin g + 0.020 sin 2g,  obliquity eps = 23.439 - 4e-7 n
 *     right ascension ra = atan2(cos eps sin lam, cos lam),  declination dec = asin(sin eps sin lam)
 *     GMST = 6.697375 + 0.0657098242 n + UT [h];  hour angle h = 15 GMST + lon - ra
 *     (the equation of time is implicit: L - ra)
 *     cos(zenith) = sin(lat) sin(dec) + cos(lat) cos(dec) cos(h)
 *   Stated accuracy 0.01 deg for 1950-2050; no refraction (it matters only within ~1 deg of the
 *   horizon, where the MCM fit is not used anyway). Spencer's (1971) Fourier series was tried first
 *   and rejected: its declination is off by 0.5 deg at the 2021 March equinox.
 *   Cloud: Kasten & Czeplak (1980, Solar Energy 24:177), global radiation under N/8 cloud cover
 *   relative to clear sky  G/G0 = 1 - 0.75 (N/8)^3.4 , found independent of solar elevation; used
 *   here as the J-value factor (cloud fraction c = N/8). Limits in docs/science.md. */
#include "as_photolysis.h"
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AS_PHOT_MAX 256 /* MCM J numbers are < 100; the table is small */

struct AsPhotolysis {
  int count;
  int number[AS_PHOT_MAX]; /* MCM J number of each channel */
  double l[AS_PHOT_MAX], m[AS_PHOT_MAX], n[AS_PHOT_MAX];
};

/* Fortran-style "1.165D-02" -> "1.165e-02" then strtod; the whole token must be a finite number. */
static int parse_real(const char *tok, double *v)
{
  char buf[64];
  size_t k = strlen(tok);
  if (k == 0 || k >= sizeof buf) return 0;
  for (size_t i = 0; i <= k; i++) buf[i] = (tok[i] == 'D' || tok[i] == 'd') ? 'e' : tok[i];
  char *end;
  errno = 0;
  *v = strtod(buf, &end);
  return *end == '\0' && errno == 0 && isfinite(*v);
}

static int parse_int(const char *tok, int *v)
{
  char *end;
  errno = 0;
  long x = strtol(tok, &end, 10);
  if (*end != '\0' || errno || x < 1 || x >= 100000) return 0;
  *v = (int)x;
  return 1;
}

/* One data row: j l m n [name [tau]]. Returns AS_OK or records "path:line: item: problem". */
static AsStatus parse_row(AsPhotolysis *p, char *line, const char *where)
{
  char *tok[8];
  int ntok = 0;
  for (char *s = strtok(line, " \t\r\n"); s && ntok < 8; s = strtok(NULL, " \t\r\n")) tok[ntok++] = s;
  if (ntok < 4) return as_error(AS_ERR_DATA, where, "row", "expected 'j l m n [name tau]', found %d fields", ntok);
  int j;
  double l, m, n;
  if (!parse_int(tok[0], &j)) return as_error(AS_ERR_DATA, where, "j", "not a positive integer: '%s'", tok[0]);
  if (!parse_real(tok[1], &l) || l < 0)
    return as_error(AS_ERR_DATA, where, "l", "J%d: not a non-negative number: '%s'", j, tok[1]);
  if (!parse_real(tok[2], &m) || m < 0)
    return as_error(AS_ERR_DATA, where, "m", "J%d: not a non-negative number: '%s'", j, tok[2]);
  if (!parse_real(tok[3], &n) || n < 0)
    return as_error(AS_ERR_DATA, where, "n", "J%d: not a non-negative number: '%s'", j, tok[3]);
  for (int c = 0; c < p->count; c++)
    if (p->number[c] == j) return as_error(AS_ERR_DATA, where, "j", "J%d listed twice", j);
  if (p->count == AS_PHOT_MAX) return as_error(AS_ERR_DATA, where, "row", "more than %d channels", AS_PHOT_MAX);
  p->number[p->count] = j;
  p->l[p->count] = l;
  p->m[p->count] = m;
  p->n[p->count] = n;
  p->count++;
  return AS_OK;
}

static AsStatus read_table(AsPhotolysis *p, FILE *f, const char *path)
{
  char line[512], where[1100];
  int lineno = 0, header_seen = 0;
  while (fgets(line, sizeof line, f)) {
    lineno++;
    snprintf(where, sizeof where, "%s:%d", path, lineno);
    if (!strchr(line, '\n') && !feof(f)) return as_error(AS_ERR_DATA, where, "row", "line longer than %zu characters", sizeof line - 2);
    char *s = line;
    while (*s == ' ' || *s == '\t') s++;
    if (*s == '\0' || *s == '\n' || *s == '\r' || *s == '#' || *s == '!') continue;
    if (!header_seen) { /* first non-comment line is the column header "j l m n name tau" */
      if (!(s[0] == 'j' && (s[1] == ' ' || s[1] == '\t')))
        return as_error(AS_ERR_DATA, where, "header", "expected the column header 'j l m n name tau'");
      header_seen = 1;
      continue;
    }
    AS_CALL(parse_row(p, s, where));
  }
  if (ferror(f)) return as_error(AS_ERR_IO, path, "file", "read error");
  if (p->count == 0) return as_error(AS_ERR_DATA, path, "table", "no photolysis rows");
  return AS_OK;
}

AsStatus as_phot_create(const char *path, AsPhotolysis **ph)
{
  if (!ph) return as_error(AS_ERR_ARG, "", "photolysis", "NULL output pointer");
  *ph = NULL;
  if (!path) return as_error(AS_ERR_ARG, "", "photolysis", "NULL path");
  FILE *f = fopen(path, "r");
  if (!f) return as_error(AS_ERR_IO, path, "file", "cannot open: %s", strerror(errno));
  AsPhotolysis *p = calloc(1, sizeof *p);
  if (!p) {
    fclose(f);
    return as_error(AS_ERR_MEM, path, "photolysis", "out of memory");
  }
  AsStatus st = read_table(p, f, path);
  fclose(f);
  if (st != AS_OK) {
    free(p);
    return st;
  }
  *ph = p;
  return AS_OK;
}

int as_phot_count(const AsPhotolysis *ph) { return ph ? ph->count : 0; }

int as_phot_index(const AsPhotolysis *ph, int mcm_number)
{
  for (int c = 0; ph && c < ph->count; c++)
    if (ph->number[c] == mcm_number) return c;
  return -1;
}

int as_phot_number(const AsPhotolysis *ph, int channel)
{
  return (ph && channel >= 0 && channel < ph->count) ? ph->number[channel] : -1;
}

void as_phot_clear_sky(const AsPhotolysis *ph, double cos_zenith, double *J)
{
  if (cos_zenith <= 0) {
    for (int c = 0; c < ph->count; c++) J[c] = 0;
    return;
  }
  double mu = cos_zenith > 1 ? 1 : cos_zenith, inv = 1.0 / mu, lmu = log(mu);
  for (int c = 0; c < ph->count; c++) J[c] = ph->l[c] * exp(ph->m[c] * lmu - ph->n[c] * inv);
}

double as_phot_cos_zenith(double lon, double lat, double t)
{
  const double rad = 3.14159265358979323846 / 180;
  double n = t / 86400.0 + (2440587.5 - 2451545.0); /* JD(1970-01-01 00 UT) = 2440587.5 */
  double L = fmod(280.460 + 0.9856474 * n, 360.0), g = fmod(357.528 + 0.9856003 * n, 360.0) * rad;
  double lam = (L + 1.915 * sin(g) + 0.020 * sin(2 * g)) * rad, eps = (23.439 - 0.0000004 * n) * rad;
  double ra = atan2(cos(eps) * sin(lam), cos(lam)), dec = asin(sin(eps) * sin(lam));
  double ut = (t - 86400.0 * floor(t / 86400.0)) / 3600.0;
  double gmst = fmod(6.697375 + 0.0657098242 * n + ut, 24.0);
  double h = (15 * gmst + lon) * rad - ra, phi = lat * rad;
  return sin(phi) * sin(dec) + cos(phi) * cos(dec) * cos(h);
}

double as_phot_cloud_factor(double cloud_cover, double cos_zenith)
{
  (void)cos_zenith; /* Kasten & Czeplak (1980): the ratio is independent of solar elevation */
  double c = cloud_cover != cloud_cover ? 0 : cloud_cover < 0 ? 0 : cloud_cover > 1 ? 1 : cloud_cover;
  return 1 - 0.75 * pow(c, 3.4);
}

void as_phot_destroy(AsPhotolysis **ph)
{
  if (!ph) return;
  free(*ph);
  *ph = NULL;
}
