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
#include "as_mech.h"
#include "as_photolysis.h"
#include "as_rosenbrock.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LON 120.28
#define LAT 31.92
#define T0 1625097600.0 /* 2021-07-01T00:00:00Z */
#define DT 300.0
#define PRES 101325.0
#define KB 1.380649e-23
#define REF_RTOL 1e-8
#define TAU_VENT 86400.0
#define NCMP 9

typedef struct { const char *name; double ppb; } Conc;

/* Initial mixing ratios (ppb) and emissions (ppb h-1): docs/science.md gives the basis. */
static const Conc urban_ic[] = {{"NO2", 30}, {"NO", 10}, {"O3", 30}, {"CO", 500}, {"FORM", 5}, {"CH4", 1850},
  {"SO2", 5}, {"HONO", 0.5}, {"HNO3", 1}, {"PAN", 0.5}, {"H2O2", 0.5}, {"PAR", 60}, {"ETHA", 4}, {"PRPA", 2},
  {"ETH", 4}, {"OLE", 2}, {"IOLE", 0.5}, {"ETHY", 2}, {"TOL", 3}, {"XYLMN", 2}, {"BENZENE", 1}, {"ISOP", 0.5},
  {"ALD2", 2}, {"ALDX", 1}, {"ACET", 3}, {"KET", 1}, {"MEOH", 5}, {"ETOH", 1}, {NULL, 0}};
static const Conc urban_em[] = {{"NO", 2.7}, {"NO2", 0.3}, {"CO", 30}, {"PAR", 6}, {"ETH", 0.5}, {"OLE", 0.3},
  {"IOLE", 0.05}, {"TOL", 0.4}, {"XYLMN", 0.3}, {"BENZENE", 0.1}, {"FORM", 0.1}, {"ALD2", 0.1}, {"ETHY", 0.2},
  {NULL, 0}};
static const Conc rural_ic[] = {{"NO2", 1}, {"NO", 0.2}, {"O3", 40}, {"CO", 150}, {"FORM", 2}, {"CH4", 1850},
  {"SO2", 1}, {"HNO3", 0.5}, {"PAN", 0.2}, {"H2O2", 1}, {"ISOP", 2}, {"TERP", 0.2}, {"PAR", 10}, {"ETHA", 1.5},
  {"ETH", 0.5}, {"OLE", 0.2}, {"TOL", 0.2}, {"XYLMN", 0.1}, {"ALD2", 0.5}, {"ACET", 2}, {"MEOH", 3}, {NULL, 0}};
static const Conc rural_em[] = {{"NO", 0.1}, {"CO", 2}, {"PAR", 0.3}, {NULL, 0}}; /* soil NO, minor anthrop. */
#define RURAL_ISOP_PEAK 2.0 /* ppb h-1 at cos(zenith) = 1, scaled by cos(zenith) (light dependence) */
#define RURAL_TERP 0.1      /* ppb h-1, constant (temperature-driven pool emission, no light term) */
static const Conc background[] = {{"O3", 40}, {"CO", 150}, {"CH4", 1850}, {NULL, 0}};

static const char *cmp_names[NCMP] = {"O3", "NO", "NO2", "OH", "HO2", "HNO3", "H2O2", "FORM", "PAN"};

static double temperature(double t)
{
  double lst = fmod((t - T0) / 3600.0 + LON / 15.0, 24.0);
  return 300.0 + 5.0 * cos(2 * M_PI * (lst - 15.0) / 24.0);
}

static void fill(const AsMech *m, const Conc *c, double scale, double *v)
{
  for (; c->name; c++) {
    int i = as_mech_species_index(m, c->name);
    if (i < 0) { printf("FAIL: species %s not in mechanism\n", c->name); exit(1); }
    v[i] += c->ppb * scale;
  }
}

typedef struct {
  const AsMech *m;
  const AsPhotolysis *ph;
  int n, nr, nj, nch;
  double *Jc, *J, *k;
} Env;

/* rate constants for the interval [t, t+DT]; returns M (molecules cm-3) and cos zenith */
static double set_rates(Env *e, double t, double *cosz)
{
  double T = temperature(t + 0.5 * DT);
  double M = PRES / (KB * T) * 1e-6;
  double es = 611.2 * exp(17.67 * (T - 273.15) / (T - 29.65));
  double h2o = 0.70 * es / (KB * T) * 1e-6;
  *cosz = as_phot_cos_zenith(LON, LAT, t + 0.5 * DT);
  as_phot_clear_sky(e->ph, *cosz, e->Jc);
  memset(e->J, 0, (size_t)(e->nj + 1) * sizeof *e->J);
  for (int c = 0; c < e->nch; c++) {
    int num = as_phot_number(e->ph, c);
    if (num >= 0 && num <= e->nj) e->J[num] = e->Jc[c];
  }
  AsMechEnv env = {T, PRES, M, h2o, e->J};
  as_mech_rate_constants(e->m, &env, e->k);
  return M;
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
  int cmp[NCMP];
  for (int c = 0; c < NCMP; c++)
    if ((cmp[c] = as_mech_species_index(m, cmp_names[c])) < 0) return printf("FAIL: no %s\n", cmp_names[c]), 1;
  const int iO3 = cmp[0], iNO2 = cmp[2], iISOP = as_mech_species_index(m, "ISOP"),
            iTERP = as_mech_species_index(m, "TERP");
  AsRos *ros[2] = {NULL, NULL};
  AsCvode *cv = NULL;
  if (as_ros_create(sys, "ros3", &ros[0]) != AS_OK || as_ros_create(sys, "rodas3", &ros[1]) != AS_OK ||
      as_cvode_create(sys, &cv) != AS_OK)
    return printf("FAIL: %s\n", as_error_message()), 1;
  double *y[3], *ic = malloc((size_t)n * sizeof *ic), *em = malloc((size_t)n * sizeof *em),
                *bg = malloc((size_t)n * sizeof *bg), *atol_ref = malloc((size_t)n * sizeof *atol_ref),
                *atol_ros = malloc((size_t)n * sizeof *atol_ros);
  for (int s = 0; s < 3; s++) y[s] = malloc((size_t)n * sizeof *y[s]);
  const double floor_ppt = 1e-3;
  int fail = 0;
  printf("CB6r5 box at %.2f E %.2f N, %d day(s) from 2021-07-01T00Z, %d calls of %.0f s; ROS3/RODAS3 rtol %.0e "
         "vs CVODE rtol %.0e; floor %.0e ppt\n", LON, LAT, days, days * 288, DT, ROS_RTOL, REF_RTOL, floor_ppt);
  for (int cs = 0; cs < 2; cs++) {
    const char *cname = cs == 0 ? "URBAN" : "RURAL";
    const double M0 = PRES / (KB * temperature(T0)) * 1e-6, ppb0 = M0 * 1e-9;
    memset(ic, 0, (size_t)n * sizeof *ic), memset(em, 0, (size_t)n * sizeof *em);
    memset(bg, 0, (size_t)n * sizeof *bg);
    fill(m, cs == 0 ? urban_ic : rural_ic, ppb0, ic);
    fill(m, cs == 0 ? urban_em : rural_em, ppb0 / 3600.0, em); /* molecules cm-3 s-1 */
    fill(m, background, ppb0, bg);
    for (int i = 0; i < n; i++) {
      atol_ref[i] = 1e-2; /* molecules cm-3 (4e-13 ppt) */
      atol_ros[i] = 1e2;  /* molecules cm-3 (4e-6 ppt) */
    }
    for (int s = 0; s < 3; s++) memcpy(y[s], ic, (size_t)n * sizeof *ic);
    double h[2] = {0, 0}, worst[2][NCMP] = {{0}}, worst_hour[2][NCMP] = {{0}}, worst_N = 0;
    double o3max = 0, o3max_lst = 0, no2_morn = 0, no2_morn_lst = 0;
    long steps[3] = {0, 0, 0};
    for (int call = 0; call < days * 288; call++) {
      const double t = T0 + call * DT;
      double cosz;
      const double M = set_rates(&e, t, &cosz), ppb = M * 1e-9;
      const double f = exp(-DT / TAU_VENT);
      for (int s = 0; s < 3; s++) { /* operator-split emissions + ventilation (outside the N check) */
        double *v = y[s];
        for (int i = 0; i < n; i++) v[i] += em[i] * DT;
        if (cs == 1) {
          v[iISOP] += RURAL_ISOP_PEAK * fmax(cosz, 0.0) * ppb / 3600.0 * DT;
          v[iTERP] += RURAL_TERP * ppb / 3600.0 * DT;
        }
        for (int i = 0; i < n; i++) v[i] = bg[i] + (v[i] - bg[i]) * f;
      }
      AsMechCtx ctx = {m, e.k};
      for (int s = 0; s < 3; s++) {
        const double n0 = nitrogen(m, y[s], n);
        AsOdeStats st;
        AsStatus rc = s < 2 ? as_ros_integrate(ros[s], &ctx, y[s], DT, ROS_RTOL, atol_ros, &h[s], &st)
                            : as_cvode_integrate(cv, &ctx, y[s], DT, REF_RTOL, atol_ref, &st);
        if (rc != AS_OK) return printf("FAIL: %s call %d solver %d: %s\n", cname, call, s, as_error_message()), 1;
        steps[s] += st.steps;
        worst_N = fmax(worst_N, fabs(nitrogen(m, y[s], n) - n0) / n0);
      }
      const double tend = t + DT, lst = fmod((tend - T0) / 3600.0 + LON / 15.0, 24.0);
      if (y[2][iO3] / ppb > o3max) o3max = y[2][iO3] / ppb, o3max_lst = lst;
      if (lst >= 4 && lst <= 10 && y[2][iNO2] / ppb > no2_morn) no2_morn = y[2][iNO2] / ppb, no2_morn_lst = lst;
      if ((call + 1) % 12) continue;
      const double fl = floor_ppt * 1e-3 * ppb;
      for (int s = 0; s < 2; s++)
        for (int c = 0; c < NCMP; c++) {
          const double ref = y[2][cmp[c]], d = fabs(y[s][cmp[c]] - ref) / fmax(fabs(ref), fl);
          if (d > worst[s][c]) worst[s][c] = d, worst_hour[s][c] = (call + 1) / 12;
        }
    }
    printf("%s: steps ROS3 %ld RODAS3 %ld CVODE %ld; N drift per call max %.2e (limit 1e-10)\n", cname, steps[0],
           steps[1], steps[2], worst_N);
    fail |= !(worst_N <= 1e-10);
    for (int s = 0; s < 2; s++) {
      printf("  %-6s worst hourly rel. diff vs CVODE:", s == 0 ? "ROS3" : "RODAS3");
      for (int c = 0; c < NCMP; c++) {
        printf(" %s %.1e(h%.0f)", cmp_names[c], worst[s][c], worst_hour[s][c]);
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
