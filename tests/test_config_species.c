/* test_config_species.c — claim: the species table in inputs/species/primary.yaml loads with the
 * documented values and units, "species.output" restricts the output, and each kind of bad
 * species entry gives exactly one line naming the species file, its line and the key.
 * Run from the repository root (ctest does).
 */
#include "as_species.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
  int ok = fabs(got - want) <= rtol * fabs(want);
  printf("%s %-34s got %.10g want %.10g\n", ok ? "ok  " : "FAIL", what, got, want);
  if (!ok) failures++;
}

/* load case text (species file given by name) and return status; table in *tab */
static AsStatus load(const char *case_text, AsSpeciesTable **tab)
{
  AsConfig *cfg = NULL;
  *tab = NULL;
  write_file("case.yaml", case_text);
  AS_CALL(as_config_load("case.yaml", &cfg));
  AsStatus st = as_species_create(cfg, tab);
  as_config_destroy(&cfg);
  return st;
}

static void expect_msg(const char *what, const char *species_text, const char *case_text, const char *want)
{
  AsSpeciesTable *tab;
  write_file("sp.yaml", species_text);
  AsStatus st = load(case_text ? case_text : "species:\n  file: sp.yaml\n", &tab);
  const char *got = as_error_message();
  int ok = st != AS_OK && !strcmp(got, want);
  checks++;
  printf("%s %-22s %s\n", ok ? "ok  " : "FAIL", what, got);
  if (!ok) printf("     want: %s\n", want), failures++;
  as_error_clear();
  as_species_destroy(&tab);
}

static const char *good_gas = "- name: SO2\n"
                              "  phase: gas\n"
                              "  molar_mass: 64 g/mol\n"
                              "  henry: 1e5\n"
                              "  f0: 0\n"
                              "  diffusivity: 0.128 cm2/s\n";

int main(void)
{
  char root[4096], dir[] = "/tmp/as_test_species_XXXXXX", text[8192];
  if (!getcwd(root, sizeof root) || !mkdtemp(dir) || chdir(dir)) {
    perror("setup");
    return 2;
  }
  /* 1. the shipped table */
  AsSpeciesTable *tab = NULL;
  snprintf(text, sizeof text, "species:\n  file: %s/inputs/species/primary.yaml\n", root);
  if (load(text, &tab)) {
    printf("FAIL loading primary.yaml: %s\n", as_error_message());
    return 1;
  }
  printf("primary.yaml: %d species:", tab->n);
  for (int s = 0; s < tab->n; s++) printf(" %s", tab->s[s].name);
  printf("\n");
  expect_value("species count", tab->n, 7, 0);
  int pec = as_species_index(tab, "PEC"), so2 = as_species_index(tab, "SO2"), no2 = as_species_index(tab, "NO2");
  checks++;
  if (pec < 0 || so2 < 0 || no2 < 0 || as_species_index(tab, "O3") != -1) {
    printf("FAIL index lookup\n");
    return 1;
  }
  expect_value("PEC diameter (m) from '0.3 um'", tab->s[pec].diameter, 3e-7, 1e-12);
  expect_value("PEC density (kg m-3)", tab->s[pec].density, 2200, 0);
  expect_value("PEC pm25", tab->s[pec].pm25, 1, 0);
  expect_value("SO2 H* (M atm-1)", tab->s[so2].henry, 1e5, 1e-12);
  expect_value("SO2 molar mass (g mol-1)", tab->s[so2].molar_mass, 64.064, 1e-12);
  expect_value("NO2 f0", tab->s[no2].f0, 0.1, 1e-12);
  expect_value("NO2 diffusivity (m2 s-1)", tab->s[no2].diffusivity, 1.59e-5, 1e-12);
  checks++;
  if (strcmp(tab->s[no2].emitted_as, "NOX") || strcmp(tab->s[pec].standard_name,
      "mass_concentration_of_elemental_carbon_dry_aerosol_particles_in_air"))
    printf("FAIL emitted_as/standard_name\n"), failures++;
  int npm = 0;
  for (int s = 0; s < tab->n; s++) npm += tab->s[s].pm25;
  expect_value("pm25 components", npm, 3, 0);
  as_species_destroy(&tab);
  as_species_destroy(&tab); /* NULL-safe */

  /* 2. species.output restricts */
  write_file("sp.yaml", good_gas);
  AsStatus st = load("species:\n  file: sp.yaml\n  output: [SO2]\n", &tab);
  checks++;
  if (st || tab->n != 1 || !tab->s[0].output) printf("FAIL output list: %s\n", as_error_message()), failures++;
  else expect_value("diffusivity from '0.128 cm2/s'", tab->s[0].diffusivity, 1.28e-5, 1e-12);
  as_species_destroy(&tab);

  /* 3. bad entries */
  expect_msg("bad phase", "- name: PEC\n  phase: liquid\n", NULL, "sp.yaml:2: [0].phase: 'liquid' is not one of: gas, aerosol");
  snprintf(text, sizeof text, "%s%s", good_gas, good_gas);
  expect_msg("duplicate species", text, NULL, "sp.yaml:7: [1].name: duplicate species 'SO2' (also [0])");
  expect_msg("unknown output", good_gas, "species:\n  file: sp.yaml\n  output: [SO2, O3]\n",
             "case.yaml:3: species.output[1]: unknown species 'O3'");
  expect_msg("gas without henry", "- name: SO2\n  phase: gas\n  molar_mass: 64 g/mol\n", NULL,
             "sp.yaml:1: [0].henry: missing key");
  expect_msg("aerosol with henry", "- name: PEC\n  phase: aerosol\n  deposit: false\n  henry: 3\n", NULL,
             "sp.yaml:4: [0].henry: unknown key");
  expect_msg("gas in pm25", "- name: SO2\n  phase: gas\n  molar_mass: 64 g/mol\n  pm25: true\n  deposit: no\n", NULL,
             "sp.yaml:4: [0].pm25: only an aerosol can be a PM2.5 component");
  expect_msg("bad diameter unit", "- name: PEC\n  phase: aerosol\n  diameter: 0.3 kg\n  density: 1000\n", NULL,
             "sp.yaml:3: [0].diameter: unit 'kg' is not convertible to 'm'");
  expect_msg("unknown pollutant", "- name: PEC\n  phase: aerosol\n  deposit: off\n  emitted_as: PM10\n", NULL,
             "sp.yaml:4: [0].emitted_as: 'PM10' is not one of: SO2, NOX, CO, NH3, VOC, PM25_EC, PM25_OC, PM25_OTHER");
  expect_msg("not a sequence", "name: PEC\n", NULL, "sp.yaml:1: species: expected a sequence of species mappings (- name: ...)");
  expect_msg("missing file", "", "species:\n  file: nothere.yaml\n", "nothere.yaml: cannot open: No such file or directory");
  expect_msg("no species.file", "", "case: {}\n", "case.yaml:1: species.file: missing key");

  remove("sp.yaml");
  remove("case.yaml");
  if (chdir("/") == 0) remove(dir);
  printf("test_config_species: %d checks, %d failures\n", checks, failures);
  return failures ? 1 : 0;
}
