/* as_emis.c — the emission object: reads the "emissions." keys, holds every source, and gives
 * the rate of every model species in every cell (ug s-1 per cell) for the clock hour containing t.
 *
 * Hourly rate of a source with annual-mean rate R_p (g s-1 of pollutant p) in sector s:
 *     r_p(h) = R_p f_s(h)          (f_s: as_emis_profiles.c, mean 1 over each local year)
 * model species q with emitted_as = p and emission_factor e_q (or, with a speciation file, the
 * sector's factor e_{q,s}: as_emis_speciation.c):
 *     E_q(h) = e_q r_p(h) * 1e6 ug g-1, spread over cells by the source's footprint
 *     (area/line: surrogate fractions in layer 0; stack: plume-rise layer weights in its cell).
 * as_emis_period_total sums e_q R_p f_s(h) 3600 s over hours and sources (times the in-domain
 * share of area sources) without touching the grid arrays; gridded files add their own records.
 * Biogenic isoprene and monoterpenes (emissions.biogenic, as_emis_biogenic.c) are added to the
 * rates from the met of the hour; they are not part of the inventory total.
 * docs/science.md has the derivation; docs/config.md the keys.
 */
#include "as_emis_internal.h"
#include "as_emis_biogenic.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define AS_CP 1004.64 /* J kg-1 K-1, dry air */
#define AS_G 9.80665

struct AsEmis {
  const AsGrid *g;
  const AsSpeciesTable *spc;
  char dir[1024];           /* built-in inventory directory ("" if off) */
  char files[6][1200];      /* points, area, surrogates, polylines, profiles, point_csv */
  AsEmisProfiles prof;
  AsEmisPoint *pts;
  int npts, nbuiltin, ndropped;
  AsEmisArea *area;
  int narea;
  AsEmisGridded **gd;
  int ngd;
  int *spol;                /* per species: inventory pollutant or -1 */
  double *sfac;             /* [nspec][nsec] g species per g pollutant */
  char spec_file[1024];     /* emissions.speciation ("" if none) */
  AsBiogenic *bio;          /* emissions.biogenic (NULL if off) */
  int plume_rise;
  /* per-hour state */
  double hour;
  const double *hour_rate;  /* the array the cached hour was written into */
  int ymean_year;
  double *ymean, *fsec;     /* [nsec] */
  double *lw;               /* [npts*nz] layer weights of the current hour */
  double *dh;               /* [npts] plume rise of the current hour, m */
};

enum { F_POINTS, F_AREA, F_SURR, F_LINES, F_PROF, F_USER };
static const char *const f_key[6] = {"emissions.points", "emissions.area",
                                     "emissions.surrogates", "emissions.polylines",
                                     "emissions.profiles", "emissions.point_csv"};
static const char *const f_default[5] = {"points.csv", "area_totals.csv", "surrogates.csv",
                                         "polylines.csv", "profiles.csv"};

/* a switch-like key value: 1 on/true/yes, 0 off/false/no, -1 anything else (a path) */
static int switch_value(const char *v)
{
  if (!strcasecmp(v, "on") || !strcasecmp(v, "true") || !strcasecmp(v, "yes")) return 1;
  if (!strcasecmp(v, "off") || !strcasecmp(v, "false") || !strcasecmp(v, "no")) return 0;
  return -1;
}

static int readable(const char *p) { return p[0] && access(p, R_OK) == 0; }

/* where the built-in inventory lives when emissions.inventory is "on" */
static void find_builtin(const AsConfig *cfg, char *dir, size_t n)
{
  char cand[3][1024];
  const char *env = getenv("AIRSHED_DATA");
  const char *file = as_config_file(cfg);
  const char *slash = file ? strrchr(file, '/') : NULL;
  snprintf(cand[0], sizeof cand[0], "%s/emissions", env ? env : "");
  if (slash) snprintf(cand[1], sizeof cand[1], "%.*s/../emissions", (int)(slash - file), file);
  else snprintf(cand[1], sizeof cand[1], "../emissions");
  snprintf(cand[2], sizeof cand[2], "inputs/emissions");
  dir[0] = 0;
  for (int k = env ? 0 : 1; k < 3; k++) {
    char p[1100];
    snprintf(p, sizeof p, "%s/points.csv", cand[k]);
    if (readable(p)) {
      snprintf(dir, n, "%s", cand[k]);
      return;
    }
  }
}

static AsStatus read_keys(AsEmis *e, AsConfig *cfg)
{
  char w[512];
  const char *inv = "on";
  AS_CALL(as_config_get_string(cfg, "emissions.inventory", 0, &inv));
  int on = switch_value(inv) == 1 || !strcasecmp(inv, "builtin");
  int off = switch_value(inv) == 0 || !strcasecmp(inv, "none");
  if (on) {
    find_builtin(cfg, e->dir, sizeof e->dir);
    if (!e->dir[0])
      return as_error(AS_ERR_CONFIG, as_config_where(cfg, "emissions.inventory", w, sizeof w),
                      "emissions.inventory",
                      "built-in inventory not found (looked in $AIRSHED_DATA/emissions, "
                      "<case dir>/../emissions, inputs/emissions)");
  } else if (!off) {
    const char *d = NULL;
    AS_CALL(as_config_get_path(cfg, "emissions.inventory", 1, &d));
    snprintf(e->dir, sizeof e->dir, "%s", d);
  }
  for (int k = 0; k < 5; k++)
    if (e->dir[0]) snprintf(e->files[k], sizeof e->files[k], "%s/%s", e->dir, f_default[k]);
  /* without an inventory the built-in profiles still serve the user point file */
  if (!e->dir[0]) {
    char d[1024];
    find_builtin(cfg, d, sizeof d);
    if (d[0]) snprintf(e->files[F_PROF], sizeof e->files[F_PROF], "%s/profiles.csv", d);
  }
  for (int k = 0; k < 6; k++) {
    const char *p = NULL;
    AS_CALL(as_config_get_path(cfg, f_key[k], 0, &p));
    if (p) snprintf(e->files[k], sizeof e->files[k], "%s", p);
    if (e->files[k][0] && !readable(e->files[k]))
      return as_error(AS_ERR_IO, as_config_where(cfg, as_config_has(cfg, f_key[k]) ? f_key[k]
                                                 : "emissions.inventory", w, sizeof w),
                      f_key[k], "cannot read '%s'", e->files[k]);
  }
  e->plume_rise = 1;
  AS_CALL(as_config_get_bool(cfg, "emissions.plume_rise", 0, &e->plume_rise));
  const char *sp = NULL;
  AS_CALL(as_config_get_path(cfg, "emissions.speciation", 0, &sp));
  if (sp) snprintf(e->spec_file, sizeof e->spec_file, "%s", sp);
  return AS_OK;
}

/* emissions.biogenic: off (default), on (the built-in factor file) or a factor file's path */
static AsStatus read_biogenic(AsEmis *e, AsConfig *cfg, const unsigned char *landuse)
{
  const char *v = "off";
  char path[1100] = "", w[512];
  AS_CALL(as_config_get_string(cfg, "emissions.biogenic", 0, &v));
  if (switch_value(v) == 0) return AS_OK;
  if (switch_value(v) == 1) {
    char d[1024];
    find_builtin(cfg, d, sizeof d);
    snprintf(path, sizeof path, "%s/biogenic_factors.csv", d[0] ? d : "inputs/emissions");
  } else {
    const char *p = NULL;
    AS_CALL(as_config_get_path(cfg, "emissions.biogenic", 1, &p));
    snprintf(path, sizeof path, "%s", p);
  }
  if (!landuse)
    return as_error(AS_ERR_CONFIG, as_config_where(cfg, "emissions.biogenic", w, sizeof w),
                    "emissions.biogenic", "the meteorology gives no land use");
  return as_biogenic_create(path, e->g, landuse, e->spc, &e->bio);
}

static AsStatus load(AsEmis *e, AsConfig *cfg)
{
  const AsGrid *g = e->g;
  const AsSpeciesTable *spc = e->spc;
  AS_CALL(as_emis_profiles_read(e->files[F_PROF][0] ? e->files[F_PROF] : NULL, &e->prof));
  AS_MALLOC(e->spol, spc->n + 1);
  AS_MALLOC(e->sfac, (size_t)(spc->n + 1) * (size_t)(e->prof.nsec + 1));
  AS_CALL(as_emis_speciation(e->spec_file[0] ? e->spec_file : NULL, spc, &e->prof, e->spol, e->sfac));
  if (e->files[F_POINTS][0])
    AS_CALL(as_emis_points_read(e->files[F_POINTS], g, &e->prof, 0, &e->pts, &e->npts,
                                &e->ndropped));
  e->nbuiltin = e->npts;
  if (e->files[F_USER][0]) {
    AsEmisPoint *u = NULL;
    int nu = 0, nd = 0;
    AS_CALL(as_emis_points_read(e->files[F_USER], g, &e->prof, 1, &u, &nu, &nd));
    AsEmisPoint *all = realloc(e->pts, (size_t)(e->npts + nu + 1) * sizeof *all);
    if (!all) {
      free(u);
      return as_error(AS_ERR_MEM, "", "points", "out of memory");
    }
    if (nu) memcpy(all + e->npts, u, (size_t)nu * sizeof *u);
    free(u);
    e->pts = all;
    e->npts += nu;
  }
  if (e->files[F_AREA][0]) {
    if (!e->files[F_SURR][0] || !e->files[F_LINES][0])
      return as_error(AS_ERR_CONFIG, e->files[F_AREA], "emissions.area",
                      "area totals need emissions.surrogates and emissions.polylines");
    AS_CALL(as_emis_area_read(e->files[F_AREA], e->files[F_SURR], e->files[F_LINES], g, &e->prof,
                              &e->area, &e->narea));
  }
  int ng = 0;
  AS_CALL(as_config_seq_len(cfg, "emissions.gridded", &ng));
  AS_MALLOC(e->gd, ng + 1);
  for (int k = 0; k < ng; k++) {
    char key[64];
    const char *p = NULL;
    snprintf(key, sizeof key, "emissions.gridded[%d]", k);
    AS_CALL(as_config_get_path(cfg, key, 1, &p));
    AS_CALL(as_emis_gridded_open(p, g, spc, &e->gd[k]));
    e->ngd = k + 1;
  }
  AS_MALLOC(e->ymean, e->prof.nsec);
  AS_MALLOC(e->fsec, e->prof.nsec);
  AS_MALLOC(e->lw, (long)(e->npts + 1) * g->nz);
  AS_MALLOC(e->dh, e->npts + 1);
  e->ymean_year = -99999;
  e->hour = NAN;
  return AS_OK;
}

AsStatus as_emis_create(AsConfig *cfg, const AsGrid *grid, const AsMet *met,
                        const AsSpeciesTable *spc, AsEmis **emis)
{
  AsEmis *e = calloc(1, sizeof *e);
  if (!e) return as_error(AS_ERR_MEM, "", "emissions", "out of memory");
  e->g = grid;
  e->spc = spc;
  AsStatus s = read_keys(e, cfg);
  if (!s) s = load(e, cfg);
  if (!s) s = read_biogenic(e, cfg, met ? as_met_landuse(met) : NULL);
  if (s) {
    as_emis_destroy(&e);
    return s;
  }
  *emis = e;
  return AS_OK;
}

/* sector factors for the hour starting at th (year means cached per local year) */
static void sector_factors(const AsEmisProfiles *p, double th, int *year, double *ymean,
                           double *f)
{
  AsLocalTime L = as_emis_local_time(th);
  if (L.year != *year) {
    for (int s = 0; s < p->nsec; s++) ymean[s] = as_emis_year_mean(p, s, L.year);
    *year = L.year;
  }
  for (int s = 0; s < p->nsec; s++) f[s] = as_emis_hour_factor(p, s, th, ymean[s]);
}

/* plume rise of point P with the met of its cell */
static double point_rise(const AsEmis *e, const AsEmisPoint *P, const AsMetState *met,
                         double *pblh)
{
  const AsGrid *g = e->g;
  const int nx = g->nx, ny = g->ny, nz = g->nz;
  int k = 0;
  while (k < nz - 1 && g->z_face[k + 1] <= P->height) k++;
  long c2 = (long)P->j * nx + P->i, c = (long)k * ny * nx + c2;
  AsPlumeMet m;
  m.ta = met->temp[c];
  m.u = hypot(met->u[c], met->v[c]);
  int k2 = k + 1 < nz ? k + 1 : k, k1 = k2 - 1 >= 0 ? k2 - 1 : 0;
  double dz = g->z_mid[k2] - g->z_mid[k1];
  m.dthdz = dz > 0 ? (met->temp[(long)k2 * ny * nx + c2] - met->temp[(long)k1 * ny * nx + c2]) /
                         dz + AS_G / AS_CP
                   : 0;
  m.obukhov = met->obukhov[c2];
  m.pblh = met->pblh[c2];
  *pblh = m.pblh;
  int stable;
  return as_emis_briggs_rise(P->height, P->diameter, P->velocity, P->temperature, &m, &stable);
}

AsStatus as_emis_rates(AsEmis *e, double t, const AsMetState *met, double *rate)
{
  const AsGrid *g = e->g;
  const double th = floor(t / 3600.0 + 1e-9) * 3600.0;
  if (th == e->hour && rate == e->hour_rate) return AS_OK;
  const int nx = g->nx, ny = g->ny, nz = g->nz, nspec = e->spc->n;
  const long ncell = (long)nx * ny * nz;
  memset(rate, 0, (size_t)nspec * (size_t)ncell * sizeof *rate);
  sector_factors(&e->prof, th, &e->ymean_year, e->ymean, e->fsec);
  /* area and line sources, layer 0 */
  for (int a = 0; a < e->narea; a++) {
    const AsEmisArea *A = &e->area[a];
    for (int s = 0; s < nspec; s++) {
      int p = e->spol[s];
      if (p < 0 || A->rate[p] == 0) continue;
      double coef = e->sfac[(size_t)s * e->prof.nsec + A->sector] * 1e6 * A->rate[p] * e->fsec[A->sector];
      double *r = rate + (size_t)s * (size_t)ncell;
      for (long q = 0; q < A->ncell; q++) r[A->cell[q]] += coef * A->frac[q];
    }
  }
  /* stacks */
  for (int n = 0; n < e->npts; n++) {
    const AsEmisPoint *P = &e->pts[n];
    double *w = e->lw + (size_t)n * nz, pblh = 0;
    e->dh[n] = e->plume_rise && met ? point_rise(e, P, met, &pblh) : 0;
    as_emis_layer_weights(P->height, e->dh[n], met ? pblh : 1e30, g->z_face, nz, w);
    for (int s = 0; s < nspec; s++) {
      int p = e->spol[s];
      if (p < 0 || P->rate[p] == 0) continue;
      double coef = e->sfac[(size_t)s * e->prof.nsec + P->sector] * 1e6 * P->rate[p] * e->fsec[P->sector];
      double *r = rate + (size_t)s * (size_t)ncell + (long)P->j * nx + P->i;
      for (int k = 0; k < nz; k++)
        if (w[k] > 0) r[(long)k * nx * ny] += coef * w[k];
    }
  }
  for (int k = 0; k < e->ngd; k++) AS_CALL(as_emis_gridded_add(e->gd[k], th, rate));
  if (e->bio && met) AS_CALL(as_biogenic_add(e->bio, met, rate));
  e->hour = th;
  e->hour_rate = rate;
  return AS_OK;
}

AsStatus as_emis_period_total(const AsEmis *e, int s, double t0, double t1, double *total_ug)
{
  if (s < 0 || s >= e->spc->n)
    return as_error(AS_ERR_ARG, "", "species", "index %d out of range", s);
  if (fmod(t0, 3600) != 0 || fmod(t1, 3600) != 0 || t1 < t0)
    return as_error(AS_ERR_ARG, "", "period", "t0 and t1 must be whole hours with t0 <= t1");
  const AsEmisProfiles *p = &e->prof;
  double *ymean = malloc((size_t)p->nsec * sizeof *ymean);
  double *f = malloc((size_t)p->nsec * sizeof *f);
  if (!ymean || !f) {
    free(ymean), free(f);
    return as_error(AS_ERR_MEM, "", "emissions", "out of memory");
  }
  int year = -99999, pol = e->spol[s];
  double tot = 0;
  const double *fac = e->sfac + (size_t)s * p->nsec; /* g species per g pollutant, per sector */
  for (double th = t0; pol >= 0 && th < t1; th += 3600) {
    sector_factors(p, th, &year, ymean, f);
    for (int a = 0; a < e->narea; a++) {
      int sec = e->area[a].sector;
      tot += fac[sec] * 1e6 * 3600.0 * e->area[a].rate[pol] * e->area[a].inside * f[sec];
    }
    for (int n = 0; n < e->npts; n++) {
      int sec = e->pts[n].sector;
      tot += fac[sec] * 1e6 * 3600.0 * e->pts[n].rate[pol] * f[sec];
    }
  }
  free(ymean), free(f);
  for (int k = 0; k < e->ngd; k++) {
    double ug = 0;
    AS_CALL(as_emis_gridded_total(e->gd[k], s, t0, t1, &ug));
    tot += ug;
  }
  *total_ug = tot;
  return AS_OK;
}

void as_emis_view(const AsEmis *e, void *file)
{
  FILE *f = file;
  if (!e || !f) return;
  double pt[AS_EP_N] = {0}, ar[AS_EP_N] = {0};
  const double ty = 3.15569259747e7 * 1e-6; /* g/s -> t per udunits year */
  for (int n = 0; n < e->npts; n++)
    for (int p = 0; p < AS_EP_N; p++) pt[p] += e->pts[n].rate[p] * ty;
  for (int a = 0; a < e->narea; a++)
    for (int p = 0; p < AS_EP_N; p++) ar[p] += e->area[a].rate[p] * e->area[a].inside * ty;
  fprintf(f, "emissions: inventory %s; %d stacks in the domain (%d built-in, %d dropped outside), "
             "%d area/line sources, %d gridded file(s), %d sectors, plume rise %s\n",
          e->dir[0] ? e->dir : "off", e->npts, e->nbuiltin, e->ndropped, e->narea, e->ngd,
          e->prof.nsec, e->plume_rise ? "Briggs" : "off");
  fprintf(f, "emissions: domain annual-mean totals, t/yr:");
  for (int p = 0; p < AS_EP_N; p++) fprintf(f, " %s", as_emis_pollutant_name[p]);
  fprintf(f, "\nemissions:   points");
  for (int p = 0; p < AS_EP_N; p++) fprintf(f, " %.6g", pt[p]);
  fprintf(f, "\nemissions:   area  ");
  for (int p = 0; p < AS_EP_N; p++) fprintf(f, " %.6g", ar[p]);
  fprintf(f, "\n");
  for (int k = 0; k < e->ngd; k++) as_emis_gridded_view(e->gd[k], f);
  if (e->spec_file[0]) fprintf(f, "emissions: speciation by sector from %s\n", e->spec_file);
  if (e->bio) as_biogenic_view(e->bio, f);
  int none = 0;
  for (int s = 0; s < e->spc->n; s++) none += e->spol[s] < 0;
  if (none) {
    fprintf(f, "emissions: %d species without an inventory source (emitted_as or speciation):", none);
    for (int s = 0; s < e->spc->n; s++)
      if (e->spol[s] < 0) fprintf(f, " %s", e->spc->s[s].name);
    fprintf(f, "\n");
  }
}

void as_emis_destroy(AsEmis **ep)
{
  if (!ep || !*ep) return;
  AsEmis *e = *ep;
  as_emis_profiles_free(&e->prof);
  free(e->pts);
  as_emis_area_free(e->area, e->narea);
  for (int k = 0; k < e->ngd; k++) as_emis_gridded_close(&e->gd[k]);
  free(e->gd);
  as_biogenic_destroy(&e->bio);
  free(e->spol), free(e->sfac), free(e->ymean), free(e->fsec), free(e->lw), free(e->dh);
  free(e);
  *ep = NULL;
}

/* ---- internal accessors for tests and the budget report (declared in as_emis_internal.h) ---- */
int as_emis_npoints(const AsEmis *e) { return e->npts; }
const double *as_emis_point_weights(const AsEmis *e, int n) { return e->lw + (size_t)n * e->g->nz; }
double as_emis_point_rise(const AsEmis *e, int n) { return e->dh[n]; }
