/* as_rosenbrock_lanes.h — the Rosenbrock solver (ROS3 or RODAS3, as_rosenbrock.h) for many independent
 * cells, AS_ODE_LANES (W) of them at a time in interleaved storage (as_ode.h: y[i * W + c]), so that
 * f, J, the sparse LU and the triangular solves run one vectorised loop over W cells per index
 * (the multi-cell "vector" Rosenbrock of NCAR MICM and CAMP).
 *
 * Each cell keeps its own time, step size, accept/reject decision, error norm and rejection counters:
 * every iteration each busy lane attempts one step with its own h, and its arithmetic is that of
 * as_ros_integrate, operation for operation, so every cell's result, carried step and statistics are
 * bit-identical to the one-cell solver's (tests/test_ros_lanes.c). A lane whose cell is done takes the
 * next cell of the call's queue (cells in index order), so the W lanes stay busy until the queue is
 * empty; only the last W - 1 cells of a call leave lanes idle. Which lane a cell runs in does not
 * change its result. No allocation in integrate; one object per thread. */
#ifndef AS_ROSENBROCK_LANES_H
#define AS_ROSENBROCK_LANES_H
#include "as_ode.h"

typedef struct AsRosLanes AsRosLanes;

/* lane statistics of integrate calls (accumulated by the caller if wanted) */
typedef struct {
  long iters;       /* vector iterations (each: one factorisation and the stage solves of W lanes) */
  long lane_iters;  /* lane-iterations that did a step attempt for a cell; efficiency = lane_iters / (W iters) */
  long fj_evals;    /* vector evaluations of f(y_n) and J(y_n) (W lanes each) */
  long failed;      /* lowest index of a cell that failed in the last call, -1 if none */
} AsRosLaneStats;

/* method: "ros3" or "rodas3", as as_ros_create */
AsStatus as_rosl_create(const AsOdeLanes *sys, const char *method, AsRosLanes **ros);
/* Integrate ncell cells from 0 to dt, each exactly as as_ros_integrate would: y[cell * n + i] (cell-major,
 * overwritten), par[cell * npar + p] the cell's parameters, h[cell] the first trial step (<= 0: cold)
 * and on return the step to carry, stats[cell] the cell's AsOdeStats (NULL: not wanted), lanes (NULL:
 * not wanted) the lane statistics of this call. Every cell is integrated even when one fails; the
 * error then names the lowest failing cell (lanes->failed). */
AsStatus as_rosl_integrate(AsRosLanes *ros, int ncell, double *y, const double *par, double dt, double rtol,
                           const double *atol, double *h, AsOdeStats *stats, AsRosLaneStats *lanes);
void as_rosl_destroy(AsRosLanes **ros);

#endif
