/* chem_box_cases.h — the CB6r5 box cases shared by tests/test_chem_box.c and benchmarks/bench_chem.c:
 * Jiangyin in July 2021, urban polluted and rural low-NOx initial mixing ratios (ppb) and emissions
 * (ppb h-1), the regional background, the diurnal temperature and the per-interval rate constants.
 * The basis of every number: docs/science.md, "CB6r5 box tests and chemistry benchmark". */
#ifndef CHEM_BOX_CASES_H
#define CHEM_BOX_CASES_H
#include "as_mech.h"
#include "as_photolysis.h"

#define BOX_LON 120.28
#define BOX_LAT 31.92
#define BOX_T0 1625097600.0 /* 2021-07-01T00:00:00Z */
#define BOX_DT 300.0
#define BOX_PRES 101325.0
#define BOX_NCMP 9

typedef struct { const char *name; double ppb; } BoxConc;

extern const BoxConc box_urban_ic[], box_urban_em[], box_rural_ic[], box_rural_em[], box_background[];
extern const char *const box_cmp_names[BOX_NCMP]; /* species compared against the reference */

/* diurnal temperature, K: 300 +- 5 K, maximum at 15 h local solar time */
double box_temperature(double t);
/* v[i] += scale * ppb for every listed species; 1 (and a message on stderr) if one is unknown */
int box_fill(const AsMech *m, const BoxConc *c, double scale, double *v);
/* rate constants k for the interval [t, t + BOX_DT] (70 % RH, clear sky); J (nj+1 entries, by MCM
 * number) and Jc (per photolysis channel) are scratch. Returns M (molecules cm-3); sets *cosz. */
double box_rates(const AsMech *m, const AsPhotolysis *ph, double t, double *Jc, double *J, int nj,
                 double *k, double *cosz);

#endif
