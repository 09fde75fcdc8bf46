/* as_output.c — the output object: hourly-mean accumulators and the output-field table.
 *
 * Hourly mean of a field f over the steps n of one hour:  <f> = sum_n f_n dt_n / sum_n dt_n.
 * Mole fraction (ppb) of a gas of molar mass M from its mass concentration c (ug m-3) and the
 * air density rho (kg m-3):  x = (c 1e-6 / M) / (rho 1e3 / Mair),  ppb = 1e9 x = c Mair / (M rho).
 * The hourly mean ppb is the time mean of that instantaneous ratio (accumulated as c/rho).
 * Gases are also given at the Chinese reference state (GB 3095-2012 as amended in 2018: 298.15 K,
 * 1013.25 hPa), c_ref = ppb * M / Vm with Vm = R 298.15 / 101325 = 24.465 L mol-1.
 * Files, the budget CSV and the temporary-file life cycle: as_output_files.c; the surface
 * meteorology fields (output.met): as_output_met.c.
 */
#include "as_output_impl.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* "mass_concentration_of_X_in_air" -> "mole_fraction_of_X_in_air" ("" when not of that form) */
static void as_mole_fraction_name(const char *mass, char *out, size_t n)
{
  const char *pre = "mass_concentration_of_", *suf = "_in_air";
  size_t lp = strlen(pre), ls = strlen(suf), lm = strlen(mass);
  out[0] = 0;
  if (lm > lp + ls && !strncmp(mass, pre, lp) && !strcmp(mass + lm - ls, suf))
    snprintf(out, n, "mole_fraction_of_%.*s_in_air", (int)(lm - lp - ls), mass + lp);
}

/* Output sums (CMAQ "combine" SpecDef-like): PM25 = the pm25 species (dry), PM25_ambient = PM25 + the
 * pm25_water species, and the case's "output.sums" list, each entry
 *   - {name: SOA, species: [AAVB1, ...], standard_name: ..., long_name: ...}
 * A sum is the plain sum of its members' mass concentrations (ug m-3). */
typedef struct {
  char name[48], standard_name[192], long_name[256];
  int nmem;
  int *mem; /* species indices */
} AsSumDef;

static AsStatus sum_add(AsSumDef **defs, int *n, const char *name, const char *std, const char *ln, int nmem,
                        const int *mem)
{
  AsSumDef *d = realloc(*defs, sizeof **defs * (size_t)(*n + 1));
  if (!d) return as_error(AS_ERR_MEM, "", "output", "out of memory");
  *defs = d;
  d = &d[(*n)++];
  snprintf(d->name, sizeof d->name, "%s", name);
  snprintf(d->standard_name, sizeof d->standard_name, "%s", std);
  snprintf(d->long_name, sizeof d->long_name, "%s", ln);
  d->nmem = nmem;
  d->mem = malloc(sizeof(int) * (size_t)(nmem > 0 ? nmem : 1));
  if (!d->mem) return as_error(AS_ERR_MEM, "", "output", "out of memory");
  for (int i = 0; i < nmem; i++) d->mem[i] = mem[i];
  return AS_OK;
}

static AsStatus sums_from_config(AsConfig *cfg, const AsSpeciesTable *spc, AsSumDef **defs, int *n)
{
  char key[96], w[600];
  for (int e = 0;; e++) {
    snprintf(key, sizeof key, "output.sums[%d]", e);
    if (!as_config_has(cfg, key)) break;
    const char *name = NULL, *std = "", *ln = NULL, **names = NULL;
    int nn = 0;
    snprintf(key, sizeof key, "output.sums[%d].name", e);
    AS_CALL(as_config_get_string(cfg, key, 1, &name));
    if (!*name || strlen(name) >= 48 || as_species_index(spc, name) >= 0 || !strcmp(name, "PM25") ||
        !strcmp(name, "PM25_ambient"))
      return as_error(AS_ERR_CONFIG, as_config_where(cfg, key, w, sizeof w), key,
                      "'%s' must be a new variable name (not a species, PM25 or PM25_ambient, < 48 characters)",
                      name);
    for (int i = 0; i < *n; i++)
      if (!strcmp((*defs)[i].name, name))
        return as_error(AS_ERR_CONFIG, as_config_where(cfg, key, w, sizeof w), key, "sum '%s' defined twice", name);
    snprintf(key, sizeof key, "output.sums[%d].standard_name", e);
    AS_CALL(as_config_get_string(cfg, key, 0, &std));
    snprintf(key, sizeof key, "output.sums[%d].long_name", e);
    AS_CALL(as_config_get_string(cfg, key, 0, &ln));
    snprintf(key, sizeof key, "output.sums[%d].species", e);
    AS_CALL(as_config_get_string_list(cfg, key, 1, &names, &nn));
    int *mem = malloc(sizeof(int) * (size_t)(nn > 0 ? nn : 1));
    AsStatus st = mem ? AS_OK : as_error(AS_ERR_MEM, "", "output", "out of memory");
    for (int i = 0; !st && i < nn; i++) {
      mem[i] = as_species_index(spc, names[i]);
      if (mem[i] < 0) {
        snprintf(key, sizeof key, "output.sums[%d].species[%d]", e, i);
        st = as_error(AS_ERR_CONFIG, as_config_where(cfg, key, w, sizeof w), key, "unknown species '%s'", names[i]);
      }
    }
    if (!st) st = sum_add(defs, n, name, std, ln ? ln : name, nn, mem);
    free(mem);
    free(names);
    AS_CALL(st);
  }
  return AS_OK;
}

static void sums_free(AsSumDef *defs, int n)
{
  for (int i = 0; i < n; i++) free(defs[i].mem);
  free(defs);
}

static AsStatus as_output_sum_defs(const AsModel *m, AsSumDef **defs, int *n)
{
  const AsSpeciesTable *spc = m->spc;
  int *mem = malloc(sizeof(int) * (size_t)(spc->n > 0 ? spc->n : 1));
  if (!mem) return as_error(AS_ERR_MEM, "", "output", "out of memory");
  int npm = 0, nw = 0;
  for (int s = 0; s < spc->n; s++)
    if (spc->s[s].pm25) mem[npm++] = s;
  for (int s = 0; s < spc->n; s++)
    if (spc->s[s].pm25_water) mem[npm + nw++] = s;
  AsStatus st = AS_OK;
  /* without modelled particle water the dry sum is also the best ambient estimate and keeps the
   * CF ambient name; with water, PM25 is the dry (regulatory, heated-inlet) mass and PM25_ambient
   * adds the water */
  const char *amb = "mass_concentration_of_pm2p5_ambient_aerosol_particles_in_air";
  if (npm)
    st = sum_add(defs, n, "PM25", nw ? "" : amb,
                 nw ? "PM2.5 dry mass concentration (sum of the dry PM2.5 components)"
                    : "PM2.5 mass concentration (no particle water is modelled: ambient = dry here)",
                 npm, mem);
  if (!st && npm && nw)
    st = sum_add(defs, n, "PM25_ambient", amb,
                 "PM2.5 mass concentration at ambient humidity (dry components + particle water)", npm + nw, mem);
  free(mem);
  if (!st) st = sums_from_config(m->cfg, spc, defs, n);
  return st;
}

static AsStatus as_output_fields(AsOutput *o, const AsModel *m)
{
  const AsSpeciesTable *spc = m->spc;
  AsSumDef *defs = NULL;
  int ndef = 0;
  AsStatus st = as_output_sum_defs(m, &defs, &ndef);
  if (st) {
    sums_free(defs, ndef);
    return st;
  }
  int *tracked = calloc((size_t)(spc->n > 0 ? spc->n : 1), sizeof(int)), *where = NULL;
  if (!tracked) {
    sums_free(defs, ndef);
    return as_error(AS_ERR_MEM, "", "output", "out of memory");
  }
  AS_MALLOC(o->track_spec, spc->n);
  AS_MALLOC(o->track_gas, spc->n);
  AS_MALLOC(where, spc->n);
  for (int d = 0; d < ndef; d++)
    for (int i = 0; i < defs[d].nmem; i++) tracked[defs[d].mem[i]] = 1;
  for (int s = 0; s < spc->n; s++) {
    const AsSpecies *sp = &spc->s[s];
    where[s] = -1;
    if (!sp->output && !tracked[s]) continue;
    where[s] = o->ntrack;
    o->track_spec[o->ntrack] = s;
    o->track_gas[o->ntrack] = sp->output && sp->phase == AS_PHASE_GAS;
    if (o->track_gas[o->ntrack] && !(sp->molar_mass > 0)) {
      free(tracked), free(where), sums_free(defs, ndef);
      return as_error(AS_ERR_DATA, "", sp->name, "gas without a positive molar mass");
    }
    o->ntrack++;
  }
  free(tracked);
  o->field = calloc((size_t)(3 * o->ntrack + ndef + 1 + (o->met ? AS_OUTPUT_MET_NFIELD : 0)),
                    sizeof *o->field);
  if (!o->field) {
    free(where), sums_free(defs, ndef);
    return as_error(AS_ERR_MEM, "", "output", "out of memory");
  }
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
  for (int t = 0; t < o->ntrack; t++) {
    const AsSpecies *sp = &spc->s[o->track_spec[t]];
    if (!o->track_gas[t]) continue;
    AsField *f = &o->field[o->nfield++];
    f->kind = AS_FIELD_REF;
    f->track = t;
    snprintf(f->name, sizeof f->name, "%s_ref", sp->name);
    snprintf(f->units, sizeof f->units, "ug m-3");
    f->standard_name[0] = 0; /* CF mass concentrations are at actual conditions */
    snprintf(f->long_name, sizeof f->long_name,
             "%s mass concentration at the reference state 298.15 K, 1013.25 hPa",
             sp->long_name[0] ? sp->long_name : sp->name);
    snprintf(f->comment, sizeof f->comment,
             "Chinese regulatory convention for gases (GB 3095-2012, amended 2018): hourly mean "
             "ppb * M / %.4f L/mol, M = %g g/mol; surface field = lowest model layer",
             AS_VM_REF, sp->molar_mass);
  }
  for (int d = 0; d < ndef; d++) {
    AsField *f = &o->field[o->nfield++];
    f->kind = AS_FIELD_SUM;
    f->track = -1;
    f->nsum = defs[d].nmem;
    f->sum = defs[d].mem, defs[d].mem = NULL; /* the field owns the list now */
    for (int i = 0; i < f->nsum; i++) f->sum[i] = where[f->sum[i]];
    snprintf(f->name, sizeof f->name, "%s", defs[d].name);
    snprintf(f->units, sizeof f->units, "ug m-3");
    snprintf(f->standard_name, sizeof f->standard_name, "%s", defs[d].standard_name);
    snprintf(f->long_name, sizeof f->long_name, "%s", defs[d].long_name);
    int n = snprintf(f->comment, sizeof f->comment, "hourly mean; sum of");
    for (int i = 0; i < f->nsum && n < (int)sizeof f->comment; i++)
      n += snprintf(f->comment + n, sizeof f->comment - (size_t)n, " %s", spc->s[o->track_spec[f->sum[i]]].name);
  }
  free(where);
  sums_free(defs, ndef);
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
  AS_CALL(as_config_get_bool(cfg, "output.met", 0, &o->met));
  /* the simulation's key: at each checkpoint the output files are published (renamed copies)
   * so that they hold every hour up to the checkpoint */
  long every_h = 0;
  AS_CALL(as_config_get_int(cfg, "checkpoint.every_hours", 0, 0, 1000000, &every_h));
  o->sync_every_h = (double)every_h;
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
  AS_CALL(as_output_check_dir(o->dir, where));

  const AsGrid *g = m->grid;
  o->nx = g->nx, o->ny = g->ny, o->nz = g->nz;
  o->ncol = (long)g->nx * g->ny;
  o->nlev = o->three_d ? g->nz : 1;
  AS_CALL(as_output_fields(o, m));
  if (o->met) AS_CALL(as_output_met_setup(o, g));
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
  if (o->met) AS_CALL(as_output_met_accumulate(o, &m->ms, dt));
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
    if (fd->kind == AS_FIELD_MET) {
      as_output_met_mean(o, fd->track, out); /* surface only: the first ncol values */
    } else if (fd->kind == AS_FIELD_SUM) {
      memset(out, 0, sizeof(double) * (size_t)n3);
      for (int q = 0; q < fd->nsum; q++) { /* fixed member order */
        const double *ac = o->acc_c + (size_t)fd->sum[q] * (size_t)n3;
        for (long i = 0; i < n3; i++) out[i] += ac[i] * inv;
      }
    } else if (fd->kind == AS_FIELD_MASS) {
      const double *ac = o->acc_c + (size_t)fd->track * (size_t)n3;
      for (long i = 0; i < n3; i++) out[i] = ac[i] * inv;
    } else if (fd->kind == AS_FIELD_REF) {
      const double k = AS_MAIR / AS_VM_REF * inv; /* ppb * M / Vm: M cancels */
      const double *ax = o->acc_x + (size_t)fd->track * (size_t)n3;
      for (long i = 0; i < n3; i++) out[i] = ax[i] * k;
    } else {
      const double M = m->spc->s[o->track_spec[fd->track]].molar_mass;
      const double k = AS_MAIR / M * inv;
      const double *ax = o->acc_x + (size_t)fd->track * (size_t)n3;
      for (long i = 0; i < n3; i++) out[i] = ax[i] * k;
    }
  }
}

AsStatus as_output_write_hour(AsOutput *o, AsModel *m)
{
  if (!(o->acc_t > 0))
    return as_error(AS_ERR_ARG, "", "output", "hour written with nothing accumulated");
  const double t_end = m->t, t_start = m->t - o->acc_t;
  as_output_means(o, m);
  if (!o->runname[0]) {
    time_t tt = (time_t)t_start;
    struct tm tm;
    char stamp[32];
    gmtime_r(&tt, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%d%H", &tm);
    snprintf(o->runname, sizeof o->runname, "%s_%s", o->casename, stamp);
  }
  if (!o->nc_open) AS_CALL(as_output_nc_open(o, m, t_start));
  AS_CALL(as_output_nc_write(o, t_start, t_end));
  if (o->nrecep) AS_CALL(as_receptors_write(o, t_end));
  AS_CALL(as_output_budget_write(o, m, t_end));
  const size_t n = (size_t)o->ntrack * (size_t)o->nlev * (size_t)o->ncol;
  memset(o->acc_c, 0, sizeof(double) * n);
  memset(o->acc_x, 0, sizeof(double) * n);
  as_output_met_reset(o);
  o->acc_t = 0;
  if (o->sync_every_h > 0) { /* the simulation checkpoints at these hours */
    long hour = lround((m->t - m->t_start) / 3600.0), every = lround(o->sync_every_h);
    if (every > 0 && hour % every == 0) AS_CALL(as_output_publish(o));
  }
  return AS_OK;
}

void as_output_destroy(AsOutput **op)
{
  if (!op || !*op) return;
  AsOutput *o = *op;
  as_output_abort(o); /* a no-op after finish: nothing is left open */
  free(o->track_spec), free(o->track_gas), free(o->acc_c), free(o->acc_x);
  for (int f = 0; o->field && f < o->nfield; f++) free(o->field[f].sum);
  free(o->field), free(o->mean), free(o->fbuf), free(o->mass), free(o->recep);
  free(o->acc_met), free(o->met_cosg), free(o->met_sing);
  free(o);
  *op = NULL;
}
