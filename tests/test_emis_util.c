/* test_emis_util.c — shared set-up of the emission tests: a case file with the default 3 km
 * grid, a hand-filled species table and a hand-filled meteorological state. */
#include "test_emis_util.inc"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int te_fails;

AsConfig *te_config(const char *emissions_yaml)
{
  static const char *grid_text =
      "grid:\n"
      "  resolution: 3 km\n"
      "  center: {longitude: 120.35, latitude: 31.8}\n"
      "  extent: {x: 150 km, y: 120 km}\n"
      "  layers: {top: 6 km, first_layer: 36 m, count: 18}\n";
  char path[] = "/tmp/as_test_emis_XXXXXX.yaml";
  int fd = mkstemps(path, 5);
  if (fd < 0) return NULL;
  FILE *f = fdopen(fd, "w");
  fprintf(f, "%s%s", grid_text, emissions_yaml);
  fclose(f);
  AsConfig *cfg = NULL;
  if (as_config_load(path, &cfg)) {
    printf("FAIL: %s\n", as_error_message());
    exit(1);
  }
  unlink(path);
  return cfg;
}

AsSpeciesTable *te_species(void)
{
  static const struct { const char *n, *as; double f, mm; int gas; } def[] = {
      {"PEC", "PM25_EC", 1, 0, 0},   {"POC", "PM25_OC", 1, 0, 0}, {"PMOTHR", "PM25_OTHER", 1, 0, 0},
      {"SO2", "SO2", 1, 64.064, 1},  {"NO2", "NOX", 1, 46.0055, 1}, {"CO", "CO", 1, 28.010, 1},
      {"NH3", "NH3", 1, 17.031, 1},  {"VOC", "VOC", 1, 0, 1},      {"TRACER", "", 0, 0, 1}};
  int n = (int)(sizeof def / sizeof def[0]);
  AsSpeciesTable *t = calloc(1, sizeof *t);
  t->n = n;
  t->s = calloc((size_t)n, sizeof *t->s);
  for (int k = 0; k < n; k++) {
    snprintf(t->s[k].name, sizeof t->s[k].name, "%s", def[k].n);
    snprintf(t->s[k].emitted_as, sizeof t->s[k].emitted_as, "%s", def[k].as);
    t->s[k].emission_factor = def[k].f;
    t->s[k].molar_mass = def[k].mm;
    t->s[k].phase = def[k].gas ? AS_PHASE_GAS : AS_PHASE_AEROSOL;
  }
  return t;
}

void te_species_free(AsSpeciesTable *t)
{
  if (!t) return;
  free(t->s);
  free(t);
}

/* standard atmosphere-like column: T = 293 - 0.0065 z (+ an inversion above pblh), wind 4 m/s,
 * Obukhov length L, boundary layer pblh */
void te_met_fill(const AsGrid *g, AsMetState *m, double L, double pblh, double u)
{
  const long n2 = (long)g->nx * g->ny;
  for (int k = 0; k < g->nz; k++)
    for (long c = 0; c < n2; c++) {
      double z = g->z_mid[k];
      m->temp[k * n2 + c] = 293.0 - 0.0065 * z + (z > pblh ? 0.008 * (z - pblh) : 0);
      m->u[k * n2 + c] = u;
      m->v[k * n2 + c] = 0;
    }
  for (long c = 0; c < n2; c++) {
    m->obukhov[c] = L;
    m->pblh[c] = pblh;
  }
}
