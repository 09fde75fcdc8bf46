/* test_ros_order.c — observed convergence order of ROS3 and RODAS3 (both order 3; Sandu et al.
 * 1997) with fixed steps on a smooth linear problem with a known solution:
 *   y0' = -y0,  y1' = y0 - 2 y1,  y(0) = (1, 0)  =>  y0 = e^-t,  y1 = e^-t - e^-2t,  t in [0, 2].
 * Claim: the error ratio between N and 2N steps gives an order within 3 +- 0.2 on the finest pair;
 * and with error control, the error at t = 2 decreases as rtol decreases (1e-3 .. 1e-7). */
#include "as_rosenbrock.h"
#include <math.h>
#include <stdio.h>

static const int lin_rp[3] = {0, 1, 3};
static const int lin_ci[3] = {0, 0, 1};
static void lin_fun(void *ctx, const double *y, double *f)
{
  (void)ctx;
  f[0] = -y[0];
  f[1] = y[0] - 2.0 * y[1];
}
static void lin_jac(void *ctx, const double *y, double *j)
{
  (void)ctx, (void)y;
  j[0] = -1.0, j[1] = 1.0, j[2] = -2.0;
}

int main(void)
{
  const AsOdeSystem sys = {2, 3, lin_rp, lin_ci, lin_fun, lin_jac};
  const double T = 2.0, ex[2] = {exp(-T), exp(-T) - exp(-2 * T)};
  const char *methods[2] = {"ros3", "rodas3"};
  int fail = 0;
  for (int m = 0; m < 2; m++) {
    AsRos *ros = NULL;
    if (as_ros_create(&sys, methods[m], &ros) != AS_OK) return fprintf(stderr, "%s\n", as_error_message()), 1;
    double prev = 0.0, order = 0.0;
    printf("%s fixed steps:", methods[m]);
    for (int N = 10; N <= 160; N *= 2) {
      double y[2] = {1.0, 0.0};
      if (as_ros_integrate_fixed(ros, NULL, y, T, N, NULL) != AS_OK)
        return fprintf(stderr, "%s\n", as_error_message()), 1;
      const double e = fmax(fabs(y[0] - ex[0]), fabs(y[1] - ex[1]));
      if (prev > 0.0) order = log2(prev / e);
      printf(" N=%d err %.3e%s", N, e, prev > 0.0 ? "" : "");
      if (prev > 0.0) printf(" (order %.3f)", order);
      prev = e;
    }
    printf("\n%s observed order on the finest pair %.3f (expected 3 +- 0.2)\n", methods[m], order);
    fail |= !(fabs(order - 3.0) < 0.2);
    printf("%s adaptive:", methods[m]);
    double eprev = INFINITY;
    for (double rtol = 1e-3; rtol > 1e-8; rtol *= 0.1) {
      double y[2] = {1.0, 0.0}, h = 0.0, atol[2] = {1e-12, 1e-12};
      AsOdeStats st;
      if (as_ros_integrate(ros, NULL, y, T, rtol, atol, &h, &st) != AS_OK)
        return fprintf(stderr, "%s\n", as_error_message()), 1;
      const double e = fmax(fabs(y[0] - ex[0]), fabs(y[1] - ex[1]));
      printf(" rtol %.0e: err %.2e (%ld steps)", rtol, e, st.steps);
      fail |= !(e < eprev) || !(e < 10 * rtol);
      eprev = e;
    }
    printf("\n");
    as_ros_destroy(&ros);
  }
  printf("%s\n", fail ? "FAIL" : "PASS");
  return fail;
}
