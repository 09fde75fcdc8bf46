/* as_output_met.c — surface meteorology in the output (output.met: true), the fields CMAQ users
 * read from MCIP's METCRO2D, so that an episode can be explained beside its concentrations.
 *
 * Every field is the hourly mean of the met state's 2-D field at the step mid-times (the met the
 * step used), with the same weights as the concentrations (as_output.c):
 *     <f> = sum_n f_n dt_n / sum_n dt_n
 * T2, RH2, PBLH, PRECIP, CLOUD, SWDOWN directly; WSPD10 is the mean of the instantaneous speed
 * |V10| (not the speed of the mean wind). WDIR10 is the direction the vector-mean 10-m wind blows
 * from, clockwise from true north. The met's (u10, v10) are grid-relative; on the Lambert conformal
 * grid true north is turned by gamma = n (lon - lon0) from grid north, n the cone constant
 * (Snyder 1987, USGS PP 1395, eqs. 15-1..15-4; the same rotation as inputs/as_met.c), so
 *     u_e = u cos(gamma) + v sin(gamma),   v_n = -u sin(gamma) + v cos(gamma)
 *     WDIR10 = atan2(-<u_e>, -<v_n>) in degrees, in [0, 360)
 * The fields are surface-only (no _3d variable with output.three_d). CF standard names, units and
 * heights: docs/config.md (output) and docs/science-output-met.md.
 */
#include "as_output_impl.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { MET_T2, MET_RH2, MET_WSPD10, MET_WDIR10, MET_PBLH, MET_PRECIP, MET_CLOUD, MET_SWDOWN, MET_N };
#define MET_VN MET_N /* the extra accumulator: true-north component of the 10-m wind */

/* the output variables, in MET_* order (a table: FFTW "favor a table") */
static const struct {
  const char *name, *units, *standard_name, *long_name, *coord, *comment;
} met_var[MET_N] = {
    {"T2", "K", "air_temperature", "air temperature at 2 m", "height_2m",
     "hourly mean of the meteorology's 2-m temperature at the model step mid-times"},
    {"RH2", "1", "relative_humidity", "relative humidity at 2 m (fraction, 1 = saturation)", "height_2m",
     "hourly mean of the meteorology's 2-m relative humidity; a fraction 0-1 (x 100 for percent)"},
    {"WSPD10", "m s-1", "wind_speed", "wind speed at 10 m", "height_10m",
     "hourly mean of the instantaneous 10-m wind speed (not the speed of the mean wind)"},
    {"WDIR10", "degree", "wind_from_direction", "direction the 10-m wind blows from", "height_10m",
     "direction of the hourly vector-mean 10-m wind, clockwise from true north, 0-360 (grid-relative "
     "wind rotated by the Lambert convergence angle)"},
    {"PBLH", "m", "atmosphere_boundary_layer_thickness", "planetary boundary layer height", "",
     "hourly mean of the meteorology's boundary-layer (mixing) height above ground"},
    {"PRECIP", "mm h-1", "lwe_precipitation_rate", "precipitation rate (liquid water equivalent)", "",
     "hourly mean of the meteorology's precipitation rate = the hour's accumulation in mm"},
    {"CLOUD", "1", "cloud_area_fraction", "total cloud cover (fraction)", "",
     "hourly mean of the meteorology's total cloud cover, 0-1"},
    {"SWDOWN", "W m-2", "surface_downwelling_shortwave_flux_in_air",
     "downward shortwave radiation at the surface", "",
     "hourly mean of the meteorology's downward shortwave flux at the surface"},
};
_Static_assert(MET_N == AS_OUTPUT_MET_NFIELD, "AS_OUTPUT_MET_NFIELD must match the met table");

AsStatus as_output_met_setup(AsOutput *o, const AsGrid *g)
{
  for (int v = 0; v < MET_N; v++) {
    for (int e = 0; e < o->nfield; e++)
      if (!strcmp(o->field[e].name, met_var[v].name))
        return as_error(AS_ERR_CONFIG, "", "output.met",
                        "variable '%s' is already an output (a species or an output.sums entry)",
                        met_var[v].name);
    AsField *f = &o->field[o->nfield++];
    f->kind = AS_FIELD_MET;
    f->track = v;
    snprintf(f->name, sizeof f->name, "%s", met_var[v].name);
    snprintf(f->units, sizeof f->units, "%s", met_var[v].units);
    snprintf(f->standard_name, sizeof f->standard_name, "%s", met_var[v].standard_name);
    snprintf(f->long_name, sizeof f->long_name, "%s", met_var[v].long_name);
    snprintf(f->comment, sizeof f->comment, "%s", met_var[v].comment);
    snprintf(f->scalar_coord, sizeof f->scalar_coord, "%s", met_var[v].coord);
  }
  AS_MALLOC(o->acc_met, (size_t)(MET_N + 1) * (size_t)o->ncol);
  AS_MALLOC(o->met_cosg, o->ncol);
  AS_MALLOC(o->met_sing, o->ncol);
  for (long c = 0; c < o->ncol; c++) {
    const double gamma = as_grid_convergence(g, c);
    o->met_cosg[c] = cos(gamma);
    o->met_sing[c] = sin(gamma);
  }
  return AS_OK;
}

AsStatus as_output_met_accumulate(AsOutput *o, const AsMetState *ms, double dt)
{
  const double *restrict t2 = ms->t2, *restrict rh2 = ms->rh2, *restrict u10 = ms->u10,
               *restrict v10 = ms->v10, *restrict pblh = ms->pblh, *restrict pr = ms->precip,
               *restrict cl = ms->cloud, *restrict sw = ms->swdown;
  if (!t2 || !rh2 || !u10 || !v10 || !pblh || !pr || !cl || !sw)
    return as_error(AS_ERR_DATA, "", "output.met", "the meteorology gives no surface fields");
  const long n = o->ncol;
  double *restrict a = o->acc_met;
  const double *restrict cg = o->met_cosg, *restrict sg = o->met_sing;
  /* each column on its own: the sums do not depend on the thread count */
#pragma omp parallel for schedule(static)
  for (long c = 0; c < n; c++) {
    const double u = u10[c], v = v10[c];
    a[MET_T2 * n + c] += t2[c] * dt;
    a[MET_RH2 * n + c] += rh2[c] * dt;
    a[MET_WSPD10 * n + c] += sqrt(u * u + v * v) * dt;
    a[MET_WDIR10 * n + c] += (u * cg[c] + v * sg[c]) * dt; /* eastward component */
    a[MET_VN * n + c] += (-u * sg[c] + v * cg[c]) * dt;    /* northward component */
    a[MET_PBLH * n + c] += pblh[c] * dt;
    a[MET_PRECIP * n + c] += pr[c] * dt;
    a[MET_CLOUD * n + c] += cl[c] * dt;
    a[MET_SWDOWN * n + c] += sw[c] * dt;
  }
  return AS_OK;
}

void as_output_met_mean(const AsOutput *o, int var, double *out)
{
  const long n = o->ncol;
  const double inv = 1.0 / o->acc_t;
  const double *a = o->acc_met + (size_t)var * (size_t)n;
  if (var != MET_WDIR10) {
    for (long c = 0; c < n; c++) out[c] = a[c] * inv;
    return;
  }
  const double *vn = o->acc_met + (size_t)MET_VN * (size_t)n;
  for (long c = 0; c < n; c++) /* + 360, fmod: [0, 360) without -0 */
    out[c] = fmod(atan2(-a[c], -vn[c]) * (180.0 / M_PI) + 360.0, 360.0);
}

double as_output_met_bilinear(const AsOutput *o, int var, const double *mean, const long cell[4],
                              const double w[4])
{
  /* same expression and order as the other receptor columns (as_receptors.c) */
  if (var != MET_WDIR10)
    return w[0] * mean[cell[0]] + w[1] * mean[cell[1]] + w[2] * mean[cell[2]] + w[3] * mean[cell[3]];
  const double *ue = o->acc_met + (size_t)MET_WDIR10 * (size_t)o->ncol,
               *vn = o->acc_met + (size_t)MET_VN * (size_t)o->ncol;
  double e = 0, n = 0; /* the accumulated sums: the common factor 1/acc_t does not turn the vector */
  for (int q = 0; q < 4; q++) e += w[q] * ue[cell[q]], n += w[q] * vn[cell[q]];
  return fmod(atan2(-e, -n) * (180.0 / M_PI) + 360.0, 360.0);
}

void as_output_met_reset(AsOutput *o)
{
  if (o->acc_met) memset(o->acc_met, 0, sizeof(double) * (size_t)(MET_N + 1) * (size_t)o->ncol);
}
