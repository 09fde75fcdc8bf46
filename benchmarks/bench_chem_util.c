/* bench_chem_util.c — shared parts of the chemistry benchmarks (see bench_chem_util.h). */
#include "bench_chem_util.h"
#include <time.h>

const char *const bench_solver_name[BENCH_NSOLV] = {"ros3", "rodas3", "cvode_dense", "cvode_klu"};

AsStatus bench_solvers_create(const AsOdeSystem *sys, BenchSolvers *sv)
{
  *sv = (BenchSolvers){{NULL, NULL}, {NULL, NULL}};
  AS_CALL(as_ros_create(sys, "ros3", &sv->ros[0]));
  AS_CALL(as_ros_create(sys, "rodas3", &sv->ros[1]));
  AS_CALL(as_cvode_create(sys, "dense", &sv->cv[0]));
  return as_cvode_create(sys, "klu", &sv->cv[1]);
}

void bench_solvers_destroy(BenchSolvers *sv)
{
  as_ros_destroy(&sv->ros[0]), as_ros_destroy(&sv->ros[1]);
  as_cvode_destroy(&sv->cv[0]), as_cvode_destroy(&sv->cv[1]);
}

AsStatus bench_integrate(BenchSolvers *sv, int s, const AsMech *m, const double *k, double *y, double dt,
                         double rtol, const double *atol, double *h, AsOdeStats *st)
{
  AsMechCtx ctx = {m, k};
  return s < 2 ? as_ros_integrate(sv->ros[s], &ctx, y, dt, rtol, atol, h, st)
               : as_cvode_integrate(sv->cv[s - 2], &ctx, y, dt, rtol, atol, h, st);
}

double bench_now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

void bench_json_speedups(FILE *f, const double us[BENCH_NSOLV + 1][3], const int ok[BENCH_NSOLV + 1], int ncall,
                         const char *const *call_name)
{
  fprintf(f, "  \"speedup_at_equal_accuracy\": {\n");
  for (int s = 0; s < 2; s++)
    for (int c = 2; c < BENCH_NSOLV; c++) {
      fprintf(f, "    \"%s_vs_%s\": {", bench_solver_name[s], bench_solver_name[c]);
      for (int call = 0; call < ncall; call++)
        fprintf(f, "\"%s\": %.1f%s", call_name[call], ok[s] && ok[c] ? us[c][call] / us[s][call] : -1.0,
                call + 1 < ncall ? ", " : "");
      fprintf(f, "}%s\n", s == 1 && c == BENCH_NSOLV - 1 ? "" : ",");
    }
  fprintf(f, "  },\n  \"ros3v_speedup_at_equal_accuracy\": {");
  const int v = BENCH_NSOLV;
  for (int c = 0; c < v; c++) {
    fprintf(f, "%s\"vs_%s\": {", c ? ", " : "", bench_solver_name[c]);
    for (int call = 0; call < ncall; call++)
      fprintf(f, "\"%s\": %.2f%s", call_name[call], ok[c] && ok[v] ? us[c][call] / us[v][call] : -1.0,
              call + 1 < ncall ? ", " : "}");
  }
  fprintf(f, "},\n");
}
