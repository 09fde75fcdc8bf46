/* as_process_emis.c — process "emission": adds this hour's emission rates to the cells.
 *   c += E * dt / V      (E in ug s-1 per cell, V cell volume m3)
 * The emitted mass E*dt enters the budget (AS_BUD_EMITTED). One thread owns each species and sums
 * its cells in a fixed order, so the budget bits do not depend on the thread count.
 */
#include "as_model.h"

static AsStatus emis_apply(AsProcess *p, AsModel *m, double dt, int reverse)
{
  (void)p;
  (void)reverse;
  const long n = m->ncell;
#pragma omp parallel for schedule(static)
  for (int s = 0; s < m->nspec; s++) {
    double *restrict c = m->c + (size_t)s * (size_t)n;
    const double *restrict e = m->emis_rate + (size_t)s * (size_t)n;
    const double *restrict vol = m->volume;
    double sum = 0;
    for (long i = 0; i < n; i++) {
      c[i] += e[i] * dt / vol[i];
      sum += e[i] * dt;
    }
    AS_BUDGET(&m->budget, AS_BUD_EMITTED, s) += sum;
  }
  return AS_OK;
}

const AsProcessOps as_proc_emission = {"emission", NULL, emis_apply, NULL, NULL};
