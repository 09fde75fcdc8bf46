/* as_sim.c — the time loop around the model: steps, hourly output and budget log, progress,
 * checkpoints. Progress goes to stderr: one updating line on a terminal (simulated time, %, ETA,
 * throughput), plain lines every 10 % otherwise. The hourly mass budget goes to stdout (one line per hour:
 * the worst relative residual over the species) and, per species, to the budget CSV (as_output). */
#include "as_sim.h"
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

AsStatus as_sim_options(AsConfig *cfg, double hours_override, const char *outdir,
                        AsSimOptions *opt)
{
  memset(opt, 0, sizeof *opt);
  opt->hours = 24;
  AS_CALL(as_config_get_double(cfg, "time.hours", 1, 1, 1e6, &opt->hours));
  if (hours_override > 0) opt->hours = hours_override;
  if (opt->hours != floor(opt->hours))
    return as_error(AS_ERR_ARG, "--hours", "hours", "%g is not a whole number of hours",
                    opt->hours);
  long every = 0; /* whole hours: checkpoints fall on output hours */
  AS_CALL(as_config_get_int(cfg, "checkpoint.every_hours", 0, 0, 1000000, &every));
  opt->checkpoint_every = (double)every;
  /* the checkpoint lives in the output directory unless an absolute path is given */
  const char *file = "checkpoint.h5", *dir = "out";
  AS_CALL(as_config_get_string(cfg, "checkpoint.file", 0, &file));
  AS_CALL(as_config_get_string(cfg, "output.directory", 0, &dir));
  if (outdir) dir = outdir;
  int n = file[0] == '/'
              ? snprintf(opt->checkpoint_path, sizeof opt->checkpoint_path, "%s", file)
              : snprintf(opt->checkpoint_path, sizeof opt->checkpoint_path, "%s/%s", dir, file);
  if (n < 0 || (size_t)n >= sizeof opt->checkpoint_path)
    return as_error(AS_ERR_CONFIG, "", "checkpoint.file", "path longer than %zu characters",
                    sizeof opt->checkpoint_path - 1);
  return AS_OK;
}

static void as_fmt_time(double t, char *buf, size_t n)
{
  time_t tt = (time_t)t;
  struct tm tm;
  gmtime_r(&tt, &tm);
  strftime(buf, n, "%Y-%m-%d %H:%M UTC", &tm);
}

static void as_fmt_dur(double s, char *buf, size_t n)
{
  if (!(s >= 0) || s > 1e7) {
    snprintf(buf, n, "--:--:--");
    return;
  }
  long x = lround(s);
  snprintf(buf, n, "%02ld:%02ld:%02ld", x / 3600, (x / 60) % 60, x % 60);
}

static void as_progress(const AsModel *m, double t_end, double wall0, double t0, int tty,
                        int final)
{
  double done = (m->t - t0) / (t_end - t0), wall = omp_get_wtime() - wall0;
  double rate = wall > 0 ? (m->t - t0) / 3600.0 / (wall / 3600.0) : 0; /* sim h per wall h */
  double eta = done > 0 ? wall * (1 - done) / done : -1;
  char ts[64], es[32];
  as_fmt_time(m->t, ts, sizeof ts);
  as_fmt_dur(eta, es, sizeof es);
  if (tty)
    fprintf(stderr, "\r%s  %5.1f%%  ETA %s  %.0f simulated h per wall h  %s", ts, 100 * done, es,
            rate, final ? "\n" : "");
  else
    fprintf(stderr, "progress: %s %5.1f%% ETA %s %.0f simulated h per wall h\n", ts, 100 * done,
            es, rate);
  fflush(stderr);
}

static AsStatus as_check_finite(const AsModel *m)
{
  for (int s = 0; s < m->nspec; s++) {
    const double *c = m->c + (size_t)s * (size_t)m->ncell;
    for (long i = 0; i < m->ncell; i++)
      if (!isfinite(c[i])) {
        const AsGrid *g = m->grid;
        long col = i % ((long)g->nx * g->ny);
        return as_error(AS_ERR_NUMERIC, "", m->spc->s[s].name,
                        "non-finite concentration at cell i=%ld j=%ld k=%ld", col % g->nx,
                        col / g->nx, i / ((long)g->nx * g->ny));
      }
  }
  return AS_OK;
}

/* residual = (mass_end - mass_start) - (emitted - deposited - wet + inflow - outflow + chem) */
static void as_budget_log(const AsModel *m)
{
  const AsBudget *b = &m->budget;
  double worst = 0;
  int ws = 0;
  for (int s = 0; s < m->nspec; s++) {
    double end = as_model_species_mass(m, s), start = b->mass_start[s];
    double src = AS_BUDGET(b, AS_BUD_EMITTED, s) - AS_BUDGET(b, AS_BUD_DEPOSITED, s) -
                 AS_BUDGET(b, AS_BUD_WET, s) + AS_BUDGET(b, AS_BUD_INFLOW, s) -
                 AS_BUDGET(b, AS_BUD_OUTFLOW, s) + AS_BUDGET(b, AS_BUD_CHEM, s);
    double scale = fmax(fmax(fabs(start), fabs(end)), 1e-300);
    double rel = fabs((end - start) - src) / scale;
    if (rel >= worst) worst = rel, ws = s;
  }
  char ts[64];
  as_fmt_time(m->t, ts, sizeof ts);
  printf("budget %s: worst relative residual %.2e (%s)\n", ts, worst,
         m->nspec ? m->spc->s[ws].name : "-");
}

AsStatus as_sim_run(AsModel *m, AsOutput *out, const AsSimOptions *opt)
{
  const double t_end = m->t_start + opt->hours * 3600.0, t0 = m->t;
  const long steps_per_hour = lround(3600.0 / m->dt);
  const int tty = isatty(fileno(stderr));
  const double wall0 = omp_get_wtime();
  double next_plain = 0;
  if (m->t >= t_end)
    return as_error(AS_ERR_ARG, "", "time", "the run already reached its end (hour %g)",
                    (m->t - m->t_start) / 3600);
  while (m->t < t_end - 1e-6) {
    AS_CALL(as_model_step(m));
    AS_CALL(as_output_accumulate(out, m, m->dt));
    if (m->nstep % steps_per_hour) continue;
    AS_CALL(as_check_finite(m));
    as_budget_log(m);
    AS_CALL(as_output_write_hour(out, m));
    long hour = m->nstep / steps_per_hour;
    if (opt->checkpoint_every > 0 && hour % (long)opt->checkpoint_every == 0)
      AS_CALL(as_checkpoint_write(m, opt->checkpoint_path));
    double done = (m->t - t0) / (t_end - t0);
    if (tty || done >= next_plain || m->t >= t_end - 1e-6) {
      as_progress(m, t_end, wall0, t0, tty, m->t >= t_end - 1e-6);
      if (!tty) next_plain = done + 0.1;
    }
  }
  return as_output_finish(out);
}
