/* as_boundary.c — lateral and top boundary values (see as_boundary.h).
 *
 * type background: a regional background read from a YAML file (inputs/boundary/, e.g. wcs_background.yaml):
 *   c(z, t) = c_s(t) P(z),
 *   c_s(t)  = M(t) [1 + a cos(2 pi (h_local - h_peak)/24)]   (diurnal modulation)
 *   M(t)    = monthly surface means, linear in time between mid-months
 *   P(z)    = 1                                       z <= pblh
 *           = r + (1 - r) exp(-(z - pblh)/H)          z >  pblh   (H scale height, r free-
 *                                                                  troposphere ratio)
 * pblh is the met's boundary-layer height in the adjacent interior column. Values, sources and
 * the arithmetic behind them: docs/science.md and the comments of the data file.
 * Species absent from the file get 0. type zero: all 0. type periodic: no boundary (closed,
 * wrap-around domain for conservation tests); side arrays are 0.
 */
#include "as_boundary.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { BC_BACKGROUND = 0, BC_ZERO, BC_PERIODIC };
static const char *const bc_types[] = {"background", "zero", "periodic", NULL};

typedef struct {
  double monthly[12]; /* ug m-3 */
  double amp, peak_hour, ft_ratio, scale_height;
} BgSpecies;

struct AsBoundary {
  int type, nspec;
  const AsGrid *g;
  char file[512];
  double utc_offset, pblh_default;
  BgSpecies *sp;      /* [nspec]; all zero for species absent from the file */
  int *found;         /* [nspec] 1 if the file gives this species */
  double *side[AS_NSIDES]; /* [nspec * side size] */
  long side_len[AS_NSIDES];
  double t_last;
};

static AsStatus read_background(AsBoundary *bc, const char *path, const AsSpeciesTable *spc)
{
  AsConfig *f = NULL;
  AS_CALL(as_config_load(path, &f));
  AsStatus st = AS_OK;
  double H = 1000.0;
  bc->utc_offset = 8 * 3600.0;
  bc->pblh_default = 800.0;
  int n = 0;
#define TRY(x) do { st = (x); if (st) goto done; } while (0)
  TRY(as_config_get_string(f, "description", 0, &(const char *){NULL}));
  TRY(as_config_get_quantity(f, "utc_offset", 0, "s", -14 * 3600.0, 14 * 3600.0, &bc->utc_offset));
  TRY(as_config_get_quantity(f, "profile.scale_height", 1, "m", 10.0, 1e5, &H));
  TRY(as_config_get_quantity(f, "profile.pblh_default", 0, "m", 10.0, 1e4, &bc->pblh_default));
  TRY(as_config_seq_len(f, "species", &n));
  for (int i = 0; i < n; i++) {
    char key[128];
    const char *name = NULL;
    snprintf(key, sizeof key, "species[%d].name", i);
    TRY(as_config_get_string(f, key, 1, &name));
    BgSpecies b = {.amp = 0, .peak_hour = 0, .ft_ratio = 0, .scale_height = H};
    double *mon = NULL;
    int nm = 0;
    snprintf(key, sizeof key, "species[%d].monthly", i);
    TRY(as_config_get_quantity_list(f, key, 1, "ug/m3", 0.0, 1e6, &mon, &nm));
    if (nm != 12) {
      char where[300];
      free(mon);
      st = as_error(AS_ERR_DATA, as_config_where(f, key, where, sizeof where), key,
                    "needs 12 monthly values, got %d", nm);
      goto done;
    }
    memcpy(b.monthly, mon, sizeof b.monthly);
    free(mon);
    snprintf(key, sizeof key, "species[%d].diurnal_amplitude", i);
    TRY(as_config_get_double(f, key, 0, 0.0, 1.0, &b.amp));
    snprintf(key, sizeof key, "species[%d].diurnal_peak_hour", i);
    TRY(as_config_get_double(f, key, 0, 0.0, 24.0, &b.peak_hour));
    snprintf(key, sizeof key, "species[%d].free_troposphere_ratio", i);
    TRY(as_config_get_double(f, key, 0, 0.0, 1.0, &b.ft_ratio));
    snprintf(key, sizeof key, "species[%d].scale_height", i);
    TRY(as_config_get_quantity(f, key, 0, "m", 10.0, 1e5, &b.scale_height));
    int s = as_species_index(spc, name);
    if (s >= 0) {
      if (bc->found[s]) {
        char where[300];
        snprintf(key, sizeof key, "species[%d].name", i);
        st = as_error(AS_ERR_DATA, as_config_where(f, key, where, sizeof where), key,
                      "species '%s' given twice", name);
        goto done;
      }
      bc->sp[s] = b;
      bc->found[s] = 1;
    }
  }
  TRY(as_config_check_unused(f));
#undef TRY
done:
  as_config_destroy(&f);
  return st;
}

AsStatus as_boundary_create(AsConfig *cfg, const AsGrid *grid, const AsSpeciesTable *spc,
                            AsBoundary **out)
{
  AsBoundary *bc;
  AS_MALLOC(bc, 1);
  *out = bc;
  bc->g = grid;
  bc->nspec = spc->n;
  bc->t_last = NAN;
  int type = BC_BACKGROUND;
  AS_CALL(as_config_get_choice(cfg, "boundary.type", 0, bc_types, &type));
  bc->type = type;
  AS_MALLOC(bc->sp, spc->n);
  AS_MALLOC(bc->found, spc->n);
  if (type == BC_BACKGROUND) {
    const char *path = NULL;
    AS_CALL(as_config_get_path(cfg, "boundary.file", 1, &path));
    snprintf(bc->file, sizeof bc->file, "%s", path);
    AS_CALL(read_background(bc, path, spc));
  }
  const long nx = grid->nx, ny = grid->ny, nz = grid->nz;
  bc->side_len[AS_WEST] = bc->side_len[AS_EAST] = nz * ny;
  bc->side_len[AS_SOUTH] = bc->side_len[AS_NORTH] = nz * nx;
  bc->side_len[AS_TOP] = ny * nx;
  for (int sd = 0; sd < AS_NSIDES; sd++)
    AS_MALLOC(bc->side[sd], (size_t)spc->n * (size_t)bc->side_len[sd]);
  return AS_OK;
}

int as_boundary_periodic(const AsBoundary *bc) { return bc && bc->type == BC_PERIODIC; }

/* surface value of species s at time t (before the vertical profile) */
static double surface_value(const AsBoundary *bc, int s, double t)
{
  const BgSpecies *b = &bc->sp[s];
  double tl = t + bc->utc_offset;
  time_t tt = (time_t)floor(tl);
  struct tm tm;
  gmtime_r(&tt, &tm);
  static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int y = tm.tm_year + 1900, mo = tm.tm_mon;
  double dim = mdays[mo] + (mo == 1 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
  double sec_of_day = tl - 86400.0 * floor(tl / 86400.0);
  double frac = ((tm.tm_mday - 1) + sec_of_day / 86400.0) / dim; /* 0..1 within the month */
  double x = mo + frac - 0.5;                /* 0 = middle of January */
  int m0 = (int)floor(x);
  double w = x - m0;
  double M = (1.0 - w) * b->monthly[(m0 + 12) % 12] + w * b->monthly[(m0 + 13) % 12];
  double hour = sec_of_day / 3600.0;
  return M * (1.0 + b->amp * cos(2.0 * M_PI * (hour - b->peak_hour) / 24.0));
}

static double profile(const BgSpecies *b, double z, double pblh)
{
  if (z <= pblh) return 1.0;
  return b->ft_ratio + (1.0 - b->ft_ratio) * exp(-(z - pblh) / b->scale_height);
}

static double pblh_at(const AsBoundary *bc, const AsMetState *met, long col)
{
  if (met && met->pblh && met->pblh[col] > 0) return met->pblh[col];
  return bc->pblh_default;
}

AsStatus as_boundary_update(AsBoundary *bc, double t, const AsMetState *met)
{
  const AsGrid *g = bc->g;
  const int nx = g->nx, ny = g->ny, nz = g->nz;
  for (int s = 0; s < bc->nspec; s++) {
    double *w = bc->side[AS_WEST] + (size_t)s * bc->side_len[AS_WEST];
    double *e = bc->side[AS_EAST] + (size_t)s * bc->side_len[AS_EAST];
    double *so = bc->side[AS_SOUTH] + (size_t)s * bc->side_len[AS_SOUTH];
    double *no = bc->side[AS_NORTH] + (size_t)s * bc->side_len[AS_NORTH];
    double *tp = bc->side[AS_TOP] + (size_t)s * bc->side_len[AS_TOP];
    if (bc->type != BC_BACKGROUND || !bc->found[s]) {
      memset(w, 0, sizeof(double) * (size_t)bc->side_len[AS_WEST]);
      memset(e, 0, sizeof(double) * (size_t)bc->side_len[AS_EAST]);
      memset(so, 0, sizeof(double) * (size_t)bc->side_len[AS_SOUTH]);
      memset(no, 0, sizeof(double) * (size_t)bc->side_len[AS_NORTH]);
      memset(tp, 0, sizeof(double) * (size_t)bc->side_len[AS_TOP]);
      continue;
    }
    const BgSpecies *b = &bc->sp[s];
    double cs = surface_value(bc, s, t);
    for (int k = 0; k < nz; k++) {
      double z = g->z_mid[k];
      for (int j = 0; j < ny; j++) {
        w[k * ny + j] = cs * profile(b, z, pblh_at(bc, met, (long)j * nx));
        e[k * ny + j] = cs * profile(b, z, pblh_at(bc, met, (long)j * nx + nx - 1));
      }
      for (int i = 0; i < nx; i++) {
        so[k * nx + i] = cs * profile(b, z, pblh_at(bc, met, i));
        no[k * nx + i] = cs * profile(b, z, pblh_at(bc, met, (long)(ny - 1) * nx + i));
      }
    }
    for (long col = 0; col < (long)nx * ny; col++)
      tp[col] = cs * profile(b, g->z_face[nz], pblh_at(bc, met, col));
  }
  bc->t_last = t;
  return AS_OK;
}

const double *as_boundary_side(const AsBoundary *bc, int s, AsSide side)
{
  return bc->side[side] + (size_t)s * (size_t)bc->side_len[side];
}

AsStatus as_boundary_initial(const AsBoundary *bc, double t, const AsMetState *met, double *c)
{
  const AsGrid *g = bc->g;
  const long ncol = (long)g->nx * g->ny, ncell = ncol * g->nz;
  for (int s = 0; s < bc->nspec; s++) {
    double *cs_ = c + (size_t)s * (size_t)ncell;
    if (bc->type != BC_BACKGROUND || !bc->found[s]) {
      memset(cs_, 0, sizeof(double) * (size_t)ncell);
      continue;
    }
    double cs = surface_value(bc, s, t);
    for (int k = 0; k < g->nz; k++)
      for (long col = 0; col < ncol; col++)
        cs_[k * ncol + col] = cs * profile(&bc->sp[s], g->z_mid[k], pblh_at(bc, met, col));
  }
  return AS_OK;
}

void as_boundary_view(const AsBoundary *bc, void *file)
{
  FILE *f = file;
  if (!bc) return;
  fprintf(f, "boundary: %s", bc_types[bc->type]);
  if (bc->type == BC_BACKGROUND) {
    int nf = 0;
    for (int s = 0; s < bc->nspec; s++) nf += bc->found[s];
    fprintf(f, " from %s (local time UTC%+g h), %d of %d species given (others 0)", bc->file,
            bc->utc_offset / 3600.0, nf, bc->nspec);
  }
  fprintf(f, "; inflow faces take these values, outflow faces zero gradient\n");
}

void as_boundary_destroy(AsBoundary **bcp)
{
  if (!bcp || !*bcp) return;
  AsBoundary *bc = *bcp;
  for (int sd = 0; sd < AS_NSIDES; sd++) free(bc->side[sd]);
  free(bc->sp);
  free(bc->found);
  free(bc);
  *bcp = NULL;
}
