/* as_emis_plumerise.c — Briggs final plume rise and the spread of a stack over model layers.
 *
 * Buoyancy flux (Briggs 1975; US EPA ISC3 user guide vol. II, eq. 1-6; AERMOD formulation
 * document, EPA-454/R-03-004, sec. 5.2):
 *     F = g v d^2 (Ts - Ta) / (4 Ts)                                  [m4 s-3]
 * Neutral/unstable final rise (ISC3 eqs. 1-7..1-10, Briggs 1975):
 *     x* = 14 F^(5/8) (F < 55),  34 F^(2/5) (F >= 55);  xf = 3.5 x*
 *     dh = 1.6 F^(1/3) xf^(2/3) / u                (= 21.425 F^(3/4)/u, 38.71 F^(3/5)/u)
 * Stable final rise (Briggs 1975; ISC3 eq. 1-11), stability s = (g/Ta) dtheta/dz:
 *     dh = 2.6 (F / (u s))^(1/3),   and the smaller of this and the neutral rise is used
 * Wind speed floored at 1 m s-1 (calm formula not used); dtheta/dz floored at 0.005 K m-1 in
 * stable air (the ISC3 default lapse for stability class E is 0.02 K m-1; the floor only avoids
 * a singular s). Stable when the Obukhov length is positive. Cold stacks (Ts <= Ta) and
 * momentum rise: dh = 0 (momentum rise neglected: documented simplification).
 *
 * Vertical spread (SMOKE laypoint, after Turner et al. 1991): the plume occupies
 *     [hs + 0.5 dh, hs + 1.5 dh]   (centre hs + dh, depth dh);
 * if the stack top is inside the mixed layer (hs < pblh) the plume is capped at pblh (the top is
 * lowered to pblh, the bottom not above the top): no penetration of the capping inversion.
 * Layer weights are the overlap of that interval with each layer divided by the SUM of the
 * overlaps, so they add to 1 to round-off. A zero-depth plume goes into the layer holding it.
 */
#include "as_emis_internal.h"
#include <math.h>

static const double AS_G = 9.80665;

double as_emis_briggs_rise(double hs, double ds, double vs, double ts, const AsPlumeMet *m,
                           int *stable)
{
  (void)hs;
  *stable = 0;
  if (!(ts > m->ta) || vs <= 0 || ds <= 0) return 0;
  double F = AS_G * vs * ds * ds * (ts - m->ta) / (4 * ts);
  double u = m->u > 1 ? m->u : 1;
  double xs = F < 55 ? 14 * pow(F, 0.625) : 34 * pow(F, 0.4);
  double dh = 1.6 * cbrt(F) * pow(3.5 * xs, 2.0 / 3.0) / u;
  if (m->obukhov > 0) {
    double dth = m->dthdz > 0.005 ? m->dthdz : 0.005;
    double s = AS_G / m->ta * dth;
    double dhs = 2.6 * cbrt(F / (u * s));
    if (dhs < dh) {
      dh = dhs;
      *stable = 1;
    }
  }
  return dh;
}

static int layer_of(double z, const double *zf, int nz)
{
  if (z <= zf[0]) return 0;
  for (int k = 0; k < nz; k++)
    if (z < zf[k + 1]) return k;
  return nz - 1;
}

int as_emis_layer_weights(double hs, double dh, double pblh, const double *zf, int nz, double *w)
{
  for (int k = 0; k < nz; k++) w[k] = 0;
  double bot = hs + 0.5 * dh, top = hs + 1.5 * dh;
  if (hs < pblh && top > pblh) top = pblh;
  if (bot > top) bot = top;
  if (top > zf[nz]) top = zf[nz];
  if (bot > zf[nz]) bot = zf[nz];
  if (!(top > bot)) {
    int k = layer_of(dh > 0 ? bot : hs, zf, nz);
    w[k] = 1;
    return k + 1;
  }
  double sum = 0;
  int last = 0;
  for (int k = 0; k < nz; k++) {
    double lo = fmax(bot, zf[k]), hi = fmin(top, zf[k + 1]);
    if (hi > lo) {
      w[k] = hi - lo;
      sum += w[k];
      last = k;
    }
  }
  for (int k = 0; k <= last; k++) w[k] /= sum;
  return last + 1;
}
