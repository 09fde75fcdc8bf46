/* test_ros_threads.c — one solver object per OpenMP thread, cells spread over threads: the result
 * of every cell is bit-identical with 1 and 2 threads (each cell's integration is independent and
 * deterministic), for ROS3 and CVODE with the dense and the KLU linear solver (KLU analyses and
 * factors afresh in every call, so its pivot order cannot depend on the cells a thread did before). 256 NO-NO2-O3 cells with different photolysis rates. */
#include "as_cvode.h"
#include "as_rosenbrock.h"
#include <omp.h>
#include <stdio.h>
#include <string.h>

#define NCELL 256
typedef struct { double j, k; } Rates;
static const int rp[4] = {0, 3, 6, 9};
static const int ci[9] = {0, 1, 2, 0, 1, 2, 0, 1, 2};
static void fun(void *ctx, const double *y, double *f)
{
  const Rates *r = ctx;
  const double net = r->j * y[1] - r->k * y[0] * y[2];
  f[0] = net, f[1] = -net, f[2] = net;
}
static void jac(void *ctx, const double *y, double *J)
{
  const Rates *r = ctx;
  const double a = -r->k * y[2], b = r->j, c = -r->k * y[0];
  J[0] = a, J[1] = b, J[2] = c, J[3] = -a, J[4] = -b, J[5] = -c, J[6] = a, J[7] = b, J[8] = c;
}

static int run(int nthreads, int solver, double (*y)[3]) /* 0 ros3, 1 cvode dense, 2 cvode klu */
{
  const AsOdeSystem sys = {3, 9, rp, ci, fun, jac};
  const double atol[3] = {1e3, 1e3, 1e3};
  int bad = 0;
#pragma omp parallel num_threads(nthreads) reduction(| : bad)
  {
    AsRos *ros = NULL;
    AsCvode *cv = NULL;
    AsStatus s = solver ? as_cvode_create(&sys, solver == 1 ? "dense" : "klu", &cv) : as_ros_create(&sys, "ros3", &ros);
    bad |= s != AS_OK;
#pragma omp for schedule(dynamic, 4)
    for (int c = 0; c < NCELL; c++) {
      Rates r = {1e-3 + 1e-4 * c, 1.8e-14};
      double h = 0.0;
      y[c][0] = 2.46e11, y[c][1] = 7.38e11 + 1e9 * c, y[c][2] = 4.92e11;
      for (int call = 0; call < 6 && s == AS_OK; call++)
        s = solver ? as_cvode_integrate(cv, &r, y[c], 300.0, 1e-6, atol, NULL, NULL)
                      : as_ros_integrate(ros, &r, y[c], 300.0, 1e-4, atol, &h, NULL);
      bad |= s != AS_OK;
    }
    as_ros_destroy(&ros);
    as_cvode_destroy(&cv);
  }
  return bad;
}

int main(void)
{
  static double y1[NCELL][3], y2[NCELL][3];
  int fail = 0;
  static const char *name[3] = {"ros3", "cvode-dense", "cvode-klu"};
  for (int solver = 0; solver < 3; solver++) {
    if (run(1, solver, y1) || run(2, solver, y2)) return fprintf(stderr, "%s\n", as_error_message()), 1;
    const int same = memcmp(y1, y2, sizeof y1) == 0;
    printf("%-11s %d cells, 1 vs 2 threads: %s\n", name[solver], NCELL,
           same ? "bit-identical" : "DIFFERENT");
    fail |= !same;
  }
  printf("%s\n", fail ? "FAIL" : "PASS");
  return fail;
}
