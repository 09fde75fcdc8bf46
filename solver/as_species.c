/* as_species.c — the species table, read at run time from a YAML species file.
 *
 * The case file names the table ("species.file") and may restrict what is written
 * ("species.output: [PEC, SO2]"). The species file is a YAML sequence, one mapping per species:
 *
 *   - name: SO2                 # [A-Za-z][A-Za-z0-9_]*, at most 31 characters, unique
 *     phase: gas                # gas | aerosol
 *     molar_mass: 64.066 g/mol  # required for gases (ppb and mol/s conversions)
 *     standard_name: mass_concentration_of_sulfur_dioxide_in_air
 *     long_name: sulfur dioxide
 *     output: true              # default true
 *     pm25: false               # default false; only aerosols may be true
 *     pm25_water: false         # particle water (aerosol): only in PM25_ambient, not in PM25
 *     emitted_as: SO2           # inventory pollutant (as_emis.h), optional
 *     emission_factor: 1        # model species = factor x inventory pollutant, default 1
 *     henry: 1e5 mol/L/atm      # Wesely (1989) effective Henry constant H*  (gas, deposit)
 *     henry_wet: 578 mol/L/atm  # H* in cloud/rain water for wet scavenging  (gas; default henry)
 *     f0: 0                     # Wesely (1989) reactivity factor 0..1       (gas, deposit)
 *     diffusivity: 1.28e-5 m2/s # molecular diffusivity in air at 298 K     (gas, deposit)
 *     diameter: 0.3 um          # mass median diameter                      (aerosol, deposit)
 *     density: 2200 kg/m3       # particle density                           (aerosol, deposit)
 *     deposit: true             # default true
 *
 * Every value goes through the config getters, so a bad entry is reported at its own line of the
 * species file: "primary.yaml:14: [2].phase: 'liquid' is not one of: gas, aerosol".
 * Sources of the numbers in inputs/species/primary.yaml: docs/config.md (species section).
 */
#include "as_species.h"
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* inventory pollutants known to the emission readers (inputs/as_emis.h) */
static const char *const as_inventory_pollutants[] = {"SO2",     "NOX",     "CO",         "NH3", "VOC",
                                                      "PM25_EC", "PM25_OC", "PM25_OTHER", NULL};

static AsStatus copy_text(AsConfig *scfg, const char *key, int required, char *dst, size_t cap)
{
  const char *s = NULL;
  AS_CALL(as_config_get_string(scfg, key, required, &s));
  if (!s) return AS_OK;
  if (strlen(s) >= cap) {
    char w[600];
    return as_error(AS_ERR_CONFIG, as_config_where(scfg, key, w, sizeof w), key, "longer than %zu characters",
                    cap - 1);
  }
  strcpy(dst, s);
  return AS_OK;
}

static int valid_name(const char *s)
{
  if (!isalpha((unsigned char)s[0])) return 0;
  for (; *s; s++)
    if (!isalnum((unsigned char)*s) && *s != '_') return 0;
  return 1;
}

static AsStatus read_one(AsConfig *scfg, int i, AsSpecies *sp)
{
  char key[64], w[600];
  static const char *const phases[] = {"gas", "aerosol", NULL};
#define K(name) (snprintf(key, sizeof key, "[%d]." name, i), key)
  AS_CALL(copy_text(scfg, K("name"), 1, sp->name, sizeof sp->name));
  if (!valid_name(sp->name))
    return as_error(AS_ERR_CONFIG, as_config_where(scfg, key, w, sizeof w), key,
                    "'%s' is not a valid species name (a letter, then letters, digits or _)", sp->name);
  if (!strcmp(sp->name, "PM25"))
    return as_error(AS_ERR_CONFIG, as_config_where(scfg, key, w, sizeof w), key,
                    "'PM25' is reserved for the sum of the pm25 species");
  int phase = 0;
  AS_CALL(as_config_get_choice(scfg, K("phase"), 1, phases, &phase));
  sp->phase = phase ? AS_PHASE_AEROSOL : AS_PHASE_GAS;
  int gas = sp->phase == AS_PHASE_GAS;
  sp->molar_mass = 0;
  AS_CALL(as_config_get_quantity(scfg, K("molar_mass"), gas, "g/mol", 1, 1000, &sp->molar_mass));
  AS_CALL(copy_text(scfg, K("standard_name"), 0, sp->standard_name, sizeof sp->standard_name));
  AS_CALL(copy_text(scfg, K("long_name"), 0, sp->long_name, sizeof sp->long_name));
  if (!sp->long_name[0]) strcpy(sp->long_name, sp->name);
  sp->output = 1;
  AS_CALL(as_config_get_bool(scfg, K("output"), 0, &sp->output));
  sp->pm25 = 0;
  AS_CALL(as_config_get_bool(scfg, K("pm25"), 0, &sp->pm25));
  if (sp->pm25 && gas)
    return as_error(AS_ERR_CONFIG, as_config_where(scfg, key, w, sizeof w), key,
                    "only an aerosol can be a PM2.5 component");
  sp->pm25_water = 0;
  AS_CALL(as_config_get_bool(scfg, K("pm25_water"), 0, &sp->pm25_water));
  if (sp->pm25_water && (gas || sp->pm25))
    return as_error(AS_ERR_CONFIG, as_config_where(scfg, key, w, sizeof w), key,
                    "pm25_water needs an aerosol that is not also pm25 (water is not dry mass)");
  int pol = -1;
  AS_CALL(as_config_get_choice(scfg, K("emitted_as"), 0, as_inventory_pollutants, &pol));
  if (pol >= 0) strcpy(sp->emitted_as, as_inventory_pollutants[pol]);
  sp->emission_factor = 1;
  AS_CALL(as_config_get_double(scfg, K("emission_factor"), 0, 0, 1e6, &sp->emission_factor));
  sp->deposit = 1;
  AS_CALL(as_config_get_bool(scfg, K("deposit"), 0, &sp->deposit));
  /* deposition parameters: required for the phase when the species deposits; the other phase's
   * keys are not read, so writing them is reported as an unknown key */
  int need = sp->deposit;
  if (gas) {
    AS_CALL(as_config_get_quantity(scfg, K("henry"), need, "mol/L/atm", 0, 1e20, &sp->henry));
    AS_CALL(as_config_get_double(scfg, K("f0"), need, 0, 1, &sp->f0));
    AS_CALL(as_config_get_quantity(scfg, K("diffusivity"), need, "m2/s", 1e-7, 1e-3, &sp->diffusivity));
    sp->henry_wet = sp->henry;
    AS_CALL(as_config_get_quantity(scfg, K("henry_wet"), 0, "mol/L/atm", 0, 1e20, &sp->henry_wet));
  } else {
    AS_CALL(as_config_get_quantity(scfg, K("diameter"), need, "m", 1e-9, 1e-4, &sp->diameter));
    AS_CALL(as_config_get_quantity(scfg, K("density"), need, "kg/m3", 100, 25000, &sp->density));
  }
#undef K
  return AS_OK;
}

static AsStatus read_file(AsConfig *scfg, AsSpeciesTable *tab)
{
  char w[600];
  int n = 0;
  if (!as_config_has(scfg, "[0]"))
    return as_error(AS_ERR_CONFIG, as_config_where(scfg, "", w, sizeof w), "species",
                    "expected a sequence of species mappings (- name: ...)");
  while (as_config_has(scfg, (snprintf(w, sizeof w, "[%d]", n), w))) n++;
  AS_MALLOC(tab->s, n);
  tab->n = n;
  for (int i = 0; i < n; i++) {
    AS_CALL(read_one(scfg, i, &tab->s[i]));
    for (int j = 0; j < i; j++)
      if (!strcmp(tab->s[j].name, tab->s[i].name)) {
        char key[32];
        snprintf(key, sizeof key, "[%d].name", i);
        return as_error(AS_ERR_CONFIG, as_config_where(scfg, key, w, sizeof w), key,
                        "duplicate species '%s' (also [%d])", tab->s[i].name, j);
      }
  }
  return as_config_check_unused(scfg);
}

/* "species.output: [PEC, SO2]" keeps only those species in the output */
static AsStatus read_output_list(AsConfig *cfg, AsSpeciesTable *tab)
{
  if (!as_config_has(cfg, "species.output")) return AS_OK;
  const char **names = NULL;
  int n = 0;
  AS_CALL(as_config_get_string_list(cfg, "species.output", 1, &names, &n));
  for (int s = 0; s < tab->n; s++) tab->s[s].output = 0;
  for (int i = 0; i < n; i++) {
    int s = as_species_index(tab, names[i]);
    if (s < 0) {
      char key[64], w[600];
      snprintf(key, sizeof key, "species.output[%d]", i);
      AsStatus st = as_error(AS_ERR_CONFIG, as_config_where(cfg, key, w, sizeof w), key,
                             "unknown species '%s'", names[i]);
      free(names);
      return st;
    }
    tab->s[s].output = 1;
  }
  free(names);
  return AS_OK;
}

AsStatus as_species_create(AsConfig *cfg, AsSpeciesTable **tabp)
{
  *tabp = NULL;
  const char *path = NULL;
  AS_CALL(as_config_get_path(cfg, "species.file", 1, &path));
  AsConfig *scfg = NULL;
  AS_CALL(as_config_load(path, &scfg));
  AsSpeciesTable *tab = calloc(1, sizeof *tab);
  AsStatus st = tab ? read_file(scfg, tab) : as_error(AS_ERR_MEM, "", "species", "out of memory");
  as_config_destroy(&scfg);
  if (!st) st = read_output_list(cfg, tab);
  if (st) {
    as_species_destroy(&tab);
    return st;
  }
  *tabp = tab;
  return AS_OK;
}

int as_species_index(const AsSpeciesTable *tab, const char *name)
{
  for (int s = 0; tab && s < tab->n; s++)
    if (!strcmp(tab->s[s].name, name)) return s;
  return -1;
}

void as_species_destroy(AsSpeciesTable **tabp)
{
  if (!tabp || !*tabp) return;
  free((*tabp)->s);
  free(*tabp);
  *tabp = NULL;
}
