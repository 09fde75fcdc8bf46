/* as_met.h — meteorology behind one interface, three sources chosen by name at run time:
 *   "idealized"  uniform wind, constant K, fixed mixing height (tests, teaching)
 *   "diagnostic" built-in typical year of the belt: hourly surface records from a documented
 *                climatology -> Monin-Obukhov profiles, PBL height, K-theory, FFTW mass consistency
 *   "wrf"        wrfout_d0* NetCDF interpolated to the model grid and in time
 *
 * Every source produces hourly AsMetState snapshots on the model grid; as_met_update() linearly
 * interpolates between the two bracketing hours to any model time. Each snapshot's air mass
 * fluxes are mass-consistent with the anelastic reference density rho_ref[k] (constant in time):
 * for every cell the discrete divergence
 *     fx[i+1]-fx[i] + fy[j+1]-fy[j] + fz[k+1]-fz[k]        (kg s-1)
 * is zero to round-off, so a linear blend of two snapshots is mass-consistent too. The tracer
 * transport uses exactly these fluxes and the air mass per cell mair = rho_ref[k]*area*dz[k].
 *
 * Array layouts (no halos): 3-D centre  (k*ny + j)*nx + i        size nz*ny*nx
 *                           x faces     (k*ny + j)*(nx+1) + i    size nz*ny*(nx+1)
 *                           y faces     (k*(ny+1) + j)*nx + i    size nz*(ny+1)*nx
 *                           interfaces  (k*ny + j)*nx + i, k=0..nz  size (nz+1)*ny*nx
 *                           2-D         j*nx + i
 */
#ifndef AS_MET_H
#define AS_MET_H
#include "../grids/as_grid.h"

/* Land-use categories for dry deposition (Wesely 1989 seasonal categories, reduced set). */
typedef enum {
  AS_LU_URBAN = 0, AS_LU_CROP, AS_LU_FOREST, AS_LU_WATER, AS_LU_GRASS, AS_LU_NCAT
} AsLandUse;

typedef struct {
  double t;        /* seconds since 1970-01-01T00:00:00Z (UTC) */
  /* mass-consistent air mass fluxes, kg s-1 through each face (positive east/north/up).
   * fz at k=0 (ground) is 0; fz at k=nz (model top) may be non-zero (outflow/inflow at top). */
  double *fx, *fy, *fz;
  /* physical winds at cell centres, m s-1 (for plume rise, output, diagnostics) */
  double *u, *v, *w;
  /* 3-D centre fields */
  double *temp;    /* K */
  double *pres;    /* Pa */
  double *rho;     /* actual air density, kg m-3 (for ppb conversion) */
  double *qv;      /* water vapour mixing ratio, kg kg-1 */
  double *kh;      /* horizontal eddy diffusivity, m2 s-1 */
  double *kz;      /* vertical eddy diffusivity at interfaces (nz+1 levels; 0 at ground and top) */
  double *cloud_lwc; /* cloud liquid water content, kg m-3 (0 if none; used from issue 5) */
  /* 2-D surface fields */
  double *pblh;    /* boundary-layer height, m */
  double *ustar;   /* friction velocity, m s-1 */
  double *hfx;     /* upward sensible heat flux, W m-2 */
  double *obukhov; /* Monin-Obukhov length, m */
  double *t2;      /* 2-m temperature, K */
  double *rh2;     /* 2-m relative humidity, 0..1 */
  double *u10, *v10; /* 10-m wind, m s-1 (grid-relative = projected x/y components) */
  double *precip;  /* precipitation rate, mm h-1 */
  double *swdown;  /* downward shortwave at the surface, W m-2 */
  double *cloud;   /* cloud cover fraction, 0..1 */
  double *z0;      /* roughness length, m */
} AsMetState;

typedef struct AsMet AsMet;

/* Reads "meteorology." keys, builds the chosen source, computes static fields (land use, z0,
 * reference density). */
AsStatus as_met_create(AsConfig *cfg, const AsGrid *grid, AsMet **met);
/* Fill *out (allocated by as_met_state_alloc) with the met at time t (interpolated in time). */
AsStatus as_met_update(AsMet *met, double t, AsMetState *out);
/* static fields */
const double *as_met_rho_ref(const AsMet *met);      /* [nz] kg m-3 */
const double *as_met_air_mass(const AsMet *met);     /* [nz*ny*nx] kg per cell */
const unsigned char *as_met_landuse(const AsMet *met); /* [ny*nx] dominant AsLandUse */
const char *as_met_source_name(const AsMet *met);
void as_met_view(const AsMet *met, void *file /* FILE* */);
void as_met_destroy(AsMet **met);

AsStatus as_met_state_alloc(const AsGrid *g, AsMetState *st);
void as_met_state_free(AsMetState *st);

/* The discrete divergence of a state's fluxes, kg s-1 per cell, and its max-norm (for tests and
 * diagnostics). div may be NULL to get only the norm. */
double as_met_divergence(const AsGrid *g, const AsMetState *st, double *div);

#endif
