/* as_mech_lanes.h — the mechanism's f and J for AS_ODE_LANES cells at once (as_ode.h, AsOdeLanes):
 * species, Jacobian entries and rate constants interleaved by cell, the same operations per cell as
 * as_mech_fun / as_mech_jac (as_mech_ode.c) in the same order, so every cell's values are
 * bit-identical to the one-cell functions'. Parameters: the reaction rate constants, par[r * W + c]. */
#ifndef AS_MECH_LANES_H
#define AS_MECH_LANES_H
#include "as_mech.h"

/* the multi-cell system of mechanism m (pattern pointers into m: valid while m lives) */
void as_mech_lanes_system(const AsMech *m, AsOdeLanes *sys);
/* work: sys.nwork lane vectors of scratch (the rates, or the partial derivatives, of every reaction) */
void as_mech_fun_lanes(const AsMech *m, const double *k, const double *y, double *f, double *work);
void as_mech_jac_lanes(const AsMech *m, const double *k, const double *y, double *jval, double *work);

#endif
