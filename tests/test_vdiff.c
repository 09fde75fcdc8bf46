/* test_vdiff.c — implicit vertical diffusion column kernel (solver/as_vdiff.c).
 * Claims: (1) constant K, no deposition: column mass conserved to 1e-13 (relative) at every step
 * and the profile relaxes to a uniform mixing ratio; (2) with deposition the mass lost equals the
 * deposited mass returned by the kernel to 1e-12; (3) a Gaussian in uniform layers matches the
 * exact solution (with image sources for the closed ends), observed order >= 1.8 when dt ~ dz^2. */
#include "as_drydep.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define NZ 20

static double column_mass(int nz, const double *c, const double *dz)
{
  double m = 0;
  for (int k = 0; k < nz; k++) m += c[k] * dz[k];
  return m;
}

static int conservation_and_mixing(void)
{
  double dz[NZ], zf[NZ + 1], zm[NZ], rho[NZ], kz[NZ + 1], c[NZ], w[3 * NZ];
  zf[0] = 0;
  for (int k = 0; k < NZ; k++) {
    dz[k] = 20.0 * pow(1.25, k);
    zf[k + 1] = zf[k] + dz[k];
    zm[k] = 0.5 * (zf[k] + zf[k + 1]);
    rho[k] = 1.2 * exp(-zm[k] / 8000.0);
    c[k] = (k == 3) ? 100.0 : 1.0;
  }
  for (int k = 0; k <= NZ; k++) kz[k] = (k == 0 || k == NZ) ? 0.0 : 50.0;
  double m0 = column_mass(NZ, c, dz), drift = 0;
  for (int n = 0; n < 1000; n++) {
    as_vdiff_column(NZ, dz, zm, rho, kz, 0.0, 3600.0, c, w);
    drift = fmax(drift, fabs(column_mass(NZ, c, dz) - m0) / m0);
  }
  double qmin = 1e300, qmax = -1e300;
  for (int k = 0; k < NZ; k++) {
    qmin = fmin(qmin, c[k] / rho[k]);
    qmax = fmax(qmax, c[k] / rho[k]);
  }
  double spread = (qmax - qmin) / qmax;
  printf("vdiff: %d layers to %.0f m, K=50 m2/s, 1000 x 3600 s: max mass drift %.3e (tol 1e-13), "
         "mixing-ratio spread %.3e (tol 1e-6)\n", NZ, zf[NZ], drift, spread);
  int fail = !(drift <= 1e-13) || !(spread <= 1e-6);
  /* deposition */
  for (int k = 0; k < NZ; k++) c[k] = 50.0 * exp(-zm[k] / 300.0);
  double mprev = column_mass(NZ, c, dz), mstart = mprev, worst = 0, dep_total = 0;
  for (int n = 0; n < 200; n++) {
    double dep = as_vdiff_column(NZ, dz, zm, rho, kz, 0.01, 300.0, c, w);
    double mnow = column_mass(NZ, c, dz);
    worst = fmax(worst, fabs((mprev - mnow) - dep) / mstart);
    dep_total += dep;
    mprev = mnow;
  }
  double total_err = fabs((mstart - mprev) - dep_total) / mstart;
  printf("vdiff: vd=1 cm/s, 200 x 300 s: %.1f%% of the column deposited; |lost - deposited| per "
         "step max %.3e, total %.3e (tol 1e-12)\n", 100 * dep_total / mstart, worst, total_err);
  fail |= !(worst <= 1e-12) || !(total_err <= 1e-12) || !(dep_total > 0.05 * mstart);
  return fail;
}

/* Gaussian on [0, L] with closed ends: exact solution by images */
static double exact(double z, double z0, double s2, double L)
{
  double v = 0;
  for (int n = -3; n <= 3; n++) {
    double a = z - (z0 + 2 * n * L), b = z - (-z0 + 2 * n * L);
    v += exp(-a * a / (2 * s2)) + exp(-b * b / (2 * s2));
  }
  return v / sqrt(2 * M_PI * s2);
}

static double gaussian_error(int nz)
{
  const double L = 1000, K = 10, z0 = 500, s0 = 50, T = 1000;
  double *dz = malloc(sizeof(double) * nz), *zm = malloc(sizeof(double) * nz);
  double *rho = malloc(sizeof(double) * nz), *kz = malloc(sizeof(double) * (nz + 1));
  double *c = malloc(sizeof(double) * nz), *w = malloc(sizeof(double) * 3 * nz);
  double h = L / nz;
  for (int k = 0; k < nz; k++) {
    dz[k] = h;
    zm[k] = (k + 0.5) * h;
    rho[k] = 1.0;
    c[k] = exact(zm[k], z0, s0 * s0, L);
  }
  for (int k = 0; k <= nz; k++) kz[k] = (k == 0 || k == nz) ? 0.0 : K;
  int nt = (int)ceil(T / (0.5 * h * h / K));
  double dt = T / nt;
  for (int n = 0; n < nt; n++) as_vdiff_column(nz, dz, zm, rho, kz, 0.0, dt, c, w);
  double e2 = 0, r2 = 0;
  for (int k = 0; k < nz; k++) {
    double ex = exact(zm[k], z0, s0 * s0 + 2 * K * T, L);
    e2 += (c[k] - ex) * (c[k] - ex);
    r2 += ex * ex;
  }
  free(dz); free(zm); free(rho); free(kz); free(c); free(w);
  return sqrt(e2 / r2);
}

int main(void)
{
  int fail = conservation_and_mixing();
  double e[3];
  int n[3] = {50, 100, 200};
  for (int r = 0; r < 3; r++) e[r] = gaussian_error(n[r]);
  double o1 = log2(e[0] / e[1]), o2 = log2(e[1] / e[2]);
  printf("vdiff: Gaussian vs exact (dt ~ dz^2), relative L2 errors %.3e %.3e %.3e for %d/%d/%d "
         "layers, observed orders %.2f %.2f (need >= 1.8)\n", e[0], e[1], e[2], n[0], n[1], n[2],
         o1, o2);
  fail |= !(o1 >= 1.8 && o2 >= 1.8) || !(e[2] < 1e-3);
  printf("test_vdiff: %s\n", fail ? "FAIL" : "ok");
  return fail;
}
