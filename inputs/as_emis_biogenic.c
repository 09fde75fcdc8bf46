/* as_emis_biogenic.c — biogenic isoprene and monoterpene emission rates (BEIS3/MEGAN basic form).
 *
 * Per column (dominant land use l, true area A, 2-m temperature T, shortwave SW):
 *   PAR  = f_vis k SW                      f_vis = 0.5, k = 4.6 umol J-1  (PAR, umol m-2 s-1)
 *   C_L  = alpha c_L1 PAR / sqrt(1 + alpha^2 PAR^2)
 *   C_T  = exp(C_T1 (T - T_S) / (R T_S T)) / (1 + exp(C_T2 (T - T_M) / (R T_S T)))
 *   isoprene response:     E = EF_l A C_L C_T
 *   monoterpene response:  E = EF_l A exp(beta (min(T, 315 K) - T_S))   (light independent)
 * Guenther, Zimmerman, Harley, Monson and Fall (1993), JGR 98(D7) 12609-12617: alpha = 0.0027,
 * c_L1 = 1.066, C_T1 = 95 000 J mol-1, C_T2 = 230 000 J mol-1, T_M = 314 K, R = 8.314 J K-1 mol-1,
 * beta = 0.09 K-1 (the values coded in CMAQ BEIS3 beis3.F: ALPHA, CL, and C_T in the folded
 * form exp(37.711 - 0.398570815*28668.514/T)/(1 + exp(91.301 - 28668.514/T)); the 315 K cap for
 * monoterpenes is BEIS3's too). T_S = 303.15 K (30 C; MEGAN GAMTLI; the paper and BEIS3 write
 * 303 K). k = 4.6 umol J-1: BEIS3 getparb.F WATT2UMOL; f_vis = 0.5: MEGAN canopy code
 * (Solar = PPFD / 4.766 * 2). The paper's C_T is not exactly 1 at T_S: C_T(303.15 K) = 0.963;
 * it is used unmodified, as BEIS3 does. No canopy model, no LAI, leaf age or soil moisture.
 * Sources and the factor table: docs/science-biogenic.md.
 */
#include "as_emis_biogenic.h"
#include "as_emis_internal.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define AS_BIO_FVIS 0.5           /* visible (PAR) fraction of shortwave */
#define AS_BIO_UMOL_PER_J 4.6     /* umol photons per J of PAR */
#define AS_BIO_ALPHA 0.0027       /* m2 s umol-1 */
#define AS_BIO_CL1 1.066
#define AS_BIO_CT1 95000.0        /* J mol-1 */
#define AS_BIO_CT2 230000.0       /* J mol-1 */
#define AS_BIO_TM 314.0           /* K */
#define AS_BIO_TS 303.15          /* K */
#define AS_BIO_R 8.314            /* J K-1 mol-1 */
#define AS_BIO_BETA 0.09          /* K-1 */
#define AS_BIO_TMAX_MONO 315.0    /* K, BEIS3 cap for temperature-only species */

enum { AS_BIO_ISOPRENE = 0, AS_BIO_MONOTERPENE = 1 };
static const char *const resp_name[2] = {"isoprene", "monoterpene"};
static const char *const lu_name[AS_LU_NCAT] = {
    [AS_LU_URBAN] = "urban", [AS_LU_CROP] = "crop", [AS_LU_FOREST] = "forest",
    [AS_LU_WATER] = "water", [AS_LU_GRASS] = "grass"};

typedef struct {
  char name[32];
  int model;                  /* model species index, -1: not in the species table */
  int resp;                   /* AS_BIO_ISOPRENE or AS_BIO_MONOTERPENE */
  double ef[AS_LU_NCAT];      /* ug m-2 h-1 */
  int line[AS_LU_NCAT];       /* input line of each factor, 0: missing */
} AsBioSpecies;

struct AsBiogenic {
  char path[512];
  int nx, ny;
  long ncol, ncell;
  int nsp;
  AsBioSpecies *sp;
  int nused;                  /* species present in the species table */
  int *used;                  /* their index in sp[] */
  double *efa;                /* [nused][ncol] EF * area, ug s-1 at the reference conditions */
  long ncol_lu[AS_LU_NCAT];
  double area_lu[AS_LU_NCAT]; /* m2 */
};

double as_biogenic_par(double sw) { return AS_BIO_FVIS * AS_BIO_UMOL_PER_J * (sw > 0 ? sw : 0); }

double as_biogenic_cl(double par)
{
  double ap = AS_BIO_ALPHA * par;
  return AS_BIO_CL1 * ap / sqrt(1.0 + ap * ap);
}

double as_biogenic_ct(double t)
{
  double rts = AS_BIO_R * AS_BIO_TS * t;
  return exp(AS_BIO_CT1 * (t - AS_BIO_TS) / rts) / (1.0 + exp(AS_BIO_CT2 * (t - AS_BIO_TM) / rts));
}

double as_biogenic_cmono(double t)
{
  return exp(AS_BIO_BETA * ((t < AS_BIO_TMAX_MONO ? t : AS_BIO_TMAX_MONO) - AS_BIO_TS));
}

static int lookup(const char *const *names, int n, const char *s)
{
  for (int k = 0; k < n; k++)
    if (!strcasecmp(names[k], s)) return k;
  return -1;
}

/* one record "landuse,species,factor,response": validate and store */
static AsStatus read_record(AsBiogenic *b, const AsCsv *c, const int *col, double scale)
{
  char where[600], item[96];
  snprintf(where, sizeof where, "%s:%d", c->path, c->line);
  const char *lus = c->field[col[0]], *spn = c->field[col[1]], *rsp = c->field[col[3]];
  snprintf(item, sizeof item, "%s/%s", lus, spn);
  int lu = lookup(lu_name, AS_LU_NCAT, lus);
  if (lu < 0)
    return as_error(AS_ERR_DATA, where, "landuse",
                    "unknown land use '%s' (expected urban, crop, forest, water or grass)", lus);
  if (!spn[0]) return as_error(AS_ERR_DATA, where, "species", "empty species name");
  if (strlen(spn) >= sizeof b->sp->name)
    return as_error(AS_ERR_DATA, where, "species", "name '%s' longer than 31 characters", spn);
  int r = lookup(resp_name, 2, rsp);
  if (r < 0)
    return as_error(AS_ERR_DATA, where, item,
                    "response: unknown '%s' (expected isoprene or monoterpene)", rsp);
  double ef;
  AS_CALL(as_csv_number(c, col[2], "factor", item, &ef));
  if (ef < 0) return as_error(AS_ERR_DATA, where, item, "factor: negative value %g", ef);
  int s = 0;
  while (s < b->nsp && strcmp(b->sp[s].name, spn)) s++;
  if (s == b->nsp) {
    AsBioSpecies *q = realloc(b->sp, (size_t)(b->nsp + 1) * sizeof *q);
    if (!q) return as_error(AS_ERR_MEM, where, "species", "out of memory");
    b->sp = q;
    memset(&b->sp[s], 0, sizeof b->sp[s]);
    snprintf(b->sp[s].name, sizeof b->sp[s].name, "%s", spn);
    b->sp[s].resp = r;
    b->nsp++;
  }
  AsBioSpecies *p = &b->sp[s];
  if (p->resp != r)
    return as_error(AS_ERR_DATA, where, item, "response '%s' differs from '%s' given earlier",
                    resp_name[r], resp_name[p->resp]);
  if (p->line[lu])
    return as_error(AS_ERR_DATA, where, item, "duplicate row (first on line %d)", p->line[lu]);
  p->ef[lu] = ef * scale;
  p->line[lu] = c->line;
  return AS_OK;
}

static AsStatus read_factors(AsBiogenic *b, const char *path)
{
  AsCsv c;
  AsCsvHeader h;
  AsStatus st = as_csv_open(path, &c, &h);
  static const char *const need[4] = {"landuse", "species", "factor", "response"};
  int col[4];
  double scale = 1, off = 0;
  char where[600];
  snprintf(where, sizeof where, "%s:%d", path, c.line);
  for (int k = 0; !st && k < 4; k++)
    if ((col[k] = as_csv_col(&h, need[k])) < 0)
      st = as_error(AS_ERR_DATA, where, "header", "no '%s' column", need[k]);
  for (int k = 0; !st && k < h.ncol; k++)
    if (lookup(need, 4, h.name[k]) < 0 && strcmp(h.name[k], "note"))
      st = as_error(AS_ERR_DATA, where, h.name[k], "unknown column");
  if (!st && !h.unit[col[2]][0])
    st = as_error(AS_ERR_UNITS, where, "factor", "column has no unit (write factor[ug/m2/h])");
  if (!st) st = as_units_convert(h.unit[col[2]], "ug/m2/h", &scale, &off, where, "factor");
  if (!st && off != 0)
    st = as_error(AS_ERR_UNITS, where, "factor", "units '%s' are not a rate per area",
                  h.unit[col[2]]);
  while (!st && as_csv_next(&c, &st)) {
    if (c.nfield != h.ncol) {
      snprintf(where, sizeof where, "%s:%d", path, c.line);
      st = as_error(AS_ERR_DATA, where, "record", "%d fields, header has %d", c.nfield, h.ncol);
      break;
    }
    st = read_record(b, &c, col, scale);
  }
  as_csv_close(&c, &h);
  if (st) return st;
  if (b->nsp == 0) return as_error(AS_ERR_DATA, path, "factor", "no factor rows");
  for (int s = 0; s < b->nsp; s++)
    for (int l = 0; l < AS_LU_NCAT; l++)
      if (!b->sp[s].line[l])
        return as_error(AS_ERR_DATA, path, b->sp[s].name, "no factor for land use '%s'",
                        lu_name[l]);
  return AS_OK;
}

static AsStatus setup(AsBiogenic *b, const AsGrid *g, const unsigned char *landuse,
                      const AsSpeciesTable *spc)
{
  for (long c = 0; c < b->ncol; c++) {
    if (landuse[c] >= AS_LU_NCAT)
      return as_error(AS_ERR_ARG, "", "landuse", "column %ld has class %d (only 0..%d)", c,
                      landuse[c], AS_LU_NCAT - 1);
    b->ncol_lu[landuse[c]]++;
    b->area_lu[landuse[c]] += g->area[c];
  }
  for (int s = 0; s < b->nsp; s++)
    if ((b->sp[s].model = as_species_index(spc, b->sp[s].name)) >= 0) b->nused++;
  AS_MALLOC(b->used, b->nused);
  AS_MALLOC(b->efa, (size_t)b->nused * (size_t)b->ncol);
  for (int s = 0, u = 0; s < b->nsp; s++) {
    if (b->sp[s].model < 0) continue;
    b->used[u] = s;
    double *e = b->efa + (size_t)u * (size_t)b->ncol;
    for (long c = 0; c < b->ncol; c++) e[c] = b->sp[s].ef[landuse[c]] / 3600.0 * g->area[c];
    u++;
  }
  return AS_OK;
}

AsStatus as_biogenic_create(const char *path, const AsGrid *g, const unsigned char *landuse,
                            const AsSpeciesTable *spc, AsBiogenic **pb)
{
  *pb = NULL;
  if (!path || !g || !landuse || !spc)
    return as_error(AS_ERR_ARG, "", "biogenic", "missing factor file, grid, land use or species");
  AsBiogenic *b = calloc(1, sizeof *b);
  if (!b) return as_error(AS_ERR_MEM, path, "biogenic", "out of memory");
  snprintf(b->path, sizeof b->path, "%s", path);
  b->nx = g->nx, b->ny = g->ny;
  b->ncol = (long)g->nx * g->ny;
  b->ncell = as_grid_ncell(g);
  AsStatus st = read_factors(b, path);
  if (!st) st = setup(b, g, landuse, spc);
  if (st) {
    as_biogenic_destroy(&b);
    return st;
  }
  *pb = b;
  return AS_OK;
}

AsStatus as_biogenic_add(const AsBiogenic *b, const AsMetState *met, double *rate)
{
  if (!b || !met || !met->t2 || !met->swdown || !rate)
    return as_error(AS_ERR_ARG, "", "biogenic", "missing object, met state or rate array");
  const double *t2 = met->t2, *sw = met->swdown;
  for (long c = 0; c < b->ncol; c++) { /* check first: an error leaves rate untouched */
    if (!(t2[c] >= 200.0 && t2[c] <= 350.0))
      return as_error(AS_ERR_DATA, "", "t2", "%g K at column (%ld,%ld) outside 200..350 K", t2[c],
                      c % b->nx, c / b->nx);
    if (!(sw[c] >= 0.0))
      return as_error(AS_ERR_DATA, "", "swdown", "%g W m-2 at column (%ld,%ld) is not >= 0",
                      sw[c], c % b->nx, c / b->nx);
  }
  const long ncol = b->ncol, ncell = b->ncell;
  const int nused = b->nused;
#pragma omp parallel for schedule(static)
  for (long c = 0; c < ncol; c++) {
    double f[2];
    f[AS_BIO_ISOPRENE] = as_biogenic_cl(as_biogenic_par(sw[c])) * as_biogenic_ct(t2[c]);
    f[AS_BIO_MONOTERPENE] = as_biogenic_cmono(t2[c]);
    for (int u = 0; u < nused; u++) {
      const AsBioSpecies *p = &b->sp[b->used[u]];
      rate[(size_t)p->model * (size_t)ncell + (size_t)c] +=
          b->efa[(size_t)u * (size_t)ncol + (size_t)c] * f[p->resp];
    }
  }
  return AS_OK;
}

double as_biogenic_factor(const AsBiogenic *b, int landuse, const char *species)
{
  if (!b || landuse < 0 || landuse >= AS_LU_NCAT || !species) return -1;
  for (int s = 0; s < b->nsp; s++)
    if (!strcmp(b->sp[s].name, species)) return b->sp[s].ef[landuse];
  return -1;
}

void as_biogenic_view(const AsBiogenic *b, void *file)
{
  FILE *f = file;
  if (!b || !f) return;
  fprintf(f, "biogenic emissions (Guenther et al. 1993, BEIS3 form, no canopy model): %s\n",
          b->path);
  fprintf(f, "  PAR = %.2f umol J-1 x SW; alpha %g, c_L1 %g, C_T1 %g, C_T2 %g J/mol, T_M %g K, "
             "T_S %g K, beta %g 1/K (monoterpene T capped at %g K)\n",
          AS_BIO_FVIS * AS_BIO_UMOL_PER_J, AS_BIO_ALPHA, AS_BIO_CL1, AS_BIO_CT1, AS_BIO_CT2,
          AS_BIO_TM, AS_BIO_TS, AS_BIO_BETA, AS_BIO_TMAX_MONO);
  fprintf(f, "  land use columns (area km2):");
  for (int l = 0; l < AS_LU_NCAT; l++)
    fprintf(f, " %s %ld (%.0f)", lu_name[l], b->ncol_lu[l], b->area_lu[l] * 1e-6);
  fprintf(f, "\n  factors, ug m-2 h-1 at 303.15 K and PAR 1000:\n");
  for (int s = 0; s < b->nsp; s++) {
    fprintf(f, "    %-8s %-11s", b->sp[s].name, resp_name[b->sp[s].resp]);
    for (int l = 0; l < AS_LU_NCAT; l++) fprintf(f, " %s %g", lu_name[l], b->sp[s].ef[l]);
    fprintf(f, "%s\n", b->sp[s].model < 0 ? "  (not in the species table: skipped)" : "");
  }
}

void as_biogenic_destroy(AsBiogenic **pb)
{
  if (!pb || !*pb) return;
  AsBiogenic *b = *pb;
  free(b->sp);
  free(b->used);
  free(b->efa);
  free(b);
  *pb = NULL;
}
