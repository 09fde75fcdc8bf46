/* bench_machine.c — STREAM triad and FMA peak (see bench_machine.h). */
#include "bench_machine.h"
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

#define TRIAD_N (32L * 1024 * 1024)   /* 256 MB per array, 768 MB in all: far beyond any cache */
#define FMA_ITERS 20000000L

static double triad(int threads, int reps)
{
  double *a = malloc(sizeof(double) * TRIAD_N), *b = malloc(sizeof(double) * TRIAD_N),
         *c = malloc(sizeof(double) * TRIAD_N);
  if (!a || !b || !c) {
    free(a); free(b); free(c);
    return 0.0;
  }
  const double s = 3.0;
  double best = 1e30;
#pragma omp parallel num_threads(threads)
  {
#pragma omp for schedule(static)
    for (long i = 0; i < TRIAD_N; i++) { a[i] = 0.0; b[i] = 1.0; c[i] = 2.0; }
    for (int r = 0; r < reps; r++) {
      double t0 = 0;
#pragma omp barrier
#pragma omp master
      t0 = omp_get_wtime();
#pragma omp for schedule(static)
      for (long i = 0; i < TRIAD_N; i++) a[i] = b[i] + s * c[i];
#pragma omp master
      {
        double el = omp_get_wtime() - t0;
        if (el < best) best = el;
      }
    }
  }
  volatile double sink = a[TRIAD_N / 2];
  (void)sink;
  free(a); free(b); free(c);
  return 24.0 * TRIAD_N / best / 1e9;
}

/* 12 independent accumulators hide the FMA latency (4 cycles x 2 ports + margin) */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target("avx512f,fma"))) static double fma_avx512(long n)
{
  __m512d x = _mm512_set1_pd(0.999999), y = _mm512_set1_pd(1e-7);
  __m512d a0 = _mm512_set1_pd(1.0), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0,
          a8 = a0, a9 = a0, a10 = a0, a11 = a0;
  for (long i = 0; i < n; i++) {
    a0 = _mm512_fmadd_pd(a0, x, y); a1 = _mm512_fmadd_pd(a1, x, y);
    a2 = _mm512_fmadd_pd(a2, x, y); a3 = _mm512_fmadd_pd(a3, x, y);
    a4 = _mm512_fmadd_pd(a4, x, y); a5 = _mm512_fmadd_pd(a5, x, y);
    a6 = _mm512_fmadd_pd(a6, x, y); a7 = _mm512_fmadd_pd(a7, x, y);
    a8 = _mm512_fmadd_pd(a8, x, y); a9 = _mm512_fmadd_pd(a9, x, y);
    a10 = _mm512_fmadd_pd(a10, x, y); a11 = _mm512_fmadd_pd(a11, x, y);
  }
  __m512d s = _mm512_add_pd(_mm512_add_pd(_mm512_add_pd(a0, a1), _mm512_add_pd(a2, a3)),
                            _mm512_add_pd(_mm512_add_pd(a4, a5), _mm512_add_pd(a6, a7)));
  s = _mm512_add_pd(s, _mm512_add_pd(_mm512_add_pd(a8, a9), _mm512_add_pd(a10, a11)));
  return _mm512_reduce_add_pd(s);
}
__attribute__((target("avx2,fma"))) static double fma_avx2(long n)
{
  __m256d x = _mm256_set1_pd(0.999999), y = _mm256_set1_pd(1e-7);
  __m256d a0 = _mm256_set1_pd(1.0), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0,
          a8 = a0, a9 = a0, a10 = a0, a11 = a0;
  for (long i = 0; i < n; i++) {
    a0 = _mm256_fmadd_pd(a0, x, y); a1 = _mm256_fmadd_pd(a1, x, y);
    a2 = _mm256_fmadd_pd(a2, x, y); a3 = _mm256_fmadd_pd(a3, x, y);
    a4 = _mm256_fmadd_pd(a4, x, y); a5 = _mm256_fmadd_pd(a5, x, y);
    a6 = _mm256_fmadd_pd(a6, x, y); a7 = _mm256_fmadd_pd(a7, x, y);
    a8 = _mm256_fmadd_pd(a8, x, y); a9 = _mm256_fmadd_pd(a9, x, y);
    a10 = _mm256_fmadd_pd(a10, x, y); a11 = _mm256_fmadd_pd(a11, x, y);
  }
  __m256d s = _mm256_add_pd(_mm256_add_pd(_mm256_add_pd(a0, a1), _mm256_add_pd(a2, a3)),
                            _mm256_add_pd(_mm256_add_pd(a4, a5), _mm256_add_pd(a6, a7)));
  s = _mm256_add_pd(s, _mm256_add_pd(_mm256_add_pd(a8, a9), _mm256_add_pd(a10, a11)));
  double o[4];
  _mm256_storeu_pd(o, s);
  return o[0] + o[1] + o[2] + o[3];
}
#endif
/* baseline: separate multiply and add (SSE2), counted as 2 flops per lane as well */
static double fma_sse2(long n)
{
  double a[24], x = 0.999999, y = 1e-7;
  for (int k = 0; k < 24; k++) a[k] = 1.0;
  for (long i = 0; i < n; i++)
    for (int k = 0; k < 24; k++) a[k] = a[k] * x + y;
  double s = 0;
  for (int k = 0; k < 24; k++) s += a[k];
  return s;
}

static double peak(int threads, int reps, const char *isa)
{
  double best = 1e30;
  volatile double sink = 0;
  int lanes = !strcmp(isa, "avx512f+fma") ? 8 : !strcmp(isa, "avx2+fma") ? 4 : 2;
  long n = FMA_ITERS;
  double per_iter = !strcmp(isa, "sse2") ? 24.0 * 2 : 12.0 * lanes * 2;
  if (!strcmp(isa, "sse2")) n /= 4;
  for (int r = 0; r < reps; r++) {
    double t0 = omp_get_wtime();
#pragma omp parallel num_threads(threads) reduction(+ : sink)
    {
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
      if (lanes == 8) sink += fma_avx512(n);
      else if (lanes == 4) sink += fma_avx2(n);
      else
#endif
        sink += fma_sse2(n);
    }
    double el = omp_get_wtime() - t0;
    if (el < best) best = el;
  }
  return per_iter * n * threads / best / 1e9;
}

void bench_machine_measure(BenchMachine *bm, int maxthreads)
{
  memset(bm, 0, sizeof *bm);
  snprintf(bm->cpu, sizeof bm->cpu, "unknown");
  FILE *f = fopen("/proc/cpuinfo", "r");
  if (f) {
    char line[512];
    while (fgets(line, sizeof line, f))
      if (!strncmp(line, "model name", 10)) {
        char *p = strchr(line, ':');
        if (p) {
          p += 2;
          p[strcspn(p, "\n")] = 0;
          snprintf(bm->cpu, sizeof bm->cpu, "%s", p);
        }
        break;
      }
    fclose(f);
  }
  snprintf(bm->peak_isa, sizeof bm->peak_isa, "sse2");
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("fma"))
    snprintf(bm->peak_isa, sizeof bm->peak_isa, "avx512f+fma");
  else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
    snprintf(bm->peak_isa, sizeof bm->peak_isa, "avx2+fma");
#endif
  bm->triad_mb = 8.0 * TRIAD_N / 1048576.0;
  bm->triad_reps = 8;
  bm->fma_reps = 5;
  const int thr[2] = {1, maxthreads};
  for (int r = 0; r < 2; r++) {
    bm->triad_gbps[r] = triad(thr[r], bm->triad_reps);
    bm->peak_gflops[r] = peak(thr[r], bm->fma_reps, bm->peak_isa);
  }
}
