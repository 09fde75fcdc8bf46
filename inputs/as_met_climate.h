/* as_met_climate.h — private to inputs/as_met*.c: the monthly climatology of the belt and the
 * deterministic hourly surface records drawn from it (see as_met_climate.c). */
#ifndef AS_MET_CLIMATE_H
#define AS_MET_CLIMATE_H
#include "../solver/as_status.h"
#include <stdint.h>

enum { AS_CLIM_NSECT = 8 };
/* smoothly interpolated monthly fields (anchor rows) */
enum { AS_CLIM_TMEAN, AS_CLIM_DTR, AS_CLIM_RH, AS_CLIM_CLOUD, AS_CLIM_PRES, AS_CLIM_WIND, AS_CLIM_NANCHOR };

typedef struct {
  double t_mean[12], dtr[12], rh[12], cloud[12], precip[12], rain_days[12], pressure[12],
      wind[12], sector[12][AS_CLIM_NSECT], calm[12]; /* SI units; fractions 0..1 */
  double anchor[AS_CLIM_NANCHOR][12]; /* mid-month anchors whose interpolation keeps monthly means */
} AsClimate;

typedef struct {
  double speed;    /* 10-m wind speed, m s-1 */
  double dir_from; /* direction the wind blows from, degrees clockwise from true north */
  double t2;       /* 2-m temperature, K */
  double rh;       /* 2-m relative humidity, 0..1 */
  double cloud;    /* total cloud cover, 0..1 */
  double precip;   /* precipitation rate, mm h-1 */
  double psfc;     /* surface pressure, Pa */
} AsSfcRecord;

/* Read the CSV; errors "FILE:LINE: column: problem". */
AsStatus as_climate_load(const char *path, AsClimate *c);
/* The record at time t (s since 1970 UTC): a pure function of (seed, t). */
void as_climate_record(const AsClimate *c, uint64_t seed, double t, AsSfcRecord *r);

#endif
