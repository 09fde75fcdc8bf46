/* as_rosenbrock.h — the fast stiff solver: a Rosenbrock method (ROS3 or RODAS3, Sandu et al. 1997,
 * Atmos. Environ. 31:3459; Hairer & Wanner 1996) with embedded error control, sparse LU on the
 * system's own Jacobian pattern (symbolic factorisation with fill-in once in setup, numeric per
 * step), positivity handling, no allocation in integrate. One AsRos per thread. */
#ifndef AS_ROSENBROCK_H
#define AS_ROSENBROCK_H
#include "as_ode.h"

typedef struct AsRos AsRos;

/* method: "ros3" or "rodas3" (chosen by name) */
AsStatus as_ros_create(const AsOdeSystem *sys, const char *method, AsRos **ros);
/* Integrate y from 0 to dt with relative/absolute tolerances, which bound the local error of EVERY
 * species (maximum norm: |err_k| <= atol_k + rtol*|y_k| per step); *h is the first trial step on entry
 * (<= 0: the solver picks one) and, on return, the step the controller proposes next, capped at
 * dt (carry it to the next call for a warm start). ctx is passed to fun/jac. */
AsStatus as_ros_integrate(AsRos *ros, void *ctx, double *y, double dt, double rtol,
                          const double *atol, double *h, AsOdeStats *stats);
/* Fixed-step mode (added for the convergence-order test): nsteps equal steps of dt/nsteps, no
 * error control, no clipping. */
AsStatus as_ros_integrate_fixed(AsRos *ros, void *ctx, double *y, double dt, int nsteps,
                                AsOdeStats *stats);
/* Error estimate filtered by (I - h g J)^-1 (1) or raw (0); the method's default on create (ROS3 1,
 * RODAS3 0). For tests and benchmarks that compare the two. */
void as_ros_set_error_filter(AsRos *ros, int on);
int as_ros_error_filter(const AsRos *ros);
void as_ros_destroy(AsRos **ros);

#endif
