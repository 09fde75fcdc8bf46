/* as_budget.h — mass budget accumulators per species (ug), reset every output interval.
 *
 * Closure: storage_change = emitted - deposited + inflow - outflow + chem (+ other sinks later);
 * residual = storage_change - (that sum). Processes add to these arrays; reductions inside
 * OpenMP loops go through per-line partial sums summed in a fixed order so the bits do not depend
 * on the thread count.
 */
#ifndef AS_BUDGET_H
#define AS_BUDGET_H
#include "as_status.h"

typedef enum {
  AS_BUD_EMITTED = 0,
  AS_BUD_DEPOSITED,   /* dry deposition, positive = removed */
  AS_BUD_INFLOW,      /* through lateral and top boundaries, positive */
  AS_BUD_OUTFLOW,     /* through lateral and top boundaries, positive */
  AS_BUD_CHEM,        /* net chemical production (0 in issue 3) */
  AS_BUD_WET,         /* wet deposition, positive = removed (later issue) */
  AS_BUD_NTERMS
} AsBudgetTerm;

typedef struct {
  int nspec;
  double *term;        /* [AS_BUD_NTERMS][nspec], ug accumulated since the last reset */
  double *mass_start;  /* [nspec] domain mass at the last reset, ug */
} AsBudget;

#define AS_BUDGET(b, term_, s) ((b)->term[(size_t)(term_) * (size_t)(b)->nspec + (size_t)(s)])

AsStatus as_budget_create(int nspec, AsBudget *b);
void as_budget_reset(AsBudget *b, const double *mass_now);
void as_budget_destroy(AsBudget *b);
/* Add per-row partial sums to a budget term: for q < n, term[spec[q]] += sum over row < nrow of
 * partial[row*n + q], the rows summed in order (the bits do not depend on which thread made which
 * row). How the processes that run rows in parallel (chemistry, aerosol, wet deposition) report. */
void as_budget_add_rows(AsBudget *b, AsBudgetTerm term, const int *spec, int n, const double *partial, long nrow);

#endif
