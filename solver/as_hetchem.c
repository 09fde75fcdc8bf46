/* as_hetchem.c — heterogeneous rate constants on the fine aerosol (as_hetchem.h; sources in
 * docs/science-hetchem.md). */
#include "as_hetchem.h"
#include <math.h>
#include <string.h>

static const char *const het_names[AS_HET_COUNT] = {"N2O5"};

int as_het_kind(const char *name)
{
  for (int i = 0; i < AS_HET_COUNT; i++)
    if (!strcmp(name, het_names[i])) return i;
  return -1;
}

const char *as_het_name(int kind) { return (kind >= 0 && kind < AS_HET_COUNT) ? het_names[kind] : "?"; }

double as_het_sauter(double d_vm, double sigma_g)
{
  double l = log(sigma_g);
  return d_vm * exp(-0.5 * l * l);
}

/* Bertram and Thornton (2009) eq. 12 with [Cl-] = 0, constants as in CAMx v7.20 KHETERO:
 *   gamma = A k2f' (1 - 1/(1 + r1)),  r1 = (k3/k2b) [H2O]/[NO3-]
 *   k2f'  = beta (1 - exp(-delta [H2O])), [H2O] = 55 M (dilute aqueous phase, as CAMx)
 * A = 3.2e-8 s, beta = 1.15e6 s-1, delta = 0.13 M-1, k3/k2b = 0.06. Written as A k2f' r1/(1 + r1) with
 * r1 scaled by n_nitrate so that no nitrate gives the full A k2f'. */
#define BT_A 3.2e-8
#define BT_BETA 1.15e6
#define BT_DELTA 0.13
#define BT_K3K2B 0.06
#define BT_H2O_MOLAR 55.0

double as_het_gamma_n2o5(double n_water, double n_nitrate)
{
  const double k2f = BT_BETA * (1.0 - exp(-BT_DELTA * BT_H2O_MOLAR));
  double w = BT_K3K2B * (n_water > 0 ? n_water : 0.0), no3 = n_nitrate > 0 ? n_nitrate : 0.0;
  if (!(w > 0)) return 0.0;
  return BT_A * k2f * w / (w + no3);
}

#define HET_R 8.314462618       /* J mol-1 K-1 (CODATA 2018) */
#define HET_M_N2O5 0.108010     /* kg mol-1 (2 x 14.007 + 5 x 15.999) */
#define HET_DG_N2O5 65.0        /* Torr cm2 s-1 at 296 K (CAMx v7.20, after Tang et al. 2014) */
#define HET_KMAX (1.0 / 600.0)  /* s-1, CAMx: shortest N2O5 lifetime 10 min */

double as_het_k_n2o5(const AsHetAerosol *a, double T, double p)
{
  if (!(a->vdry > 0) || !(a->vwater > 0) || !(a->dvs_dry > 0)) return 0.0;
  double gamma = as_het_gamma_n2o5(a->n_water, a->n_nitrate);
  if (!(gamma > 0)) return 0.0;
  double vwet = a->vdry + a->vwater;
  double dwet = a->dvs_dry * cbrt(vwet / a->vdry);  /* same number of particles, grown by water */
  double S = 6.0 * vwet / dwet;                       /* m2 m-3: surface of the mode = 6 V / d_vs */
  double cbar = sqrt(8.0 * HET_R * T / (M_PI * HET_M_N2O5));           /* m s-1 */
  double Dg = HET_DG_N2O5 / 7.6e6 * (101325.0 / p) * pow(T / 296.0, 1.75); /* Torr cm2 s-1 -> m2 s-1 */
  double k = S / (0.5 * dwet / Dg + 4.0 / (cbar * gamma));
  return k < HET_KMAX ? k : HET_KMAX;
}
