/* as_hadv.c — process "advection_horizontal": flux-form PPM (Colella & Woodward 1984) with the
 * CW84 monotone limiter, mass-consistent directional splitting (Easter 1993, Mon. Wea. Rev.
 * 121:297), x then y (y then x when reverse), Courant-limited sub-steps (outflow Courant number of
 * every cell <= transport.courant_max, default 0.9). The numerics live in as_ppm.c on explicit
 * arrays; this file only connects them to the model. Equations: docs/science.md.
 *
 * Contract with "advection_vertical" (as_vadv.c), Strang table (... hadv, vadv, ..., vadv, hadv):
 * m->c is always tracer mass / volume (ug m-3, NOT q*rho). With H = sum over a cell's horizontal
 * faces of (flux in - flux out) (kg s-1, fx and fy of m->ms):
 *   reverse = 0: entry air mass mair = as_met_air_mass(m->met); exit A* = mair + dt H, which the
 *                vertical sweep recomputes itself (q = c V / A*) and brings back to mair;
 *   reverse = 1: entry air mass mair - dt H (left by the vertical sweep that ran first); exit mair.
 * Boundary-face tracer fluxes (ug) are added to AS_BUD_INFLOW / AS_BUD_OUTFLOW in a fixed order.
 */
#include "as_model.h"
#include "as_ppm.h"
#include "as_transport.h"
#include <stdlib.h>

typedef struct {
  AsPpm *ppm;
  double courant_max;
  double *inflow, *outflow; /* [nspec] per apply */
  long napply;
  int nsub_max;             /* largest sub-step count seen */
} Hadv;

static const double *hadv_side(const void *ctx, int s, int side)
{
  static const AsSide map[4] = {AS_WEST, AS_EAST, AS_SOUTH, AS_NORTH};
  return as_boundary_side((const AsBoundary *)ctx, s, map[side]);
}

static AsStatus hadv_setup(AsProcess *p, AsModel *m)
{
  Hadv *h;
  AS_MALLOC(h, 1);
  p->data = h;
  h->courant_max = 0.9;
  AS_CALL(as_config_get_double(m->cfg, "transport.courant_max", 0, 0.05, 1.0, &h->courant_max));
  AS_MALLOC(h->inflow, m->nspec);
  AS_MALLOC(h->outflow, m->nspec);
  const AsGrid *g = m->grid;
  AS_CALL(as_ppm_create(g->nx, g->ny, g->nz, m->nspec, h->courant_max, &h->ppm));
  return AS_OK;
}

static AsStatus hadv_apply(AsProcess *p, AsModel *m, double dt, int reverse)
{
  Hadv *h = p->data;
  for (int s = 0; s < m->nspec; s++) h->inflow[s] = h->outflow[s] = 0.0;
  AsPpmInput in = {
      .mair = as_met_air_mass(m->met),
      .volume = m->volume,
      .fx = m->ms.fx,
      .fy = m->ms.fy,
      .periodic = as_boundary_periodic(m->bc),
      .side = hadv_side,
      .side_ctx = m->bc,
      .inflow = h->inflow,
      .outflow = h->outflow,
  };
  AS_CALL(as_ppm_apply(h->ppm, &in, m->c, dt, reverse));
  for (int s = 0; s < m->nspec; s++) {
    AS_BUDGET(&m->budget, AS_BUD_INFLOW, s) += h->inflow[s];
    AS_BUDGET(&m->budget, AS_BUD_OUTFLOW, s) += h->outflow[s];
  }
  for (int k = 0; k < m->grid->nz; k++) {
    int n = as_ppm_substeps(h->ppm, k);
    if (n > h->nsub_max) h->nsub_max = n;
  }
  h->napply++;
  return AS_OK;
}

static void hadv_view(const AsProcess *p, FILE *f)
{
  const Hadv *h = p->data;
  fprintf(f, "advection_horizontal: PPM (Colella-Woodward 1984), CW84 monotone limiter, "
             "mass-consistent x/y splitting (Easter 1993), outflow Courant <= %g, kernel %s",
          h->courant_max, as_ppm_isa(h->ppm));
  if (h->napply) fprintf(f, ", up to %d sub-steps so far", h->nsub_max);
  fputc('\n', f);
}

static void hadv_destroy(AsProcess *p)
{
  Hadv *h = p->data;
  if (!h) return;
  as_ppm_destroy(&h->ppm);
  free(h->inflow);
  free(h->outflow);
  free(h);
  p->data = NULL;
}

const AsProcessOps as_proc_hadv = {"advection_horizontal", hadv_setup, hadv_apply, hadv_view,
                                   hadv_destroy};
