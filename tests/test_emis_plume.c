/* test_emis_plume.c — claims about Briggs plume rise and the layer spread:
 *  1. neutral rise equals the closed forms 21.425 F^(3/4)/u (F < 55) and 38.71 F^(3/5)/u
 *     (F >= 55) of Briggs (1975) / ISC3 eqs. 1-7..1-10 to 1e-3 (their rounded coefficients);
 *  2. stable rise equals 2.6 (F/(u s))^(1/3) when smaller than the neutral one (1e-12);
 *  3. for 4,000 combinations of stack, wind, stability and mixing height the layer weights are
 *     >= 0 and sum to 1 within 1e-14, the plume stays under pblh when the stack is inside the
 *     mixed layer, and a cold stack puts everything into the stack-top layer. */
#include "test_emis_util.inc"
#include <math.h>

int main(void)
{
  const int nz = 18;
  double zf[19], w[18];
  zf[0] = 0;
  for (int k = 0; k < nz; k++) zf[k + 1] = zf[k] + 36.0 * pow(1.2295, k); /* ~6 km */
  const double g = 9.80665;
  double e1 = 0, e2 = 0, esum = 0;
  int n = 0, capped_bad = 0, neg = 0;
  for (int a = 0; a < 10; a++)
    for (int b = 0; b < 4; b++)
      for (int c = 0; c < 5; c++)
        for (int d = 0; d < 4; d++)
          for (int s = 0; s < 5; s++) {
            double hs = 10 + 25.0 * a, ds = 0.5 + 2.0 * b, vs = 5 + 5.0 * d, ts = 320 + 40.0 * c;
            AsPlumeMet m = {.ta = 285, .u = 0.5 + 3.0 * s, .dthdz = 0.01 + 0.005 * s,
                            .obukhov = (s % 2) ? 80.0 : -50.0, .pblh = 100 + 400.0 * s};
            int stable;
            double dh = as_emis_briggs_rise(hs, ds, vs, ts, &m, &stable);
            double F = g * vs * ds * ds * (ts - m.ta) / (4 * ts), u = fmax(m.u, 1);
            double neutral = F < 55 ? 21.425 * pow(F, 0.75) / u : 38.71 * pow(F, 0.6) / u;
            if (!stable) e1 = fmax(e1, fabs(dh - neutral) / neutral);
            else {
              double sv = g / m.ta * fmax(m.dthdz, 0.005);
              e2 = fmax(e2, fabs(dh - 2.6 * cbrt(F / (u * sv))) / dh);
              CHECK(dh <= neutral * (1 + 1e-3), "stable rise above neutral");
            }
            as_emis_layer_weights(hs, dh, m.pblh, zf, nz, w);
            double sum = 0, top = 0;
            for (int k = 0; k < nz; k++) {
              sum += w[k];
              neg += w[k] < 0;
              if (w[k] > 0) top = zf[k + 1];
            }
            esum = fmax(esum, fabs(sum - 1));
            /* under the lid: no weight in layers entirely above pblh */
            if (hs < m.pblh)
              for (int k = 0; k < nz; k++) capped_bad += w[k] > 0 && zf[k] >= m.pblh;
            (void)top;
            n++;
          }
  printf("plume rise: %d cases; neutral vs closed form max rel %.2e (tol 1e-3); stable vs "
         "2.6(F/us)^(1/3) max rel %.2e (tol 1e-12)\n", n, e1, e2);
  printf("layer weights: max |sum-1| %.2e (tol 1e-14), negative %d, weight above pblh %d\n",
         esum, neg, capped_bad);
  CHECK(e1 < 1e-3, "neutral rise differs from the closed form by %g", e1);
  CHECK(e2 < 1e-12, "stable rise differs by %g", e2);
  CHECK(esum < 1e-14, "layer weights do not sum to 1 (%g)", esum);
  CHECK(neg == 0 && capped_bad == 0, "negative weights or weight above the lid");
  /* cold stack: all in the layer of the stack top */
  AsPlumeMet cold = {.ta = 300, .u = 3, .dthdz = 0, .obukhov = -10, .pblh = 1000};
  int st;
  double dh = as_emis_briggs_rise(100, 3, 10, 290, &cold, &st);
  as_emis_layer_weights(100, dh, 1000, zf, nz, w);
  int kk = 0;
  while (zf[kk + 1] <= 100) kk++;
  printf("cold stack: rise %g m, weight in stack layer %d = %g\n", dh, kk, w[kk]);
  CHECK(dh == 0 && w[kk] == 1, "cold stack not emitted at its top");
  printf("%s\n", te_fails ? "FAILED" : "PASSED");
  return te_fails != 0;
}
