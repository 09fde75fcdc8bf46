/* as_output_impl.h — private parts of the output object shared by as_output*.c, as_receptors.c.
 *
 * Output fields are one table (FFTW "favor a table"): each entry says what to compute from the
 * hourly accumulators and how to label it. Accumulators hold, per tracked species t,
 *   acc_c[t][cell] = sum over steps of c * dt              (ug m-3 s)
 *   acc_x[t][cell] = sum over steps of (c / rho) * dt       (ug kg-1 s, gases only)
 * over the surface layer (nlev = 1) or all layers (nlev = nz, output.three_d). The hourly mean of
 * the mole fraction is acc_x * Mair / (M * sum dt) in ppb (docs/science.md, "Output").
 * With output.met the surface meteorology is accumulated the same way per column in acc_met
 * (as_output_met.c); its fields (kind MET) are 2-D only.
 */
#ifndef AS_OUTPUT_IMPL_H
#define AS_OUTPUT_IMPL_H
#include "as_output.h"
#include <stdio.h>

#define AS_MAIR 28.9647 /* g mol-1, dry air (docs/science.md) */

typedef enum { AS_FIELD_MASS = 0, AS_FIELD_PPB, AS_FIELD_REF, AS_FIELD_SUM, AS_FIELD_MET } AsFieldKind;
#define AS_OUTPUT_MET_NFIELD 8 /* T2 RH2 WSPD10 WDIR10 PBLH PRECIP CLOUD SWDOWN (as_output_met.c) */
/* molar volume at the Chinese reference state 298.15 K, 1013.25 hPa: R T / p, L mol-1 */
#define AS_VM_REF (8.314462618 * 298.15 / 101325.0 * 1e3)

typedef struct {
  AsFieldKind kind;
  int track;              /* tracked-species index (MASS, PPB, REF); met variable (MET); -1 for a SUM */
  int nsum;               /* SUM: number of tracked species summed, in table order */
  int *sum;               /* SUM: [nsum] tracked-species indices (owned) */
  char name[48];          /* NetCDF variable / CSV column name */
  char units[16];
  char standard_name[192];
  char long_name[256];
  char comment[256];
  char scalar_coord[16];  /* extra CF scalar coordinate (e.g. "height_2m"), "" for none */
  int var2d, var3d;       /* NetCDF variable ids (var3d = -1 without three_d) */
} AsField;

typedef struct {
  char name[64];
  double lon, lat;
  int i0, j0;             /* lower-left cell centre of the bilinear stencil */
  double wx, wy;          /* weights of the i0+1 / j0+1 neighbours */
} AsReceptor;

struct AsOutput {
  char dir[1024];
  char casename[256];
  char runname[300];    /* casename_YYYYMMDDHH of the run's first hour: every file of a run carries
                           it, so a restarted run never replaces the files of the run before */
  char casefile[1024];
  char institution[256];
  int three_d;
  int met;                /* output.met: surface meteorology fields */
  double sync_every_h;    /* checkpoint.every_hours: publish the files at those hours (0: never) */
  int nx, ny, nz, nlev;
  long ncol;
  /* tracked species: output, pm25, pm25_water or a member of an output sum */
  int ntrack;
  int *track_spec;        /* [ntrack] species index */
  int *track_gas;         /* [ntrack] 1: also accumulate c/rho for ppb */
  double *acc_c, *acc_x;  /* [ntrack][nlev*ncol] */
  double acc_t;           /* sum of dt since the last write, s */
  double *acc_met;        /* [AS_OUTPUT_MET_NFIELD + 1][ncol] met accumulators (output.met) */
  double *met_cosg, *met_sing; /* [ncol] grid -> true-north rotation of the 10-m wind */
  int nfield;
  AsField *field;
  double *mean;           /* [nfield][nlev*ncol] hourly means of the current hour */
  float *fbuf;            /* [nlev*ncol] */
  double *mass;           /* [nspec] for the budget reset */
  /* NetCDF */
  int ncid, nc_open;
  size_t nrec;
  char nc_path[1400], nc_tmp[1400];
  int v_time, v_tbnds;
  /* CSV files */
  FILE *fbud, *frec;
  char bud_path[1400], bud_tmp[1400], rec_path[1400], rec_tmp[1400];
  /* receptors */
  char rec_file[1024];
  int nrecep;
  AsReceptor *recep;
};

/* as_output_met.c (output.met) */
AsStatus as_output_met_setup(AsOutput *o, const AsGrid *g); /* appends the fields, allocates */
AsStatus as_output_met_accumulate(AsOutput *o, const AsMetState *ms, double dt);
void as_output_met_mean(const AsOutput *o, int var, double *out); /* [ncol] hourly mean */
void as_output_met_reset(AsOutput *o);
/* met variable var at a receptor (weights w of the cells cell[4]) from its hourly mean field
 * mean: bilinear; WDIR10 from the interpolated mean wind vector */
double as_output_met_bilinear(const AsOutput *o, int var, const double *mean, const long cell[4],
                              const double w[4]);
/* as_output_nc.c */
AsStatus as_output_nc_open(AsOutput *o, const AsModel *m, double t_first_start);
AsStatus as_output_nc_write(AsOutput *o, double t_start, double t_end);
AsStatus as_output_nc_close(AsOutput *o);
AsStatus as_output_nc_reopen(AsOutput *o);
/* as_receptors.c */
AsStatus as_receptors_read(AsOutput *o, const AsGrid *g, const char *path);
AsStatus as_receptors_write(AsOutput *o, double t_end);
/* "2021-01-01T01:00:00Z" */
void as_output_iso(double t, char *buf, size_t n);
/* as_output_files.c */
AsStatus as_output_mkdir(const char *dir); /* mkdir -p */
AsStatus as_output_check_dir(const char *dir, const char *where);
AsStatus as_output_budget_write(AsOutput *o, AsModel *m, double t_end);
AsStatus as_output_publish(AsOutput *o);

#endif
