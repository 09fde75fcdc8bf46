/* bench_machine.h — the machine's reference figures for bench_transport: STREAM triad bandwidth
 * (McCalpin's a[i] = b[i] + s*c[i], arrays far larger than the caches, best of N, counted as
 * 24 bytes per element) and the double-precision FMA peak (independent accumulators in the widest
 * vector FMA the CPU offers, best of N, 2 flops per lane per FMA). Index 0: 1 thread, 1: all. */
#ifndef BENCH_MACHINE_H
#define BENCH_MACHINE_H

typedef struct {
  char cpu[128];
  char peak_isa[32];
  double triad_mb;       /* size of each of the three arrays */
  int triad_reps, fma_reps;
  double triad_gbps[2];
  double peak_gflops[2];
} BenchMachine;

void bench_machine_measure(BenchMachine *bm, int maxthreads);

#endif
