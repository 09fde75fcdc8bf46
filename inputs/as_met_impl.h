/* as_met_impl.h — private to inputs/as_met*.c: the source ops table and shared helpers.
 *
 * A source fills one hourly snapshot at an exact hour t (s since 1970, UTC); as_met.c caches two
 * snapshots and interpolates linearly in time. Sources write the raw horizontal winds (u, v at
 * centres, grid-relative) and everything else; as_met_make_fluxes() turns the winds into air
 * mass fluxes and removes their divergence (FFTW Poisson, grids/as_poisson.c).
 */
#ifndef AS_MET_IMPL_H
#define AS_MET_IMPL_H
#include "as_met.h"
#include "../grids/as_poisson.h"
#include <stdio.h>

typedef struct {
  const char *name;
  AsStatus (*create)(AsMet *met, AsConfig *cfg, void **data); /* read keys, allocate */
  AsStatus (*snapshot)(AsMet *met, void *data, double t, AsMetState *st);
  void (*view)(const AsMet *met, const void *data, FILE *f);
  void (*destroy)(void *data);
} AsMetSourceOps;

extern const AsMetSourceOps as_met_idealized_ops;
extern const AsMetSourceOps as_met_diagnostic_ops;
extern const AsMetSourceOps as_met_wrf_ops;

struct AsMet {
  const AsGrid *g;
  const AsMetSourceOps *ops;
  void *data;
  char where[256];          /* "FILE:LINE" of meteorology.source, for messages */
  double *rho_ref;          /* [nz] */
  double *mair;             /* [nz*ny*nx] */
  unsigned char *lu;        /* [ny*nx] */
  double *z0;               /* [ny*nx] */
  double *sina, *cosa;      /* [ny*nx] true north in grid coordinates: (sin a, cos a) */
  AsPoisson *poisson;       /* made by as_met_enable_mass_consistency() */
  double alpha;             /* vertical weight of the adjustment (CALMET alpha) */
  int open_top;
  double div_before, div_after; /* max |divergence| of the last make_fluxes (kg s-1) */
  AsMetState snap[2];       /* cached snapshots at hours snap_t[0] < snap_t[1] */
  double snap_t[2];
  int have[2];
};

/* set up the Poisson solver (weights from rho_ref and the layers) */
AsStatus as_met_enable_mass_consistency(AsMet *met);
/* st->u, st->v, st->w (centres, grid-relative, m s-1) -> fx, fy, fz (face averages; fz = 0 at
 * the ground), divergence removed, then u, v, w at centres recomputed from the adjusted fluxes. */
AsStatus as_met_make_fluxes(AsMet *met, AsMetState *st);
/* Smagorinsky horizontal diffusivity on st->u, st->v into st->kh */
void as_met_smagorinsky(const AsMet *met, AsMetState *st, double kh_min, double cs);
/* centre winds from fluxes (true face lengths): used after any flux construction */
void as_met_winds_from_fluxes(const AsMet *met, AsMetState *st);
/* land use and roughness (as_met_landuse.c) */
AsStatus as_met_landuse_build(AsMet *met);
double as_met_z0_of(int landuse);
const char *as_met_landuse_name(int landuse);

/* US standard atmosphere 1976 below 11 km: temperature (K), pressure (Pa), density (kg m-3) */
void as_met_std_atmosphere(double z, double *t, double *p, double *rho);

#endif
