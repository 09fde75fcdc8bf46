/* as_species.h — the species table, read at run time (no fixed ceiling on the count).
 *
 * Every transported quantity is one species: a real species (PEC, SO2, later O3 ...) or, later, an
 * attribution tag (a copy of a species restricted to one source group). Internal unit of every
 * species: mass concentration, ug m-3 (gases too; ppb and standard-condition ug m-3 are derived at
 * output with the met temperature and pressure). The table file format is documented in
 * docs/config.md ("species file").
 */
#ifndef AS_SPECIES_H
#define AS_SPECIES_H
#include "../inputs/as_config.h"

typedef enum { AS_PHASE_GAS = 0, AS_PHASE_AEROSOL = 1 } AsPhase;

typedef struct {
  char name[32];           /* short name used everywhere: PEC, POC, PMOTHR, SO2, NO2, CO, NH3 */
  AsPhase phase;
  double molar_mass;       /* g mol-1 (gases; used for ppb conversions and mol/s emissions) */
  char standard_name[160]; /* CF standard name of the mass concentration ("" if none) */
  char long_name[160];
  int output;              /* 1: written to the NetCDF output and receptor CSV */
  int pm25;                /* 1: a PM2.5 component, summed into the PM25 output variable */
  int pm25_water;          /* 1: particle-bound water, summed only into PM25_ambient */
  /* emissions: model species = factor x inventory pollutant (e.g. PEC = 1 x PM25_EC;
   * NO2 = 1 x NOX (NOx reported as NO2 mass)) */
  char emitted_as[32];
  double emission_factor;
  /* dry deposition parameters (Wesely 1989 for gases; Zhang et al. 2001 for particles) */
  double henry;            /* effective Henry's law constant at 298 K, M atm-1 (gases) */
  double henry_wet;        /* effective Henry constant for scavenging by cloud and rain water (pH of
                              rain), M atm-1; = henry unless the species file gives henry_wet */
  double f0;               /* reactivity factor 0..1 (gases) */
  double diffusivity;      /* molecular diffusivity in air, m2 s-1 (gases) */
  double diameter;         /* m, representative (mass median) diameter (aerosols) */
  double density;          /* kg m-3 particle density (aerosols) */
  int deposit;             /* 0 switches dry deposition off for this species */
} AsSpecies;

typedef struct {
  int n;
  AsSpecies *s;
} AsSpeciesTable;

/* Reads the species file named by the case key "species.file" (and "species.output" overrides). */
AsStatus as_species_create(AsConfig *cfg, AsSpeciesTable **tab);
int as_species_index(const AsSpeciesTable *tab, const char *name); /* -1 if absent */
void as_species_destroy(AsSpeciesTable **tab);

#endif
