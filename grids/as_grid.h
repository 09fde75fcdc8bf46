/* as_grid.h — the model grid: Lambert conformal conic horizontal grid (PROJ), vertical layers.
 *
 * Staggering (Arakawa C), horizontal indices i (x, east) and j (y, north), layer k (0 = surface):
 *
 *        v(i,j+1)
 *     +-----^-----+
 *     |           |
 * u(i,j) >  c(i,j)  > u(i+1,j)      u faces: (nx+1) per row, v faces: (ny+1) per column,
 *     |           |                 w faces: nz+1 interfaces per column (0 = ground, nz = top).
 *     +-----^-----+
 *        v(i,j)
 *
 * Cell (i,j) centre in projected coordinates: x = x0 + i*dx, y = y0 + j*dy (metres, CF
 * projection_x_coordinate). Map factor m = (grid distance)/(true distance); true cell area
 * = dx*dy/m^2; true face length = dy/m_face (x faces), dx/m_face (y faces).
 * Heights are above ground (flat domain: terrain height is a 2-D field, 0 in the default case).
 */
#ifndef AS_GRID_H
#define AS_GRID_H
#include <stdio.h>
#include "../inputs/as_config.h"

typedef struct {
  /* projection (kept to write CF grid_mapping attributes and to build the PROJ string) */
  double lat1, lat2;     /* standard parallels, degrees */
  double lat0, lon0;     /* latitude of projection origin, central meridian, degrees */
  double earth_radius;   /* m (sphere) */
  char proj_string[256]; /* the PROJ definition actually used */
} AsProjection;

typedef struct AsGrid {
  int nx, ny, nz;
  double dx, dy;         /* m, projected */
  double x0, y0;         /* projected coordinates of cell (0,0) centre, m */
  AsProjection proj;
  /* 2-D fields, index j*nx + i */
  double *lon, *lat;     /* cell centres, degrees_east / degrees_north */
  double *mapfac;        /* map factor at cell centres */
  double *area;          /* true cell area, m2 (= dx*dy/m^2) */
  double *topo;          /* terrain height, m */
  /* faces: u faces index j*(nx+1) + i, v faces index j*nx + i with j in 0..ny */
  double *mapfac_u, *mapfac_v;
  /* vertical: layer interfaces z_face[0..nz] (m above ground, z_face[0]=0), thickness dz[k],
   * mid-layer heights z_mid[k] */
  double *z_face, *dz, *z_mid;
} AsGrid;

/* Reads the keys under "grid." (see docs/config.md) and computes everything above. */
AsStatus as_grid_create(AsConfig *cfg, AsGrid **grid);
void as_grid_view(const AsGrid *g, void *file /* FILE* */);
void as_grid_destroy(AsGrid **grid);

/* Longitude/latitude -> fractional cell index (fi = 0 at centre of cell 0). Returns AS_OK and
 * sets *inside = 1 if the point lies inside the domain's outer cell edges. */
AsStatus as_grid_locate(const AsGrid *g, double lon, double lat, double *fi, double *fj,
                        int *inside);
/* projected (x,y) <-> lon/lat through the same PROJ transformation */
AsStatus as_grid_lonlat_to_xy(const AsGrid *g, double lon, double lat, double *x, double *y);
AsStatus as_grid_xy_to_lonlat(const AsGrid *g, double x, double y, double *lon, double *lat);

/* Meridian convergence of the Lambert conformal grid at column col, radians: true north is turned by
 * -as_grid_convergence(g, col) from grid north (angle = n (lon - lon0), n the cone constant;
 * Snyder 1987, USGS PP 1395, eqs. 15-1..15-4). Grid-relative (u, v) -> east/north:
 * u_e = u cos(a) + v sin(a), v_n = -u sin(a) + v cos(a) with a = this angle. */
double as_grid_convergence(const AsGrid *g, long col);

static inline long as_grid_ncell(const AsGrid *g) { return (long)g->nx * g->ny * g->nz; }
/* "cell (i=I, j=J, k=K)" for the cell index (k*ny + j)*nx + i, written into buf: the location part of
 * a one-line error; returns buf */
static inline const char *as_grid_cell_name(const AsGrid *g, long cell, char *buf, unsigned long n)
{
  snprintf(buf, n, "cell (i=%ld, j=%ld, k=%ld)", cell % g->nx, (cell / g->nx) % g->ny, cell / ((long)g->nx * g->ny));
  return buf;
}

#endif
