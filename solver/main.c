/* main.c — the command line:
 *   airshed run CASE.yaml [--hours N] [--output DIR] [--set key=value ...] [--restart FILE]
 *   airshed check CASE.yaml [--output DIR] [--set key=value ...]
 *   airshed --help | --version
 * The only place that prints an error: one line "FILE:LINE: item: problem", exit status 1. */
#include "as_model.h"
#include "as_output.h"
#include "as_process_chem.h"
#include "as_sim.h"
#include "as_version.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
  fprintf(f,
          "airshed %s — air-quality model of the Wu-Cheng-Sha belt\n\n"
          "usage:\n"
          "  airshed run CASE.yaml [--hours N] [--output DIR] [--set key=value ...]\n"
          "                        [--restart CHECKPOINT.h5]\n"
          "  airshed check CASE.yaml [--output DIR] [--set key=value ...]\n"
          "  airshed --help | --version\n\n"
          "  run       simulate the case and write CF NetCDF, receptor and budget CSV files\n"
          "  check     read and validate everything the case names; run nothing\n"
          "  --hours   simulate only the first N hours of the case's period\n"
          "  --output  output directory (overrides output.directory)\n"
          "  --set     override one case-file key, e.g. --set grid.resolution=1km\n"
          "  --restart continue from a checkpoint written by an earlier run of the same case\n\n"
          "The default case is inputs/cases/wcs.yaml. Keys: docs/config.md.\n",
          AS_VERSION);
}

static int fail(void)
{
  const char *msg = as_error_message();
  fprintf(stderr, "%s\n", *msg ? msg : "airshed: unknown error");
  return 1;
}

int main(int argc, char **argv)
{
  setvbuf(stdout, NULL, _IOLBF, 0); /* log lines and progress lines interleave whole */
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
    usage(stdout);
    return 0;
  }
  if (!strcmp(argv[1], "--version")) {
    printf("airshed %s (git %s)\n", AS_VERSION, AS_GIT_HASH);
    return 0;
  }
  int do_run = !strcmp(argv[1], "run"), do_check = !strcmp(argv[1], "check");
  if ((!do_run && !do_check) || argc < 3 || argv[2][0] == '-') {
    fprintf(stderr, "airshed: usage: airshed run|check CASE.yaml [options] (see --help)\n");
    return 2;
  }
  const char *case_file = argv[2], *outdir = NULL, *restart = NULL;
  double hours = 0;
  AsConfig *cfg = NULL;
  if (as_config_load(case_file, &cfg)) return fail();
  for (int a = 3; a < argc; a++) {
    const char *o = argv[a];
    int has = a + 1 < argc;
    if (!strcmp(o, "--hours") && has) {
      char *end;
      hours = strtod(argv[++a], &end);
      if (*end || !(hours >= 1)) {
        fprintf(stderr, "--hours: '%s' is not a number of hours >= 1\n", argv[a]);
        return 1;
      }
    } else if (!strcmp(o, "--output") && has) {
      outdir = argv[++a];
    } else if (!strcmp(o, "--set") && has) {
      if (as_config_set(cfg, argv[++a])) return fail();
    } else if (!strcmp(o, "--restart") && has && do_run) {
      restart = argv[++a];
    } else {
      fprintf(stderr, "airshed: %s: unknown option or missing value (see --help)\n", o);
      return 2;
    }
  }
  AsModel *m = NULL;
  AsOutput *out = NULL;
  AsSimOptions opt;
  const char *case_name = NULL, *case_description = "";
  if (as_config_get_string(cfg, "case.name", 1, &case_name)) return fail();
  if (as_config_get_string(cfg, "case.description", 0, &case_description)) return fail();
  if (as_sim_options(cfg, hours, outdir, &opt)) return fail();
  opt.restart = restart;
  opt.outdir = outdir;
  if (as_model_create(cfg, &m)) return fail();
  if (as_output_create(cfg, m, outdir, &out)) return fail();
  if (as_config_check_unused(cfg)) return fail();
  printf("case: %s%s%s\n", case_name, *case_description ? " — " : "", case_description);
  as_model_view(m, stdout);
  if (do_check) {
    printf("check: %s is valid\n", case_file);
    as_output_destroy(&out);
    as_model_destroy(&m);
    as_config_destroy(&cfg);
    return 0;
  }
  if (restart && as_checkpoint_read(m, restart)) return fail();
  fflush(stdout);
  if (as_sim_run(m, out, &opt)) {
    as_output_abort(out);
    return fail();
  }
  printf("time per process (s):");
  for (int p = 0; p < m->nproc; p++) printf(" %s %.2f", m->proc[p].ops->name, m->proc[p].seconds);
  printf("\n");
  const AsChemData *chem = as_chem_data(m);
  if (chem) {
    long calls = 0;
    AsOdeStats st = as_chem_stats(chem, &calls);
    double cs = (double)calls * (double)m->ncell;
    printf("chemistry: %ld calls x %ld cells; per cell-step: %.2f steps, %.3f rejected, %.2f f, "
           "%.2f LU\n", calls, m->ncell, st.steps / cs, st.rejected / cs, st.fun_evals / cs,
           st.lu_decomps / cs);
  }
  as_output_destroy(&out);
  as_model_destroy(&m);
  as_config_destroy(&cfg);
  return 0;
}
