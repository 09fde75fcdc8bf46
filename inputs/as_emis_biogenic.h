/* as_emis_biogenic.h — biogenic isoprene and monoterpene emissions (BEIS3/MEGAN basic form).
 *
 * Guenther et al. (1993, JGR 98:12609), as used in BEIS3 (CMAQ CCTM/src/biog/beis3/beis3.F):
 *   light + temperature ("isoprene" response):  E = EF * C_L(PAR) * C_T(T)
 *   temperature only ("monoterpene" response):  E = EF * exp(beta (T - T_S))
 * with EF per dominant land-use class (factor file, ug m-2 h-1 at T_S = 303.15 K and
 * PAR = 1000 umol m-2 s-1), PAR from the met's downward shortwave, T the 2-m temperature. No
 * canopy model, no LAI or season: every constant and its source in docs/science-biogenic.md.
 *
 * Factor file (CSV, the dialect of inputs/as_emis_csv.c):
 *   landuse,species,factor[ug/m2/h],response[,note]
 *   crop,ISOP,500.8,isoprene
 * landuse one of urban, crop, forest, water, grass (AsLandUse); response "isoprene" or
 * "monoterpene" (one per species); every species needs one row for every land use.
 */
#ifndef AS_EMIS_BIOGENIC_H
#define AS_EMIS_BIOGENIC_H
#include "../solver/as_species.h"
#include "as_met.h"

typedef struct AsBiogenic AsBiogenic;

/* Reads the factor file (path) and maps its species to the species table (species absent from
 * the table are skipped silently). landuse: [ny*nx] AsLandUse (as_met_landuse()). Errors are one
 * line "FILE:LINE: item: problem": unknown land-use name or response, negative/NaN factor,
 * factor unit not convertible to ug/m2/h, duplicate or missing (landuse, species) rows. */
AsStatus as_biogenic_create(const char *path, const AsGrid *g, const unsigned char *landuse,
                            const AsSpeciesTable *spc, AsBiogenic **b);
/* Adds the biogenic rates, ug s-1 per cell, into rate[s*ncell + cell] (layer k = 0 only), for
 * met->t2 and met->swdown (met->t is not used). Deterministic and allocation-free; columns are
 * independent, so the result does not depend on the OpenMP thread count. A non-finite or
 * out-of-range t2 (outside 200..350 K) or a negative/NaN swdown is an error (rate untouched). */
AsStatus as_biogenic_add(const AsBiogenic *b, const AsMetState *met, double *rate);
void as_biogenic_view(const AsBiogenic *b, void *file /* FILE* */);
void as_biogenic_destroy(AsBiogenic **b);

/* The activity factors themselves (tests, diagnostics). */
double as_biogenic_par(double swdown_wm2);   /* PAR, umol m-2 s-1, from shortwave W m-2 */
double as_biogenic_cl(double par);           /* Guenther (1993) C_L, PAR in umol m-2 s-1 */
double as_biogenic_ct(double t);             /* Guenther (1993) C_T, leaf (here 2-m) T in K */
double as_biogenic_cmono(double t);          /* exp(beta (min(T, 315 K) - T_S)) */
/* Emission factor of a factor-file species on a land use, ug m-2 h-1; -1 if the species is not
 * in the file. */
double as_biogenic_factor(const AsBiogenic *b, int landuse, const char *species);

#endif
