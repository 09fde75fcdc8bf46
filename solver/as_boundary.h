/* as_boundary.h — lateral and top boundary values: a documented, time-varying regional
 * background (monthly means, diurnal cycle, vertical profile) applied on inflow faces; outflow
 * faces use zero gradient (the upwind cell's own value).
 *
 * Side arrays, ug m-3, for species s at the time of the last update:
 *   AS_WEST/AS_EAST  [nz*ny]  index k*ny + j
 *   AS_SOUTH/AS_NORTH [nz*nx] index k*nx + i
 *   AS_TOP           [ny*nx]  index j*nx + i   (value just above the model top)
 */
#ifndef AS_BOUNDARY_H
#define AS_BOUNDARY_H
#include "../inputs/as_met.h"
#include "as_species.h"

typedef enum { AS_WEST = 0, AS_EAST, AS_SOUTH, AS_NORTH, AS_TOP, AS_NSIDES } AsSide;

typedef struct AsBoundary AsBoundary;

/* Reads "boundary." keys (background file, or "type: zero" / "type: periodic" for tests). */
AsStatus as_boundary_create(AsConfig *cfg, const AsGrid *grid, const AsSpeciesTable *spc,
                            AsBoundary **bc);
/* 1 if the case asks for a periodic domain (tests of conservation on a closed domain) */
int as_boundary_periodic(const AsBoundary *bc);
/* Recompute the side values for time t (called once per model step; allocation-free). */
AsStatus as_boundary_update(AsBoundary *bc, double t, const AsMetState *met);
const double *as_boundary_side(const AsBoundary *bc, int s, AsSide side);
/* initial condition: the background profile at t, filled into c (all species) */
AsStatus as_boundary_initial(const AsBoundary *bc, double t, const AsMetState *met, double *c);
void as_boundary_view(const AsBoundary *bc, void *file /* FILE* */);
void as_boundary_destroy(AsBoundary **bc);

#endif
