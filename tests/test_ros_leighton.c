/* test_ros_leighton.c — NO–NO2–O3 photostationary state (Leighton 1961; Seinfeld & Pandis 2016,
 * sec. 6.2):  NO2 + hv -> NO + O(3P);  O(3P) + O2 (+M) -> O3 (folded: instantaneous);
 *             O3 + NO -> NO2 + O2,   j = 8e-3 s-1, k = 1.8e-14 cm3 s-1 (298 K).
 * Claims, for ROS3, RODAS3 and CVODE (dense and KLU linear solvers), after 1 h in 12 calls of 300 s (as the model calls chemistry):
 *   Leighton ratio j[NO2]/(k[NO][O3]) = 1 within 0.5 %; NO + NO2 conserved to 1e-10 relative
 *   after every call. Initial state (298 K, 1 atm, M = 2.46e19 cm-3): NO 10 ppb, NO2 30 ppb,
 *   O3 20 ppb — far from steady state on purpose. */
#include "as_cvode.h"
#include "as_rosenbrock.h"
#include <math.h>
#include <stdio.h>

typedef struct { double j, k; } Rates;
static const int pss_rp[4] = {0, 3, 6, 9};
static const int pss_ci[9] = {0, 1, 2, 0, 1, 2, 0, 1, 2};

static void pss_fun(void *ctx, const double *y, double *f) /* y: NO, NO2, O3 */
{
  const Rates *r = ctx;
  const double net = r->j * y[1] - r->k * y[0] * y[2]; /* NO2 photolysis minus titration */
  f[0] = net;
  f[1] = -net;
  f[2] = net;
}

static void pss_jac(void *ctx, const double *y, double *J)
{
  const Rates *r = ctx;
  const double a = -r->k * y[2], b = r->j, c = -r->k * y[0];
  J[0] = a, J[1] = b, J[2] = c;
  J[3] = -a, J[4] = -b, J[5] = -c;
  J[6] = a, J[7] = b, J[8] = c;
}

int main(void)
{
  const AsOdeSystem sys = {3, 9, pss_rp, pss_ci, pss_fun, pss_jac};
  Rates rates = {8e-3, 1.8e-14};
  const double ppb = 2.46e19 * 1e-9;
  const double atol[3] = {1e3, 1e3, 1e3}; /* molecules cm-3 (~4e-8 ppb) */
  int fail = 0;
  for (int solver = 0; solver < 4; solver++) {
    const char *name = solver == 0 ? "ros3" : solver == 1 ? "rodas3" : solver == 2 ? "cvode-dense" : "cvode-klu";
    AsRos *ros = NULL;
    AsCvode *cv = NULL;
    AsStatus s = solver < 2 ? as_ros_create(&sys, name, &ros) : as_cvode_create(&sys, solver == 2 ? "dense" : "klu", &cv);
    if (s != AS_OK) return fprintf(stderr, "%s\n", as_error_message()), 1;
    double y[3] = {10 * ppb, 30 * ppb, 20 * ppb}, h = 0.0;
    const double n0 = y[0] + y[1];
    double worst_n = 0.0;
    long steps = 0;
    for (int call = 0; call < 12; call++) {
      AsOdeStats st;
      const double before = y[0] + y[1];
      s = solver < 2 ? as_ros_integrate(ros, &rates, y, 300.0, 1e-4, atol, &h, &st)
                     : as_cvode_integrate(cv, &rates, y, 300.0, 1e-8, atol, NULL, &st);
      if (s != AS_OK) return fprintf(stderr, "%s\n", as_error_message()), 1;
      steps += st.steps;
      worst_n = fmax(worst_n, fabs(y[0] + y[1] - before) / before);
    }
    const double ratio = rates.j * y[1] / (rates.k * y[0] * y[2]);
    printf("%-11s after 1 h: NO %.3f NO2 %.3f O3 %.3f ppb; Leighton ratio %.6f (|r-1| %.2e, limit 5e-3); "
           "NOx drift per call max %.2e, total %.2e (limit 1e-10); %ld steps\n",
           name, y[0] / ppb, y[1] / ppb, y[2] / ppb, ratio, fabs(ratio - 1), worst_n,
           fabs(y[0] + y[1] - n0) / n0, steps);
    fail |= !(fabs(ratio - 1) < 5e-3) || !(worst_n < 1e-10) || !(fabs(y[0] + y[1] - n0) / n0 < 1e-10);
    as_ros_destroy(&ros);
    as_cvode_destroy(&cv);
  }
  printf("%s\n", fail ? "FAIL" : "PASS");
  return fail;
}
