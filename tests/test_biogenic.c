/* test_biogenic.c — claims of inputs/as_emis_biogenic.c on the default 3 km grid and its land use:
 *  (1) Guenther (1993) factors at standard conditions (303.15 K, PAR 1000): C_L = 1 to 1e-3,
 *      exp(beta (T - T_S)) = 1; C_T is the paper's function, whose value at T_S (0.963) is printed
 *      and checked against its closed form (the paper does not normalise C_T to 1);
 *  (2) no isoprene at night (SW = 0), monoterpenes still emitted;
 *  (3) with uniform met the domain sum equals the hand sum  sum_l EF_l A_l factors  (rel 1e-12),
 *      rates go to layer 0 only, other species untouched, species absent from the table skipped,
 *      and the result is bit-identical for 1 and 4 OpenMP threads;
 *  (4) bad factor files give one line and a non-zero status.
 * It also prints the default case's January/July midday domain totals (kg/h). */
#include "as_emis_biogenic.h"
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "as_check.h"

int test_met_setup(const char *yaml, AsConfig **cfg, AsGrid **grid, AsMet **met);


static const char *factors = "inputs/emissions/biogenic_factors.csv";

static AsSpeciesTable *species(int n, const char *const *names)
{
  AsSpeciesTable *t = calloc(1, sizeof *t);
  t->n = n;
  t->s = calloc((size_t)n, sizeof *t->s);
  for (int k = 0; k < n; k++) snprintf(t->s[k].name, sizeof t->s[k].name, "%s", names[k]);
  return t;
}

/* hand versions of the factors with the constants written out (Guenther et al. 1993) */
static double hand_isop(double t, double sw)
{
  double par = 0.5 * 4.6 * sw, a = 0.0027, ts = 303.15, r = 8.314;
  double cl = a * 1.066 * par / sqrt(1 + a * a * par * par);
  double ct = exp(95000 * (t - ts) / (r * ts * t)) / (1 + exp(230000 * (t - 314) / (r * ts * t)));
  return cl * ct;
}
static double hand_mono(double t) { return exp(0.09 * ((t < 315 ? t : 315) - 303.15)); }

static void uniform(const AsGrid *g, AsMetState *m, double t2, double sw)
{
  for (long c = 0; c < (long)g->nx * g->ny; c++) m->t2[c] = t2, m->swdown[c] = sw;
}

/* domain sum of layer 0 of species s (rate pre-filled with 0) in ug/s */
static double dsum(const AsGrid *g, const double *rate, int s)
{
  long ncol = (long)g->nx * g->ny, ncell = as_grid_ncell(g);
  double sum = 0;
  for (long c = 0; c < ncol; c++) sum += rate[s * ncell + c];
  return sum;
}

static void bad_file(const char *name, const char *text, const char *expect)
{
  char path[] = "/tmp/as_test_bio_XXXXXX.csv";
  int fd = mkstemps(path, 4);
  FILE *f = fdopen(fd, "w");
  fputs("# bad factor file\n", f);
  fputs(text, f);
  fclose(f);
  const char *n[] = {"ISOP"};
  AsSpeciesTable *t = species(1, n);
  AsGrid g = {0};
  double area = 9e6, lon = 120, lat = 31;
  unsigned char lu = AS_LU_CROP;
  g.nx = g.ny = g.nz = 1, g.area = &area, g.lon = &lon, g.lat = &lat;
  AsBiogenic *b = NULL;
  as_error_clear();
  AsStatus st = as_biogenic_create(path, &g, &lu, t, &b);
  const char *msg = as_error_message();
  printf("  %-16s status %d: %s\n", name, (int)st, msg);
  CHECK(st != AS_OK && !b, "%s: accepted", name);
  CHECK(!strchr(msg, '\n') && strstr(msg, path) == msg, "%s: not one line starting with the file", name);
  CHECK(strstr(msg, expect) != NULL, "%s: message lacks '%s'", name, expect);
  as_error_clear();
  as_biogenic_destroy(&b);
  free(t->s);
  free(t);
  unlink(path);
}

int main(void)
{
  /* (1) standard conditions */
  double cl = as_biogenic_cl(1000.0), ct = as_biogenic_ct(303.15), cm = as_biogenic_cmono(303.15);
  double ct_closed = 1.0 / (1.0 + exp(230000.0 * (303.15 - 314.0) / (8.314 * 303.15 * 303.15)));
  printf("(1) C_L(PAR 1000) = %.6f, C_T(303.15 K) = %.6f (closed form %.6f), C_T(303.00 K) = %.6f,"
         " exp(beta(T-T_S)) = %.6f\n", cl, ct, ct_closed, as_biogenic_ct(303.0), cm);
  printf("    C_L*C_T at standard conditions = %.4f: the paper's C_T is %.1f %% below 1 at T_S\n",
         cl * ct, 100 * (1 - ct));
  CHECK(fabs(cl - 1) < 1e-3, "C_L(1000) = %.6f not 1 to 1e-3", cl);
  CHECK(fabs(ct - ct_closed) < 1e-12, "C_T(T_S) = %.12f, closed form %.12f", ct, ct_closed);
  CHECK(fabs(cm - 1) < 1e-12, "monoterpene factor at T_S = %.12f", cm);
  double tmax = 0, ctmax = 0;
  for (double t = 290; t <= 330; t += 0.01)
    if (as_biogenic_ct(t) > ctmax) ctmax = as_biogenic_ct(t), tmax = t;
  printf("    C_T maximum %.4f at %.2f K; C_L(PAR 2000) = %.4f; PAR(SW 850 W/m2) = %.1f umol/m2/s\n",
         ctmax, tmax, as_biogenic_cl(2000), as_biogenic_par(850));

  /* the default case's grid (inputs/cases/wcs.yaml) and its land use */
  const char *yaml =
      "grid:\n  projection:\n    standard_parallel_1: 25\n    standard_parallel_2: 40\n"
      "    latitude_of_projection_origin: 31.8\n    longitude_of_central_meridian: 120.35\n"
      "    earth_radius: 6370 km\n  resolution: 3 km\n"
      "  center: {longitude: 120.35, latitude: 31.8}\n  extent: {x: 150 km, y: 120 km}\n"
      "  layers: {top: 6 km, first_layer: 36 m, count: 18}\n"
      "meteorology:\n  source: idealized\n  idealized:\n    u: 2 m/s\n    v: 0 m/s\n"
      "    rotation: 0 rad/s\n    kz: 10 m2/s\n    kh: 50 m2/s\n    mixing_height: 800 m\n";
  AsConfig *cfg;
  AsGrid *g;
  AsMet *met;
  if (test_met_setup(yaml, &cfg, &g, &met)) return 1;
  const unsigned char *lu = as_met_landuse(met);
  const char *names[] = {"SO2", "ISOP", "APIN", "TERP"};
  AsSpeciesTable *spc = species(4, names);
  AsBiogenic *b = NULL;
  if (as_biogenic_create(factors, g, lu, spc, &b)) {
    printf("FAIL: %s\n", as_error_message());
    return 1;
  }
  as_biogenic_view(b, stdout);
  AsMetState m;
  if (as_met_state_alloc(g, &m)) return 1;
  long ncol = (long)g->nx * g->ny, ncell = as_grid_ncell(g);
  size_t nrate = (size_t)spc->n * (size_t)ncell;
  double *rate = calloc(nrate, sizeof *rate), *rate4 = calloc(nrate, sizeof *rate4);

  /* (2) night */
  uniform(g, &m, 302.0, 0.0);
  if (as_biogenic_add(b, &m, rate)) return printf("FAIL: %s\n", as_error_message()), 1;
  double isop_night = dsum(g, rate, 1), mono_night = dsum(g, rate, 2) + dsum(g, rate, 3);
  printf("(2) night, 302 K: isoprene %.3g ug/s, monoterpenes %.4g kg/h\n", isop_night,
         mono_night * 3600e-9);
  CHECK(isop_night == 0.0, "isoprene at night %g", isop_night);
  CHECK(mono_night > 0.0, "no monoterpenes at night");

  /* (3) uniform met: domain sum vs hand sum; layer 0 only; other species untouched */
  double area[AS_LU_NCAT] = {0};
  for (long c = 0; c < ncol; c++) area[lu[c]] += g->area[c];
  const double cases[2][2] = {{278.0, 450.0}, {302.0, 850.0}};
  for (int k = 0; k < 2; k++) {
    double t2 = cases[k][0], sw = cases[k][1];
    for (size_t q = 0; q < nrate; q++) rate[q] = 0, rate4[q] = 0;
    uniform(g, &m, t2, sw);
    omp_set_num_threads(1);
    if (as_biogenic_add(b, &m, rate)) return printf("FAIL: %s\n", as_error_message()), 1;
    omp_set_num_threads(4);
    if (as_biogenic_add(b, &m, rate4)) return printf("FAIL: %s\n", as_error_message()), 1;
    CHECK(!memcmp(rate, rate4, nrate * sizeof *rate), "1 and 4 threads differ");
    double kgh[4];
    for (int s = 1; s < 4; s++) {
      double hand = 0;
      for (int l = 0; l < AS_LU_NCAT; l++)
        hand += as_biogenic_factor(b, l, names[s]) / 3600.0 * area[l] *
                (s == 1 ? hand_isop(t2, sw) : hand_mono(t2));
      double got = dsum(g, rate, s);
      kgh[s] = got * 3600e-9;
      CHECK(fabs(got - hand) <= 1e-12 * hand, "%s: sum %.15g, hand %.15g", names[s], got, hand);
      printf("(3) T2 %.0f K, SW %.0f W/m2: %-4s domain %.6e ug/s, hand %.6e (rel diff %.1e)\n", t2,
             sw, names[s], got, hand, fabs(got - hand) / hand);
    }
    int outside = 0;
    for (int s = 0; s < 4; s++)
      for (long c = (s == 0 ? 0 : ncol); c < ncell; c++) outside += rate[s * ncell + c] != 0.0;
    CHECK(outside == 0, "%d values written outside layer 0 of the biogenic species", outside);
    printf("    case %s (T2 %.0f K, midday SW %.0f W/m2): isoprene %.0f kg/h, monoterpenes %.0f "
           "kg/h (APIN %.0f + TERP %.0f); factors C_L*C_T %.4f, mono %.4f\n",
           k ? "July" : "January", t2, sw, kgh[1], kgh[2] + kgh[3], kgh[2], kgh[3],
           hand_isop(t2, sw), hand_mono(t2));
  }
  printf("    land area by class (km2):");
  for (int l = 0; l < AS_LU_NCAT; l++) printf(" %d:%.0f", l, area[l] * 1e-6);
  printf("\n");

  /* species absent from the table are skipped silently */
  AsBiogenic *b2 = NULL;
  AsSpeciesTable *spc2 = species(2, names);
  AsStatus st2 = as_biogenic_create(factors, g, lu, spc2, &b2);
  CHECK(st2 == AS_OK, "table without APIN/TERP rejected: %s", as_error_message());
  as_biogenic_destroy(&b2);
  free(spc2->s);
  free(spc2);

  /* bad met is an error, rate untouched */
  m.t2[5] = NAN;
  as_error_clear();
  CHECK(as_biogenic_add(b, &m, rate) != AS_OK, "NaN t2 accepted");
  printf("    NaN t2: %s\n", as_error_message());
  as_error_clear();

  /* (4) bad factor files */
  printf("(4) bad factor files:\n");
  const char *hdr = "landuse,species,factor[ug/m2/h],response\n";
  const char *rest = "urban,ISOP,1,isoprene\nforest,ISOP,1,isoprene\nwater,ISOP,0,isoprene\n"
                     "grass,ISOP,1,isoprene\n";
  char text[1024];
  snprintf(text, sizeof text, "%swood,ISOP,5,isoprene\n%s", hdr, rest);
  bad_file("unknown landuse", text, ":3: landuse: unknown land use 'wood'");
  snprintf(text, sizeof text, "%scrop,ISOP,-5,isoprene\n%s", hdr, rest);
  bad_file("negative factor", text, ":3: crop/ISOP: factor: negative");
  snprintf(text, sizeof text, "%scrop,ISOP,nan,isoprene\n%s", hdr, rest);
  bad_file("NaN factor", text, ":3: crop/ISOP: factor: value is NaN");
  snprintf(text, sizeof text, "landuse,species,factor[kg/m3],response\ncrop,ISOP,5,isoprene\n%s", rest);
  bad_file("wrong units", text, ":2: factor: units 'kg/m3' are not convertible");
  snprintf(text, sizeof text, "landuse,species,factor,response\ncrop,ISOP,5,isoprene\n%s", rest);
  bad_file("no units", text, ":2: factor: column has no unit");
  snprintf(text, sizeof text, "%scrop,ISOP,5,light\n%s", hdr, rest);
  bad_file("bad response", text, ":3: crop/ISOP: response: unknown 'light'");
  snprintf(text, sizeof text, "%scrop,ISOP,5,isoprene\n%scrop,ISOP,6,isoprene\n", hdr, rest);
  bad_file("duplicate row", text, ":8: crop/ISOP: duplicate row (first on line 3)");
  snprintf(text, sizeof text, "%surban,ISOP,1,isoprene\n", hdr);
  bad_file("missing rows", text, ": ISOP: no factor for land use 'crop'");
  bad_file("empty file", "", ": header: no header line");

  as_met_state_free(&m);
  free(rate);
  free(rate4);
  as_biogenic_destroy(&b);
  free(spc->s);
  free(spc);
  as_met_destroy(&met);
  as_grid_destroy(&g);
  as_config_destroy(&cfg);
  printf("%s\n", fails ? "FAIL" : "PASS");
  return fails != 0;
}
