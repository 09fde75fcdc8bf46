/* test_adv_const.c — claim: a constant mixing ratio stays constant (Easter 1993 mass-consistent
 * splitting), with non-uniform air mass (rho and cell area vary across the grid).
 *   divfree:  non-uniform divergence-free air-mass fluxes (stream function), open boundaries
 *             carrying the same mixing ratio, 300 steps alternating x-y / y-x:
 *             max |c V / mair - q0| / q0 <= 1e-13 after every step.
 *   contract: horizontally divergent fluxes (as in a 3-D flow whose vertical part the vertical
 *             advection handles), 2 layers, dt large enough to need sub-steps. With
 *             H = sum(flux in - flux out): reverse = 0 starts from mair and must end at
 *             A* = mair + dt H; reverse = 1 starts from mair - dt H and must end at mair (the
 *             as_vadv contract, solver/as_ppm.h). The mixing ratio c V / A formed with those
 *             air masses is q0 to 1e-13.
 * Usage: test_adv_const divfree|contract
 */
#include "adv_harness.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double psi_eddies(double x, double y, void *ctx)
{
  (void)ctx;
  return 0.5 * y + 0.3 * x + 0.2 * sin(2.3 * x + 0.4) * cos(3.1 * y) + 0.1 * x * y;
}

int main(int argc, char **argv)
{
  int contract = argc > 1 && !strcmp(argv[1], "contract");
  const int nx = 36, ny = 30, nz = contract ? 2 : 1;
  const double q0 = 3.7; /* ug kg-1 */
  AdvCase *ac;
  if (adv_case_create(nx, ny, nz, 2, 1.0 / nx, 1.0 / ny, 1.0, 1.0, 0, 0.9, &ac) != AS_OK) {
    fprintf(stderr, "%s\n", as_error_message());
    return 1;
  }
  for (int k = 0; k < nz; k++)
    for (int j = 0; j < ny; j++)
      for (int i = 0; i < nx; i++) {
        long c = ((long)k * ny + j) * nx + i;
        double x = (i + 0.5) / nx, y = (j + 0.5) / ny;
        double mf = 1.0 + 0.08 * sin(3.0 * x + 1.0) * cos(2.0 * y);   /* "map factor" */
        double rho = (1.2 - 0.1 * k) * (1.0 + 0.05 * cos(4.0 * x * y)); /* kg m-3 */
        ac->volume[c] = (1.0 / nx) * (1.0 / ny) * 1.0 / (mf * mf);
        ac->mair[c] = rho * ac->volume[c];
        for (int s = 0; s < 2; s++) ac->c[(size_t)s * ac->ncell + c] = q0 * ac->mair[c] / ac->volume[c];
      }
  /* inflow values: the same mixing ratio in the edge cells' air */
  for (int k = 0; k < nz; k++) {
    for (int j = 0; j < ny; j++) {
      long cw = ((long)k * ny + j) * nx, ce = cw + nx - 1;
      ac->side[0][k * ny + j] = q0 * ac->mair[cw] / ac->volume[cw];
      ac->side[1][k * ny + j] = q0 * ac->mair[ce] / ac->volume[ce];
    }
    for (int i = 0; i < nx; i++) {
      long cs = (long)k * ny * nx + i, cn = cs + (long)(ny - 1) * nx;
      ac->side[2][k * nx + i] = q0 * ac->mair[cs] / ac->volume[cs];
      ac->side[3][k * nx + i] = q0 * ac->mair[cn] / ac->volume[cn];
    }
  }
  double worst = 0.0;
  if (!contract) {
    adv_case_stream(ac, 1.0, psi_eddies, NULL);
    const double dt = 0.02;
    for (int t = 0; t < 300; t++) {
      if (adv_case_step(ac, dt, t % 2) != AS_OK) {
        fprintf(stderr, "%s\n", as_error_message());
        return 1;
      }
      for (int s = 0; s < 2; s++)
        for (long c = 0; c < ac->ncell; c++)
          worst = fmax(worst, fabs(ac->c[(size_t)s * ac->ncell + c] * ac->volume[c] / ac->mair[c] - q0) / q0);
    }
    printf("divergence-free non-uniform flow, 300 steps, max outflow Courant %.3f: "
           "max |q - q0|/q0 = %.3e\n", as_ppm_courant_max_seen(ac->ppm), worst);
  } else {
    /* divergent fluxes, kg s-1: smooth, both signs */
    for (int k = 0; k < nz; k++) {
      for (int j = 0; j < ny; j++)
        for (int i = 0; i <= nx; i++)
          ac->fx[((long)k * ny + j) * (nx + 1) + i] =
              (0.02 + 0.015 * sin(0.4 * i + 0.3 * j + k)) / ny * (1.2 - 0.1 * k);
      for (int j = 0; j <= ny; j++)
        for (int i = 0; i < nx; i++)
          ac->fy[((long)k * (ny + 1) + j) * nx + i] =
              (-0.01 + 0.02 * cos(0.25 * j - 0.5 * i + k)) / nx * (1.2 - 0.1 * k);
    }
    for (int rev = 0; rev < 2; rev++) {
      double *c0 = malloc(sizeof(double) * 2 * ac->ncell);
      memcpy(c0, ac->c, sizeof(double) * 2 * ac->ncell);
      const double dt = 2.0;
      /* H per cell */
      double *hconv = malloc(sizeof(double) * ac->ncell);
      for (int k = 0; k < nz; k++)
        for (int j = 0; j < ny; j++)
          for (int i = 0; i < nx; i++) {
            const double *fx = ac->fx + ((long)k * ny + j) * (nx + 1);
            const double *fy = ac->fy + (long)k * (ny + 1) * nx;
            hconv[((long)k * ny + j) * nx + i] =
                fx[i] - fx[i + 1] + fy[(long)j * nx + i] - fy[(long)(j + 1) * nx + i];
          }
      if (rev) /* entry state of the second half: q0 in the air mass mair - dt H */
        for (int s = 0; s < 2; s++)
          for (long c = 0; c < ac->ncell; c++)
            ac->c[(size_t)s * ac->ncell + c] = q0 * (ac->mair[c] - dt * hconv[c]) / ac->volume[c];
      if (as_ppm_apply(ac->ppm, &ac->in, ac->c, dt, rev) != AS_OK) {
        fprintf(stderr, "%s\n", as_error_message());
        return 1;
      }
      double w = 0.0;
      for (long c = 0; c < ac->ncell; c++) {
        double aexit = rev ? ac->mair[c] : ac->mair[c] + dt * hconv[c];
        for (int s = 0; s < 2; s++)
          w = fmax(w, fabs(ac->c[(size_t)s * ac->ncell + c] * ac->volume[c] / aexit - q0) / q0);
      }
      free(hconv);
      printf("divergent fluxes, %s, one apply of dt = %g: sub-steps per layer %d, %d; "
             "max |c V / A_exit - q0|/q0 = %.3e\n", rev ? "reverse, y then x" : "x then y", dt,
             as_ppm_substeps(ac->ppm, 0), as_ppm_substeps(ac->ppm, 1), w);
      worst = fmax(worst, w);
      memcpy(ac->c, c0, sizeof(double) * 2 * ac->ncell);
      free(c0);
    }
  }
  int ok = worst <= 1e-13;
  printf("%s: constant mixing ratio kept to %.3e (<= 1e-13)\n", ok ? "PASS" : "FAIL", worst);
  adv_case_destroy(&ac);
  return !ok;
}
