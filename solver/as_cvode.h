/* as_cvode.h — the reference stiff integrator: SUNDIALS CVODE (BDF, Newton iteration with a direct
 * linear solver; Hindmarsh et al. 2005, ACM TOMS 31:363) wrapped behind the same AsOdeSystem as the
 * Rosenbrock solver. One AsCvode per thread (own SUNContext); CVodeReInit per call. */
#ifndef AS_CVODE_H
#define AS_CVODE_H
#include "as_ode.h"

typedef struct AsCvode AsCvode;

/* linsol: "dense" (SUNLinSol_Dense on a dense copy of J) or "klu" (SUNDIALS' KLU sparse direct
 * solver on the system's CSR pattern), chosen by name. */
AsStatus as_cvode_create(const AsOdeSystem *sys, const char *linsol, AsCvode **cv);
/* Integrate y from 0 to dt. h may be NULL or point to <= 0: CVODE estimates the first step (cold
 * start); > 0: that first step is tried (warm start, like as_ros_integrate). On return (h not
 * NULL) *h is the step CVODE would attempt next, capped at dt. Every call re-initialises CVODE
 * (BDF order 1 again: the history cannot survive an operator-split change of y). */
AsStatus as_cvode_integrate(AsCvode *cv, void *ctx, double *y, double dt, double rtol,
                            const double *atol, double *h, AsOdeStats *stats);
void as_cvode_destroy(AsCvode **cv);

#endif
