/* as_thermo_act.c — mean activity coefficients: Kusik–Meissner binaries + Bromley mixing.
 *
 * Binary (Kusik & Meissner 1978, AIChE Symp. Ser. 173:14), ionic strength I (mol kg-1):
 *   log10 g0_12 = z1 z2 log10 G,  G = [1 + B (1 + 0.1 I)^q - B] G*,
 *   log10 G* = -0.5107 sqrt(I) / (1 + C sqrt(I)),  B = 0.75 - 0.065 q,
 *   C = 1 + 0.055 q exp(-0.023 I^3)  (C = 1 for I >= 6, as ISORROPIA's MKBI)
 * Temperature (ISORROPIA II KMFUL, from Meissner's T correction), t = T - 273:
 *   log10 g0(T) = (1.125 - 0.005 t) log10 g0(298) - (0.125 - 0.005 t) z1z2 (0.039 I^0.92 - 0.41 sqrt(I)/(1 + sqrt(I)))
 *   (the identity at t = 25).
 * Mixture (Bromley 1973, AIChE J. 19:313), cations i, anions j, A = 0.511 (298/T)^1.5:
 *   log10 g_ij = -A z_i z_j sqrt(I)/(1+sqrt(I)) + z_i z_j/(z_i+z_j) (F_i/z_i + F_j/z_j)
 *   F_i = sum_j Y_ji log10 g0_ij + A sqrt(I)/(1+sqrt(I)) sum_j z_i z_j Y_ji,  Y_ji = ((z_i+z_j)/2)^2 m_j / I
 *   (F_j likewise over cations). NH4HSO4's binary is NH4Cl + HHSO4 - HCl (ISORROPIA's KMFUL),
 *   letovicite's mean is g_LC^5 = g_AS^3 g_AB^2 (ISORROPIA's CALCACT).
 * q values: ISORROPIA II KMFUL (docs/science-aerosol-thermo.md, table "activity"). Above I = 100
 * mol kg-1 (supersaturated solutions far beyond the KM data) the coefficients are evaluated at the
 * same ionic fractions scaled to I = 100, which keeps the Bromley weights summing to one and removes
 * the feedback of I on g that otherwise has no fixed point there; log10 g is capped at +-11.
 * (ISORROPIA caps I at 500 for the binaries and the weights, and log10 g at +-11.) */
#include "as_thermo_impl.h"
#include <math.h>

#define AS_IONIC_MAX 100.0

/* log10 of z1z2-scaled Kusik–Meissner binary at I (ISORROPIA's MKBI); l1 = ln(1 + 0.1 I),
 * e3 = exp(-0.023 I^3) for I < 6, else 0 (C = 1), shared by all pairs:
 * (1 + 0.1 I)^q = exp(q l1), the same number as pow() to a few ulp */
static double as_km(double q, double zz, double l1, double e3, double sion)
{
  const double b = 0.75 - 0.065 * q;
  const double c = 1.0 + 0.055 * q * e3;
  const double g = 1.0 + b * exp(q * l1) - b;
  return zz * (log10(g) - 0.5107 * sion / (1.0 + c * sion));
}

void as_thermo_activity(const AsThermoEnv *e, double m_h, double m_nh4, double m_so4,
                        double m_hso4, double m_no3, double *ionic_out, double lg[AS_TP_N])
{
  const double ionic_true = 0.5 * (m_h + m_nh4 + 4.0 * m_so4 + m_hso4 + m_no3);
  *ionic_out = ionic_true;
  if (!(ionic_true > 1e-12)) {
    for (int k = 0; k < AS_TP_N; k++) lg[k] = 0.0;
    return;
  }
  /* above AS_IONIC_MAX the coefficients are those of the same ionic fractions at I = AS_IONIC_MAX */
  const double scale = ionic_true > AS_IONIC_MAX ? AS_IONIC_MAX / ionic_true : 1.0;
  const double ionic = ionic_true * scale;
  m_h *= scale, m_nh4 *= scale, m_so4 *= scale, m_hso4 *= scale, m_no3 *= scale;
  const double sion = sqrt(ionic), l1 = log1p(0.1 * ionic);
  const double e3 = ionic < 6.0 ? exp(-0.023 * ionic * ionic * ionic) : 0.0;
  /* binaries g0[cation][anion]; cations H, NH4 (z = 1); anions SO4 (2), HSO4 (1), NO3 (1) */
  double g0[2][3];
  g0[0][0] = as_km(-0.10, 2.0, l1, e3, sion); /* H2SO4 */
  g0[0][1] = as_km(8.00, 1.0, l1, e3, sion);  /* H-HSO4 */
  g0[0][2] = as_km(2.60, 1.0, l1, e3, sion);  /* HNO3 */
  g0[1][0] = as_km(-0.25, 2.0, l1, e3, sion); /* (NH4)2SO4 */
  g0[1][2] = as_km(-1.15, 1.0, l1, e3, sion); /* NH4NO3 */
  double g_nh4cl = as_km(0.82, 1.0, l1, e3, sion), g_hcl = as_km(6.00, 1.0, l1, e3, sion);
  const double cf1 = e->km_cf1;
  const double cf2 = e->km_cf2 * (0.039 * exp(0.92 * log(ionic)) - 0.41 * sion / (1.0 + sion));
  static const double zz[3] = {2.0, 1.0, 1.0};
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 3; j++)
      if (!(i == 1 && j == 1)) g0[i][j] = cf1 * g0[i][j] - cf2 * zz[j];
  g_nh4cl = cf1 * g_nh4cl - cf2;
  g_hcl = cf1 * g_hcl - cf2;
  g0[1][1] = g_nh4cl + g0[0][1] - g_hcl; /* NH4HSO4 */

  const double agama = e->bromley_a;
  const double h = agama * sion / (1.0 + sion);
  const double zc[2] = {1.0, 1.0}, za[3] = {2.0, 1.0, 1.0};
  const double mc[2] = {m_h, m_nh4}, ma[3] = {m_so4, m_hso4, m_no3};
  double f1[2] = {0.0, 0.0}, f2[3] = {0.0, 0.0, 0.0};
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 3; j++) {
      const double ch = 0.25 * (zc[i] + za[j]) * (zc[i] + za[j]) / ionic;
      const double term = g0[i][j] + zc[i] * za[j] * h;
      f1[i] += ch * ma[j] * term;
      f2[j] += ch * mc[i] * term;
    }
#define AS_G(i, j) (zc[i] * za[j] * ((f1[i] / zc[i] + f2[j] / za[j]) / (zc[i] + za[j]) - h))
  lg[AS_TP_H2SO4] = AS_G(0, 0);
  lg[AS_TP_HHSO4] = AS_G(0, 1);
  lg[AS_TP_HNO3] = AS_G(0, 2);
  lg[AS_TP_AS] = AS_G(1, 0);
  lg[AS_TP_AB] = AS_G(1, 1);
  lg[AS_TP_AN] = AS_G(1, 2);
#undef AS_G
  lg[AS_TP_LC] = 0.2 * (3.0 * lg[AS_TP_AS] + 2.0 * lg[AS_TP_AB]);
  for (int k = 0; k < AS_TP_N; k++) lg[k] = fmax(-11.0, fmin(11.0, lg[k]));
}
