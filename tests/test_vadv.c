/* test_vadv.c — vertical PPM column kernel (solver/as_vadv.c).
 * Claims: (1) constant mixing ratio stays constant to 1e-13 in a divergent column flow when the
 * sweep starts from the air mass left by the horizontal sweeps, and the air mass returns to
 * rho_ref*V to 1e-13; (2) tracer mass changes only by the top flux (1e-13 relative);
 * (3) translation of a smooth Gaussian on stretched layers: observed order >= 1.8;
 * (4) a square wave: no new extrema, no negatives. */
#include "as_drydep.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static int constant_q(void)
{
  enum { NZ = 18 };
  double mair[NZ], air[NZ], mass[NZ], fz[NZ + 1], w[13 * (NZ + 4)];
  const double q0 = 37.5, dt = 1800.0;
  fz[0] = 0.0;
  for (int k = 1; k <= NZ; k++) fz[k] = 2e5 * sin(0.7 * k) + 1e5 * cos(1.3 * k); /* kg/s, Courant up to ~0.5 */
  double m0 = 0, worst_q = 0, worst_a = 0;
  for (int k = 0; k < NZ; k++) {
    mair[k] = 1.2 * exp(-k * 0.05) * 9e6 * 40.0 * pow(1.2, k); /* rho dz area */
    /* after the horizontal sweeps: mair + dt * (fz[k+1] - fz[k]) (total divergence zero) */
    air[k] = mair[k] + dt * (fz[k + 1] - fz[k]);
    mass[k] = q0 * air[k];
    m0 += mass[k];
  }
  int nsub = as_vadv_substeps(NZ, air, fz, dt, 0.3);
  double tin, tout;
  double net = as_vadv_column(NZ, mass, air, fz, q0, dt, nsub, w, &tin, &tout);
  double m1 = 0;
  for (int k = 0; k < NZ; k++) {
    worst_q = fmax(worst_q, fabs(mass[k] / air[k] - q0) / q0);
    worst_a = fmax(worst_a, fabs(air[k] - mair[k]) / mair[k]);
    m1 += mass[k];
  }
  double budget = fabs(m1 - (m0 - net)) / m0;
  printf("vadv: divergent column, %d sub-steps: max |q/q0 - 1| %.3e, max |A/mair - 1| %.3e, "
         "mass budget error %.3e (tol 1e-13)\n", nsub, worst_q, worst_a, budget);
  return !(worst_q <= 1e-13 && worst_a <= 1e-13 && budget <= 1e-13 && nsub >= 2);
}

/* downward translation by a uniform mass flux F: q(xi, t) = q0(xi + F t), xi = air mass below */
static double gauss_avg(double a, double b, double c, double s) /* mean of exp(-(x-c)^2/2s^2) */
{
  double r = sqrt(2.0) * s;
  return 0.5 * sqrt(M_PI) * r * (erf((b - c) / r) - erf((a - c) / r)) / (b - a);
}

static double translate(int nz, int square, double *qmin, double *qmax)
{
  double *air = calloc(nz, sizeof(double)), *mass = calloc(nz, sizeof(double));
  double *fz = calloc(nz + 1, sizeof(double)), *xi = calloc(nz + 1, sizeof(double));
  double *w = calloc(13 * (nz + 4), sizeof(double));
  /* stretched layers (ratio r), total air mass 1 */
  double r = pow(4.0, 1.0 / nz), tot = 0;
  xi[0] = 0;
  for (int k = 0; k < nz; k++) { air[k] = pow(r, k); tot += air[k]; }
  for (int k = 0; k < nz; k++) { air[k] /= tot; xi[k + 1] = xi[k] + air[k]; }
  const double c = 0.65, s = 0.06, F = 1.0, T = 0.25; /* moves the profile from 0.65 to 0.40 */
  for (int k = 0; k < nz; k++) {
    if (square) mass[k] = air[k] * ((xi[k] >= 0.55 && xi[k + 1] <= 0.75) ? 1.0 : 0.0);
    else mass[k] = air[k] * gauss_avg(xi[k], xi[k + 1], c, s);
  }
  fz[0] = 0;
  for (int k = 1; k <= nz; k++) fz[k] = -F;
  int nsub = as_vadv_substeps(nz, air, fz, T, 0.5);
  double tin, tout;
  as_vadv_column(nz, mass, air, fz, 0.0, T, nsub, w, &tin, &tout);
  double err = 0, norm = 0;
  *qmin = 1e300;
  *qmax = -1e300;
  for (int k = 0; k < nz; k++) {
    double q = mass[k] / air[k];
    *qmin = fmin(*qmin, q);
    *qmax = fmax(*qmax, q);
    if (xi[k] > 0.1) { /* away from the bottom cell, where the flow converges */
      double ex = gauss_avg(xi[k], xi[k + 1], c - F * T, s);
      err += fabs(q - ex) * (xi[k + 1] - xi[k]);
      norm += fabs(ex) * (xi[k + 1] - xi[k]);
    }
  }
  free(air); free(mass); free(fz); free(xi); free(w);
  return err / norm;
}

int main(void)
{
  int fail = constant_q();
  int n[3] = {50, 100, 200};
  double e[3], lo, hi;
  for (int i = 0; i < 3; i++) e[i] = translate(n[i], 0, &lo, &hi);
  double o1 = log2(e[0] / e[1]), o2 = log2(e[1] / e[2]);
  printf("vadv: Gaussian on stretched layers (ratio 4 top/bottom), L1 errors %.3e %.3e %.3e for "
         "%d/%d/%d layers, observed orders %.2f %.2f (need >= 1.8)\n", e[0], e[1], e[2], n[0],
         n[1], n[2], o1, o2);
  fail |= !(o1 >= 1.8 && o2 >= 1.8);
  translate(100, 1, &lo, &hi);
  printf("vadv: square wave (0/1) on 100 stretched layers: min %.3e max %.15f (need >= 0, <= 1)\n",
         lo, hi);
  fail |= !(lo >= 0.0 && hi <= 1.0 + 1e-14);
  printf("test_vadv: %s\n", fail ? "FAIL" : "ok");
  return fail;
}
