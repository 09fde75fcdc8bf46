/* as_model.h — the model: grid + species + met + emissions + state + the ordered process table,
 * and how to take one step. The simulation (as_sim.h) owns the stop time, the output schedule,
 * progress and checkpoints.
 *
 * Time stepping: symmetric (Strang) splitting over the process table P[0..n-1]. With n processes
 * the step of length dt is
 *     P0(dt/2) P1(dt/2) ... P[n-2](dt/2)  P[n-1](dt)  P[n-2](dt/2) ... P0(dt/2)
 * the second half with reverse=1 (e.g. horizontal advection sweeps y then x). The process order
 * is one table in as_model.c, documented in docs/ARCHITECTURE.md.
 */
#ifndef AS_MODEL_H
#define AS_MODEL_H
#include "../inputs/as_emis.h"
#include "../inputs/as_met.h"
#include "as_boundary.h"
#include "as_budget.h"
#include "as_species.h"
#include <stdio.h>

typedef struct AsModel AsModel;
typedef struct AsProcess AsProcess;

typedef struct {
  const char *name;                                   /* chosen by this name in the config */
  AsStatus (*setup)(AsProcess *p, AsModel *m);        /* read options, allocate scratch */
  AsStatus (*apply)(AsProcess *p, AsModel *m, double dt, int reverse); /* no allocation */
  void (*view)(const AsProcess *p, FILE *f);
  void (*destroy)(AsProcess *p);                      /* free p->data (not p) */
} AsProcessOps;

struct AsProcess {
  const AsProcessOps *ops;
  void *data;            /* the implementation's private state */
  double seconds;        /* wall time spent in apply, accumulated by the loop */
};

struct AsModel {
  AsConfig *cfg;
  AsGrid *grid;
  AsSpeciesTable *spc;
  AsMet *met;
  AsEmis *emis;
  AsBoundary *bc;
  AsMetState ms;         /* met at the current step's mid-time */
  /* state: concentrations c[s*ncell + (k*ny+j)*nx + i], ug m-3 */
  int nspec;
  long ncell;
  double *c;
  double t;              /* model time, s since 1970-01-01T00:00:00Z, UTC */
  double t_start;        /* start of the simulated period */
  long nstep;
  double dt;             /* model step, s; divides 3600 */
  double *emis_rate;     /* [nspec*ncell] ug s-1 per cell, for the current hour */
  double *vdep;          /* [nspec*ny*nx] dry deposition velocity, m s-1, current step */
  AsBudget budget;
  int nproc;
  AsProcess proc[16];
  /* per-cell volume (m3) = area*dz */
  double *volume;
};

AsStatus as_model_create(AsConfig *cfg, AsModel **m);
AsStatus as_model_step(AsModel *m);            /* one Strang step of length m->dt */
double as_model_species_mass(const AsModel *m, int s); /* ug in the domain, fixed-order sum */
void as_model_view(const AsModel *m, FILE *f);
void as_model_destroy(AsModel **m);

/* process registry: name -> ops (as_process_*.c files each define one AsProcessOps) */
const AsProcessOps *as_process_find(const char *name);

#endif
