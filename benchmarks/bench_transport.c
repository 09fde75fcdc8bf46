/* bench_transport.c — times the horizontal advection (solver/as_ppm.c, the kernel behind
 * "advection_horizontal") on a default-size grid with many species, the whole transport step of
 * the default case (when the model can be built), and in the same run a STREAM triad and an FMA
 * loop for the machine's bandwidth and peak; writes JSON (docs/benchmarks.md explains every field).
 *
 * Usage: bench_transport [OUT.json] [NSPEC] [full|quick|default|avx2|avx512f]
 *        (defaults benchmarks/results/transport.json, 64, full; quick or a kernel name: only the
 *        horizontal advection with 1 thread and that kernel, no JSON; two more arguments NX NY
 *        change the synthetic grid for experiments)
 * Run from the repository root (the full-step part reads inputs/cases/wcs.yaml).
 */
#include "adv_harness.h"
#include "bench_machine.h"
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
#ifdef AS_BENCH_FULL_MODEL
#include "as_model.h"
#endif

/* Useful work per cell-species-step of the horizontal advection, counted from as_ppm.c
 * (docs/benchmarks.md shows the count): additions/subtractions/multiplications, and the other
 * floating-point operations (min/max, compare, select, abs, copysign). */
#define FLOPS_PER_CSS 38.0
#define OTHER_OPS_PER_CSS 34.0

typedef struct {
  double seconds;
  double cpu_seconds; /* process CPU time over the same interval (shows contention on a busy host) */
  long steps;
  double rate;        /* cell.species.steps per second, all threads together */
  double rate_core;   /* per core (= per thread here) */
  int threads;
} Timing;

/* ------------------------------------------------------------------ synthetic case */

typedef struct {
  int nx, ny, nz, nspec;
  double dt;
} BenchGrid;

static AsStatus build_case(const BenchGrid *bg, AdvCase **out)
{
  const int nx = bg->nx, ny = bg->ny, nz = bg->nz;
  const double dx = 3000.0, top = 6000.0, dz0 = 36.0;
  AdvCase *ac;
  AS_CALL(adv_case_create(nx, ny, nz, bg->nspec, dx, dx, 1.0, 1.0, 0, 0.9, &ac));
  *out = ac;
  /* geometric layer thickness from dz0 at the ground to the top */
  double r = 1.2;
  for (int it = 0; it < 200; it++) r = pow(1.0 + top * (r - 1.0) / dz0, 1.0 / nz); /* fixed point */
  double z = 0.0;
  for (int k = 0; k < nz; k++) {
    double dz = dz0 * pow(r, k), zm = z + 0.5 * dz, rho = 1.2 * exp(-zm / 8500.0);
    double U = 6.0 + 5.0 * zm / top, th = 0.5;          /* m/s, direction 29 deg north of east */
    double amp = 1.5 * 3.0e4 / (2 * M_PI);              /* eddy: +-1.5 m/s, 30 km scale */
    double L = 3.0e4;
    /* stream function at corners: psi = U cos(th) y - U sin(th) x + amp sin(2pi x/L) sin(2pi y/L) */
    for (int j = 0; j < ny; j++)
      for (int i = 0; i <= nx; i++) {
        double x = i * dx, y0 = j * dx, y1 = y0 + dx;
        double p0 = U * cos(th) * y0 - U * sin(th) * x + amp * sin(2 * M_PI * x / L) * sin(2 * M_PI * y0 / L);
        double p1 = U * cos(th) * y1 - U * sin(th) * x + amp * sin(2 * M_PI * x / L) * sin(2 * M_PI * y1 / L);
        ac->fx[((long)k * ny + j) * (nx + 1) + i] = rho * dz * (p1 - p0);
      }
    for (int j = 0; j <= ny; j++)
      for (int i = 0; i < nx; i++) {
        double y = j * dx, x0 = i * dx, x1 = x0 + dx;
        double p0 = U * cos(th) * y - U * sin(th) * x0 + amp * sin(2 * M_PI * x0 / L) * sin(2 * M_PI * y / L);
        double p1 = U * cos(th) * y - U * sin(th) * x1 + amp * sin(2 * M_PI * x1 / L) * sin(2 * M_PI * y / L);
        ac->fy[((long)k * (ny + 1) + j) * nx + i] = -rho * dz * (p1 - p0);
      }
    for (long c = 0; c < ac->ncol; c++) {
      ac->volume[k * ac->ncol + c] = dx * dx * dz;
      ac->mair[k * ac->ncol + c] = rho * dx * dx * dz;
    }
    for (int j = 0; j < ny; j++) ac->side[0][k * ny + j] = ac->side[1][k * ny + j] = 10.0;
    for (int i = 0; i < nx; i++) ac->side[2][k * nx + i] = ac->side[3][k * nx + i] = 10.0;
    z += dz;
  }
  /* smooth random-ish fields: a few random Fourier modes per species plus small noise */
  unsigned long long seed = 12345;
  for (int s = 0; s < bg->nspec; s++) {
    double ph[6];
    for (int m = 0; m < 6; m++) {
      seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
      ph[m] = 2 * M_PI * (double)(seed >> 11) / 9007199254740992.0;
    }
    for (int k = 0; k < nz; k++)
      for (int j = 0; j < ny; j++)
        for (int i = 0; i < nx; i++) {
          seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
          double noise = (double)(seed >> 11) / 9007199254740992.0;
          double v = 10.0 + 4.0 * sin(2 * M_PI * i / 17.0 + ph[0]) * cos(2 * M_PI * j / 13.0 + ph[1]) +
                     2.0 * sin(2 * M_PI * (i + j) / 9.0 + ph[2]) + 1.0 * cos(2 * M_PI * k / 7.0 + ph[3]) +
                     0.3 * noise;
          ac->c[(size_t)s * ac->ncell + ((long)k * ny + j) * nx + i] = v;
        }
  }
  return AS_OK;
}

static double cpu_now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static int time_hadv(AdvCase *ac, int threads, double min_seconds, Timing *t)
{
  omp_set_num_threads(threads);
  for (int w = 0; w < 4; w++)
    if (adv_case_step(ac, 150.0, w % 2) != AS_OK) return 1;
  long steps = 0;
  double t0 = omp_get_wtime(), el, cpu0 = cpu_now();
  do {
    for (int w = 0; w < 10; w++, steps++)
      if (adv_case_step(ac, 150.0, (int)(steps % 2)) != AS_OK) return 1;
    el = omp_get_wtime() - t0;
  } while (el < min_seconds);
  t->seconds = el;
  t->cpu_seconds = cpu_now() - cpu0;
  t->steps = steps;
  t->threads = threads;
  t->rate = (double)ac->ncell * ac->nspec * steps / el;
  t->rate_core = t->rate / threads;
  return 0;
}

/* ------------------------------------------------------------------ full transport step */

typedef struct {
  int available;
  char why[512];
  int nx, ny, nz, nspec;
  double step_seconds[2];          /* wall time per model step of the transport processes, 1/all thr. */
  double proc_seconds[2][16];
  char proc_names[16][40];
  int nproc;
} FullStep;

static void time_full(FullStep *fs, int maxthreads)
{
  memset(fs, 0, sizeof *fs);
#ifndef AS_BENCH_FULL_MODEL
  (void)maxthreads;
  snprintf(fs->why, sizeof fs->why, "the model sources were not present at build time");
#else
  AsConfig *cfg = NULL;
  AsModel *m = NULL;
  if (as_config_load("inputs/cases/wcs.yaml", &cfg) != AS_OK ||
      as_model_create(cfg, &m) != AS_OK) {
    snprintf(fs->why, sizeof fs->why, "default case could not be built: %s", as_error_message());
    if (m) as_model_destroy(&m);
    if (cfg) as_config_destroy(&cfg);
    as_error_clear();
    return;
  }
  fs->nx = m->grid->nx; fs->ny = m->grid->ny; fs->nz = m->grid->nz; fs->nspec = m->nspec;
  fs->nproc = m->nproc;
  for (int p = 0; p < m->nproc; p++)
    snprintf(fs->proc_names[p], sizeof fs->proc_names[p], "%s", m->proc[p].ops->name);
  const int nthr[2] = {1, maxthreads};
  for (int r = 0; r < 2; r++) {
    omp_set_num_threads(nthr[r]);
    for (int w = 0; w < 2; w++)
      if (as_model_step(m) != AS_OK) goto fail;
    for (int p = 0; p < m->nproc; p++) m->proc[p].seconds = 0;
    const int nsteps = 12;
    for (int w = 0; w < nsteps; w++)
      if (as_model_step(m) != AS_OK) goto fail;
    double tr = 0;
    for (int p = 0; p < m->nproc; p++) {
      fs->proc_seconds[r][p] = m->proc[p].seconds / nsteps;
      if (strstr(m->proc[p].ops->name, "advection") || strstr(m->proc[p].ops->name, "diffusion"))
        tr += m->proc[p].seconds / nsteps;
    }
    fs->step_seconds[r] = tr;
  }
  fs->available = 1;
  as_model_destroy(&m);
  as_config_destroy(&cfg);
  return;
fail:
  snprintf(fs->why, sizeof fs->why, "model step failed: %s", as_error_message());
  as_error_clear();
  as_model_destroy(&m);
  as_config_destroy(&cfg);
#endif
}

/* ------------------------------------------------------------------ main */

int main(int argc, char **argv)
{
  const char *path = argc > 1 ? argv[1] : "benchmarks/results/transport.json";
  int nspec = argc > 2 ? atoi(argv[2]) : 64;
  if (nspec < 1) {
    fprintf(stderr, "bench_transport: NSPEC: must be a positive integer\n");
    return 2;
  }
  const int maxthreads = omp_get_max_threads();
  BenchGrid bg = {50, 40, 18, nspec, 150.0};
  if (argc > 5) { /* development: other slab sizes */
    bg.nx = atoi(argv[4]);
    bg.ny = atoi(argv[5]);
  }
  AdvCase *ac;
  if (build_case(&bg, &ac) != AS_OK) {
    fprintf(stderr, "%s\n", as_error_message());
    return 1;
  }
  Timing th[2];
  if (argc > 3 && strcmp(argv[3], "quick") && strcmp(argv[3], "full")) { /* quick with a kernel */
    if (as_ppm_set_isa(ac->ppm, argv[3]) != AS_OK) {
      fprintf(stderr, "%s\n", as_error_message());
      return 1;
    }
  }
  if (argc > 3 && strcmp(argv[3], "full")) { /* development: horizontal advection, 1 thread */
    if (time_hadv(ac, 1, 2.0, &th[0])) return 1;
    printf("%.1f M cell.species.steps/s per core (1 thread), %.1f M per CPU-second\n",
           th[0].rate / 1e6, th[0].rate * th[0].seconds / th[0].cpu_seconds / 1e6);
    adv_case_destroy(&ac);
    return 0;
  }
  /* every kernel variant this CPU supports, 1 thread (the fastest one is then kept) */
  static const char *const isas[] = {"default", "avx2", "avx512f"};
  Timing tisa[3];
  int has_isa[3] = {0, 0, 0};
  const char *best = as_ppm_isa(ac->ppm);
  for (int v = 0; v < 3; v++) {
    if (as_ppm_set_isa(ac->ppm, isas[v]) != AS_OK) {
      as_error_clear();
      continue;
    }
    if (time_hadv(ac, 1, 1.5, &tisa[v])) return 1;
    has_isa[v] = 1;
  }
  if (as_ppm_set_isa(ac->ppm, best) != AS_OK) return 1;
  if (time_hadv(ac, 1, 4.0, &th[0]) || time_hadv(ac, maxthreads, 3.0, &th[1])) {
    fprintf(stderr, "%s\n", as_error_message());
    return 1;
  }
  double cour = as_ppm_courant_max_seen(ac->ppm);
  int nsub = 0;
  for (int k = 0; k < bg.nz; k++) nsub = as_ppm_substeps(ac->ppm, k) > nsub ? as_ppm_substeps(ac->ppm, k) : nsub;
  /* minimal bytes: c read + written once (16 B) + per cell fx, fy, mair, volume (32 B) over species */
  const double bytes_css = 16.0 + 32.0 / nspec;
  FullStep fs;
  time_full(&fs, maxthreads);
  BenchMachine mach;
  bench_machine_measure(&mach, maxthreads);

  FILE *f = fopen(path, "w");
  if (!f) {
    fprintf(stderr, "%s: output: cannot open for writing\n", path);
    return 1;
  }
  struct utsname un;
  uname(&un);
  fprintf(f, "{\n  \"machine\": {\"cpu\": \"%s\", \"logical_cpus\": %ld, \"omp_max_threads\": %d, "
             "\"kernel\": \"%s %s\", \"compiler\": \"gcc %s\", \"kernel_isa\": \"%s\", "
             "\"peak_isa\": \"%s\"},\n",
          mach.cpu, sysconf(_SC_NPROCESSORS_ONLN), maxthreads, un.sysname, un.release, __VERSION__,
          as_ppm_isa(ac->ppm), mach.peak_isa);
  fprintf(f, "  \"grid\": {\"nx\": %d, \"ny\": %d, \"nz\": %d, \"cells\": %ld, \"species\": %d, "
             "\"dt_s\": %g, \"max_outflow_courant\": %.3f, \"substeps\": %d},\n",
          bg.nx, bg.ny, bg.nz, ac->ncell, nspec, bg.dt, cour, nsub);
  fprintf(f, "  \"horizontal_advection\": {\n    \"flops_per_cell_species_step\": %.0f,\n"
             "    \"other_fp_ops_per_cell_species_step\": %.0f,\n"
             "    \"min_bytes_per_cell_species_step\": %.3f,\n",
          FLOPS_PER_CSS, OTHER_OPS_PER_CSS, bytes_css);
  for (int r = 0; r < 2; r++) {
    double bw = th[r].rate * bytes_css / 1e9, gf = th[r].rate * FLOPS_PER_CSS / 1e9;
    fprintf(f, "    \"threads_%d\": {\"threads\": %d, \"steps\": %ld, \"seconds\": %.3f, "
               "\"cell_species_steps_per_s\": %.4e, \"per_core\": %.4e, "
               "\"effective_GBps\": %.3f, \"triad_GBps\": %.3f, \"bandwidth_ratio\": %.4f, "
               "\"GFlops\": %.3f, \"peak_GFlops\": %.3f, \"flop_ratio\": %.4f, "
               "\"cpu_seconds\": %.3f}%s\n",
            r == 0 ? 1 : maxthreads, th[r].threads, th[r].steps, th[r].seconds, th[r].rate,
            th[r].rate_core, bw, mach.triad_gbps[r], bw / mach.triad_gbps[r], gf,
            mach.peak_gflops[r], gf / mach.peak_gflops[r], th[r].cpu_seconds, r == 0 ? "," : "");
  }
  fprintf(f, "  },\n  \"horizontal_advection_by_kernel_1_thread\": {");
  for (int v = 0, first = 1; v < 3; v++)
    if (has_isa[v]) {
      fprintf(f, "%s\"%s\": {\"per_core\": %.4e, \"cpu_seconds_over_wall\": %.3f}", first ? "" : ", ",
              isas[v], tisa[v].rate_core, tisa[v].cpu_seconds / tisa[v].seconds);
      first = 0;
    }
  fprintf(f, "},\n  \"transport_step\": {");
  if (fs.available) {
    long ncell = (long)fs.nx * fs.ny * fs.nz;
    fprintf(f, "\"available\": true, \"case\": \"inputs/cases/wcs.yaml\", \"nx\": %d, \"ny\": %d, "
               "\"nz\": %d, \"species\": %d,\n", fs.nx, fs.ny, fs.nz, fs.nspec);
    for (int r = 0; r < 2; r++) {
      int thr = r == 0 ? 1 : maxthreads;
      double rate = (double)ncell * fs.nspec / fs.step_seconds[r];
      fprintf(f, "    \"threads_%d\": {\"transport_seconds_per_step\": %.6f, "
                 "\"cell_species_steps_per_s\": %.4e, \"per_core\": %.4e, \"process_seconds_per_step\": {",
              thr, fs.step_seconds[r], rate, rate / thr);
      for (int p = 0; p < fs.nproc; p++)
        fprintf(f, "%s\"%s\": %.6f", p ? ", " : "", fs.proc_names[p], fs.proc_seconds[r][p]);
      fprintf(f, "}}%s\n", r == 0 ? "," : "");
    }
    fprintf(f, "  },\n");
  } else {
    fprintf(f, "\"available\": false, \"why\": \"%s\"},\n", fs.why);
  }
  fprintf(f, "  \"stream_triad\": {\"array_MB\": %.0f, \"best_of\": %d, \"GBps_1_thread\": %.3f, "
             "\"GBps_all_threads\": %.3f},\n",
          mach.triad_mb, mach.triad_reps, mach.triad_gbps[0], mach.triad_gbps[1]);
  fprintf(f, "  \"fma_peak\": {\"isa\": \"%s\", \"best_of\": %d, \"GFlops_1_thread\": %.3f, "
             "\"GFlops_all_threads\": %.3f}\n}\n",
          mach.peak_isa, mach.fma_reps, mach.peak_gflops[0], mach.peak_gflops[1]);
  if (fclose(f) != 0) {
    fprintf(stderr, "%s: output: write failed\n", path);
    return 1;
  }
  printf("horizontal advection %dx%dx%d x %d species, Courant <= %.2f, %d sub-step(s), kernel %s\n",
         bg.nx, bg.ny, bg.nz, nspec, cour, nsub, as_ppm_isa(ac->ppm));
  for (int r = 0; r < 2; r++)
    printf("  %d thread(s): %.1f M cell.species.steps/s (%.1f M per core), %.2f GB/s = %.1f%% of "
           "triad %.2f GB/s, %.2f GFlop/s = %.1f%% of peak %.1f\n",
           th[r].threads, th[r].rate / 1e6, th[r].rate_core / 1e6, th[r].rate * bytes_css / 1e9,
           100 * th[r].rate * bytes_css / 1e9 / mach.triad_gbps[r], mach.triad_gbps[r],
           th[r].rate * FLOPS_PER_CSS / 1e9, 100 * th[r].rate * FLOPS_PER_CSS / 1e9 / mach.peak_gflops[r],
           mach.peak_gflops[r]);
  for (int v = 0; v < 3; v++)
    if (has_isa[v]) printf("  kernel %-8s 1 thread: %.1f M per core\n", isas[v], tisa[v].rate_core / 1e6);
  if (fs.available)
    printf("transport step (default case %dx%dx%d, %d species): %.2f ms/step with 1 thread, %.2f ms with %d\n",
           fs.nx, fs.ny, fs.nz, fs.nspec, 1e3 * fs.step_seconds[0], 1e3 * fs.step_seconds[1], maxthreads);
  else
    printf("transport step: not measured (%s)\n", fs.why);
  printf("wrote %s\n", path);
  adv_case_destroy(&ac);
  return 0;
}
