/* as_rosenbrock_impl.h — what the one-cell Rosenbrock solver (as_rosenbrock.c) and the multi-cell one
 * (as_rosenbrock_lanes.c) share, so that both run the same method with the same controller: the
 * coefficient tables, the step-size controller's constants and the cold-start step. Not part of
 * the public interface. */
#ifndef AS_ROSENBROCK_IMPL_H
#define AS_ROSENBROCK_IMPL_H
#include "as_rosenbrock.h"

#define AS_ROS_MAXS 4
#define AS_ROS_MAXSTEPS 200000
/* First trial step of a cold call (*h <= 0), as a fraction of the interval. Until 2026-11-25 it was
 * 1e-6 (grown by at most 6x per step: 8-9 steps before the step reached the chemistry's own scale,
 * 15.1 steps per 300 s cell-step at rtol 3e-3 in bench_chem_model against 5.9 warm). A too-large
 * trial is cheap to reject here: f and J at t = 0 are kept, a rejection costs one LU, one f and the
 * stage solves, and the controller cuts by 0.2 (0.1 after two rejections). Measured on the 200 cells
 * of bench_chem_model (docs/science-ros-speed.md): H0/dt = 1, 0.3, 0.1, 0.03, 0.01, 1e-6 give 6.1,
 * 6.8, 7.9, 8.8, 9.4, 15.1 steps at rtol 3e-3; for H0/dt = 0.1 and 0.01 the worst error at every rtol
 * from 1e-1 to 1e-5 stays within 3 % of the warm call's, while H0 = dt doubles it at rtol 1e-2 (6.3e-2
 * vs 3.2e-2): a first step over the whole interval is accepted through the evening NO titration with
 * the filtered estimate below its true error. For comparison, CMAQ's ROS3 (rbsolver.F) starts every
 * call at 0.05 min (0.01 of a 5 min step), KPP's Rosenbrock at Hstart = 1e-5 s unless given one.
 * The Hairer-Wanner starting-step estimate (||y||/||f|| with a second f evaluation) gives 2e-6-4e-2 s
 * (geometric mean 1.5e-4 s) on those cells: the off-steady-state radicals set it, not the step the
 * L-stable method can take. */
#define AS_ROS_COLD_H0 0.1

typedef struct {
  const char *name;
  int s;                          /* stages */
  double a[6], c[6];              /* strictly lower triangular, row-wise: (2,1),(3,1),(3,2),(4,1).. */
  double m[AS_ROS_MAXS], e[AS_ROS_MAXS];
  int newf[AS_ROS_MAXS];
  double gamma, elo;              /* diagonal gamma; estimator order (min order + 1) */
  int filter;                     /* default: error estimate filtered by M^-1 (see the top) */
} AsRosMethod;

/* step-size controller (KPP's FacMin, FacMax, FacSafe, FacRej):
 * H_new = H * min(FACMAX, max(FACMIN, FACSAFE * E^(-1/elo))); after two rejections H *= FACREJ */
#define AS_ROS_FACMIN 0.2
#define AS_ROS_FACMAX 6.0
#define AS_ROS_FACSAFE 0.9
#define AS_ROS_FACREJ 0.1

/* the method called name ("ros3", "rodas3"), NULL if there is none */
const AsRosMethod *as_ros_method(const char *name);

#endif
