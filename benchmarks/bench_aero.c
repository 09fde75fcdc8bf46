/* bench_aero — cost of the "aerosol" process per cell-step in the default case's 3-D model, as a
 * ratio to the "chemistry" process measured in the same run on the same state (docs/benchmarks.md).
 *
 * For each sample start (default 2021-01-01 and 2021-07-01 00 UTC) the 6 km default case runs SPINUP
 * hours with every process; then on one thread, REPS times each from the same saved state:
 *   aerosol(dt/2) as in the split step, and chemistry(dt) with the cell's carried step (warm).
 * Reported: us per cell per call; a model step calls aerosol twice, so per cell-step = 2 x that.
 * usage (from the repository root): bench_aero [--out FILE.json] [--spinup H] [key=value ...] */
#include "as_model.h"
#include "as_process_aero.h"
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#define REPS 5
#define NSAMP 2

#define CHECK(x)                                                                         \
  do {                                                                                   \
    if ((x) != AS_OK) return fprintf(stderr, "bench_aero: %s\n", as_error_message()), 1; \
  } while (0)

typedef struct {
  const char *start;
  double aero_us, chem_us;   /* best of REPS, us per cell per call */
  long cloud_cells;
  double wall_spin;
} Sample;

static int find(const AsModel *m, const char *name)
{
  for (int p = 0; p < m->nproc; p++)
    if (!strcmp(m->proc[p].ops->name, name)) return p;
  return -1;
}

/* best-of-REPS time of one apply of process p, state restored before each */
static double time_apply(AsModel *m, int p, double dt, const double *save, size_t n)
{
  double best = 1e30;
  for (int r = 0; r < REPS; r++) {
    memcpy(m->c, save, n * sizeof(double));
    double t0 = omp_get_wtime();
    if (m->proc[p].ops->apply(&m->proc[p], m, dt, 1)) return -1;
    double t = omp_get_wtime() - t0;
    if (t < best) best = t;
  }
  memcpy(m->c, save, n * sizeof(double));
  return best;
}

int main(int argc, char **argv)
{
  const char *casefile = "inputs/cases/wcs.yaml", *out = "benchmarks/results/aero.json";
  double spinup = 2;
  Sample smp[NSAMP] = {{"2021-01-01T00:00:00Z", 0, 0, 0, 0}, {"2021-07-01T00:00:00Z", 0, 0, 0, 0}};
  char settings[1024] = "grid.resolution=6km";
  for (int a = 1; a < argc; a++) {
    if (!strcmp(argv[a], "--out") && a + 1 < argc) out = argv[++a];
    else if (!strcmp(argv[a], "--spinup") && a + 1 < argc) spinup = atof(argv[++a]);
    else strncat(settings, " ", sizeof settings - strlen(settings) - 1), strncat(settings, argv[a], sizeof settings - strlen(settings) - 1);
  }
  int nx = 0, ny = 0, nz = 0, nspec = 0;
  long ncell = 0;
  for (int k = 0; k < NSAMP; k++) {
    AsConfig *cfg = NULL;
    AsModel *m = NULL;
    char key[96];
    CHECK(as_config_load(casefile, &cfg));
    CHECK(as_config_set(cfg, "grid.resolution=6km"));
    for (int a = 1; a < argc; a++) {
      if ((!strcmp(argv[a], "--out") || !strcmp(argv[a], "--spinup")) && a + 1 < argc) a++;
      else CHECK(as_config_set(cfg, argv[a]));
    }
    snprintf(key, sizeof key, "time.start=%s", smp[k].start);
    CHECK(as_config_set(cfg, key));
    CHECK(as_model_create(cfg, &m));
    int pa = find(m, "aerosol"), pc = find(m, "chemistry");
    if (pa < 0 || pc < 0) return fprintf(stderr, "bench_aero: the case needs aerosol and chemistry\n"), 1;
    double t0 = omp_get_wtime();
    for (long s = 0, ns = (long)(spinup * 3600 / m->dt); s < ns; s++) CHECK(as_model_step(m));
    smp[k].wall_spin = omp_get_wtime() - t0;
    /* the state the second aerosol call of a step sees: after the chemistry */
    CHECK(m->proc[pc].ops->apply(&m->proc[pc], m, m->dt, 0));
    size_t n = (size_t)m->nspec * (size_t)m->ncell;
    double *save = malloc(n * sizeof(double));
    memcpy(save, m->c, n * sizeof(double));
    omp_set_num_threads(1);
    double ta = time_apply(m, pa, 0.5 * m->dt, save, n);
    smp[k].cloud_cells = as_aero_cloud_cells(m->proc[pa].data);
    double tc = time_apply(m, pc, m->dt, save, n);
    if (ta < 0 || tc < 0) return fprintf(stderr, "bench_aero: %s\n", as_error_message()), 1;
    smp[k].aero_us = ta / m->ncell * 1e6, smp[k].chem_us = tc / m->ncell * 1e6;
    printf("%s after %g h: aerosol %.2f us per cell-call (%ld cloud cells), chemistry %.2f us per cell-step, "
           "aerosol per cell-step (2 calls) / chemistry = %.3f\n", smp[k].start, spinup, smp[k].aero_us,
           smp[k].cloud_cells, smp[k].chem_us, 2 * smp[k].aero_us / smp[k].chem_us);
    nx = m->grid->nx, ny = m->grid->ny, nz = m->grid->nz, nspec = m->nspec, ncell = m->ncell;
    omp_set_num_threads(omp_get_num_procs());
    free(save);
    as_model_destroy(&m);
    as_config_destroy(&cfg);
  }
  char tmp[1100];
  snprintf(tmp, sizeof tmp, "%s.tmp", out);
  FILE *f = fopen(tmp, "w");
  if (!f) return fprintf(stderr, "bench_aero: %s: cannot open for writing\n", tmp), 1;
  struct utsname un;
  uname(&un);
  fprintf(f, "{\n  \"benchmark\": \"bench_aero\",\n"
             "  \"machine\": {\"logical_cpus\": %ld, \"os\": \"%s %s\", \"compiler\": \"%s\"},\n"
             "  \"case\": \"%s\", \"settings\": \"%s\", \"grid\": [%d, %d, %d], \"cells\": %ld, \"species\": %d,\n"
             "  \"threads\": 1, \"reps\": %d, \"spinup_h\": %g,\n"
             "  \"definition\": \"best of reps, one thread, every cell of the grid; aerosol call = dt/2 as in the split "
             "step (called twice per step); chemistry = one dt step with the carried internal step; same state, "
             "same run\",\n  \"samples\": [\n",
          sysconf(_SC_NPROCESSORS_ONLN), un.sysname, un.release, __VERSION__, casefile, settings, nx, ny, nz, ncell,
          nspec, REPS, spinup);
  for (int k = 0; k < NSAMP; k++)
    fprintf(f, "    {\"start\": \"%s\", \"aerosol_us_per_cell_call\": %.3f, \"aerosol_us_per_cell_step\": %.3f, "
               "\"chemistry_us_per_cell_step\": %.3f, \"aerosol_over_chemistry\": %.4f, \"cloud_cells\": %ld, "
               "\"spinup_wall_s\": %.1f}%s\n",
            smp[k].start, smp[k].aero_us, 2 * smp[k].aero_us, smp[k].chem_us, 2 * smp[k].aero_us / smp[k].chem_us,
            smp[k].cloud_cells, smp[k].wall_spin, k + 1 < NSAMP ? "," : "");
  fprintf(f, "  ]\n}\n");
  if (fclose(f) || rename(tmp, out)) return fprintf(stderr, "bench_aero: %s: cannot write\n", out), 1;
  printf("wrote %s\n", out);
  return 0;
}
