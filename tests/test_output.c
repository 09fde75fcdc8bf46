/* test_output.c — claims about the CF output, receptors, budget file and checkpoint:
 *  1. two hourly means written and read back with netCDF equal the exact time means of the
 *     accumulated fields (float precision: rel 1e-6), ppb = mean(c/rho) Mair/M, PM25 = sum;
 *  2. CF attributes present (Conventions, grid mapping, standard names, units, time bounds);
 *  3. while running only DIR/.name.tmp files exist; finish renames them; abort leaves nothing;
 *  4. receptors: bilinear interpolation reproduces a field linear in (i, j) to 1e-6 relative;
 *     a receptor outside the domain gives one line naming file:line and the receptor;
 *  5. budget CSV rows: residual of a budget closed by construction is 0 (1e-12 rel), and the
 *     budget is reset to the current mass after each hour;
 *  6. HDF5 checkpoint round trip is bit-exact; a species mismatch gives one line naming the file
 *     and the item; 3-D output holds every layer;
 *  7. with checkpoint.every_hours the files are published at those hours (complete copies holding
 *     every hour so far) while the run goes on.
 * usage: test_output [KEEP_DIR]  (KEEP_DIR: leave the output there for scripts/check_cf.sh)
 */
#include "as_config.h"
#include "as_output.h"
#include <math.h>
#include <netcdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "as_check.h"


static int exists(const char *p)
{
  struct stat st;
  return stat(p, &st) == 0;
}

static void write_file(const char *path, const char *text)
{
  FILE *f = fopen(path, "w");
  if (!f || fputs(text, f) < 0) exit(1);
  fclose(f);
}

/* the test field: linear in i, j, k, species and step n */
static double field(int s, int i, int j, int k, int n) { return 1 + s + 0.5 * i + 0.25 * j + 2 * k + 0.1 * n; }
static double rho_of(int i, int j, int k) { return 1.2 - 0.1 * k + 0.001 * i - 0.002 * j; }

typedef struct {
  AsConfig *cfg;
  AsModel m;
  AsSpeciesTable tab;
  AsSpecies sp[3];
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
  snprintf(sp[0].long_name, 160, "primary elemental carbon");
  snprintf(sp[0].standard_name, 160,
           "mass_concentration_of_elemental_carbon_dry_aerosol_particles_in_air");
  snprintf(sp[1].name, 32, "SO2"), sp[1].phase = AS_PHASE_GAS, sp[1].output = 1;
  sp[1].molar_mass = 64.066;
  snprintf(sp[1].standard_name, 160, "mass_concentration_of_sulfur_dioxide_in_air");
  snprintf(sp[1].long_name, 160, "sulfur dioxide");
  snprintf(sp[2].name, 32, "POC"), sp[2].phase = AS_PHASE_AEROSOL, sp[2].output = 0, sp[2].pm25 = 1;
  fx->tab.n = 3, fx->tab.s = sp;
  m->spc = &fx->tab;
  const AsGrid *g = m->grid;
  m->nspec = 3;
  m->ncell = as_grid_ncell(g);
  m->c = calloc((size_t)m->nspec * m->ncell, sizeof(double));
  m->volume = calloc((size_t)m->ncell, sizeof(double));
  m->ms.rho = calloc((size_t)m->ncell, sizeof(double));
  long ncol = (long)g->nx * g->ny;
  for (int k = 0; k < g->nz; k++)
    for (int j = 0; j < g->ny; j++)
      for (int i = 0; i < g->nx; i++) {
        long c = k * ncol + (long)j * g->nx + i;
        m->volume[c] = g->area[j * g->nx + i] * g->dz[k];
        m->ms.rho[c] = rho_of(i, j, k);
      }
  OK(as_budget_create(3, &m->budget));
  m->t_start = m->t = 1609459200; /* 2021-01-01T00:00:00Z */
  m->dt = 600;
}

static void teardown(Fixture *fx)
{
  free(fx->m.c), free(fx->m.volume), free(fx->m.ms.rho);
  as_budget_destroy(&fx->m.budget);
  as_grid_destroy(&fx->m.grid);
  as_config_destroy(&fx->cfg);
}

static void set_state(AsModel *m, int n)
{
  const AsGrid *g = m->grid;
  long ncol = (long)g->nx * g->ny;
  for (int s = 0; s < m->nspec; s++)
    for (int k = 0; k < g->nz; k++)
      for (int j = 0; j < g->ny; j++)
        for (int i = 0; i < g->nx; i++)
          m->c[s * m->ncell + k * ncol + (long)j * g->nx + i] = field(s, i, j, k, n);
}

/* run `hours` hours of 6 steps; the budget gets emitted = storage change so the residual is 0 */
static void run_hours(AsModel *m, AsOutput *o, int hours, int n0)
{
  for (int h = 0; h < hours; h++) {
    for (int q = 1; q <= 6; q++) {
      int n = n0 + h * 6 + q;
      set_state(m, n);
      m->t = m->t_start + (double)n * m->dt;
      m->nstep = n;
      OK(as_output_accumulate(o, m, m->dt));
    }
    for (int s = 0; s < m->nspec; s++)
      AS_BUDGET(&m->budget, AS_BUD_EMITTED, s) =
          as_model_species_mass(m, s) - m->budget.mass_start[s];
    OK(as_output_write_hour(o, m));
  }
}

static double mean_field(int s, int i, int j, int k, int hour)
{
  double a = 0;
  for (int q = 1; q <= 6; q++) a += field(s, i, j, k, hour * 6 + q);
  return a / 6;
}

static double mean_ppb(int s, int i, int j, int k, int hour, double M)
{
  double a = 0;
  for (int q = 1; q <= 6; q++) a += field(s, i, j, k, hour * 6 + q) / rho_of(i, j, k);
  return a / 6 * 28.9647 / M;
}

static int att_is(int nc, int var, const char *name, const char *want)
{
  char buf[512] = {0};
  size_t len = 0;
  if (nc_inq_attlen(nc, var, name, &len) || len >= sizeof buf || nc_get_att_text(nc, var, name, buf))
    return 0;
  if (strcmp(buf, want)) printf("attribute %s is '%s', want '%s'\n", name, buf, want);
  return !strcmp(buf, want);
}

int main(int argc, char **argv)
{
  char tmpl[] = "/tmp/as_test_output_XXXXXX";
  char *tmp = mkdtemp(tmpl);
  if (!tmp) return 1;
  char yaml[600], recf[600], dir[600], path[1400], ck[700];
  snprintf(yaml, sizeof yaml, "%s/small.yaml", tmp);
  snprintf(recf, sizeof recf, "%s/rec.csv", tmp);
  snprintf(dir, sizeof dir, "%s", argc > 1 ? argv[1] : tmp);
  if (argc > 1) { /* start from an empty KEEP_DIR/out */
    char cmd[800];
    snprintf(cmd, sizeof cmd, "rm -rf '%s/out'", dir);
    if (system(cmd)) return 1;
  }
  char text[2048];
  snprintf(text, sizeof text,
           "grid:\n  resolution: 3 km\n  center: {longitude: 120.35, latitude: 31.8}\n"
           "  extent: {x: 30 km, y: 24 km}\n  layers: [0, 40, 100, 250, 600]\n"
           "output:\n  directory: %s/out\n  receptors: rec.csv\n", dir);
  write_file(yaml, text);

  Fixture fx;
  setup(&fx, yaml, NULL);
  AsModel *m = &fx.m;
  const AsGrid *g = m->grid;
  /* receptors: one at cell centre (3,2), one between centres at fi = 5.3, fj = 4.6 */
  double lon_a = g->lon[2 * g->nx + 3], lat_a = g->lat[2 * g->nx + 3], lon_b, lat_b;
  OK(as_grid_xy_to_lonlat(g, g->x0 + 5.3 * g->dx, g->y0 + 4.6 * g->dy, &lon_b, &lat_b));
  snprintf(text, sizeof text, "# test receptors\nname,longitude,latitude,kind\nA,%.12f,%.12f,x\n"
           "B,%.12f,%.12f,y\n", lon_a, lat_a, lon_b, lat_b);
  write_file(recf, text);

  AsOutput *o = NULL;
  OK(as_output_create(fx.cfg, m, NULL, &o));
  OK(as_config_check_unused(fx.cfg));
  double mass0[3];
  set_state(m, 0);
  for (int s = 0; s < 3; s++) mass0[s] = as_model_species_mass(m, s);
  as_budget_reset(&m->budget, mass0);
  run_hours(m, o, 2, 0);

  /* 3. temp files only, until finish */
  snprintf(path, sizeof path, "%s/out/small_2021010100.nc", dir);
  char tmpnc[1400];
  snprintf(tmpnc, sizeof tmpnc, "%s/out/.small_2021010100.nc.tmp", dir);
  int before = exists(tmpnc) && !exists(path);
  /* 5. budget reset after the hour */
  double maxterm = 0;
  for (int q = 0; q < AS_BUD_NTERMS * 3; q++) maxterm = fmax(maxterm, fabs(m->budget.term[q]));
  int reset_ok = maxterm == 0 && m->budget.mass_start[1] == as_model_species_mass(m, 1);
  OK(as_output_finish(o));
  int after = !exists(tmpnc) && exists(path);
  printf("temp+rename: during run tmp only = %d, after finish final only = %d\n", before, after);
  CHECK(before && after, "temporary file life cycle");
  printf("budget reset after the hour: %s\n", reset_ok ? "yes" : "no");
  CHECK(reset_ok, "budget not reset");
  as_output_destroy(&o);

  /* 1, 2. read back */
  int nc, v;
  if (nc_open(path, NC_NOWRITE, &nc)) {
    printf("FAIL: cannot open %s\n", path);
    return 1;
  }
  int fmt = 0;
  nc_inq_format(nc, &fmt);
  CHECK(fmt == NC_FORMAT_NETCDF4_CLASSIC, "format %d is not netCDF-4 classic model", fmt);
  double tv[2], tb[4];
  nc_inq_varid(nc, "time", &v);
  nc_get_var_double(nc, v, tv);
  nc_inq_varid(nc, "time_bnds", &v);
  nc_get_var_double(nc, v, tb);
  printf("time: %.0f %.0f, bounds [%.0f %.0f] [%.0f %.0f]\n", tv[0], tv[1], tb[0], tb[1], tb[2], tb[3]);
  CHECK(tv[0] == 1609462800 && tv[1] == 1609466400 && tb[0] == 1609459200 && tb[3] == tv[1],
        "time values");
  const int nx = g->nx, ny = g->ny;
  float *buf = malloc(sizeof(float) * 2 * nx * ny);
  double emax = 0;
  const char *names[3] = {"PEC", "SO2_ppb", "PM25"};
  for (int q = 0; q < 3; q++) {
    if (nc_inq_varid(nc, names[q], &v)) {
      CHECK(0, "variable %s missing", names[q]);
      continue;
    }
    nc_get_var_float(nc, v, buf);
    for (int h = 0; h < 2; h++)
      for (int j = 0; j < ny; j++)
        for (int i = 0; i < nx; i++) {
          double want = q == 0 ? mean_field(0, i, j, 0, h)
                      : q == 1 ? mean_ppb(1, i, j, 0, h, 64.066)
                               : mean_field(0, i, j, 0, h) + mean_field(2, i, j, 0, h);
          emax = fmax(emax, fabs(buf[(h * ny + j) * nx + i] - want) / want);
        }
  }
  printf("hourly means PEC, SO2_ppb, PM25 vs exact: max rel error %.2e (tol 1e-6)\n", emax);
  CHECK(emax < 1e-6, "means differ by %g", emax);
  int vv;
  CHECK(nc_inq_varid(nc, "POC", &vv) != NC_NOERR, "POC (output: 0) was written");
  int atts = att_is(nc, NC_GLOBAL, "Conventions", "CF-1.8");
  nc_inq_varid(nc, "PM25", &v);
  atts += att_is(nc, v, "standard_name", "mass_concentration_of_pm2p5_ambient_aerosol_particles_in_air");
  atts += att_is(nc, v, "grid_mapping", "lambert_conformal_conic");
  atts += att_is(nc, v, "units", "ug m-3") + att_is(nc, v, "cell_methods", "time: mean");
  atts += att_is(nc, v, "coordinates", "lat lon");
  nc_inq_varid(nc, "SO2_ppb", &v);
  atts += att_is(nc, v, "standard_name", "mole_fraction_of_sulfur_dioxide_in_air");
  atts += att_is(nc, v, "units", "1e-9");
  nc_inq_varid(nc, "lambert_conformal_conic", &v);
  atts += att_is(nc, v, "grid_mapping_name", "lambert_conformal_conic");
  double spar[2] = {0};
  nc_get_att_double(nc, v, "standard_parallel", spar);
  atts += spar[0] == g->proj.lat1 && spar[1] == g->proj.lat2;
  nc_inq_varid(nc, "x", &v);
  atts += att_is(nc, v, "standard_name", "projection_x_coordinate");
  nc_inq_varid(nc, "time", &v);
  atts += att_is(nc, v, "calendar", "standard") + att_is(nc, v, "bounds", "time_bnds");
  atts += att_is(nc, v, "units", "seconds since 1970-01-01 00:00:00");
  printf("CF attributes checked: %d of 14 as expected\n", atts);
  CHECK(atts == 14, "attributes");
  double *lat = malloc(sizeof(double) * nx * ny);
  nc_inq_varid(nc, "lat", &v);
  nc_get_var_double(nc, v, lat);
  CHECK(!memcmp(lat, g->lat, sizeof(double) * nx * ny), "lat differs from the grid");
  free(lat);
  nc_close(nc);

  /* 4. receptors */
  snprintf(path, sizeof path, "%s/out/small_2021010100_receptors.csv", dir);
  FILE *f = fopen(path, "r");
  char line[1024];
  int rows = 0;
  double rerr = 0;
  if (f) {
    if (!fgets(line, sizeof line, f)) line[0] = 0;
    printf("receptor header: %s", line);
    while (fgets(line, sizeof line, f)) {
      char tstr[40], name[16];
      double lon, lat2, pec, so2, pm;
      if (sscanf(line, "%39[^,],%15[^,],%lf,%lf,%lf,%lf,%lf", tstr, name, &lon, &lat2, &pec, &so2,
                 &pm) != 7)
        continue;
      int h = rows / 2;
      double fi = name[0] == 'A' ? 3 : 5.3, fj = name[0] == 'A' ? 2 : 4.6;
      /* field is linear in i, j: the bilinear value is the field at (fi, fj) */
      double want = 0;
      for (int q = 1; q <= 6; q++) want += (1 + 0.5 * fi + 0.25 * fj + 0.1 * (h * 6 + q)) / 6;
      rerr = fmax(rerr, fabs(pec - want) / want);
      rows++;
    }
    fclose(f);
  }
  printf("receptors: %d rows (want 4), PEC bilinear max rel error %.2e (tol 1e-6)\n", rows, rerr);
  CHECK(rows == 4 && rerr < 1e-6, "receptor rows/values");

  /* 5. budget file */
  snprintf(path, sizeof path, "%s/out/small_2021010100_budget.csv", dir);
  f = fopen(path, "r");
  rows = 0;
  double worst = 0;
  if (f) {
    if (!fgets(line, sizeof line, f)) line[0] = 0;
    while (fgets(line, sizeof line, f)) {
      char *p = line;
      for (int c = 0; c < 12 && p; c++) p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL;
      if (p) worst = fmax(worst, fabs(atof(p)));
      rows++;
    }
    fclose(f);
  }
  printf("budget: %d rows (want 6), max |relative residual| %.2e (tol 1e-12)\n", rows, worst);
  CHECK(rows == 6 && worst < 1e-12, "budget rows/residual");

  /* 6. checkpoint round trip */
  snprintf(ck, sizeof ck, "%s/ck.h5", tmp);
  m->budget.term[3] = 1.0 / 3.0;
  m->nstep = 12;
  m->t = m->t_start + 7200;
  size_t nbytes = sizeof(double) * (size_t)m->nspec * m->ncell;
  double *c0 = malloc(nbytes);
  for (long q = 0; q < 3 * m->ncell; q++) m->c[q] = sqrt((double)q + 0.1) / 7.0;
  memcpy(c0, m->c, nbytes);
  OK(as_checkpoint_write(m, ck));
  double bt = m->budget.term[3], t0 = m->t;
  memset(m->c, 0, nbytes);
  m->budget.term[3] = 0, m->t = 0, m->nstep = 0;
  OK(as_checkpoint_read(m, ck));
  int exact = !memcmp(c0, m->c, nbytes) && m->budget.term[3] == bt && m->t == t0 && m->nstep == 12;
  printf("checkpoint round trip bit-exact: %s\n", exact ? "yes" : "no");
  CHECK(exact, "checkpoint not bit-exact");
  snprintf(fx.sp[2].name, 32, "PMOTHR");
  AsStatus s = as_checkpoint_read(m, ck);
  printf("species mismatch -> '%s'\n", as_error_message());
  CHECK(s != AS_OK && strstr(as_error_message(), ck) && strstr(as_error_message(), "species"),
        "mismatch message");
  as_error_clear();
  snprintf(fx.sp[2].name, 32, "POC");
  free(c0);

  /* 4b. receptor outside the domain */
  write_file(recf, "name,longitude,latitude\nFar,110.0,20.0\n");
  o = NULL;
  s = as_output_create(fx.cfg, m, NULL, &o);
  printf("outside receptor -> '%s'\n", as_error_message());
  CHECK(s != AS_OK && strstr(as_error_message(), "rec.csv:2") && strstr(as_error_message(), "Far"),
        "outside-domain message");
  as_error_clear();
  as_output_destroy(&o);
  teardown(&fx);
  write_file(recf, text);

  /* 3b, 6b. abort leaves nothing; 3-D output */
  char adir[700];
  snprintf(adir, sizeof adir, "output.directory=%s/aborted", tmp);
  setup(&fx, yaml, adir);
  OK(as_config_set(fx.cfg, "output.three_d=true"));
  m = &fx.m;
  g = m->grid;
  OK(as_output_create(fx.cfg, m, NULL, &o));
  run_hours(m, o, 1, 0);
  snprintf(path, sizeof path, "%s/aborted/.small_2021010100.nc.tmp", tmp);
  nc = -1;
  float *b3 = malloc(sizeof(float) * g->nz * nx * ny);
  double e3 = 1;
  if (!nc_open(path, NC_NOWRITE, &nc) && !nc_inq_varid(nc, "PEC_3d", &v) &&
      !nc_get_var_float(nc, v, b3)) {
    e3 = 0;
    for (int k = 0; k < g->nz; k++)
      for (int j = 0; j < ny; j++)
        for (int i = 0; i < nx; i++)
          e3 = fmax(e3, fabs(b3[(k * ny + j) * nx + i] - mean_field(0, i, j, k, 0)) /
                            mean_field(0, i, j, k, 0));
    nc_close(nc);
  }
  free(b3);
  printf("3-D output (%d layers) PEC_3d max rel error %.2e (tol 1e-6)\n", g->nz, e3);
  CHECK(e3 < 1e-6, "3-D output");
  as_output_abort(o);
  as_output_destroy(&o);
  int left = 0;
  const char *leftover[] = {".small_2021010100.nc.tmp", "small_2021010100.nc",
                            ".small_2021010100_budget.csv.tmp", ".small_2021010100_receptors.csv.tmp",
                            "small_2021010100_budget.csv", "small_2021010100_receptors.csv"};
  for (int q = 0; q < 6; q++) {
    snprintf(path, sizeof path, "%s/aborted/%s", tmp, leftover[q]);
    left += exists(path);
  }
  printf("abort: %d output files left (want 0)\n", left);
  CHECK(left == 0, "abort left files");
  teardown(&fx);

  /* 7. publish at checkpoint hours */
  snprintf(adir, sizeof adir, "output.directory=%s/published", tmp);
  setup(&fx, yaml, adir);
  OK(as_config_set(fx.cfg, "checkpoint.every_hours=2"));
  m = &fx.m;
  OK(as_output_create(fx.cfg, m, NULL, &o));
  size_t nt[3] = {0, 0, 0};
  snprintf(path, sizeof path, "%s/published/small_2021010100.nc", tmp);
  for (int h = 0; h < 3; h++) {
    run_hours(m, o, 1, 6 * h);
    nc = -1;
    int d;
    if (exists(path) && !nc_open(path, NC_NOWRITE, &nc)) {
      nc_inq_dimid(nc, "time", &d);
      nc_inq_dimlen(nc, d, &nt[h]);
      nc_close(nc);
    }
  }
  OK(as_output_finish(o));
  as_output_destroy(&o);
  size_t nfin = 0;
  if (!nc_open(path, NC_NOWRITE, &nc)) {
    int d;
    nc_inq_dimid(nc, "time", &d);
    nc_inq_dimlen(nc, d, &nfin);
    nc_close(nc);
  }
  printf("published file after hours 1, 2, 3: %zu, %zu, %zu records (want 0, 2, 2); "
         "after finish %zu (want 3)\n", nt[0], nt[1], nt[2], nfin);
  CHECK(nt[0] == 0 && nt[1] == 2 && nt[2] == 2 && nfin == 3, "publishing at checkpoint hours");
  teardown(&fx);

  free(buf);
  if (argc <= 1) {
    char cmd[800];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    if (system(cmd)) printf("note: could not remove %s\n", tmp);
  }
  printf("%s\n", fails ? "FAIL" : "PASS");
  return fails != 0;
}
