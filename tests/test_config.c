/* test_config.c — claim: the case-file reader converts quantities with units correctly and turns
 * every kind of bad input into exactly one line "FILE:LINE: key.path: problem".
 *
 * Writes small YAML files into a fresh temporary directory (and works there, so the file names
 * in the messages are the short ones), reads them through inputs/as_config.h and compares the
 * whole message string. Prints every value and message it checked.
 */
#include "as_config.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int failures, checks;

static void write_file(const char *name, const char *text)
{
  FILE *f = fopen(name, "w");
  if (!f) {
    perror(name);
    exit(2);
  }
  fputs(text, f);
  fclose(f);
}

static void expect_value(const char *what, double got, double want, double rtol)
{
  checks++;
  int ok = fabs(got - want) <= rtol * fabs(want) + 1e-300;
  printf("%s %-40s got %.15g want %.15g\n", ok ? "ok  " : "FAIL", what, got, want);
  if (!ok) failures++;
}

static void expect_msg(const char *what, AsStatus st, const char *want)
{
  checks++;
  const char *got = as_error_message();
  int ok = st != AS_OK && !strcmp(got, want);
  printf("%s %-22s %s\n", ok ? "ok  " : "FAIL", what, got);
  if (!ok) printf("     want: %s (status %d)\n", want, (int)st);
  if (!ok) failures++;
  as_error_clear();
}

static void expect_ok(const char *what, AsStatus st)
{
  checks++;
  if (st != AS_OK) {
    printf("FAIL %-22s unexpected error: %s\n", what, as_error_message());
    failures++;
    as_error_clear();
  }
}

/* load TEXT as wcs.yaml and read one quantity at key in unit */
static AsStatus one_quantity(const char *text, const char *key, const char *unit, double lo, double hi)
{
  AsConfig *cfg;
  write_file("wcs.yaml", text);
  AS_CALL(as_config_load("wcs.yaml", &cfg));
  double v = 0;
  AsStatus st = as_config_get_quantity(cfg, key, 1, unit, lo, hi, &v);
  as_config_destroy(&cfg);
  return st;
}

static void good_values(void)
{
  write_file("wcs.yaml", "case:\n"
                         "  name: test case\n"
                         "grid:\n"
                         "  resolution: 3 km\n"
                         "  dx2: 3km\n"
                         "  nx: 40\n"
                         "wind:\n"
                         "  speed: 36 km/h\n"
                         "  speed2: 5 m s-1\n"
                         "  kz: 1e-3 m2/s\n"
                         "  bare: 7.5\n"
                         "time:\n"
                         "  step: 1 d\n"
                         "  hours: 24 h\n"
                         "  start: 2021-01-01T00:00:00Z\n"
                         "  start2: \"2021-01-01 01:30\"\n"
                         "  t2: 15 degC\n"
                         "flags:\n"
                         "  on: true\n"
                         "  scheme: ppm\n"
                         "  levels: [10 m, 0.1 km, 250]\n"
                         "  names: [PEC, SO2]\n"
                         "  file: data/x.nc\n"
                         "  empty: {}\n");
  AsConfig *cfg = NULL;
  expect_ok("load good", as_config_load("wcs.yaml", &cfg));
  if (!cfg) return;
  double v = 0, t = 0;
  long n = 0;
  int b = 0, idx = -1, nl = 0;
  const char *s = NULL;
  expect_ok("get", as_config_get_string(cfg, "case.name", 1, &s));
  checks++;
  if (!s || strcmp(s, "test case")) failures++, printf("FAIL case.name '%s'\n", s ? s : "(null)");
  expect_ok("get", as_config_get_quantity(cfg, "grid.resolution", 1, "m", 0, INFINITY, &v));
  expect_value("'3 km' in m", v, 3000, 1e-15);
  expect_ok("get", as_config_get_quantity(cfg, "grid.dx2", 1, "m", 0, INFINITY, &v));
  expect_value("'3km' in m", v, 3000, 1e-15);
  expect_ok("get", as_config_get_int(cfg, "grid.nx", 1, 1, 10000, &n));
  expect_value("nx", (double)n, 40, 0);
  expect_ok("get", as_config_get_quantity(cfg, "wind.speed", 1, "m/s", 0, 100, &v));
  expect_value("'36 km/h' in m/s", v, 10, 1e-14);
  expect_ok("get", as_config_get_quantity(cfg, "wind.speed2", 1, "m/s", 0, 100, &v));
  expect_value("'5 m s-1' in m/s", v, 5, 1e-15);
  expect_ok("get", as_config_get_quantity(cfg, "wind.kz", 1, "m2/s", 0, 100, &v));
  expect_value("'1e-3 m2/s' in m2/s", v, 1e-3, 1e-15);
  expect_ok("get", as_config_get_quantity(cfg, "wind.bare", 1, "m/s", 0, 100, &v));
  expect_value("bare 7.5 in m/s", v, 7.5, 0);
  expect_ok("get", as_config_get_quantity(cfg, "time.step", 1, "s", 0, INFINITY, &v));
  expect_value("'1 d' in s", v, 86400, 1e-15);
  expect_ok("get", as_config_get_quantity(cfg, "time.hours", 1, "s", 0, INFINITY, &v));
  expect_value("'24 h' in s", v, 86400, 1e-15);
  expect_ok("get", as_config_get_quantity(cfg, "time.t2", 1, "K", 0, INFINITY, &v));
  expect_value("'15 degC' in K", v, 288.15, 1e-14);
  expect_ok("get", as_config_get_time(cfg, "time.start", 1, &t));
  expect_value("2021-01-01T00:00:00Z epoch s", t, 1609459200.0, 0);
  expect_ok("get", as_config_get_time(cfg, "time.start2", 1, &t));
  expect_value("'2021-01-01 01:30' epoch s", t, 1609459200.0 + 5400, 0);
  expect_ok("get", as_config_get_bool(cfg, "flags.on", 1, &b));
  expect_value("flags.on", b, 1, 0);
  static const char *const schemes[] = {"upwind", "ppm", NULL};
  expect_ok("get", as_config_get_choice(cfg, "flags.scheme", 1, schemes, &idx));
  expect_value("flags.scheme index", idx, 1, 0);
  double *lv = NULL;
  expect_ok("get", as_config_get_quantity_list(cfg, "flags.levels", 1, "m", 0, 1e4, &lv, &nl));
  expect_value("levels count", nl, 3, 0);
  if (lv && nl == 3) {
    expect_value("levels[1] '0.1 km'", lv[1], 100, 1e-15);
    expect_value("levels[2] bare", lv[2], 250, 0);
  }
  free(lv);
  const char **names = NULL;
  expect_ok("get", as_config_get_string_list(cfg, "flags.names", 1, &names, &nl));
  checks++;
  if (nl != 2 || !names || strcmp(names[1], "SO2")) failures++, printf("FAIL names list\n");
  free(names);
  expect_ok("get", as_config_get_path(cfg, "flags.file", 1, &s));
  checks++;
  if (strcmp(s, "data/x.nc")) failures++, printf("FAIL path '%s'\n", s);
  checks++;
  if (!as_config_has(cfg, "flags.empty") || as_config_has(cfg, "flags.absent"))
    failures++, printf("FAIL has\n");
  /* optional absent key leaves the default */
  v = 42;
  expect_ok("get", as_config_get_quantity(cfg, "grid.absent", 0, "m", 0, 1, &v));
  expect_value("absent optional keeps default", v, 42, 0);
  expect_ok("every key read", as_config_check_unused(cfg));
  /* --set overrides and creates; an unread --set key is reported */
  expect_ok("set", as_config_set(cfg, "grid.resolution=1 km"));
  expect_ok("set", as_config_set(cfg, "newsec.value=2 h"));
  expect_ok("get", as_config_get_quantity(cfg, "grid.resolution", 1, "m", 0, INFINITY, &v));
  expect_value("--set grid.resolution=1 km", v, 1000, 1e-15);
  expect_ok("get", as_config_get_quantity(cfg, "newsec.value", 1, "s", 0, INFINITY, &v));
  expect_value("--set newsec.value=2 h", v, 7200, 1e-15);
  expect_ok("set", as_config_set(cfg, "grid.resolutoin=1 km"));
  expect_msg("set unread", as_config_check_unused(cfg), "--set: grid.resolutoin: unknown key");
  expect_msg("set no =", as_config_set(cfg, "grid.nx"), "--set: grid.nx: expected key.path=value");
  expect_msg("set bad path", as_config_set(cfg, "grid..nx=3"), "--set: grid..nx: bad key path");
  expect_ok("set", as_config_set(cfg, "grid.nx=abc"));
  expect_msg("set wrong type", as_config_get_int(cfg, "grid.nx", 1, 1, 100, &n),
             "--set: grid.nx: expected an integer, got 'abc'");
  as_config_destroy(&cfg);
  checks++;
  if (cfg) failures++;
  as_config_destroy(&cfg); /* NULL-safe */

  /* relative paths resolve against the case file's directory */
  mkdir("sub", 0755);
  write_file("sub/case.yaml", "met:\n  file: data/met.nc\n  abs: /tmp/x.nc\n");
  expect_ok("load sub", as_config_load("sub/case.yaml", &cfg));
  if (cfg) {
    expect_ok("get", as_config_get_path(cfg, "met.file", 1, &s));
    checks++;
    printf("%s path 'data/met.nc' in sub/case.yaml -> '%s'\n", strcmp(s, "sub/data/met.nc") ? "FAIL" : "ok  ", s);
    if (strcmp(s, "sub/data/met.nc")) failures++;
    expect_ok("get", as_config_get_path(cfg, "met.abs", 1, &s));
    checks++;
    if (strcmp(s, "/tmp/x.nc")) failures++;
    char buf[64];
    checks++;
    as_config_where(cfg, "met.file", buf, sizeof buf);
    printf("%s where met.file = %s\n", strcmp(buf, "sub/case.yaml:2") ? "FAIL" : "ok  ", buf);
    if (strcmp(buf, "sub/case.yaml:2")) failures++;
    as_config_destroy(&cfg);
  }
}

static void bad_values(void)
{
  AsConfig *cfg = NULL;
  long n;
  double v;
  int b, idx;

  expect_msg("missing file", as_config_load("nofile.yaml", &cfg), "nofile.yaml: cannot open: No such file or directory");

  write_file("wcs.yaml", "case:\n  name: x\ntiem: 3\ngrid:\n  nx: abc\n");
  expect_ok("load", as_config_load("wcs.yaml", &cfg));
  if (cfg) {
    const char *s;
    as_config_get_string(cfg, "case.name", 1, &s);
    expect_msg("unknown key", as_config_check_unused(cfg), "wcs.yaml:3: tiem: unknown key");
    expect_msg("wrong type", as_config_get_int(cfg, "grid.nx", 1, 1, 100, &n),
               "wcs.yaml:5: grid.nx: expected an integer, got 'abc'");
    expect_msg("missing key", as_config_get_quantity(cfg, "grid.resolution", 1, "m", 0, 1e5, &v),
               "wcs.yaml:4: grid.resolution: missing key");
    expect_msg("missing section", as_config_get_quantity(cfg, "time.step", 1, "s", 0, 1e5, &v),
               "wcs.yaml:1: time.step: missing key");
    expect_msg("mapping for number", as_config_get_double(cfg, "grid", 1, 0, 1, &v),
               "wcs.yaml:4: grid: expected a number, got a mapping");
    as_config_destroy(&cfg);
  }

  expect_msg("out of range", one_quantity("case: {}\ntransport:\n  courant_max: 1.7\n", "transport.courant_max", "1", 0.05, 1),
             "wcs.yaml:3: transport.courant_max: 1.7 out of range [0.05, 1]");
  write_file("wcs.yaml", "transport:\n\n  courant_max: 1.7\n");
  if (!as_config_load("wcs.yaml", &cfg)) {
    expect_msg("out of range", as_config_get_double(cfg, "transport.courant_max", 1, 0.05, 1, &v),
               "wcs.yaml:3: transport.courant_max: 1.7 out of range [0.05, 1]");
    as_config_destroy(&cfg);
  }
  expect_msg("bad unit", one_quantity("grid:\n  resolution: 3 kmm\n", "grid.resolution", "m", 0, 1e5),
             "wcs.yaml:2: grid.resolution: cannot parse unit 'kmm'");
  expect_msg("wrong unit", one_quantity("grid:\n  resolution: 3 kg\n", "grid.resolution", "m", 0, 1e5),
             "wcs.yaml:2: grid.resolution: unit 'kg' is not convertible to 'm'");
  expect_msg("nan", one_quantity("grid:\n  resolution: .nan\n", "grid.resolution", "m", 0, 1e5),
             "wcs.yaml:2: grid.resolution: '.nan' is not a finite number");
  expect_msg("nan with unit", one_quantity("grid:\n  resolution: nan km\n", "grid.resolution", "m", 0, 1e5),
             "wcs.yaml:2: grid.resolution: 'nan km' is not a finite number");
  expect_msg("inf", one_quantity("grid:\n  resolution: inf\n", "grid.resolution", "m", 0, INFINITY),
             "wcs.yaml:2: grid.resolution: 'inf' is not a finite number");
  expect_msg("overflow", one_quantity("grid:\n  resolution: 1e999 m\n", "grid.resolution", "m", 0, INFINITY),
             "wcs.yaml:2: grid.resolution: '1e999 m' is not a finite number");
  expect_msg("range in unit", one_quantity("grid:\n  resolution: 50 km\n", "grid.resolution", "m", 100, 20000),
             "wcs.yaml:2: grid.resolution: 50000 m out of range [100, 20000]");
  expect_msg("yaml", one_quantity("grid:\n  nx: 3\n   ny: 4\n", "grid.nx", "1", 0, 10),
             "wcs.yaml:3: yaml: mapping values are not allowed in this context");
  expect_msg("yaml unclosed", one_quantity("grid: [1, 2\nb: 3\n", "grid", "1", 0, 10),
             "wcs.yaml:2: yaml: did not find expected ',' or ']'");
  expect_msg("duplicate key", one_quantity("grid:\n  nx: 3\n  ny: 4\n  nx: 5\n", "grid.nx", "1", 0, 10),
             "wcs.yaml:4: grid.nx: duplicate key (first at line 2)");
  expect_msg("top-level scalar", one_quantity("just text\n", "grid.nx", "1", 0, 10),
             "wcs.yaml:1: yaml: expected a mapping at the top level");

  write_file("wcs.yaml", "run:\n  start: 2021-13-01T00:00:00Z\n  ok: yes\n  flag: maybe\n  scheme: ppn\n");
  if (!as_config_load("wcs.yaml", &cfg)) {
    double t;
    expect_msg("bad time", as_config_get_time(cfg, "run.start", 1, &t),
               "wcs.yaml:2: run.start: cannot parse time '2021-13-01T00:00:00Z' (expected ISO-8601 UTC such as "
               "2021-01-01T00:00:00Z)");
    expect_ok("bool yes", as_config_get_bool(cfg, "run.ok", 1, &b));
    expect_msg("bad bool", as_config_get_bool(cfg, "run.flag", 1, &b),
               "wcs.yaml:4: run.flag: expected true or false, got 'maybe'");
    static const char *const schemes[] = {"ppm", "upwind", NULL};
    expect_msg("bad choice", as_config_get_choice(cfg, "run.scheme", 1, schemes, &idx),
               "wcs.yaml:5: run.scheme: 'ppn' is not one of: ppm, upwind");
    as_config_destroy(&cfg);
  }

  /* NetCDF-style units attributes */
  double sc = 0, of = 0;
  expect_ok("units", as_units_convert("g s-1", "ug/s", &sc, &of, "emis.nc", "PEC"));
  expect_value("g s-1 -> ug/s scale", sc, 1e6, 1e-15);
  expect_ok("units", as_units_convert("degC", "K", &sc, &of, "met.nc", "T2"));
  expect_value("degC -> K offset", of, 273.15, 1e-14);
  expect_msg("units parse", as_units_convert("xyzzy", "K", &sc, &of, "met.nc", "T2"),
             "met.nc: T2: units 'xyzzy' cannot be parsed");
  expect_msg("units convert", as_units_convert("mol/s", "g/s", &sc, &of, "emis.nc", "SO2"),
             "emis.nc: SO2: units 'mol/s' are not convertible to 'g/s'");
}

int main(void)
{
  char dir[] = "/tmp/as_test_config_XXXXXX";
  if (!mkdtemp(dir) || chdir(dir)) {
    perror("temporary directory");
    return 2;
  }
  printf("working in %s\n", dir);
  good_values();
  bad_values();
  /* tidy */
  remove("sub/case.yaml");
  remove("sub");
  remove("wcs.yaml");
  if (chdir("/") == 0) remove(dir);
  printf("test_config: %d checks, %d failures\n", checks, failures);
  return failures ? 1 : 0;
}
