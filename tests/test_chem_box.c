/* test_chem_box.c — issue 4 acceptance: CB6r5 box at Jiangyin (120.28 E, 31.92 N) from 2021-07-01T00Z,
 * diurnal clear-sky photolysis (as_phot_cos_zenith + as_phot_clear_sky, MCM v3.3.1), diurnal
 * temperature T = 300 + 5 cos(2 pi (LST - 15 h) / 24 h) K (295-305 K, maximum 15:00 local solar
 * time), p = 101325 Pa, RH 70 % (water from Bolton 1980: e_s = 611.2 exp(17.67 (T-273.15)/(T-29.65)) Pa).
 * Chemistry is called in 300 s intervals, rate constants fixed within a call (J at mid-interval).
 * Emissions and ventilation are applied operator-split BEFORE each chemistry call (the AsOdeSystem
 * has no source hook): y += E dt, then y = bg + (y - bg) exp(-dt / 24 h). Cases and their basis:
 * docs/science.md.
 * Claims (every hour, both cases): ROS3 and RODAS3 (rtol ROS_RTOL, step carried over between calls)
 * match CVODE (rtol 1e-8) within 1 % for O3 NO NO2 OH HO2 HNO3 H2O2 FORM(HCHO) PAN, relative to
 * max(|ref|, floor), floor = 1e-3 ppt (2.5e4 molecules cm-3: reached only by OH/HO2/NO at night);
 * every chemistry call conserves nitrogen atoms (sum_i N_i y_i) to 1e-10 relative.
 * Usage: test_chem_box [DAYS [ROS_RTOL]] (default 1 day, rtol 1e-3; the "long" ctest runs 5 days). */
#include "as_cvode.h"
#include "chem_box_cases.h"
#include "as_mech.h"
#include "as_photolysis.h"
#include "as_rosenbrock.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KB 1.380649e-23
#define REF_RTOL 1e-8
#define TAU_VENT 86400.0

#define RURAL_ISOP_PEAK 2.0 /* ppb h-1 at cos(zenith) = 1, scaled by cos(zenith) (light dependence) */
#define RURAL_TERP 0.1      /* ppb h-1, constant (temperature-driven pool emission, no light term) */
typedef struct {
  const AsMech *m;
  const AsPhotolysis *ph;
  int n, nr, nj, nch;
  double *Jc, *J, *k;
} Env;

/* rate constants for the interval [t, t+BOX_DT]; returns M (molecules cm-3) and cos zenith */
static double set_rates(Env *e, double t, double *cosz)
{
  return box_rates(e->m, e->ph, t, e->Jc, e->J, e->nj, e->k, cosz);
}

static double nitrogen(const AsMech *m, const double *y, int n)
{
  double s = 0;
  for (int i = 0; i < n; i++) s += as_mech_atoms(m, i, "N") * y[i];
  return s;
}

int main(int argc, char **argv)
{
  int days = argc > 1 ? atoi(argv[1]) : 1;
  if (days < 1 || days > 30) return printf("FAIL: DAYS must be 1..30\n"), 1;
  const double ROS_RTOL = argc > 2 ? atof(argv[2]) : 1e-3;
  if (!(ROS_RTOL > 0 && ROS_RTOL < 0.1)) return printf("FAIL: ROS_RTOL must be in (0, 0.1)\n"), 1;
  AsMech *m = NULL;
  AsPhotolysis *ph = NULL;
  if (as_mech_load("inputs/mechanisms/cb6r5.eqn", &m) != AS_OK ||
      as_phot_create("inputs/photolysis/mcm_photolysis-rates_v3.3.1.txt", &ph) != AS_OK)
    return printf("FAIL: %s\n", as_error_message()), 1;
  Env e = {m, ph, as_mech_nspec(m), as_mech_nreact(m), as_mech_max_jnumber(m), as_phot_count(ph), 0, 0, 0};
  const int n = e.n;
  e.Jc = calloc((size_t)e.nch, sizeof *e.Jc);
  e.J = calloc((size_t)e.nj + 1, sizeof *e.J);
  e.k = calloc((size_t)e.nr, sizeof *e.k);
  const AsOdeSystem *sys = as_mech_system(m);
  int cmp[BOX_NCMP];
  for (int c = 0; c < BOX_NCMP; c++)
    if ((cmp[c] = as_mech_species_index(m, box_cmp_names[c])) < 0) return printf("FAIL: no %s\n", box_cmp_names[c]), 1;
  const int iO3 = cmp[0], iNO2 = cmp[2], iISOP = as_mech_species_index(m, "ISOP"),
            iTERP = as_mech_species_index(m, "TERP");
  AsRos *ros[2] = {NULL, NULL};
  AsCvode *cv = NULL;
  if (as_ros_create(sys, "ros3", &ros[0]) != AS_OK || as_ros_create(sys, "rodas3", &ros[1]) != AS_OK ||
      as_cvode_create(sys, "dense", &cv) != AS_OK)
    return printf("FAIL: %s\n", as_error_message()), 1;
  double *y[3], *ic = malloc((size_t)n * sizeof *ic), *em = malloc((size_t)n * sizeof *em),
                *bg = malloc((size_t)n * sizeof *bg), *atol_ref = malloc((size_t)n * sizeof *atol_ref),
                *atol_ros = malloc((size_t)n * sizeof *atol_ros);
  for (int s = 0; s < 3; s++) y[s] = malloc((size_t)n * sizeof *y[s]);
  const double floor_ppt = 1e-3;
  int fail = 0;
  printf("CB6r5 box at %.2f E %.2f N, %d day(s) from 2021-07-01T00Z, %d calls of %.0f s; ROS3/RODAS3 rtol %.0e "
         "vs CVODE rtol %.0e; floor %.0e ppt\n", BOX_LON, BOX_LAT, days, days * 288, BOX_DT, ROS_RTOL, REF_RTOL, floor_ppt);
  for (int cs = 0; cs < 2; cs++) {
    const char *cname = cs == 0 ? "URBAN" : "RURAL";
    const double M0 = BOX_PRES / (KB * box_temperature(BOX_T0)) * 1e-6, ppb0 = M0 * 1e-9;
    memset(ic, 0, (size_t)n * sizeof *ic), memset(em, 0, (size_t)n * sizeof *em);
    memset(bg, 0, (size_t)n * sizeof *bg);
    if (box_fill(m, cs == 0 ? box_urban_ic : box_rural_ic, ppb0, ic)) return printf("FAIL: box case\n"), 1;
    if (box_fill(m, cs == 0 ? box_urban_em : box_rural_em, ppb0 / 3600.0, em)) return printf("FAIL: box case\n"), 1; /* molecules cm-3 s-1 */
    if (box_fill(m, box_background, ppb0, bg)) return printf("FAIL: box case\n"), 1;
    for (int i = 0; i < n; i++) {
      atol_ref[i] = 1e-2; /* molecules cm-3 (4e-13 ppt) */
      atol_ros[i] = 1e2;  /* molecules cm-3 (4e-6 ppt) */
    }
    for (int s = 0; s < 3; s++) memcpy(y[s], ic, (size_t)n * sizeof *ic);
    double h[2] = {0, 0}, worst[2][BOX_NCMP] = {{0}}, worst_hour[2][BOX_NCMP] = {{0}}, worst_N = 0;
    double o3max = 0, o3max_lst = 0, no2_morn = 0, no2_morn_lst = 0;
    long steps[3] = {0, 0, 0};
    for (int call = 0; call < days * 288; call++) {
      const double t = BOX_T0 + call * BOX_DT;
      double cosz;
      const double M = set_rates(&e, t, &cosz), ppb = M * 1e-9;
      const double f = exp(-BOX_DT / TAU_VENT);
      for (int s = 0; s < 3; s++) { /* operator-split emissions + ventilation (outside the N check) */
        double *v = y[s];
        for (int i = 0; i < n; i++) v[i] += em[i] * BOX_DT;
        if (cs == 1) {
          v[iISOP] += RURAL_ISOP_PEAK * fmax(cosz, 0.0) * ppb / 3600.0 * BOX_DT;
          v[iTERP] += RURAL_TERP * ppb / 3600.0 * BOX_DT;
        }
        for (int i = 0; i < n; i++) v[i] = bg[i] + (v[i] - bg[i]) * f;
      }
      AsMechCtx ctx = {m, e.k};
      for (int s = 0; s < 3; s++) {
        const double n0 = nitrogen(m, y[s], n);
        AsOdeStats st;
        AsStatus rc = s < 2 ? as_ros_integrate(ros[s], &ctx, y[s], BOX_DT, ROS_RTOL, atol_ros, &h[s], &st)
                            : as_cvode_integrate(cv, &ctx, y[s], BOX_DT, REF_RTOL, atol_ref, NULL, &st);
        if (rc != AS_OK) return printf("FAIL: %s call %d solver %d: %s\n", cname, call, s, as_error_message()), 1;
        steps[s] += st.steps;
        worst_N = fmax(worst_N, fabs(nitrogen(m, y[s], n) - n0) / n0);
      }
      const double tend = t + BOX_DT, lst = fmod((tend - BOX_T0) / 3600.0 + BOX_LON / 15.0, 24.0);
      if (y[2][iO3] / ppb > o3max) o3max = y[2][iO3] / ppb, o3max_lst = lst;
      if (lst >= 4 && lst <= 10 && y[2][iNO2] / ppb > no2_morn) no2_morn = y[2][iNO2] / ppb, no2_morn_lst = lst;
      if ((call + 1) % 12) continue;
      const double fl = floor_ppt * 1e-3 * ppb;
      for (int s = 0; s < 2; s++)
        for (int c = 0; c < BOX_NCMP; c++) {
          const double ref = y[2][cmp[c]], d = fabs(y[s][cmp[c]] - ref) / fmax(fabs(ref), fl);
          if (d > worst[s][c]) worst[s][c] = d, worst_hour[s][c] = (call + 1) / 12;
        }
    }
    printf("%s: steps ROS3 %ld RODAS3 %ld CVODE %ld; N drift per call max %.2e (limit 1e-10)\n", cname, steps[0],
           steps[1], steps[2], worst_N);
    fail |= !(worst_N <= 1e-10);
    for (int s = 0; s < 2; s++) {
      printf("  %-6s worst hourly rel. diff vs CVODE:", s == 0 ? "ROS3" : "RODAS3");
      for (int c = 0; c < BOX_NCMP; c++) {
        printf(" %s %.1e(h%.0f)", box_cmp_names[c], worst[s][c], worst_hour[s][c]);
        fail |= !(worst[s][c] <= 0.01);
      }
      printf("\n");
    }
    printf("  %s O3 maximum %.1f ppb at %.1f h LST; early-morning (04-10 LST) NO2 maximum %.1f ppb at %.1f h LST\n",
           cname, o3max, o3max_lst, no2_morn, no2_morn_lst);
    printf("  %s at end: O3 %.1f NO %.3f NO2 %.2f HNO3 %.2f PAN %.3f H2O2 %.2f HCHO %.2f ppb\n", cname,
           y[2][cmp[0]] / ppb0, y[2][cmp[1]] / ppb0, y[2][cmp[2]] / ppb0, y[2][cmp[5]] / ppb0, y[2][cmp[8]] / ppb0,
           y[2][cmp[6]] / ppb0, y[2][cmp[7]] / ppb0);
  }
  as_ros_destroy(&ros[0]), as_ros_destroy(&ros[1]), as_cvode_destroy(&cv);
  as_mech_destroy(&m), as_phot_destroy(&ph);
  for (int s = 0; s < 3; s++) free(y[s]);
  free(ic), free(em), free(bg), free(atol_ref), free(atol_ros), free(e.Jc), free(e.J), free(e.k);
  printf("%s\n", fail ? "FAIL" : "PASS");
  return fail;
}
