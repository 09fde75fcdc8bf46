/* as_output_files.c — the output's files: directory checks, the budget CSV, and the temporary-file
 * life cycle: everything is written to DIR/.NAME.tmp; as_output_finish renames it to DIR/NAME
 * (rename(2) is atomic), as_output_abort removes it, and at checkpoint hours as_output_publish
 * copies the files as they stand to DIR/NAME (through DIR/NAME.part + rename) so that the
 * published output holds every hour up to the checkpoint.
 *
 * Budget closure per species and hour (solver/as_budget.h), in kg:
 *   residual = (mass_end - mass_start) - (emitted - deposited - wet + inflow - outflow + chem),
 *   relative_residual = residual / max(|mass_start|, |mass_end|, sum of |terms|).
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
AsStatus as_output_check_dir(const char *dir, const char *where)
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

static AsStatus as_output_open_csv(const char *dir, const char *runname, const char *what,
                                   char *path, char *tmp, size_t n, FILE **f)
{
  AS_CALL(as_output_mkdir(dir));
  snprintf(path, n, "%s/%s_%s.csv", dir, runname, what);
  snprintf(tmp, n, "%s/.%s_%s.csv.tmp", dir, runname, what);
  *f = fopen(tmp, "w");
  if (!*f) return as_error(AS_ERR_IO, tmp, "output", "cannot create: %s", strerror(errno));
  return AS_OK;
}

AsStatus as_output_budget_write(AsOutput *o, AsModel *m, double t_end)
{
  AsBudget *b = &m->budget;
  if (!o->fbud) {
    AS_CALL(as_output_open_csv(o->dir, o->runname, "budget", o->bud_path, o->bud_tmp,
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
AsStatus as_output_publish(AsOutput *o)
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
