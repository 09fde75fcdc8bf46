/* as_ppm.c — horizontal PPM advection on explicit arrays (contract: as_ppm.h; the pure line
 * kernels and their equations: as_ppm_line.h; science: docs/science.md).
 *
 * Around the line kernels this file does the directional splitting (x then y, y then x when
 * reverse), the species-independent geometry of each layer and sub-step (air mass A at the start
 * of each sweep, face air mass moved fm = f h, coefficients (1-sigma)^2 and -sigma(1-sigma) with
 * sigma = |fm| / A_upwind), the Courant-limited sub-step count, ghost cells (inflow: boundary
 * value; outflow: zero gradient; or periodic wrap), the boundary-flux budget in a fixed order and
 * the OpenMP loop over (layer, species) slabs with per-thread scratch allocated at create.
 */
#include "as_ppm.h"
#include "as_ppm_line.h"
#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

#define AS_PPM_MAX_SUBSTEPS 1000

/* The slab kernel is compiled three times (x86-64 baseline SSE2, AVX2, AVX-512F) and the widest
 * one the CPU supports is chosen at create (as_ppm_set_isa can pick another). All three perform
 * the same IEEE operations in the same order (the targets do not enable FMA, so no contraction
 * can occur, whatever -ffp-contract says), so they give identical bits; tests/test_adv_mass.c
 * (threads) checks it. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define AS_PPM_X86 1
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
  int isa;               /* index into as_ppm_kernels */
};

enum { G_FMX = 0, G_C1X, G_C2X, G_FMY, G_C1Y, G_C2Y, G_IAX, G_IAY, G_N };

static inline double *geo(const AsPpm *h, int k, int what)
{
  return h->geo + ((size_t)k * G_N + (size_t)what) * (size_t)h->len + (size_t)h->origin;
}

/* ---------------- species-independent geometry ---------------- */

/* Largest outflow Courant number of a layer for sub-step m of n (h = dt/n), from the air mass at
 * the start of that sub-step predicted linearly from the entry air mass (exact up to round-off). */
static double layer_courant(const AsPpm *h, const double *a_entry, const double *fx,
                            const double *fy, double hs, int m, int reverse)
{
  const int nx = h->nx, ny = h->ny;
  double worst = 0.0;
  int bad = 0;
  for (int j = 0; j < ny; j++) {
    const double *fr = fx + (long)j * (nx + 1), *fs = fy + (long)j * nx, *fn = fs + nx;
    const double *ar = a_entry + (long)j * nx;
    for (int i = 0; i < nx; i++) {
      double fw = fr[i], fe = fr[i + 1];
      double outx = hs * ((fe > 0.0 ? fe : 0.0) + (fw < 0.0 ? -fw : 0.0));
      double outy = hs * ((fn[i] > 0.0 ? fn[i] : 0.0) + (fs[i] < 0.0 ? -fs[i] : 0.0));
      double convx = hs * (fw - fe), convy = hs * (fs[i] - fn[i]);
      double a0 = ar[i] + (double)m * (convx + convy);
      double o1 = reverse ? outy : outx, o2 = reverse ? outx : outy;
      double a1 = a0 + (reverse ? convy : convx);
      bad |= !(a0 > 0.0) | !(a1 > 0.0);
      double c1 = o1 / a0, c2 = o2 / a1;
      double cr = c1 > c2 ? c1 : c2;
      bad |= cr != cr; /* NaN */
      worst = cr > worst ? cr : worst;
    }
  }
  return bad ? INFINITY : worst;
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
      const double *restrict fr = f + (long)j * (nx + 1);
      const double *restrict Ar = A + (long)j * nx;
      double *restrict fmr = fm + (long)j * P, *restrict c1r = c1 + (long)j * P;
      double *restrict c2r = c2 + (long)j * P;
      for (int i = 1; i < nx; i++) { /* interior faces: upwind cell i-1 or i */
        double fmv = fr[i] * hs;
        double aup = fmv > 0.0 ? Ar[i - 1] : Ar[i];
        double sig = fabs(fmv) / aup;
        fmr[i] = fmv;
        c1r[i] = (1.0 - sig) * (1.0 - sig);
        c2r[i] = -sig * (1.0 - sig);
      }
      for (int e = 0; e < 2; e++) { /* boundary faces: ghost air mass = edge cell (or wrap) */
        const int i = e ? nx : 0;
        double fmv = fr[i] * hs;
        int up = fmv > 0.0 ? i - 1 : i;
        if (up < 0) up = periodic ? nx - 1 : 0;
        if (up >= nx) up = periodic ? 0 : nx - 1;
        double sig = fabs(fmv) / Ar[up];
        fmr[i] = fmv;
        c1r[i] = (1.0 - sig) * (1.0 - sig);
        c2r[i] = -sig * (1.0 - sig);
      }
      double *restrict Aw = A + (long)j * nx;
      for (int i = 0; i < nx; i++) Aw[i] += fmr[i] - fmr[i + 1];
    }
  } else {
    for (int j = 0; j <= ny; j++) {
      int jd = j - 1 < 0 ? (periodic ? ny - 1 : 0) : j - 1; /* upwind row for flow to + */
      int ju = j >= ny ? (periodic ? 0 : ny - 1) : j;         /* upwind row for flow to - */
      const double *restrict fr = f + (long)j * nx;
      const double *restrict Ad = A + (long)jd * nx, *restrict Au = A + (long)ju * nx;
      double *restrict fmr = fm + (long)j * P, *restrict c1r = c1 + (long)j * P;
      double *restrict c2r = c2 + (long)j * P;
      for (int i = 0; i < nx; i++) {
        double fmv = fr[i] * hs;
        double aup = fmv > 0.0 ? Ad[i] : Au[i];
        double sig = fabs(fmv) / aup;
        fmr[i] = fmv;
        c1r[i] = (1.0 - sig) * (1.0 - sig);
        c2r[i] = -sig * (1.0 - sig);
      }
    }
    for (int j = 0; j < ny; j++) {
      double *restrict Ar = A + (long)j * nx;
      const double *restrict lo = fm + (long)j * P, *restrict hi = fm + (long)(j + 1) * P;
      for (int i = 0; i < nx; i++) Ar[i] += lo[i] - hi[i];
    }
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

static inline __attribute__((always_inline)) void
slab_pass(const AsPpm *h, const AsPpmInput *in, double *cs, int s, int k, int reverse,
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

typedef void (*SlabFn)(const AsPpm *, const AsPpmInput *, double *, int, int, int, double *,
                       double *, double *);
#define AS_PPM_SLAB_VARIANT(name, attr)                                                        \
  attr static void name(const AsPpm *h, const AsPpmInput *in, double *cs, int s, int k, int rev, \
                        double *scr, double *bin, double *bout)                                 \
  {                                                                                             \
    slab_pass(h, in, cs, s, k, rev, scr, bin, bout);                                            \
  }
AS_PPM_SLAB_VARIANT(slab_default, )
#ifdef AS_PPM_X86
AS_PPM_SLAB_VARIANT(slab_avx2, __attribute__((target("avx2"))))
AS_PPM_SLAB_VARIANT(slab_avx512, __attribute__((target("avx512f"))))
#endif

static const struct {
  const char *name;
  SlabFn fn;
} as_ppm_kernels[] = {
    {"default", slab_default},
#ifdef AS_PPM_X86
    {"avx2", slab_avx2},
    {"avx512f", slab_avx512},
#endif
};
enum { AS_PPM_NKERNELS = sizeof as_ppm_kernels / sizeof as_ppm_kernels[0] };

static int isa_supported(int i)
{
#ifdef AS_PPM_X86
  __builtin_cpu_init();
  if (!strcmp(as_ppm_kernels[i].name, "avx2")) return __builtin_cpu_supports("avx2");
  if (!strcmp(as_ppm_kernels[i].name, "avx512f")) return __builtin_cpu_supports("avx512f");
#endif
  return i == 0;
}

AsStatus as_ppm_set_isa(AsPpm *h, const char *isa)
{
  for (int i = 0; i < AS_PPM_NKERNELS; i++)
    if (!strcmp(as_ppm_kernels[i].name, isa)) {
      if (!isa_supported(i))
        return as_error(AS_ERR_ARG, "", "advection_horizontal",
                        "instruction set '%s' is not supported by this CPU", isa);
      h->isa = i;
      return AS_OK;
    }
  return as_error(AS_ERR_ARG, "", "advection_horizontal", "unknown kernel '%s'", isa);
}

const char *as_ppm_isa(const AsPpm *h) { return as_ppm_kernels[h->isa].name; }

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
  for (int i = 0; i < AS_PPM_NKERNELS; i++)
    if (isa_supported(i)) h->isa = i; /* the widest supported (listed narrowest first) */
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
  const SlabFn slab = as_ppm_kernels[h->isa].fn;

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
          slab(h, in, c + (size_t)s * ncell + (size_t)k * ncol, s, k, reverse, scr, b, b + 1);
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
