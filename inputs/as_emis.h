/* as_emis.h — emissions: built-in inventory (point, area and line sources by sector with
 * monthly/weekday/hourly profiles), user gridded NetCDF (CMAQ-ready: mol/s gases, g/s particles)
 * and user point-source CSV with explicit units. Briggs plume rise spreads each stack over layers.
 *
 * Output: for the hour that contains time t, the emission rate of every MODEL species into every
 * grid cell, ug s-1 per cell (not per volume). Rates are constant within each clock hour (profiles
 * are hourly), so a model step that never crosses an hour boundary injects exactly rate*dt.
 * Mapping inventory pollutant -> model species through AsSpecies.emitted_as/emission_factor, or
 * per sector through a speciation file (emissions.speciation; as_emis_speciation.c).
 *
 * Inventory pollutants: SO2, NOX (as NO2 mass), CO, NH3, VOC, PM25_EC, PM25_OC, PM25_OTHER
 * (PM25 = the sum of the three).
 */
#ifndef AS_EMIS_H
#define AS_EMIS_H
#include "../solver/as_species.h"
#include "as_met.h"

typedef struct AsEmis AsEmis;

/* Reads "emissions." keys; loads and validates every inventory file (negative or NaN emission,
 * stack outside the domain, unknown sector or pollutant, wrong units -> one-line error).
 * met gives the land use for biogenic emissions (may be NULL when emissions.biogenic is off). */
AsStatus as_emis_create(AsConfig *cfg, const AsGrid *grid, const AsMet *met,
                        const AsSpeciesTable *spc, AsEmis **emis);
/* Compute the rates for the hour containing t (plume rise uses the met at that time).
 * rate: [nspec][nz*ny*nx] ug s-1, overwritten. Cheap to call again within the same hour:
 * the object caches the hour it last computed and returns at once if unchanged. */
AsStatus as_emis_rates(AsEmis *emis, double t, const AsMetState *met, double *rate);
/* The inventory's own total for species s over [t0, t1) in ug, computed directly from the
 * annual totals and the profiles (independently of the gridding), for sources inside the domain.
 * t0 and t1 on whole hours. Used by the conservation test and the budget report. */
AsStatus as_emis_period_total(const AsEmis *emis, int s, double t0, double t1, double *total_ug);
void as_emis_view(const AsEmis *emis, void *file /* FILE* */);
void as_emis_destroy(AsEmis **emis);

#endif
