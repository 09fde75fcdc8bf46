/* bench_chem_util.h — what the chemistry benchmarks (bench_chem: box cells, bench_chem_model: the
 * default case's cells) share: the four solvers by index, one integrate call, a clock, and the
 * speed-up block of their JSON. */
#ifndef BENCH_CHEM_UTIL_H
#define BENCH_CHEM_UTIL_H
#include "as_cvode.h"
#include "as_mech.h"
#include "as_rosenbrock.h"
#include <stdio.h>

#define BENCH_NSOLV 4
extern const char *const bench_solver_name[BENCH_NSOLV]; /* ros3, rodas3, cvode_dense, cvode_klu */

typedef struct {
  AsRos *ros[2];   /* ros3, rodas3 */
  AsCvode *cv[2];  /* dense, klu */
} BenchSolvers;

AsStatus bench_solvers_create(const AsOdeSystem *sys, BenchSolvers *sv);
void bench_solvers_destroy(BenchSolvers *sv);
/* solver s (index into bench_solver_name) on one cell's rate constants k over dt */
AsStatus bench_integrate(BenchSolvers *sv, int s, const AsMech *m, const double *k, double *y, double dt,
                         double rtol, const double *atol, double *h, AsOdeStats *st);
double bench_now(void); /* monotonic seconds */
/* "speedup_at_equal_accuracy" entries: Rosenbrock (s = 0, 1) over CVODE (2, 3) per call type, and
 * "ros3v_speedup_at_equal_accuracy": the multi-cell ROS3 (s = BENCH_NSOLV, both benchmarks' fifth
 * solver) over each of the four; us[s][call] at solver s's equal-accuracy rtol, ok[s] = 0 when it was
 * not reached (-1 written) */
void bench_json_speedups(FILE *f, const double us[BENCH_NSOLV + 1][3], const int ok[BENCH_NSOLV + 1], int ncall,
                         const char *const *call_name);

#endif
