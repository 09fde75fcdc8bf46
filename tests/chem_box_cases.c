/* chem_box_cases.c — data and environment of the CB6r5 box cases (see chem_box_cases.h). */
#include "chem_box_cases.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

#define KB 1.380649e-23

const BoxConc box_urban_ic[] = {{"NO2", 30}, {"NO", 10}, {"O3", 30}, {"CO", 500}, {"FORM", 5}, {"CH4", 1850},
  {"SO2", 5}, {"HONO", 0.5}, {"HNO3", 1}, {"PAN", 0.5}, {"H2O2", 0.5}, {"PAR", 60}, {"ETHA", 4}, {"PRPA", 2},
  {"ETH", 4}, {"OLE", 2}, {"IOLE", 0.5}, {"ETHY", 2}, {"TOL", 3}, {"XYLMN", 2}, {"BENZENE", 1}, {"ISOP", 0.5},
  {"ALD2", 2}, {"ALDX", 1}, {"ACET", 3}, {"KET", 1}, {"MEOH", 5}, {"ETOH", 1}, {NULL, 0}};
const BoxConc box_urban_em[] = {{"NO", 2.7}, {"NO2", 0.3}, {"CO", 30}, {"PAR", 6}, {"ETH", 0.5}, {"OLE", 0.3},
  {"IOLE", 0.05}, {"TOL", 0.4}, {"XYLMN", 0.3}, {"BENZENE", 0.1}, {"FORM", 0.1}, {"ALD2", 0.1}, {"ETHY", 0.2},
  {NULL, 0}};
const BoxConc box_rural_ic[] = {{"NO2", 1}, {"NO", 0.2}, {"O3", 40}, {"CO", 150}, {"FORM", 2}, {"CH4", 1850},
  {"SO2", 1}, {"HNO3", 0.5}, {"PAN", 0.2}, {"H2O2", 1}, {"ISOP", 2}, {"TERP", 0.2}, {"PAR", 10}, {"ETHA", 1.5},
  {"ETH", 0.5}, {"OLE", 0.2}, {"TOL", 0.2}, {"XYLMN", 0.1}, {"ALD2", 0.5}, {"ACET", 2}, {"MEOH", 3}, {NULL, 0}};
const BoxConc box_rural_em[] = {{"NO", 0.1}, {"CO", 2}, {"PAR", 0.3}, {NULL, 0}}; /* soil NO, minor anthrop. */
const BoxConc box_background[] = {{"O3", 40}, {"CO", 150}, {"CH4", 1850}, {NULL, 0}};
const char *const box_cmp_names[BOX_NCMP] = {"O3", "NO", "NO2", "OH", "HO2", "HNO3", "H2O2", "FORM", "PAN"};

double box_temperature(double t)
{
  double lst = fmod((t - BOX_T0) / 3600.0 + BOX_LON / 15.0, 24.0);
  return 300.0 + 5.0 * cos(2 * M_PI * (lst - 15.0) / 24.0);
}

int box_fill(const AsMech *m, const BoxConc *c, double scale, double *v)
{
  for (; c->name; c++) {
    int i = as_mech_species_index(m, c->name);
    if (i < 0) return fprintf(stderr, "species %s not in the mechanism\n", c->name), 1;
    v[i] += c->ppb * scale;
  }
  return 0;
}

double box_rates(const AsMech *m, const AsPhotolysis *ph, double t, double *Jc, double *J, int nj,
                 double *k, double *cosz)
{
  double T = box_temperature(t + 0.5 * BOX_DT), M = BOX_PRES / (KB * T) * 1e-6;
  double es = 611.2 * exp(17.67 * (T - 273.15) / (T - 29.65)); /* Bolton (1980), Pa */
  double h2o = 0.70 * es / (KB * T) * 1e-6;
  *cosz = as_phot_cos_zenith(BOX_LON, BOX_LAT, t + 0.5 * BOX_DT);
  as_phot_clear_sky(ph, *cosz, Jc);
  memset(J, 0, (size_t)(nj + 1) * sizeof *J);
  for (int c = 0; c < as_phot_count(ph); c++) {
    int num = as_phot_number(ph, c);
    if (num >= 0 && num <= nj) J[num] = Jc[c];
  }
  AsMechEnv env = {T, BOX_PRES, M, h2o, J, NULL};
  as_mech_rate_constants(m, &env, k);
  return M;
}
