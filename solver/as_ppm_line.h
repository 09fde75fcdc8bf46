/* as_ppm_line.h — the pure 1-D PPM line kernels of the horizontal advection (as_ppm.c). No
 * globals, no allocation: a line (or many lines laid end to end) in, fluxes and masses out.
 *
 * One 1-D sweep along a line of cells, in air-mass coordinates (Colella & Woodward 1984, CW84):
 *   face value   a_{i-1/2} = 7/12 (q_{i-1} + q_i) - 1/12 (q_{i-2} + q_{i+1}),  clamped to
 *                [min(q_{i-1}, q_i), max(q_{i-1}, q_i)]                                 (CW84 1.6)
 *   deviations   r_i = a_{i+1/2} - q_i,  l_i = a_{i-1/2} - q_i
 *   CW84 monotonicity constraint (1.10), in deviation form:
 *                r_i l_i > 0 (q_i an extremum)    -> r_i = l_i = 0
 *                |r_i| > 2|l_i| -> r_i = -2 l_i ;  |l_i| > 2|r_i| -> l_i = -2 r_i
 *     i.e. r_i <- sign(r_i) min(|r_i|, 2|l_i|),  l_i <- sign(l_i) min(|l_i|, 2|r_i|)
 *   flux through a face, sigma = |f| h / A_upwind (fraction of the upwind cell's air that leaves),
 *   mean of the upwind parabola over that fraction:
 *                qbar = q_u + (1-sigma)^2 d_near - sigma (1-sigma) d_far
 *     d_near/d_far = the upwind cell's deviation at the face crossed / at its other face;
 *   update       M_i += F_{i-1/2} - F_{i+1/2},  F = f h qbar;   A_i += f_{i-1/2} h - f_{i+1/2} h
 *
 * Staggering of one x line (y is the same with stride P; ghosts g: inflow = boundary value,
 * outflow = zero gradient, or periodic wrap):
 *
 *      g    g    g  | q_0  | q_1  | ... | q_nx-1 |  g    g    g
 *                   ^      ^                     ^
 *                 F_0    F_1                   F_nx        F_i, f_i, c1_i, c2_i: face i-1/2
 *
 * Lines are laid end to end in one flat buffer of row pitch P >= nx+6 (the x ghosts sit between
 * the rows, 3 ghost rows lie below and above for y), so each stage is one long, branch-free loop
 * over the whole slab that the compiler vectorises along the contiguous index i, for the x sweep
 * (stride s = 1) and the y sweep (stride s = P, whole rows at a time) alike. Index p of a face is
 * that of the cell above/right of it: face p lies between cells p-s and p.
 *
 * The flux mean follows from the CW84 parabola q(x) = aL + x (dq + q6 (1-x)), x in [0,1],
 * dq = aR - aL, q6 = 6 q - 3 (aL + aR): for flow to +, the mean over [1-sigma, 1] is
 * aR - sigma/2 (dq - (1 - 2 sigma/3) q6) (CW84 eq. 1.12), which with aR = q + r, aL = q + l is
 * q + (1-sigma)^2 r - sigma (1-sigma) l; flow to - mirrors it (r <-> l).
 */
#ifndef AS_PPM_LINE_H
#define AS_PPM_LINE_H
#include <math.h>

/* face values a[p] (face between cells p-s and p), then limited deviations r[p], l[p] */
static inline void ppm_parabolas(long n, long s, const double *restrict q, double *restrict a,
                          double *restrict r, double *restrict l)
{
  const double c7 = 7.0 / 12.0, c1 = 1.0 / 12.0;
  for (long p = -s; p < n + 2 * s; p++) {
    double q0 = q[p - s], q1 = q[p];
    double v = c7 * (q0 + q1) - c1 * (q[p - 2 * s] + q[p + s]);
    double lo = q0 < q1 ? q0 : q1, hi = q0 < q1 ? q1 : q0;
    v = v > hi ? hi : v;
    v = v < lo ? lo : v;
    a[p] = v;
  }
  for (long p = -s; p < n + s; p++) {
    double qc = q[p], rr = a[p + s] - qc, ll = a[p] - qc;
    double ar = fabs(rr), al = fabs(ll);
    double al2 = al + al, ar2 = ar + ar;
    double rm = al2 < ar ? al2 : ar;
    double lm = ar2 < al ? ar2 : al;
    int extremum = rr * ll > 0.0;
    rm = extremum ? 0.0 : rm;
    lm = extremum ? 0.0 : lm;
    r[p] = copysign(rm, rr);
    l[p] = copysign(lm, ll);
  }
}

/* face fluxes F[p] (ug) for faces 0..n+s-1, then tracer mass update of cells 0..n-1 */
static inline void ppm_fluxes(long n, long s, const double *restrict q, const double *restrict r,
                       const double *restrict l, const double *restrict fm,
                       const double *restrict c1, const double *restrict c2, double *restrict F,
                       double *restrict M)
{
  for (long p = 0; p < n + s; p++) {
    int pos = fm[p] > 0.0;
    double qu = pos ? q[p - s] : q[p];
    double dn = pos ? r[p - s] : l[p];
    double df = pos ? l[p - s] : r[p];
    F[p] = fm[p] * (qu + c1[p] * dn + c2[p] * df);
  }
  for (long p = 0; p < n; p++) M[p] += F[p] - F[p + s];
}

#endif
