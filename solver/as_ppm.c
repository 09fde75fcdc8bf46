/* as_ppm.c — horizontal PPM advection on explicit arrays (see as_ppm.h for the contract).
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
 * Staggering of one x line (y is the same with stride nx; ghosts g: inflow = boundary value,
 * outflow = zero gradient, or periodic wrap):
 *
 *      g    g    g  | q_0  | q_1  | ... | q_nx-1 |  g    g    g
 *                   ^      ^                     ^
 *                 F_0    F_1                   F_nx        F_i, f_i, c1_i, c2_i: face i-1/2
 *
 * Lines are laid end to end in one flat buffer (x: pitch nx+6 with the ghosts between rows; y: whole
 * rows, pitch nx, 3 ghost rows at each end), so each stage is one long, branch-free loop over the
 * slab that the compiler vectorises along the contiguous index, for x and for y alike.
 */
#include "as_ppm.h"
#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

#define AS_PPM_MAX_SUBSTEPS 1000

/* Runtime dispatch to AVX-512/AVX2 copies of the kernels (same IEEE operations, no FMA contraction
 * in ISO C mode, so every copy gives the same bits); plain x86-64 otherwise. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#define AS_PPM_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define AS_PPM_CLONES
#endif

enum { DIR_X = 0, DIR_Y = 1 };

/* One slab (species, layer) lives in a flat buffer of pitch P = nx+6 rounded up to 8 doubles: cell
 * (j, i) at index j*P + i from a 64-byte aligned origin; the columns nx..P-1 of each row hold the
 * x ghosts (east ghosts of row j, west ghosts of row j+1) and 3 ghost rows lie below row 0 and
 * above row ny-1 for y. Both sweeps work in place on this layout (x: stride 1, y: stride P). */
#define AS_PPM_NBUF 6    /* q, a, r, l, F, M */

struct AsPpm {
  int nx, ny, nz, nspec, nthreads;
  double cmax;
  long P;                /* row pitch */
  long n;                /* flat index of the last cell + 1: (ny-1)*P + nx */
  long origin;           /* index of cell (0,0) inside an allocated buffer */
  long len;              /* doubles per layout buffer (origin + rows + margin) */
  long bstride;          /* doubles between scratch buffers (staggered modulo 4 KiB) */
  double *acur;          /* [nz*ncol] air mass at the start of the current sub-step */
  /* per layer, layout buffers of len doubles: face air mass moved in a sub-step (kg) and the
   * flux coefficients, x and y faces; 1/A at the start of the x and of the y sweep */
  double *geo;           /* [nz][8][len]: fmx c1x c2x fmy c1y c2y inv_ax inv_ay */
  double *inv_v;         /* [nz*ncol] 1/volume */
  int *nsub;             /* [nz] sub-steps per layer in the last apply */
  double *courant;       /* [nz] largest outflow Courant number per layer in the last apply */
  double *bud;           /* [2*nspec*nz] inflow, outflow per slab */
  double *scratch;       /* [nthreads][AS_PPM_NBUF] buffers, bstride apart */
};

enum { G_FMX = 0, G_C1X, G_C2X, G_FMY, G_C1Y, G_C2Y, G_IAX, G_IAY, G_N };

static inline double *geo(const AsPpm *h, int k, int what)
{
  return h->geo + ((size_t)k * G_N + (size_t)what) * (size_t)h->len + (size_t)h->origin;
}

/* ---------------- line kernels (pure; flat index p, stride s between neighbours) -------------- */

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

const char *as_ppm_isa(void)
{
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f")) return "avx512f";
  if (__builtin_cpu_supports("avx2")) return "avx2";
#endif
  return "default";
}

/* ---------------- species-independent geometry ---------------- */

/* Largest outflow Courant number of a layer for sub-step m of n (h = dt/n), from the air mass at
 * the start of that sub-step predicted linearly from the entry air mass (exact up to round-off). */
static double layer_courant(const AsPpm *h, const double *a_entry, const double *fx,
                            const double *fy, double hs, int m, int reverse)
{
  const int nx = h->nx, ny = h->ny;
  double worst = 0.0;
  for (int j = 0; j < ny; j++)
    for (int i = 0; i < nx; i++) {
      double fw = fx[j * (nx + 1) + i], fe = fx[j * (nx + 1) + i + 1];
      double fs = fy[j * nx + i], fn = fy[(j + 1) * nx + i];
      double outx = hs * (fmax(fe, 0.0) + fmax(-fw, 0.0));
      double outy = hs * (fmax(fn, 0.0) + fmax(-fs, 0.0));
      double convx = hs * (fw - fe), convy = hs * (fs - fn);
      double a0 = a_entry[j * nx + i] + (double)m * (convx + convy);
      double o1 = reverse ? outy : outx, o2 = reverse ? outx : outy;
      double a1 = a0 + (reverse ? convy : convx);
      if (!(a0 > 0.0) || !(a1 > 0.0)) return INFINITY;
      double cr = fmax(o1 / a0, o2 / a1);
      if (!(cr <= worst)) worst = cr; /* also catches NaN */
    }
  return worst;
}

/* Geometry of one sweep of layer k with air mass A (updated in place to the sweep's end). */
static void sweep_geometry(AsPpm *h, int k, int dir, const double *f, double hs, int periodic,
                           double *A)
{
  const int nx = h->nx, ny = h->ny;
  const long ncol = (long)nx * ny, P = h->P;
  double *fm = geo(h, k, dir == DIR_X ? G_FMX : G_FMY);
  double *c1 = geo(h, k, dir == DIR_X ? G_C1X : G_C1Y);
  double *c2 = geo(h, k, dir == DIR_X ? G_C2X : G_C2Y);
  double *inva = geo(h, k, dir == DIR_X ? G_IAX : G_IAY);
  for (int j = 0; j < ny; j++)
    for (int i = 0; i < nx; i++) inva[j * P + i] = 1.0 / A[(long)j * nx + i];
  if (dir == DIR_X) {
    for (int j = 0; j < ny; j++) {
      const double *fr = f + (long)j * (nx + 1);
      const double *Ar = A + (long)j * nx;
      const long p0 = (long)j * P;
      for (int i = 0; i <= nx; i++) {
        double fmv = fr[i] * hs;
        int up = fmv > 0.0 ? i - 1 : i;
        if (up < 0) up = periodic ? nx - 1 : 0;
        if (up >= nx) up = periodic ? 0 : nx - 1;
        double sig = fabs(fmv) / Ar[up];
        fm[p0 + i] = fmv;
        c1[p0 + i] = (1.0 - sig) * (1.0 - sig);
        c2[p0 + i] = -sig * (1.0 - sig);
      }
      for (int i = 0; i < nx; i++) A[(long)j * nx + i] += fm[p0 + i] - fm[p0 + i + 1];
    }
  } else {
    for (int j = 0; j <= ny; j++)
      for (int i = 0; i < nx; i++) {
        const long p = (long)j * P + i;
        double fmv = f[(long)j * nx + i] * hs;
        int up = fmv > 0.0 ? j - 1 : j;
        if (up < 0) up = periodic ? ny - 1 : 0;
        if (up >= ny) up = periodic ? 0 : ny - 1;
        double sig = fabs(fmv) / A[(long)up * nx + i];
        fm[p] = fmv;
        c1[p] = (1.0 - sig) * (1.0 - sig);
        c2[p] = -sig * (1.0 - sig);
      }
    for (int j = 0; j < ny; j++)
      for (int i = 0; i < nx; i++) A[(long)j * nx + i] += fm[j * P + i] - fm[(j + 1) * P + i];
  }
  (void)ncol;
}

/* ---------------- one (species, layer) slab ---------------- */

static void fill_ghosts(const AsPpm *h, const AsPpmInput *in, int dir, int s, int k, double *qb)
{
  const int nx = h->nx, ny = h->ny;
  const long ncol = (long)nx * ny, P = h->P;
  const double *V = in->volume + k * ncol, *mair = in->mair + k * ncol;
  if (dir == DIR_X) {
    if (in->periodic) {
      for (int j = 0; j < ny; j++) {
        double *row = qb + j * P;
        for (int t = 1; t <= 3; t++) {
          row[-t] = row[nx - t];
          row[nx - 1 + t] = row[t - 1];
        }
      }
      return;
    }
    const double *fm = geo(h, k, G_FMX);
    const double *bw = in->side(in->side_ctx, s, 0) + (long)k * ny;
    const double *be = in->side(in->side_ctx, s, 1) + (long)k * ny;
    for (int j = 0; j < ny; j++) {
      double *row = qb + j * P;
      long c0 = (long)j * nx, c1 = c0 + nx - 1;
      double gw = fm[j * P] > 0.0 ? bw[j] * (V[c0] / mair[c0]) : row[0];
      double ge = fm[j * P + nx] < 0.0 ? be[j] * (V[c1] / mair[c1]) : row[nx - 1];
      for (int t = 1; t <= 3; t++) {
        row[-t] = gw;
        row[nx - 1 + t] = ge;
      }
    }
  } else {
    if (in->periodic) {
      for (int t = 1; t <= 3; t++)
        for (int i = 0; i < nx; i++) {
          qb[-t * P + i] = qb[(ny - t) * P + i];
          qb[(ny - 1 + t) * P + i] = qb[(t - 1) * P + i];
        }
      return;
    }
    const double *fm = geo(h, k, G_FMY);
    const double *bs = in->side(in->side_ctx, s, 2) + (long)k * nx;
    const double *bn = in->side(in->side_ctx, s, 3) + (long)k * nx;
    const long top = (long)(ny - 1) * nx, ptop = (long)(ny - 1) * P;
    for (int i = 0; i < nx; i++) {
      double gs = fm[i] > 0.0 ? bs[i] * (V[i] / mair[i]) : qb[i];
      double gn = fm[ny * P + i] < 0.0 ? bn[i] * (V[top + i] / mair[top + i]) : qb[ptop + i];
      for (int t = 1; t <= 3; t++) {
        qb[-t * P + i] = gs;
        qb[ptop + t * P + i] = gn;
      }
    }
  }
}

/* Fixed-order sums of the boundary-face fluxes of one sweep (ug). */
static void sweep_budget(const AsPpm *h, int dir, const double *F, double *in, double *out)
{
  const int nx = h->nx, ny = h->ny;
  const long P = h->P;
  double fin = 0.0, fout = 0.0;
  if (dir == DIR_X) {
    for (int j = 0; j < ny; j++) {
      double fw = F[j * P], fe = F[j * P + nx];
      if (fw >= 0.0) fin += fw; else fout -= fw;
      if (fe >= 0.0) fout += fe; else fin -= fe;
    }
  } else {
    for (int i = 0; i < nx; i++) {
      double fs = F[i], fn = F[ny * P + i];
      if (fs >= 0.0) fin += fs; else fout -= fs;
      if (fn >= 0.0) fout += fn; else fin -= fn;
    }
  }
  *in += fin;
  *out += fout;
}

AS_PPM_CLONES
static void slab_pass(const AsPpm *h, const AsPpmInput *in, double *cs, int s, int k, int reverse,
                      double *scr, double *bin, double *bout)
{
  const int nx = h->nx, ny = h->ny;
  const long ncol = (long)nx * ny, P = h->P, n = h->n, o = h->origin, B = h->bstride;
  const double *restrict V = in->volume + k * ncol;
  double *q = scr + o, *a = scr + B + o, *r = scr + 2 * B + o, *l = scr + 3 * B + o;
  double *F = scr + 4 * B + o, *M = scr + 5 * B + o;
  /* tracer mass (ug) of the slab; the row gaps hold 0 */
  for (int j = 0; j < ny; j++) {
    double *restrict mrow = M + j * P;
    const double *restrict crow = cs + (long)j * nx, *restrict vrow = V + (long)j * nx;
    for (int i = 0; i < nx; i++) mrow[i] = crow[i] * vrow[i];
    for (long i = nx; i < P; i++) mrow[i] = 0.0;
  }
  for (int pass = 0; pass < 2; pass++) {
    const int dir = (pass == 0) != (reverse != 0) ? DIR_X : DIR_Y;
    const long stride = dir == DIR_X ? 1 : P;
    const double *restrict inva = geo(h, k, dir == DIR_X ? G_IAX : G_IAY);
    double *restrict qq = q;
    const double *restrict mm = M;
    for (long p = 0; p < n; p++) qq[p] = mm[p] * inva[p];
    fill_ghosts(h, in, dir, s, k, q);
    ppm_parabolas(n, stride, q, a, r, l);
    ppm_fluxes(n, stride, q, r, l, geo(h, k, dir == DIR_X ? G_FMX : G_FMY),
               geo(h, k, dir == DIR_X ? G_C1X : G_C1Y), geo(h, k, dir == DIR_X ? G_C2X : G_C2Y),
               F, M);
    if (!in->periodic) sweep_budget(h, dir, F, bin, bout);
  }
  const double *iv = h->inv_v + k * ncol;
  for (int j = 0; j < ny; j++) {
    const double *restrict mrow = M + j * P, *restrict ivr = iv + (long)j * nx;
    double *restrict crow = cs + (long)j * nx;
    for (int i = 0; i < nx; i++) crow[i] = mrow[i] * ivr[i];
  }
}

/* ---------------- object ---------------- */

/* 64-byte aligned, zeroed */
static AsStatus alloc_aligned(double **p, size_t count, const char *what)
{
  void *v = NULL;
  if (posix_memalign(&v, 64, count * sizeof(double)) != 0 || !v)
    return as_error(AS_ERR_MEM, "", what, "cannot allocate %zu elements", count);
  memset(v, 0, count * sizeof(double));
  *p = v;
  return AS_OK;
}

AsStatus as_ppm_create(int nx, int ny, int nz, int nspec, double courant_max, AsPpm **out)
{
  *out = NULL;
  if (nx < 3 || ny < 3 || nz < 1 || nspec < 1)
    return as_error(AS_ERR_ARG, "", "advection_horizontal", "grid %d x %d x %d with %d species "
                    "is too small (need nx, ny >= 3)", nx, ny, nz, nspec);
  if (!(courant_max > 0.0 && courant_max <= 1.0))
    return as_error(AS_ERR_ARG, "", "transport.courant_max", "%g is outside (0, 1]", courant_max);
  AsPpm *h;
  AS_MALLOC(h, 1);
  *out = h;
  h->nx = nx; h->ny = ny; h->nz = nz; h->nspec = nspec;
  h->nthreads = omp_get_max_threads();
  h->cmax = courant_max;
  h->P = ((long)nx + 6 + 7) / 8 * 8;
  h->n = (long)(ny - 1) * h->P + nx;
  h->origin = 3 * h->P + 8;                       /* 3 ghost rows + 8 (aligned) */
  h->len = h->origin + (long)(ny + 3) * h->P + 8;
  /* scratch buffers start at distinct offsets modulo 4 KiB (no 4K-aliasing stalls between the
   * loads of one buffer and the stores of another) */
  h->bstride = (h->len + 511) / 512 * 512 + 72;
  const long ncol = (long)nx * ny;
  AS_MALLOC(h->acur, nz * ncol);
  AS_CALL(alloc_aligned(&h->geo, (size_t)nz * G_N * (size_t)h->len, "advection geometry"));
  AS_MALLOC(h->inv_v, nz * ncol);
  AS_MALLOC(h->nsub, nz);
  AS_MALLOC(h->courant, nz);
  AS_MALLOC(h->bud, 2L * nspec * nz);
  AS_CALL(alloc_aligned(&h->scratch, (size_t)h->nthreads * AS_PPM_NBUF * (size_t)h->bstride,
                        "advection scratch"));
  return AS_OK;
}

AsStatus as_ppm_apply(AsPpm *h, const AsPpmInput *in, double *c, double dt, int reverse)
{
  const int nx = h->nx, ny = h->ny, nz = h->nz, nspec = h->nspec;
  const long ncol = (long)nx * ny, ncell = ncol * nz;
  int nthreads = omp_get_max_threads();
  if (nthreads > h->nthreads) nthreads = h->nthreads;
  if (!in->periodic && !in->side)
    return as_error(AS_ERR_ARG, "", "advection_horizontal", "no boundary values given");

  /* sub-steps per layer: outflow Courant number <= cmax at the first and the last sub-step (the
   * air mass changes linearly across sub-steps, so these two bound all of them) */
#pragma omp parallel for schedule(static) num_threads(nthreads)
  for (int k = 0; k < nz; k++) {
    const double *mair = in->mair + k * ncol;
    const double *fx = in->fx + (long)k * ny * (nx + 1), *fy = in->fy + (long)k * (ny + 1) * nx;
    double *A = h->acur + k * ncol;
    /* air mass on entry: mair in the first half of the Strang step; in the second half
     * (reverse) the vertical advection has run first and left mair - dt * (horizontal
     * convergence), which this process brings back to mair */
    for (int j = 0; j < ny; j++)
      for (int i = 0; i < nx; i++) {
        const long c = (long)j * nx + i;
        const double conv = fx[(long)j * (nx + 1) + i] - fx[(long)j * (nx + 1) + i + 1] +
                            fy[(long)j * nx + i] - fy[(long)(j + 1) * nx + i];
        A[c] = reverse ? mair[c] - dt * conv : mair[c];
      }
    int n = 1;
    double cr = 0.0;
    for (;;) {
      double hs = dt / n;
      cr = layer_courant(h, A, fx, fy, hs, 0, reverse);
      if (n > 1) cr = fmax(cr, layer_courant(h, A, fx, fy, hs, n - 1, reverse));
      if (cr <= h->cmax) break;
      double want = isfinite(cr) ? ceil(n * cr / h->cmax) : 2.0 * n;
      n = want > n ? (want > 2.0 * AS_PPM_MAX_SUBSTEPS ? 2 * AS_PPM_MAX_SUBSTEPS : (int)want) : n + 1;
      if (n > AS_PPM_MAX_SUBSTEPS) break;
    }
    h->nsub[k] = n;
    h->courant[k] = cr;
    for (long q = 0; q < ncol; q++) h->inv_v[k * ncol + q] = 1.0 / in->volume[k * ncol + q];
  }
  int nmax = 0;
  for (int k = 0; k < nz; k++) {
    if (h->nsub[k] > AS_PPM_MAX_SUBSTEPS)
      return as_error(AS_ERR_NUMERIC, "", "advection_horizontal",
                      "layer %d needs more than %d sub-steps (air-mass flux too large for the "
                      "cells' air mass: check the winds)", k, AS_PPM_MAX_SUBSTEPS);
    if (h->nsub[k] > nmax) nmax = h->nsub[k];
  }
  memset(h->bud, 0, sizeof(double) * 2 * (size_t)nspec * (size_t)nz);

  for (int m = 0; m < nmax; m++) {
#pragma omp parallel num_threads(nthreads)
    {
#pragma omp for schedule(static)
      for (int k = 0; k < nz; k++) {
        if (h->nsub[k] <= m) continue;
        double hs = dt / h->nsub[k];
        double *A = h->acur + k * ncol;
        const double *fx = in->fx + (long)k * ny * (nx + 1);
        const double *fy = in->fy + (long)k * (ny + 1) * nx;
        if (!reverse) {
          sweep_geometry(h, k, DIR_X, fx, hs, in->periodic, A);
          sweep_geometry(h, k, DIR_Y, fy, hs, in->periodic, A);
        } else {
          sweep_geometry(h, k, DIR_Y, fy, hs, in->periodic, A);
          sweep_geometry(h, k, DIR_X, fx, hs, in->periodic, A);
        }
      }
      double *scr = h->scratch + (size_t)omp_get_thread_num() * AS_PPM_NBUF * (size_t)h->bstride;
#pragma omp for collapse(2) schedule(static)
      for (int k = 0; k < nz; k++)
        for (int s = 0; s < nspec; s++) {
          if (h->nsub[k] <= m) continue;
          double *b = h->bud + 2 * ((long)s * nz + k);
          slab_pass(h, in, c + (size_t)s * ncell + (size_t)k * ncol, s, k, reverse, scr, b, b + 1);
        }
    }
  }
  if (!in->periodic && in->inflow && in->outflow)
    for (int s = 0; s < nspec; s++) {
      double bi = 0.0, bo = 0.0;
      for (int k = 0; k < nz; k++) {
        bi += h->bud[2 * ((long)s * nz + k)];
        bo += h->bud[2 * ((long)s * nz + k) + 1];
      }
      in->inflow[s] += bi;
      in->outflow[s] += bo;
    }
  return AS_OK;
}

int as_ppm_substeps(const AsPpm *h, int k) { return (h && k >= 0 && k < h->nz) ? h->nsub[k] : 0; }

double as_ppm_courant_max_seen(const AsPpm *h)
{
  double w = 0.0;
  for (int k = 0; k < h->nz; k++) w = fmax(w, h->courant[k]);
  return w;
}

void as_ppm_destroy(AsPpm **hp)
{
  if (!hp || !*hp) return;
  AsPpm *h = *hp;
  free(h->acur); free(h->geo); free(h->inv_v); free(h->nsub);
  free(h->courant); free(h->bud); free(h->scratch);
  free(h);
  *hp = NULL;
}
