/* as_cvode.h — the reference stiff integrator: SUNDIALS CVODE (BDF, Newton iteration with a dense
 * direct linear solver; Hindmarsh et al. 2005, ACM TOMS 31:363) wrapped behind the same AsOdeSystem
 * as the Rosenbrock solver. One AsCvode per thread (own SUNContext); CVodeReInit per call. */
#ifndef AS_CVODE_H
#define AS_CVODE_H
#include "as_ode.h"

typedef struct AsCvode AsCvode;

AsStatus as_cvode_create(const AsOdeSystem *sys, AsCvode **cv);
AsStatus as_cvode_integrate(AsCvode *cv, void *ctx, double *y, double dt, double rtol,
                            const double *atol, AsOdeStats *stats);
void as_cvode_destroy(AsCvode **cv);

#endif
