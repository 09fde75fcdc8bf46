/* test_output_met.c — claim: with output.met the NetCDF fields T2, RH2, WSPD10, WDIR10, PBLH,
 * PRECIP, CLOUD, SWDOWN and the receptor CSV columns of the same names are the hourly means of the
 * met state the model stepped with, and without output.met nothing else in the output changes.
 *  1. NetCDF: every met field equals the dt-weighted hourly mean computed here from the same met
 *     functions (float precision, rel 1e-6); WSPD10 is the mean of |V| (the wind turns through the
 *     hour, so |mean V| would differ by > 10 %); WDIR10 is the direction the vector-mean wind comes
 *     from, relative to true north, which this test finds independently from the projection
 *     itself (true north = the image of a 1e-4 degree step north through PROJ), on a grid 10 degrees
 *     east of its central meridian (convergence about 5 degrees); tolerance 1e-3 degree.
 *  2. Receptors: at a cell centre T2 and RH2 equal that column's hourly means (1e-6 rel; the CSV
 *     prints 7 digits); between centres every column is the bilinear value of the hourly means,
 *     WDIR10 the direction of the interpolated true-north mean vector.
 *  3. Without output.met (the default): no met variable or column, and every other variable and
 *     CSV column is identical (bytes) to the run with output.met.
 *  4. output.met with a meteorology that has no surface fields: one line naming output.met.
 * usage: test_output_met [KEEP_DIR]  (KEEP_DIR/met/out keeps the met file for scripts/check_cf.sh)
 */
#include "as_config.h"
#include "as_output.h"
#include <math.h>
#include <netcdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "as_check.h"


enum { T2, RH2, WSPD10, WDIR10, PBLH, PRECIP, CLOUD, SWDOWN, NMET };
static const char *met_names[NMET] = {"T2", "RH2", "WSPD10", "WDIR10", "PBLH", "PRECIP", "CLOUD", "SWDOWN"};
#define NSTEP 6   /* steps per hour, dt = 600 s */
#define NHOUR 2

/* the met at step n (1-based over the run) in column (i, j); the wind turns 0.5 rad per step */
static double met_scalar(int q, int i, int j, int n)
{
  switch (q) {
  case T2: return 270 + 0.3 * i - 0.2 * j + 0.5 * n;
  case RH2: return 0.5 + 0.01 * i + 0.005 * j + 0.02 * (n % 3);
  case PBLH: return 300 + 10 * i + 5 * j + 20 * n;
  case PRECIP: return (n % 2) * (0.5 + 0.1 * i);
  case CLOUD: return 0.1 * ((i + j + n) % 10);
  case SWDOWN: return 100 + i + j + 10 * n;
  default: return 0;
  }
}
static void wind(int i, int j, int n, double *u, double *v)
{
  double th = 0.5 * n + 0.05 * i - 0.03 * j, s = 3 + 0.1 * j;
  *u = s * cos(th), *v = s * sin(th);
}

typedef struct {
  AsConfig *cfg;
  AsModel m;
  AsSpeciesTable tab;
  AsSpecies sp[2];
} Fixture;

static void setup(Fixture *fx, const char *yaml, const char *set)
{
  memset(fx, 0, sizeof *fx);
  OK(as_config_load(yaml, &fx->cfg));
  if (set) OK(as_config_set(fx->cfg, set));
  AsModel *m = &fx->m;
  m->cfg = fx->cfg;
  OK(as_grid_create(fx->cfg, &m->grid));
  AsSpecies *sp = fx->sp;
  snprintf(sp[0].name, 32, "PEC"), sp[0].phase = AS_PHASE_AEROSOL, sp[0].output = 1, sp[0].pm25 = 1;
  snprintf(sp[0].standard_name, 160, "mass_concentration_of_elemental_carbon_dry_aerosol_particles_in_air");
  snprintf(sp[1].name, 32, "SO2"), sp[1].phase = AS_PHASE_GAS, sp[1].output = 1, sp[1].molar_mass = 64.066;
  snprintf(sp[1].standard_name, 160, "mass_concentration_of_sulfur_dioxide_in_air");
  fx->tab.n = 2, fx->tab.s = sp;
  m->spc = &fx->tab;
  const AsGrid *g = m->grid;
  m->nspec = 2;
  m->ncell = as_grid_ncell(g);
  m->c = calloc((size_t)m->nspec * m->ncell, sizeof(double));
  m->volume = calloc((size_t)m->ncell, sizeof(double));
  OK(as_met_state_alloc(g, &m->ms));
  for (long c = 0; c < m->ncell; c++) {
    m->volume[c] = g->area[c % ((long)g->nx * g->ny)] * g->dz[c / ((long)g->nx * g->ny)];
    m->ms.rho[c] = 1.2 - 1e-6 * c;
  }
  OK(as_budget_create(2, &m->budget));
  m->t_start = m->t = 1609459200; /* 2021-01-01T00:00:00Z */
  m->dt = 3600.0 / NSTEP;
}

static void teardown(Fixture *fx)
{
  free(fx->m.c), free(fx->m.volume);
  as_met_state_free(&fx->m.ms);
  as_budget_destroy(&fx->m.budget);
  as_grid_destroy(&fx->m.grid);
  as_config_destroy(&fx->cfg);
}

/* NHOUR hours of NSTEP steps: concentrations and met set as the model would leave them */
static void run(Fixture *fx, AsOutput *o)
{
  AsModel *m = &fx->m;
  const AsGrid *g = m->grid;
  for (int n = 1; n <= NHOUR * NSTEP; n++) {
    for (int s = 0; s < m->nspec; s++)
      for (long c = 0; c < m->ncell; c++) m->c[s * m->ncell + c] = 1 + s + 0.01 * c + 0.1 * n;
    for (int j = 0; j < g->ny; j++)
      for (int i = 0; i < g->nx; i++) {
        long c = (long)j * g->nx + i;
        m->ms.t2[c] = met_scalar(T2, i, j, n), m->ms.rh2[c] = met_scalar(RH2, i, j, n);
        m->ms.pblh[c] = met_scalar(PBLH, i, j, n), m->ms.precip[c] = met_scalar(PRECIP, i, j, n);
        m->ms.cloud[c] = met_scalar(CLOUD, i, j, n), m->ms.swdown[c] = met_scalar(SWDOWN, i, j, n);
        wind(i, j, n, &m->ms.u10[c], &m->ms.v10[c]);
      }
    m->nstep = n;
    m->t = m->t_start + n * m->dt;
    OK(as_output_accumulate(o, m, m->dt));
    if (n % NSTEP == 0) OK(as_output_write_hour(o, m));
  }
  OK(as_output_finish(o));
}

/* true north and east in grid (x, y) directions at a cell, from PROJ itself */
static void north_east(const AsGrid *g, long c, double N[2], double E[2])
{
  double x0, y0, x1, y1;
  OK(as_grid_lonlat_to_xy(g, g->lon[c], g->lat[c], &x0, &y0));
  OK(as_grid_lonlat_to_xy(g, g->lon[c], g->lat[c] + 1e-4, &x1, &y1));
  double len = hypot(x1 - x0, y1 - y0);
  N[0] = (x1 - x0) / len, N[1] = (y1 - y0) / len;
  E[0] = N[1], E[1] = -N[0]; /* north turned 90 degrees clockwise */
}

/* hourly mean of met variable q in column (i, j), hour h (0-based); for WDIR10 the true-north
 * mean vector (ue, vn) is returned in vec */
static double want_mean(const AsGrid *g, int q, int i, int j, int h, double vec[2])
{
  double a = 0, ue = 0, vn = 0, N[2], E[2];
  north_east(g, (long)j * g->nx + i, N, E);
  for (int n = h * NSTEP + 1; n <= (h + 1) * NSTEP; n++) {
    double u, v;
    wind(i, j, n, &u, &v);
    if (q == WSPD10) a += hypot(u, v);
    else a += met_scalar(q, i, j, n);
    ue += u * E[0] + v * E[1], vn += u * N[0] + v * N[1];
  }
  if (vec) vec[0] = ue / NSTEP, vec[1] = vn / NSTEP;
  if (q == WDIR10) return fmod(atan2(-ue, -vn) * 180 / M_PI + 360, 360);
  return a / NSTEP;
}

static double angle_diff(double a, double b) { return fabs(remainder(a - b, 360.0)); }

/* receptor CSV: header columns and the rows of one receptor (2 hours) */
typedef struct {
  int ncol;
  char head[160][48];
  double val[NHOUR][2][160]; /* [hour][receptor A/B][column] (numbers from column 2 on) */
  char text[NHOUR][2][8192]; /* the rows without their met columns, for the byte comparison */
} Csv;

static void read_csv(const char *path, Csv *cv, int nmet_cols)
{
  memset(cv, 0, sizeof *cv);
  FILE *f = fopen(path, "r");
  if (!f) {
    printf("FAIL: cannot open %s\n", path);
    exit(1);
  }
  char line[8192];
  if (!fgets(line, sizeof line, f)) exit(1);
  for (char *tok = strtok(line, ",\n"); tok && cv->ncol < 160; tok = strtok(NULL, ",\n"))
    snprintf(cv->head[cv->ncol++], 48, "%s", tok);
  for (int r = 0; r < NHOUR * 2 && fgets(line, sizeof line, f); r++) {
    int h = r / 2, k = r % 2, col = 0;
    char copy[8192];
    snprintf(copy, sizeof copy, "%s", line);
    /* keep the text up to the met columns (the last nmet_cols) */
    int commas = 0;
    for (char *p = copy; *p; p++)
      if (*p == ',' && ++commas == cv->ncol - nmet_cols) *p = 0;
    copy[strcspn(copy, "\n")] = 0;
    snprintf(cv->text[h][k], sizeof cv->text[h][k], "%s", copy);
    for (char *tok = strtok(line, ",\n"); tok; tok = strtok(NULL, ",\n"), col++)
      if (col >= 2 && col < 160) cv->val[h][k][col] = atof(tok);
  }
  fclose(f);
}

static int col_of(const Csv *cv, const char *name)
{
  for (int c = 0; c < cv->ncol; c++)
    if (!strcmp(cv->head[c], name)) return c;
  return -1;
}

int main(int argc, char **argv)
{
  char tmpl[] = "/tmp/as_test_output_met_XXXXXX";
  char *tmp = mkdtemp(tmpl);
  if (!tmp) return 1;
  const char *keep = argc > 1 ? argv[1] : tmp;
  char yaml[600], recf[600], path[1400], text[2048];
  snprintf(yaml, sizeof yaml, "%s/small.yaml", tmp);
  snprintf(recf, sizeof recf, "%s/rec.csv", tmp);
  snprintf(text, sizeof text, "rm -rf '%s/met' '%s/nomet'", keep, keep);
  if (system(text)) return 1;
  /* 10 degrees east of the central meridian: grid north is turned about 5 degrees from true north */
  snprintf(text, sizeof text,
           "grid:\n  projection: {longitude_of_central_meridian: 110.35}\n  resolution: 3 km\n"
           "  center: {longitude: 120.35, latitude: 31.8}\n  extent: {x: 30 km, y: 24 km}\n"
           "  layers: [0, 40, 100, 250]\noutput:\n  directory: %s/met/out\n  receptors: rec.csv\n",
           keep);
  FILE *f = fopen(yaml, "w");
  if (!f || fputs(text, f) < 0) return 1;
  fclose(f);

  Fixture fx;
  setup(&fx, yaml, "output.met=true");
  const AsGrid *g = fx.m.grid;
  const int nx = g->nx, ny = g->ny;
  double lon_b, lat_b, fi_b = 5.3, fj_b = 4.6;
  OK(as_grid_xy_to_lonlat(g, g->x0 + fi_b * g->dx, g->y0 + fj_b * g->dy, &lon_b, &lat_b));
  const int ia = 3, ja = 2;
  snprintf(text, sizeof text, "name,longitude,latitude\nA,%.12f,%.12f\nB,%.12f,%.12f\n",
           g->lon[ja * nx + ia], g->lat[ja * nx + ia], lon_b, lat_b);
  f = fopen(recf, "w");
  if (!f || fputs(text, f) < 0) return 1;
  fclose(f);
  {
    double N[2], E[2];
    north_east(g, 0, N, E);
    printf("grid %dx%d, true north at cell (0,0) is %.3f degrees from grid north\n", nx, ny,
           atan2(N[0], N[1]) * 180 / M_PI);
  }

  /* run with output.met */
  AsOutput *o = NULL;
  OK(as_output_create(fx.cfg, &fx.m, NULL, &o));
  OK(as_config_check_unused(fx.cfg));
  run(&fx, o);
  as_output_destroy(&o);

  /* 1. NetCDF */
  int nc, v;
  snprintf(path, sizeof path, "%s/met/out/small_2021010100.nc", keep);
  if (nc_open(path, NC_NOWRITE, &nc)) {
    printf("FAIL: cannot open %s\n", path);
    return 1;
  }
  float *buf = malloc(sizeof(float) * NHOUR * nx * ny);
  double spd_gap = 0;
  for (int q = 0; q < NMET; q++) {
    if (nc_inq_varid(nc, met_names[q], &v) || nc_get_var_float(nc, v, buf)) {
      CHECK(0, "NetCDF variable %s missing", met_names[q]);
      continue;
    }
    double emax = 0;
    for (int h = 0; h < NHOUR; h++)
      for (int j = 0; j < ny; j++)
        for (int i = 0; i < nx; i++) {
          double vec[2], want = want_mean(g, q, i, j, h, vec), got = buf[(h * ny + j) * nx + i];
          double e = q == WDIR10 ? angle_diff(got, want) : fabs(got - want) / fmax(fabs(want), 1e-3);
          emax = fmax(emax, e);
          if (q == WSPD10) spd_gap = fmax(spd_gap, (want - hypot(vec[0], vec[1])) / want);
        }
    double tol = q == WDIR10 ? 1e-3 : 1e-6;
    printf("NetCDF %-6s vs the hourly mean computed here: max %s %.2e (tolerance %g)\n", met_names[q],
           q == WDIR10 ? "|difference|, degree" : "relative error", emax, tol);
    CHECK(emax <= tol, "%s differs from the hourly mean of the met", met_names[q]);
  }
  printf("mean |V| exceeds |mean V| by up to %.0f %% (WSPD10 is the former)\n", 100 * spd_gap);
  CHECK(spd_gap > 0.1, "test wind does not turn enough to tell mean speed from vector-mean speed");
  char units[32] = {0};
  nc_inq_varid(nc, "RH2", &v);
  nc_get_att_text(nc, v, "units", units);
  CHECK(!strcmp(units, "1"), "RH2 units '%s'", units);
  int has3d = !nc_inq_varid(nc, "T2_3d", &v);
  CHECK(!has3d, "a 3-D met variable was written");
  nc_close(nc);

  /* 2. receptors */
  Csv *met = malloc(sizeof *met), *nomet = malloc(sizeof *nomet);
  snprintf(path, sizeof path, "%s/met/out/small_2021010100_receptors.csv", keep);
  read_csv(path, met, NMET);
  double ea = 0, eb = 0, eb_dir = 0;
  for (int q = 0; q < NMET; q++) {
    int col = col_of(met, met_names[q]);
    if (col < 0) {
      CHECK(0, "receptor column %s missing", met_names[q]);
      continue;
    }
    for (int h = 0; h < NHOUR; h++) {
      if (q == T2 || q == RH2) {
        double want = want_mean(g, q, ia, ja, h, NULL);
        ea = fmax(ea, fabs(met->val[h][0][col] - want) / want);
      }
      /* B: bilinear in the hourly means (vector for the direction) */
      const int i0 = (int)floor(fi_b), j0 = (int)floor(fj_b);
      const double wx = fi_b - i0, wy = fj_b - j0;
      const double w[4] = {(1 - wx) * (1 - wy), wx * (1 - wy), (1 - wx) * wy, wx * wy};
      const int di[4] = {0, 1, 0, 1}, dj[4] = {0, 0, 1, 1};
      double s = 0, e = 0, n = 0;
      for (int k = 0; k < 4; k++) {
        double vec[2];
        s += w[k] * want_mean(g, q, i0 + di[k], j0 + dj[k], h, vec);
        e += w[k] * vec[0], n += w[k] * vec[1];
      }
      if (q == WDIR10)
        eb_dir = fmax(eb_dir, angle_diff(met->val[h][1][col], fmod(atan2(-e, -n) * 180 / M_PI + 360, 360)));
      else
        eb = fmax(eb, fabs(met->val[h][1][col] - s) / fmax(fabs(s), 1e-3));
    }
  }
  printf("receptor A (cell centre): T2, RH2 vs the column's hourly mean: max relative error %.2e\n", ea);
  printf("receptor B (fi 5.3, fj 4.6): bilinear met columns: max relative error %.2e, WDIR10 %.2e degree\n",
         eb, eb_dir);
  CHECK(ea <= 1e-6, "receptor A met columns");
  CHECK(eb <= 1e-6 && eb_dir <= 1e-3, "receptor B met columns");
  teardown(&fx);

  /* 3. the same run without output.met */
  snprintf(text, sizeof text, "output.directory=%s/nomet/out", keep);
  setup(&fx, yaml, text);
  OK(as_output_create(fx.cfg, &fx.m, NULL, &o));
  run(&fx, o);
  as_output_destroy(&o);
  snprintf(path, sizeof path, "%s/nomet/out/small_2021010100_receptors.csv", keep);
  read_csv(path, nomet, 0);
  int same_text = nomet->ncol == met->ncol - NMET;
  for (int h = 0; h < NHOUR; h++)
    for (int k = 0; k < 2; k++) same_text = same_text && !strcmp(nomet->text[h][k], met->text[h][k]);
  for (int c = 0; c < nomet->ncol; c++) same_text = same_text && !strcmp(nomet->head[c], met->head[c]);
  printf("without output.met: receptor CSV has %d columns (with: %d), the shared ones identical: %s\n",
         nomet->ncol, met->ncol, same_text ? "yes" : "no");
  CHECK(same_text, "receptor CSV without output.met differs in the non-met columns");
  int nc2, nvar1, nvar2, nmet_found = 0, ndiff = 0;
  snprintf(path, sizeof path, "%s/met/out/small_2021010100.nc", keep);
  snprintf(text, sizeof text, "%s/nomet/out/small_2021010100.nc", keep);
  if (nc_open(path, NC_NOWRITE, &nc) || nc_open(text, NC_NOWRITE, &nc2)) return 1;
  nc_inq_nvars(nc, &nvar1), nc_inq_nvars(nc2, &nvar2);
  for (int q = 0; q < NMET; q++) nmet_found += !nc_inq_varid(nc2, met_names[q], &v);
  nmet_found += !nc_inq_varid(nc2, "height_2m", &v) + !nc_inq_varid(nc2, "height_10m", &v);
  for (int v2 = 0; v2 < nvar2; v2++) { /* every variable of the plain file, by name */
    char name[NC_MAX_NAME + 1];
    nc_inq_varname(nc2, v2, name);
    if (!strcmp(name, "lambert_conformal_conic")) continue; /* scalar int, no data to compare */
    int v1, nd;
    size_t len = 1, dl;
    int dims[NC_MAX_VAR_DIMS];
    if (nc_inq_varid(nc, name, &v1)) {
      ndiff++;
      continue;
    }
    nc_inq_varndims(nc2, v2, &nd);
    nc_inq_vardimid(nc2, v2, dims);
    for (int d = 0; d < nd; d++) nc_inq_dimlen(nc2, dims[d], &dl), len *= dl;
    double *a = malloc(sizeof(double) * len), *b = malloc(sizeof(double) * len);
    nc_get_var_double(nc, v1, a), nc_get_var_double(nc2, v2, b);
    ndiff += memcmp(a, b, sizeof(double) * len) != 0;
    free(a), free(b);
  }
  nc_close(nc), nc_close(nc2);
  printf("without output.met: NetCDF has %d variables (with: %d), met variables present: %d, "
         "variables differing from the met run: %d\n", nvar2, nvar1, nmet_found, ndiff);
  CHECK(nmet_found == 0 && ndiff == 0 && nvar1 == nvar2 + NMET + 2, "NetCDF without output.met");
  teardown(&fx);

  /* 4. met without surface fields */
  snprintf(text, sizeof text, "output.directory=%s/err/out", tmp);
  setup(&fx, yaml, "output.met=true");
  OK(as_config_set(fx.cfg, text));
  OK(as_output_create(fx.cfg, &fx.m, NULL, &o));
  free(fx.m.ms.swdown), fx.m.ms.swdown = NULL;
  AsStatus st = as_output_accumulate(o, &fx.m, fx.m.dt);
  const char *msg = as_error_message();
  printf("no surface met: %s\n", st ? msg : "(accepted)");
  CHECK(st && strstr(msg, "output.met") && !strchr(msg, '\n'), "missing surface met not reported");
  as_output_destroy(&o);
  teardown(&fx);

  free(buf), free(met), free(nomet);
  snprintf(text, sizeof text, "rm -rf '%s'", tmp);
  if (system(text)) fails++;
  printf(fails ? "FAIL: %d checks failed\n" : "PASS\n", fails);
  return fails ? 1 : 0;
}
