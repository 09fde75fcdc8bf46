/* as_budget.c — budget accumulators (see as_budget.h). */
#include "as_budget.h"
#include <stdlib.h>
#include <string.h>

AsStatus as_budget_create(int nspec, AsBudget *b)
{
  b->nspec = nspec;
  AS_MALLOC(b->term, (size_t)AS_BUD_NTERMS * (size_t)nspec);
  AS_MALLOC(b->mass_start, nspec);
  return AS_OK;
}

void as_budget_reset(AsBudget *b, const double *mass_now)
{
  memset(b->term, 0, sizeof(double) * (size_t)AS_BUD_NTERMS * (size_t)b->nspec);
  if (mass_now) memcpy(b->mass_start, mass_now, sizeof(double) * (size_t)b->nspec);
}

void as_budget_add_rows(AsBudget *b, AsBudgetTerm term, const int *spec, int n, const double *partial, long nrow)
{
  for (int q = 0; q < n; q++) {
    double sum = 0;
    for (long row = 0; row < nrow; row++) sum += partial[(size_t)row * (size_t)n + (size_t)q];
    AS_BUDGET(b, term, spec[q]) += sum;
  }
}

void as_budget_destroy(AsBudget *b)
{
  free(b->term);
  free(b->mass_start);
  b->term = b->mass_start = NULL;
  b->nspec = 0;
}
