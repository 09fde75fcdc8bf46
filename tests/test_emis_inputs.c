/* test_emis_inputs.c — claims about the user inputs:
 *  1. a point CSV with explicit units (kg/h, g/s, mol/s, degC) gives exactly the expected
 *     ug/s in its cell (flat sector: rate = annual mean), to 1e-12 relative;
 *  2. a CMAQ-style gridded NetCDF (TSTEP, LAY, ROW, COL; SO2 in mol/s, PEC in g/s, I/O API time
 *     attributes) gives value x molar mass x 1e6 ug/s in the right cell, layer and hour, and the
 *     period total equals the sum of its records;
 *  3. bad inputs give one line naming file, item and problem: units 'kg', stack outside the
 *     domain, NaN, negative emission, unknown sector, missing column. */
#include "test_emis_util.inc"
#include <math.h>
#include <netcdf.h>
#include <stdlib.h>
#include <string.h>

static AsGrid *grid;
static AsSpeciesTable *spc;

static void write_file(const char *path, const char *text)
{
  FILE *f = fopen(path, "w");
  fputs(text, f);
  fclose(f);
}

/* create emissions from a YAML fragment; returns status, *e may be NULL */
static AsStatus make(const char *yaml, AsEmis **e)
{
  AsConfig *cfg = te_config(yaml);
  as_error_clear();
  AsGrid *g = NULL;
  AsStatus s = as_grid_create(cfg, &g);
  if (!s) s = as_emis_create(cfg, grid, NULL, spc, e);
  as_grid_destroy(&g);
  as_config_destroy(&cfg);
  return s;
}

static void expect_error(const char *what, const char *yaml, const char *needle)
{
  AsEmis *e = NULL;
  AsStatus s = make(yaml, &e);
  const char *msg = as_error_message();
  printf("%-22s -> %s\n", what, msg);
  CHECK(s != AS_OK && strstr(msg, needle) && !strchr(msg, '\n'),
        "%s: expected one-line error containing '%s'", what, needle);
  as_emis_destroy(&e);
  as_error_clear();
}

static void write_nc(const char *path, const char *so2_units)
{
  int nc, d[4], vs, vp;
  nc_create(path, NC_CLOBBER, &nc);
  nc_def_dim(nc, "TSTEP", 3, &d[0]);
  nc_def_dim(nc, "LAY", 2, &d[1]);
  nc_def_dim(nc, "ROW", (size_t)grid->ny, &d[2]);
  nc_def_dim(nc, "COL", (size_t)grid->nx, &d[3]);
  nc_def_var(nc, "SO2", NC_FLOAT, 4, d, &vs);
  nc_put_att_text(nc, vs, "units", strlen(so2_units), so2_units);
  nc_def_var(nc, "PEC", NC_FLOAT, 4, d, &vp);
  nc_put_att_text(nc, vp, "units", 3, "g/s");
  int sdate = 2021090, stime = 0, tstep = 10000; /* 2021-03-31 00:00Z, hourly */
  nc_put_att_int(nc, NC_GLOBAL, "SDATE", NC_INT, 1, &sdate);
  nc_put_att_int(nc, NC_GLOBAL, "STIME", NC_INT, 1, &stime);
  nc_put_att_int(nc, NC_GLOBAL, "TSTEP", NC_INT, 1, &tstep);
  nc_enddef(nc);
  size_t n = (size_t)3 * 2 * grid->ny * grid->nx;
  float *a = calloc(n, sizeof *a), *b = calloc(n, sizeof *b);
  for (int r = 0; r < 3; r++) {
    size_t o = ((size_t)r * 2 + 1) * grid->ny * grid->nx + 10 * grid->nx + 7; /* layer 1 */
    a[o] = 0.001f * (r + 1);
    b[((size_t)r * 2) * grid->ny * grid->nx + 5] = 0.25f; /* layer 0, row 0, col 5 */
  }
  nc_put_var_float(nc, vs, a);
  nc_put_var_float(nc, vp, b);
  nc_close(nc);
  free(a), free(b);
}

int main(void)
{
  spc = te_species();
  AsConfig *cfg = te_config("");
  if (as_grid_create(cfg, &grid)) { printf("FAIL: %s\n", as_error_message()); return 1; }
  as_config_destroy(&cfg);
  const long ncell = as_grid_ncell(grid), n2 = (long)grid->nx * grid->ny;
  double *rate = malloc((size_t)spc->n * ncell * sizeof *rate);
  char yaml[1024];

  /* 1. point CSV units */
  write_file("/tmp/as_te_pts.csv",
             "# user stacks\n"
             "id,name,sector,lon,lat,height[m],diameter[m],velocity[m/s],temperature[degC],"
             "so2[kg/h],nox[g/s],nh3[mol/s]\n"
             "U1,Test works,flat,120.35,31.80,60,2,10,120,36,2,0.5\n");
  snprintf(yaml, sizeof yaml, "emissions:\n  inventory: off\n  point_csv: /tmp/as_te_pts.csv\n");
  AsEmis *e = NULL;
  if (make(yaml, &e)) { printf("FAIL: %s\n", as_error_message()); return 1; }
  AsMetState met;
  as_met_state_alloc(grid, &met);
  te_met_fill(grid, &met, -50, 1000, 4);
  as_emis_rates(e, 1617192000.0, &met, rate);
  double fi, fj;
  int in;
  as_grid_locate(grid, 120.35, 31.80, &fi, &fj, &in);
  long c2 = lround(fj) * grid->nx + lround(fi);
  const double expect[3] = {36.0 * 1000 / 3600 * 1e6, 2.0 * 1e6, 0.5 * 17.031 * 1e6};
  const int sp[3] = {3, 4, 6}; /* SO2, NO2, NH3 */
  for (int q = 0; q < 3; q++) {
    double col = 0;
    for (int k = 0; k < grid->nz; k++) col += rate[(size_t)sp[q] * ncell + k * n2 + c2];
    double rel = fabs(col - expect[q]) / expect[q];
    printf("point CSV %-4s column rate %.10g ug/s, expected %.10g (rel %.1e)\n",
           spc->s[sp[q]].name, col, expect[q], rel);
    CHECK(rel < 1e-12, "%s: rate %g expected %g", spc->s[sp[q]].name, col, expect[q]);
  }
  printf("point CSV plume rise %.1f m (exit 393.15 K from 120 degC)\n", as_emis_point_rise(e, 0));
  CHECK(as_emis_point_rise(e, 0) > 0, "degC exit temperature not converted");
  as_emis_destroy(&e);

  /* 2. gridded NetCDF */
  write_nc("/tmp/as_te_grid.nc", "mol/s");
  snprintf(yaml, sizeof yaml, "emissions:\n  inventory: off\n  gridded: [/tmp/as_te_grid.nc]\n");
  if (make(yaml, &e)) { printf("FAIL: %s\n", as_error_message()); return 1; }
  as_emis_view(e, stdout);
  const double t0 = 1617148800.0; /* 2021-03-31T00:00Z */
  as_emis_rates(e, t0 + 3600 + 60, NULL, rate);
  double so2 = rate[(size_t)3 * ncell + 1 * n2 + 10 * grid->nx + 7];
  double so2x = (double)0.002f * 64.064 * 1e6;
  double pec = rate[(size_t)0 * ncell + 5], pecx = 0.25 * 1e6;
  printf("gridded hour 1: SO2 %.10g ug/s (expected %.10g), PEC %.10g (expected %.10g)\n", so2,
         so2x, pec, pecx);
  CHECK(fabs(so2 - so2x) <= 1e-12 * so2x && fabs(pec - pecx) <= 1e-12 * pecx,
        "gridded rates wrong");
  double tot = 0, totx = ((double)0.001f + (double)0.002f + (double)0.003f) * 64.064e6 * 3600;
  as_emis_period_total(e, 3, t0, t0 + 3 * 3600, &tot);
  printf("gridded SO2 3-h total %.10g ug (expected %.10g)\n", tot, totx);
  CHECK(fabs(tot - totx) <= 1e-12 * totx, "gridded period total wrong");
  AsStatus s = as_emis_rates(e, t0 + 5 * 3600, NULL, rate);
  printf("hour outside the file -> %s\n", as_error_message());
  CHECK(s != AS_OK, "hour outside the gridded file accepted");
  as_error_clear();
  as_emis_destroy(&e);

  /* 3. bad inputs */
  write_nc("/tmp/as_te_kg.nc", "kg");
  expect_error("gridded units kg",
               "emissions:\n  inventory: off\n  gridded: [/tmp/as_te_kg.nc]\n",
               "/tmp/as_te_kg.nc: SO2: units 'kg' not convertible to 'mol/s'");
  const char *hdr = "id,name,sector,lon,lat,height[m],diameter[m],velocity[m/s],temperature[K],"
                    "so2[t/yr]\n";
  struct { const char *what, *row, *needle; } bad[] = {
      {"stack outside", "X1,XYZ steel,flat,121.9,31.2,80,3,12,400,10\n",
       "as_te_bad.csv:2: XYZ steel: stack at 121.9E 31.2N is outside the domain"},
      {"NaN emission", "X2,NaN works,flat,120.3,31.8,80,3,12,400,nan\n", "so2: value is NaN"},
      {"negative emission", "X3,Neg works,flat,120.3,31.8,80,3,12,400,-5\n",
       "Neg works: so2: negative emission -5"},
      {"unknown sector", "X4,Odd works,smelting,120.3,31.8,80,3,12,400,5\n",
       "sector 'smelting' has no temporal profile"}};
  for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
    char text[512];
    snprintf(text, sizeof text, "%s%s", hdr, bad[k].row);
    write_file("/tmp/as_te_bad.csv", text);
    expect_error(bad[k].what, "emissions:\n  inventory: off\n  point_csv: /tmp/as_te_bad.csv\n",
                 bad[k].needle);
  }
  write_file("/tmp/as_te_bad.csv", "id,name,lon,height[m],diameter[m],velocity[m/s],"
                                   "temperature[K],so2[t/yr]\nA,B,120,1,1,1,300,1\n");
  expect_error("missing column", "emissions:\n  inventory: off\n  point_csv: /tmp/as_te_bad.csv\n",
               "as_te_bad.csv: header: missing column 'lat'");
  write_file("/tmp/as_te_bad.csv", "id,name,lon,lat,height[m],diameter[m],velocity[m/s],"
                                   "temperature[K],so2[kg]\nA,B,120.3,31.8,1,1,1,300,1\n");
  expect_error("point units kg", "emissions:\n  inventory: off\n  point_csv: /tmp/as_te_bad.csv\n",
               "so2: units 'kg' not convertible to 'g/s or mol/s'");
  remove("/tmp/as_te_pts.csv"), remove("/tmp/as_te_grid.nc"), remove("/tmp/as_te_kg.nc");
  remove("/tmp/as_te_bad.csv");
  as_met_state_free(&met);
  free(rate);
  as_grid_destroy(&grid);
  te_species_free(spc);
  printf("%s\n", te_fails ? "FAILED" : "PASSED");
  return te_fails != 0;
}
