/* as_emis_internal.h — private types shared by the as_emis*.c files (not a public interface).
 *
 * Time model (docs/science.md, "temporal allocation"): every source has an annual-mean
 * rate R (g s-1 of an inventory pollutant) and a sector. Its rate during the clock hour h that
 * starts at UTC time t_h is
 *     r(h) = R * f_s(h),   f_s(h) = M_s[month] W_s[weekday] H_s[hour] / A_s(Y)
 * where month, weekday and hour are those of the LOCAL time t_h + 8 h (China Standard Time) and
 *     A_s(Y) = (1/N_Y) * sum over the N_Y hours of local calendar year Y of M_s W_s H_s,
 * so f_s has mean exactly 1 over every local calendar year. The mass of hour h is r(h)*3600 s.
 */
#ifndef AS_EMIS_INTERNAL_H
#define AS_EMIS_INTERNAL_H
#include "as_emis.h"
#include <stdio.h>

/* inventory pollutants (as_emis.h) */
enum { AS_EP_SO2, AS_EP_NOX, AS_EP_CO, AS_EP_NH3, AS_EP_VOC, AS_EP_EC, AS_EP_OC, AS_EP_OTHER,
       AS_EP_N };
extern const char *const as_emis_pollutant_name[AS_EP_N];
/* g mol-1 for pollutants that can be given in mol/s (NOx as NO2); 0: mass units only */
extern const double as_emis_pollutant_molar_mass[AS_EP_N];
int as_emis_pollutant_index(const char *name); /* case-insensitive, -1 if unknown */

/* ---------- CSV with a units header (as_emis_csv.c) ---------- */
typedef struct {
  int ncol;
  char **name;  /* lower-case column names */
  char **unit;  /* "" when the header gave no [unit] */
} AsCsvHeader;
typedef struct {
  FILE *f;
  const char *path;
  int line;     /* line number of the record just read (1-based) */
  char *buf;
  size_t cap;
  int nfield;
  char **field; /* pointers into buf */
  int fcap;
} AsCsv;
AsStatus as_csv_open(const char *path, AsCsv *csv, AsCsvHeader *hdr);
/* 1: a record was read, 0: end of file; errors give AS_ERR_* < 0 never: status in *st */
int as_csv_next(AsCsv *csv, AsStatus *st);
void as_csv_close(AsCsv *csv, AsCsvHeader *hdr);
int as_csv_col(const AsCsvHeader *h, const char *name); /* -1 if absent */
/* parse a finite number from field col, error "FILE:LINE: item: column: not a number" */
AsStatus as_csv_number(const AsCsv *csv, int col, const char *colname, const char *item, double *v);
/* the AS_EP_N pollutant rates of one record: column pcol[p] (-1: absent, rate 0) times scale[p];
 * a negative or unparseable value is an error "FILE:LINE: item: column: ..." */
AsStatus as_csv_rates(const AsCsv *csv, const AsCsvHeader *h, const int *pcol,
                      const double *scale, const char *item, double *rate);

/* scale from a column unit to g/s: units convertible to g/s, or (mm > 0) to mol/s times the
 * molar mass mm; otherwise "FILE: col: units 'x' not convertible to 'g/s'" */
AsStatus as_emis_rate_scale(const char *path, const char *col, const char *unit, double mm,
                            double *scale);

/* ---------- temporal profiles (as_emis_profiles.c) ---------- */
typedef struct {
  int nsec;
  char (*name)[32];
  double (*month)[12];
  double (*wday)[7]; /* Monday = 0 */
  double (*hour)[24]; /* local hour 0..23 */
} AsEmisProfiles;
AsStatus as_emis_profiles_read(const char *path, AsEmisProfiles *p);
void as_emis_profiles_free(AsEmisProfiles *p);
int as_emis_sector_index(const AsEmisProfiles *p, const char *name); /* -1 if unknown */
/* civil date of a UTC epoch shifted to China Standard Time */
typedef struct { int year, month, day, wday, hour; } AsLocalTime;
AsLocalTime as_emis_local_time(double t_utc);
double as_emis_epoch(int year, int month, int day, int hour, int minute, double second);
double as_emis_year_mean(const AsEmisProfiles *p, int sec, int year); /* A_s(Y) */
/* f_s(h) for the hour starting at t_utc (whole hour); ymean: A_s(Y) of that local year */
double as_emis_hour_factor(const AsEmisProfiles *p, int sec, double t_utc, double ymean);

/* ---------- speciation (as_emis_speciation.c) ---------- */
/* spol[nspec]: the pollutant of each model species (-1: not emitted); sfac[nspec][nsec]: g of
 * species per g of pollutant, per sector, from the species table and the optional file (path) */
AsStatus as_emis_speciation(const char *path, const AsSpeciesTable *spc, const AsEmisProfiles *prof,
                            int *spol, double *sfac);

/* ---------- sources ---------- */
typedef struct {
  char id[48];
  char name[128];
  int sector;
  double lon, lat;
  int i, j;            /* cell */
  double height, diameter, velocity, temperature; /* m, m, m s-1, K */
  double rate[AS_EP_N]; /* annual-mean g s-1 */
  int nlay;            /* layer weights of the current hour: w[k], k < nlay */
} AsEmisPoint;

typedef struct {
  char region[64];
  int sector;
  double rate[AS_EP_N]; /* annual-mean g s-1 of the whole region source (inside + outside) */
  double inside;        /* fraction of the surrogate that falls in the domain (sum of cells) */
  long ncell;           /* sparse footprint: 2-D cell index and fraction, layer 0 */
  long *cell;
  double *frac;
} AsEmisArea;

/* point CSV: built-in (outside points dropped) or user (outside -> error) */
AsStatus as_emis_points_read(const char *path, const AsGrid *g, const AsEmisProfiles *prof,
                             int outside_is_error, AsEmisPoint **pts, int *npts, int *ndropped);
/* area totals + surrogates + polylines -> sparse footprints */
AsStatus as_emis_area_read(const char *totals, const char *surrogates, const char *polylines,
                           const AsGrid *g, const AsEmisProfiles *prof, AsEmisArea **area,
                           int *narea);
void as_emis_area_free(AsEmisArea *a, int n);

/* ---------- plume rise (as_emis_plumerise.c) ---------- */
typedef struct {
  double ta;     /* ambient temperature at stack top, K */
  double u;      /* wind speed at stack top, m s-1 */
  double dthdz;  /* potential temperature gradient, K m-1 */
  double obukhov;/* m (>0 stable) */
  double pblh;   /* m */
} AsPlumeMet;
/* Briggs final rise dh (m) for a stack; sets *stable to 1 if the stable formula was used */
double as_emis_briggs_rise(double hs, double ds, double vs, double ts, const AsPlumeMet *m,
                           int *stable);
/* plume bottom/top from stack height and rise (capping documented in the .c); weights over
 * layers (z_face[0..nz]) with sum exactly normalised; returns the number of layers touched
 * from layer 0 (w[k]=0 below the plume). */
int as_emis_layer_weights(double hs, double dh, double pblh, const double *z_face, int nz,
                          double *w);

/* ---------- gridded NetCDF (as_emis_gridded.c) ---------- */
typedef struct AsEmisGridded AsEmisGridded;
AsStatus as_emis_gridded_open(const char *path, const AsGrid *g, const AsSpeciesTable *spc,
                              AsEmisGridded **gd);
/* add the rates of the hour starting at t_h (ug s-1 per cell) into rate[nspec][ncell] */
AsStatus as_emis_gridded_add(AsEmisGridded *gd, double t_h, double *rate);
/* mass of species s over hours [t0, t1) in ug */
AsStatus as_emis_gridded_total(const AsEmisGridded *gd, int s, double t0, double t1,
                               double *ug);
void as_emis_gridded_view(const AsEmisGridded *gd, FILE *f);
void as_emis_gridded_close(AsEmisGridded **gd);



/* ---------- accessors (as_emis.c) for tests and diagnostics ---------- */
int as_emis_npoints(const AsEmis *e);
const double *as_emis_point_weights(const AsEmis *e, int n); /* [nz] of the last hour */
double as_emis_point_rise(const AsEmis *e, int n);           /* m, last hour */
#endif
