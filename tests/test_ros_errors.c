/* test_ros_errors.c — failures become ONE-line messages and a non-zero status, never a crash:
 * an unknown Rosenbrock method name, an unknown CVODE linear solver name, a pattern without its
 * diagonal, a right-hand side that returns NaN (Rosenbrock, CVODE dense and KLU), and a negative dt. Also: a warm start (carrying *h from
 * the previous call) needs fewer steps than a cold start on the same 300 s interval. */
#include "as_cvode.h"
#include "as_rosenbrock.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

static const int rp[3] = {0, 2, 4};
static const int ci[4] = {0, 1, 0, 1};
static const int rp_nodiag[3] = {0, 2, 3};
static const int ci_nodiag[3] = {0, 1, 0}; /* row 1 lacks (1,1) */
static void f_ok(void *ctx, const double *y, double *f)
{
  (void)ctx;
  f[0] = -50.0 * y[0] + 0.01 * y[1];
  f[1] = 50.0 * y[0] - 0.01 * y[1];
}
static void j_ok(void *ctx, const double *y, double *j)
{
  (void)ctx, (void)y;
  j[0] = -50.0, j[1] = 0.01, j[2] = 50.0, j[3] = -0.01;
}
static void f_nan(void *ctx, const double *y, double *f)
{
  (void)ctx, (void)y;
  f[0] = f[1] = NAN;
}

static int expect_fail(const char *what, AsStatus s)
{
  const char *m = as_error_message();
  const int ok = s != AS_OK && m[0] && !strchr(m, '\n');
  printf("%-28s status %d, message: %s -> %s\n", what, (int)s, m, ok ? "ok" : "WRONG");
  as_error_clear();
  return !ok;
}

int main(void)
{
  int fail = 0;
  AsOdeSystem sys = {2, 4, rp, ci, f_ok, j_ok};
  AsRos *ros = NULL;
  AsCvode *cv = NULL;
  fail |= expect_fail("unknown method", as_ros_create(&sys, "ros99", &ros));
  AsOdeSystem bad = sys;
  bad.row_ptr = rp_nodiag, bad.col_idx = ci_nodiag, bad.nnz = 3;
  fail |= expect_fail("pattern without diagonal", as_ros_create(&bad, "ros3", &ros));
  fail |= ros != NULL;
  const double atol[2] = {1e-10, 1e-10};
  double y[2] = {1.0, 0.0}, h = 0.0;
  if (as_ros_create(&sys, "ros3", &ros) != AS_OK) return 1;
  fail |= expect_fail("negative dt", as_ros_integrate(ros, NULL, y, -1.0, 1e-4, atol, &h, NULL));
  /* warm start */
  AsOdeStats cold, warm;
  if (as_ros_integrate(ros, NULL, y, 300.0, 1e-4, atol, &h, &cold) != AS_OK) return 1;
  if (as_ros_integrate(ros, NULL, y, 300.0, 1e-4, atol, &h, &warm) != AS_OK) return 1;
  printf("cold start %ld steps, warm start %ld steps (h carried %.3g s)\n", cold.steps, warm.steps, h);
  fail |= !(warm.steps < cold.steps);
  as_ros_destroy(&ros);
  sys.fun = f_nan;
  double y2[2] = {1.0, 0.0};
  h = 0.0;
  if (as_ros_create(&sys, "rodas3", &ros) != AS_OK) return 1;
  fail |= expect_fail("rosenbrock NaN rhs", as_ros_integrate(ros, NULL, y2, 300.0, 1e-4, atol, &h, NULL));
  fail |= expect_fail("unknown linear solver", as_cvode_create(&sys, "lapack", &cv));
  fail |= cv != NULL;
  static const char *ls[2] = {"dense", "klu"};
  for (int l = 0; l < 2; l++) {
    if (as_cvode_create(&sys, ls[l], &cv) != AS_OK) return fprintf(stderr, "%s\n", as_error_message()), 1;
    double y3[2] = {1.0, 0.0};
    fail |= expect_fail(l ? "cvode-klu NaN rhs" : "cvode-dense NaN rhs",
                        as_cvode_integrate(cv, NULL, y3, 300.0, 1e-4, atol, NULL, NULL));
    as_cvode_destroy(&cv);
  }
  as_ros_destroy(&ros);
  as_ros_destroy(&ros); /* NULL-safe */
  fail |= ros != NULL || cv != NULL;
  printf("%s\n", fail ? "FAIL" : "PASS");
  return fail;
}
