/* as_output.c — the output object: hourly-mean accumulators, the output-field table, the budget
 * CSV, and the temporary-file life cycle (write DIR/.name.tmp, rename at the end, remove on abort).
 *
 * Hourly mean of a field f over the steps n of one hour:  <f> = sum_n f_n dt_n / sum_n dt_n.
 * Mole fraction (ppb) of a gas of molar mass M from its mass concentration c (ug m-3) and the
 * air density rho (kg m-3):  x = (c 1e-6 / M) / (rho 1e3 / Mair),  ppb = 1e9 x = c Mair / (M rho).
 * The hourly mean ppb is the time mean of that instantaneous ratio (accumulated as c/rho).
 * Budget closure per species and hour (solver/as_budget.h), in kg:
 *   residual = (mass_end - mass_start) - (emitted - deposited - wet + inflow - outflow + chem).
 */
#include "as_output_impl.h"
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

void as_output_iso(double t, char *buf, size_t n)
{
  time_t tt = (time_t)floor(t);
  struct tm tm;
  gmtime_r(&tt, &tm);
  strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* create DIR and its parents (at the first write, so that a failed check leaves nothing) */
AsStatus as_output_mkdir(const char *dir)
{
  char buf[1024];
  snprintf(buf, sizeof buf, "%s", dir);
  for (char *p = buf + 1;; p++) {
    if (*p && *p != '/') continue;
    char keep = *p;
    *p = 0;
    if (mkdir(buf, 0777) && errno != EEXIST)
      return as_error(AS_ERR_IO, buf, "output.directory", "cannot create: %s", strerror(errno));
    *p = keep;
    if (!keep) break;
  }
  return AS_OK;
}

/* DIR must be a writable directory, or be creatable: its nearest existing ancestor writable */
static AsStatus as_check_dir(const char *dir, const char *where)
{
  char buf[1024];
  snprintf(buf, sizeof buf, "%s", dir);
  struct stat st;
  for (;;) {
    if (!stat(buf, &st)) break;
    if (errno != ENOENT)
      return as_error(AS_ERR_IO, where, "output.directory", "'%s': %s", buf, strerror(errno));
    char *slash = strrchr(buf, '/');
    while (slash && slash > buf && slash[1] == 0) { /* trailing slashes */
      *slash = 0;
      slash = strrchr(buf, '/');
    }
    if (!slash) {
      snprintf(buf, sizeof buf, ".");
    } else if (slash == buf) {
      buf[1] = 0;
    } else {
      *slash = 0;
    }
  }
  if (!S_ISDIR(st.st_mode))
    return as_error(AS_ERR_IO, where, "output.directory", "'%s' is not a directory", buf);
  if (access(buf, W_OK | X_OK))
    return as_error(AS_ERR_IO, where, "output.directory", "'%s' is not writable: %s", buf,
                    strerror(errno));
  return AS_OK;
}

/* "mass_concentration_of_X_in_air" -> "mole_fraction_of_X_in_air" ("" when not of that form) */
static void as_mole_fraction_name(const char *mass, char *out, size_t n)
{
  const char *pre = "mass_concentration_of_", *suf = "_in_air";
  size_t lp = strlen(pre), ls = strlen(suf), lm = strlen(mass);
  out[0] = 0;
  if (lm > lp + ls && !strncmp(mass, pre, lp) && !strcmp(mass + lm - ls, suf))
    snprintf(out, n, "mole_fraction_of_%.*s_in_air", (int)(lm - lp - ls), mass + lp);
}

static AsStatus as_output_fields(AsOutput *o, const AsModel *m)
{
  const AsSpeciesTable *spc = m->spc;
  int npm = 0;
  AS_MALLOC(o->track_spec, spc->n);
  AS_MALLOC(o->track_gas, spc->n);
  for (int s = 0; s < spc->n; s++) {
    const AsSpecies *sp = &spc->s[s];
    if (!sp->output && !sp->pm25) continue;
    o->track_spec[o->ntrack] = s;
    o->track_gas[o->ntrack] = sp->output && sp->phase == AS_PHASE_GAS;
    if (o->track_gas[o->ntrack] && !(sp->molar_mass > 0))
      return as_error(AS_ERR_DATA, "", sp->name, "gas without a positive molar mass");
    o->ntrack++;
    npm += sp->pm25;
  }
  AS_MALLOC(o->field, 2 * o->ntrack + 1);
  const double dz0 = m->grid->z_face[1];
  for (int t = 0; t < o->ntrack; t++) {
    const AsSpecies *sp = &spc->s[o->track_spec[t]];
    if (!sp->output) continue;
    AsField *f = &o->field[o->nfield++];
    f->kind = AS_FIELD_MASS;
    f->track = t;
    snprintf(f->name, sizeof f->name, "%s", sp->name);
    snprintf(f->units, sizeof f->units, "ug m-3");
    snprintf(f->standard_name, sizeof f->standard_name, "%s", sp->standard_name);
    snprintf(f->long_name, sizeof f->long_name, "%s", sp->long_name[0] ? sp->long_name : sp->name);
    snprintf(f->comment, sizeof f->comment,
             "hourly mean mass concentration at actual conditions; surface field = lowest "
             "model layer (0-%g m above ground)", dz0);
  }
  for (int t = 0; t < o->ntrack; t++) {
    const AsSpecies *sp = &spc->s[o->track_spec[t]];
    if (!o->track_gas[t]) continue;
    AsField *f = &o->field[o->nfield++];
    f->kind = AS_FIELD_PPB;
    f->track = t;
    snprintf(f->name, sizeof f->name, "%s_ppb", sp->name);
    snprintf(f->units, sizeof f->units, "1e-9");
    as_mole_fraction_name(sp->standard_name, f->standard_name, sizeof f->standard_name);
    snprintf(f->long_name, sizeof f->long_name, "%s mole fraction in air",
             sp->long_name[0] ? sp->long_name : sp->name);
    snprintf(f->comment, sizeof f->comment,
             "hourly mean of c*Mair/(M*rho), Mair = %g g/mol, M = %g g/mol, rho = actual air "
             "density; surface field = lowest model layer", AS_MAIR, sp->molar_mass);
  }
  if (npm) {
    AsField *f = &o->field[o->nfield++];
    f->kind = AS_FIELD_PM25;
    f->track = -1;
    snprintf(f->name, sizeof f->name, "PM25");
    snprintf(f->units, sizeof f->units, "ug m-3");
    snprintf(f->standard_name, sizeof f->standard_name,
             "mass_concentration_of_pm2p5_ambient_aerosol_particles_in_air");
    snprintf(f->long_name, sizeof f->long_name, "PM2.5 mass concentration");
    int n = snprintf(f->comment, sizeof f->comment,
                     "sum of the modelled PM2.5 components (no particle-bound water is modelled, "
                     "so ambient = dry mass here):");
    for (int t = 0; t < o->ntrack && n < (int)sizeof f->comment; t++)
      if (spc->s[o->track_spec[t]].pm25)
        n += snprintf(f->comment + n, sizeof f->comment - (size_t)n, " %s",
                      spc->s[o->track_spec[t]].name);
  }
  return AS_OK;
}

AsStatus as_output_create(AsConfig *cfg, AsModel *m, const char *outdir_override,
                          AsOutput **outp)
{
  *outp = NULL;
  AsOutput *o = calloc(1, sizeof *o);
  if (!o) return as_error(AS_ERR_MEM, "", "output", "cannot allocate the output object");
  *outp = o; /* so that the caller's destroy frees a half-built object */
  const char *dir = "out", *inst = "airshed project", *recf = NULL;
  AS_CALL(as_config_get_string(cfg, "output.directory", 0, &dir));
  AS_CALL(as_config_get_bool(cfg, "output.three_d", 0, &o->three_d));
  /* the simulation's key: at each checkpoint the output files are published (renamed copies)
   * so that they hold every hour up to the checkpoint */
  AS_CALL(as_config_get_double(cfg, "checkpoint.every_hours", 0, 0, 1e6, &o->sync_every_h));
  AS_CALL(as_config_get_string(cfg, "output.institution", 0, &inst));
  if (as_config_has(cfg, "output.receptors"))
    AS_CALL(as_config_get_path(cfg, "output.receptors", 1, &recf));
  char where[256] = "";
  if (outdir_override) {
    dir = outdir_override;
    snprintf(where, sizeof where, "--output");
  } else {
    as_config_where(cfg, "output.directory", where, sizeof where);
  }
  if (!*dir) return as_error(AS_ERR_CONFIG, where, "output.directory", "empty directory name");
  if (strlen(dir) >= sizeof o->dir - 64)
    return as_error(AS_ERR_CONFIG, where, "output.directory", "path too long");
  snprintf(o->dir, sizeof o->dir, "%s", dir);
  snprintf(o->institution, sizeof o->institution, "%s", inst);
  /* case name: the case file's base name without its extension */
  const char *file = as_config_file(cfg), *base = strrchr(file, '/');
  base = base ? base + 1 : file;
  snprintf(o->casefile, sizeof o->casefile, "%s", file);
  snprintf(o->casename, sizeof o->casename, "%s", *base ? base : "airshed");
  char *dot = strrchr(o->casename, '.');
  if (dot && dot != o->casename) *dot = 0;
  AS_CALL(as_check_dir(o->dir, where));

  const AsGrid *g = m->grid;
  o->nx = g->nx, o->ny = g->ny, o->nz = g->nz;
  o->ncol = (long)g->nx * g->ny;
  o->nlev = o->three_d ? g->nz : 1;
  AS_CALL(as_output_fields(o, m));
  size_t n3 = (size_t)o->nlev * (size_t)o->ncol;
  AS_MALLOC(o->acc_c, (size_t)o->ntrack * n3);
  AS_MALLOC(o->acc_x, (size_t)o->ntrack * n3);
  AS_MALLOC(o->mean, (size_t)o->nfield * n3);
  AS_MALLOC(o->fbuf, n3);
  AS_MALLOC(o->mass, m->nspec > 0 ? m->nspec : 1);
  if (recf) AS_CALL(as_receptors_read(o, g, recf));
  o->ncid = -1;
  return AS_OK;
}

AsStatus as_output_accumulate(AsOutput *o, const AsModel *m, double dt)
{
  const long n3 = (long)o->nlev * o->ncol;
  const double *rho = m->ms.rho;
  int bad = 0;
  for (int t = 0; t < o->ntrack; t++) {
    const double *restrict c = m->c + (size_t)o->track_spec[t] * (size_t)m->ncell;
    double *restrict ac = o->acc_c + (size_t)t * (size_t)n3;
    double *restrict ax = o->acc_x + (size_t)t * (size_t)n3;
    if (o->track_gas[t]) {
      if (!rho) return as_error(AS_ERR_DATA, "", "rho", "meteorology gives no air density");
#pragma omp parallel for reduction(| : bad) schedule(static)
      for (long i = 0; i < n3; i++) {
        ac[i] += c[i] * dt;
        ax[i] += c[i] / rho[i] * dt;
        bad |= !(rho[i] > 0);
      }
    } else {
#pragma omp parallel for schedule(static)
      for (long i = 0; i < n3; i++) ac[i] += c[i] * dt;
    }
  }
  if (bad) return as_error(AS_ERR_DATA, "", "rho", "non-positive air density in the meteorology");
  o->acc_t += dt;
  return AS_OK;
}

static void as_output_means(AsOutput *o, const AsModel *m)
{
  const long n3 = (long)o->nlev * o->ncol;
  const double inv = 1.0 / o->acc_t;
  for (int f = 0; f < o->nfield; f++) {
    const AsField *fd = &o->field[f];
    double *restrict out = o->mean + (size_t)f * (size_t)n3;
    if (fd->kind == AS_FIELD_PM25) {
      memset(out, 0, sizeof(double) * (size_t)n3);
      for (int t = 0; t < o->ntrack; t++) { /* fixed species order */
        if (!m->spc->s[o->track_spec[t]].pm25) continue;
        const double *ac = o->acc_c + (size_t)t * (size_t)n3;
        for (long i = 0; i < n3; i++) out[i] += ac[i] * inv;
      }
    } else if (fd->kind == AS_FIELD_MASS) {
      const double *ac = o->acc_c + (size_t)fd->track * (size_t)n3;
      for (long i = 0; i < n3; i++) out[i] = ac[i] * inv;
    } else {
      const double M = m->spc->s[o->track_spec[fd->track]].molar_mass;
      const double k = AS_MAIR / M * inv;
      const double *ax = o->acc_x + (size_t)fd->track * (size_t)n3;
      for (long i = 0; i < n3; i++) out[i] = ax[i] * k;
    }
  }
}

static AsStatus as_output_open_csv(const char *dir, const char *casename, const char *what,
                                   char *path, char *tmp, size_t n, FILE **f)
{
  AS_CALL(as_output_mkdir(dir));
  snprintf(path, n, "%s/%s_%s.csv", dir, casename, what);
  snprintf(tmp, n, "%s/.%s_%s.csv.tmp", dir, casename, what);
  *f = fopen(tmp, "w");
  if (!*f) return as_error(AS_ERR_IO, tmp, "output", "cannot create: %s", strerror(errno));
  return AS_OK;
}

static AsStatus as_budget_write(AsOutput *o, AsModel *m, double t_end)
{
  AsBudget *b = &m->budget;
  if (!o->fbud) {
    AS_CALL(as_output_open_csv(o->dir, o->casename, "budget", o->bud_path, o->bud_tmp,
                               sizeof o->bud_path, &o->fbud));
    fprintf(o->fbud, "time,species,mass_start,mass_end,emitted,deposited,wet,inflow,outflow,"
                     "chem,storage_change,residual,relative_residual\n");
  }
  char ts[32];
  as_output_iso(t_end, ts, sizeof ts);
  const double kg = 1e-9; /* ug -> kg */
  for (int s = 0; s < m->nspec; s++) {
    double start = b->mass_start[s], end = as_model_species_mass(m, s);
    double em = AS_BUDGET(b, AS_BUD_EMITTED, s), dep = AS_BUDGET(b, AS_BUD_DEPOSITED, s),
           wet = AS_BUDGET(b, AS_BUD_WET, s), in = AS_BUDGET(b, AS_BUD_INFLOW, s),
           outf = AS_BUDGET(b, AS_BUD_OUTFLOW, s), chem = AS_BUDGET(b, AS_BUD_CHEM, s);
    double storage = end - start, res = storage - (em - dep - wet + in - outf + chem);
    double scale = fmax(fmax(fabs(start), fabs(end)),
                        fabs(em) + fabs(dep) + fabs(wet) + fabs(in) + fabs(outf) + fabs(chem));
    double rel = scale > 0 ? res / scale : 0;
    fprintf(o->fbud, "%s,%s,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.6e\n",
            ts, m->spc->s[s].name, start * kg, end * kg, em * kg, dep * kg, wet * kg, in * kg,
            outf * kg, chem * kg, storage * kg, res * kg, rel);
    o->mass[s] = end;
  }
  if (ferror(o->fbud)) return as_error(AS_ERR_IO, o->bud_tmp, "output", "write failed");
  as_budget_reset(b, o->mass);
  return AS_OK;
}

/* copy src to dst through dst.part + rename, so dst is always complete */
static AsStatus as_copy_file(const char *src, const char *dst)
{
  char part[1500];
  snprintf(part, sizeof part, "%s.part", dst);
  FILE *in = fopen(src, "rb"), *out = in ? fopen(part, "wb") : NULL;
  AsStatus s = AS_OK;
  if (!in || !out) {
    s = as_error(AS_ERR_IO, in ? part : src, "output", "cannot open: %s", strerror(errno));
  } else {
    char buf[1 << 16];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
      if (fwrite(buf, 1, n, out) != n) {
        s = as_error(AS_ERR_IO, part, "output", "write failed: %s", strerror(errno));
        break;
      }
    if (!s && ferror(in)) s = as_error(AS_ERR_IO, src, "output", "read failed");
  }
  if (in) fclose(in);
  if (out && fclose(out) && !s) s = as_error(AS_ERR_IO, part, "output", "close failed");
  if (!s && rename(part, dst))
    s = as_error(AS_ERR_IO, dst, "output", "cannot rename from %s: %s", part, strerror(errno));
  if (s) unlink(part);
  return s;
}

/* publish every file as it stands (the run goes on writing the temporary files) */
static AsStatus as_output_publish(AsOutput *o)
{
  if (o->nc_open) {
    AS_CALL(as_output_nc_close(o));
    AS_CALL(as_copy_file(o->nc_tmp, o->nc_path));
    AS_CALL(as_output_nc_reopen(o));
  }
  if (o->frec) {
    if (fflush(o->frec)) return as_error(AS_ERR_IO, o->rec_tmp, "output", "write failed");
    AS_CALL(as_copy_file(o->rec_tmp, o->rec_path));
  }
  if (o->fbud) {
    if (fflush(o->fbud)) return as_error(AS_ERR_IO, o->bud_tmp, "output", "write failed");
    AS_CALL(as_copy_file(o->bud_tmp, o->bud_path));
  }
  return AS_OK;
}

AsStatus as_output_write_hour(AsOutput *o, AsModel *m)
{
  if (!(o->acc_t > 0))
    return as_error(AS_ERR_ARG, "", "output", "hour written with nothing accumulated");
  const double t_end = m->t, t_start = m->t - o->acc_t;
  as_output_means(o, m);
  if (!o->nc_open) AS_CALL(as_output_nc_open(o, m, t_start));
  AS_CALL(as_output_nc_write(o, t_start, t_end));
  if (o->nrecep) AS_CALL(as_receptors_write(o, t_end));
  AS_CALL(as_budget_write(o, m, t_end));
  const size_t n = (size_t)o->ntrack * (size_t)o->nlev * (size_t)o->ncol;
  memset(o->acc_c, 0, sizeof(double) * n);
  memset(o->acc_x, 0, sizeof(double) * n);
  o->acc_t = 0;
  if (o->sync_every_h > 0) { /* the simulation checkpoints at these hours */
    long hour = lround((m->t - m->t_start) / 3600.0), every = lround(o->sync_every_h);
    if (every > 0 && hour % every == 0) AS_CALL(as_output_publish(o));
  }
  return AS_OK;
}

static AsStatus as_close_rename(FILE **f, const char *tmp, const char *path)
{
  if (!*f) return AS_OK;
  int bad = fclose(*f) != 0;
  *f = NULL;
  if (bad) return as_error(AS_ERR_IO, tmp, "output", "close failed: %s", strerror(errno));
  if (rename(tmp, path))
    return as_error(AS_ERR_IO, path, "output", "cannot rename from %s: %s", tmp, strerror(errno));
  return AS_OK;
}

AsStatus as_output_finish(AsOutput *o)
{
  if (o->nc_open) {
    AS_CALL(as_output_nc_close(o));
    if (rename(o->nc_tmp, o->nc_path))
      return as_error(AS_ERR_IO, o->nc_path, "output", "cannot rename from %s: %s", o->nc_tmp,
                      strerror(errno));
  }
  AS_CALL(as_close_rename(&o->frec, o->rec_tmp, o->rec_path));
  AS_CALL(as_close_rename(&o->fbud, o->bud_tmp, o->bud_path));
  return AS_OK;
}

void as_output_abort(AsOutput *o)
{
  if (!o) return;
  if (o->nc_open) {
    as_output_nc_close(o);
    o->nc_open = 0;
  }
  if (o->nc_tmp[0]) unlink(o->nc_tmp);
  if (o->frec) fclose(o->frec), o->frec = NULL, unlink(o->rec_tmp);
  if (o->fbud) fclose(o->fbud), o->fbud = NULL, unlink(o->bud_tmp);
}

void as_output_destroy(AsOutput **op)
{
  if (!op || !*op) return;
  AsOutput *o = *op;
  as_output_abort(o); /* a no-op after finish: nothing is left open */
  free(o->track_spec), free(o->track_gas), free(o->acc_c), free(o->acc_x);
  free(o->field), free(o->mean), free(o->fbuf), free(o->mass), free(o->recep);
  free(o);
  *op = NULL;
}
