/* test_thermo_conservation.c — property test of as_thermo over a grid, both states:
 *   T = 263, 273, 283, 293, 298.15, 308 K; RH = 0.10 ... 0.99 (12 values);
 *   sulfate 1e-3, 1, 1e3 ug m-3 with TA/TS = 0, 0.5, 1, 1.25, 1.5, 1.75, 2, 3, 6 and
 *   TN/TS = 0, 0.5, 2 (ammonia-poor to ammonia-rich), plus sulfate-free NH3/HNO3 cases.
 * Claims: every call succeeds (no iteration cap hit); S and N conserved to 1e-12 relative
 * (gas + particle = total); no negative or non-finite output; the liquid is electroneutral to
 * 1e-6 of its ion equivalents; a repeated call is bit-identical; the grid run on all OpenMP
 * threads (one AsThermo per thread) is bit-identical to the serial run. */
#include "as_thermo.h"
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double temps[] = {263.0, 273.0, 283.0, 293.0, 298.15, 308.0};
static const double rhs[] = {0.10, 0.20, 0.30, 0.40, 0.50, 0.60, 0.70, 0.80, 0.90, 0.95, 0.97, 0.99};
static const double ratios[] = {0.0, 0.5, 1.0, 1.25, 1.5, 1.75, 2.0, 3.0, 6.0};
static const double nratios[] = {0.0, 0.5, 2.0};
static const double masses[] = {1e-3, 1.0, 1e3}; /* ug m-3 of sulfate */
#define NT 6
#define NRH 12
#define NR 10 /* 9 ratios + the sulfate-free case */
#define NN 3
#define NM 3
#define NCASE (NT * NRH * NR * NN * NM)

static void totals(int c, double *T, double *rh, double tot[3])
{
  const int im = c % NM, in = (c / NM) % NN, ir = (c / (NM * NN)) % NR;
  const int irh = (c / (NM * NN * NR)) % NRH, it = c / (NM * NN * NR * NRH);
  *T = temps[it], *rh = rhs[irh];
  const double ts = masses[im] * 1e-6 / 96.06;
  if (ir < 9) {
    tot[0] = ts, tot[1] = ratios[ir] * ts, tot[2] = nratios[in] * ts;
  } else { /* no sulfate: NH3 = 2 TS-equivalent, HNO3 = 0.5 / 2 / 4 of it */
    tot[0] = 0.0, tot[1] = 2.0 * ts, tot[2] = (in == 0 ? 0.5 : in == 1 ? 2.0 : 4.0) * ts;
  }
}

static int bad_result(const AsThermoResult *r, const double tot[3], double *worst_s, double *worst_n)
{
  const double v[] = {r->gas_hno3, r->gas_nh3, r->p_so4, r->p_no3, r->p_nh4, r->aq_h, r->aq_nh4,
                      r->aq_so4, r->aq_hso4, r->aq_no3, r->water, r->h_molal, r->ionic,
                      r->s_nh42so4, r->s_nh4hso4, r->s_lc, r->s_nh4no3};
  for (size_t k = 0; k < sizeof v / sizeof v[0]; k++)
    if (!isfinite(v[k]) || v[k] < 0.0) return 1;
  if (!isfinite(r->ph)) return 1;
  const double es = tot[0] > 0.0 ? fabs(r->p_so4 - tot[0]) / tot[0] : r->p_so4;
  const double ea = tot[1] > 0.0 ? fabs(r->gas_nh3 + r->p_nh4 - tot[1]) / tot[1] : r->gas_nh3 + r->p_nh4;
  const double en = tot[2] > 0.0 ? fabs(r->gas_hno3 + r->p_no3 - tot[2]) / tot[2] : r->gas_hno3 + r->p_no3;
  *worst_s = fmax(*worst_s, es);
  *worst_n = fmax(*worst_n, fmax(ea, en));
  if (es > 1e-12 || ea > 1e-12 || en > 1e-12) return 1;
  if (r->water > 0.0) { /* electroneutrality of the liquid (OH- neglected: < 1e-6 here) */
    const double cat = r->aq_h + r->aq_nh4, an = 2.0 * r->aq_so4 + r->aq_hso4 + r->aq_no3;
    if (fabs(cat - an) > 1e-6 * (cat + an) + 1e-30) return 1;
  }
  return 0;
}

int main(void)
{
  static const char *states[2] = {"metastable", "stable"};
  int fail = 0;
  AsThermoResult *serial = malloc(sizeof *serial * NCASE), *par = malloc(sizeof *par * NCASE);
  if (!serial || !par) return 1;
  for (int s = 0; s < 2; s++) {
    AsThermo *t = NULL;
    if (as_thermo_create(states[s], &t) != AS_OK) return 1;
    double worst_s = 0.0, worst_n = 0.0, t0 = omp_get_wtime();
    int nbad = 0, maxit = 0, nphase[4] = {0, 0, 0, 0};
    long evals = 0, ev_r[NR] = {0}, it_r[NR] = {0};
    for (int c = 0; c < NCASE; c++) {
      double T, rh, tot[3];
      totals(c, &T, &rh, tot);
      AsStatus st = as_thermo_equilibrate(t, T, rh, tot, &serial[c]);
      if (st != AS_OK) {
        if (nbad++ < 5) printf("  FAIL status: %s\n", as_error_message());
        as_error_clear();
        continue;
      }
      if (bad_result(&serial[c], tot, &worst_s, &worst_n)) {
        if (nbad++ < 5) printf("  FAIL result: T %g RH %g tot %g %g %g\n", T, rh, tot[0], tot[1], tot[2]);
      }
      maxit = serial[c].iterations > maxit ? serial[c].iterations : maxit;
      evals += serial[c].evals;
      ev_r[(c / (NM * NN)) % NR] += serial[c].evals, it_r[(c / (NM * NN)) % NR] += serial[c].iterations;
      nphase[serial[c].phase]++;
      AsThermoResult again;
      as_thermo_equilibrate(t, T, rh, tot, &again);
      if (memcmp(&again, &serial[c], sizeof again)) nbad++, printf("  FAIL: repeated call differs (case %d)\n", c);
    }
    const double dt = omp_get_wtime() - t0;
    as_thermo_destroy(&t);
    /* threads: one object per thread */
    int tbad = 0;
#pragma omp parallel reduction(+ : tbad)
    {
      AsThermo *tt = NULL;
      if (as_thermo_create(states[s], &tt) != AS_OK) tbad++;
#pragma omp for schedule(dynamic, 7)
      for (int c = 0; c < NCASE; c++) {
        double T, rh, tot[3];
        totals(c, &T, &rh, tot);
        if (tt && as_thermo_equilibrate(tt, T, rh, tot, &par[c]) != AS_OK) tbad++;
      }
      as_thermo_destroy(&tt);
    }
    for (int c = 0; c < NCASE; c++) tbad += memcmp(&par[c], &serial[c], sizeof par[c]) != 0;
    printf("%-10s %d calls (x2 for the repeat) in %.2f s (%.1f us per call), phases none/liquid/solid/mixed "
           "%d/%d/%d/%d, max activity sweeps %d, mean charge-balance evaluations %.0f\n",
           states[s], NCASE, dt, 1e6 * dt / (2.0 * NCASE), nphase[0], nphase[1], nphase[2], nphase[3],
           maxit, (double)evals / NCASE);
    static const char *rname[NR] = {"0", "0.5", "1", "1.25", "1.5", "1.75", "2", "3", "6", "noS"};
    printf("           mean evaluations / sweeps by TA/TS:");
    for (int i = 0; i < NR; i++)
      printf(" %s %.0f/%.1f", rname[i], (double)ev_r[i] / (NCASE / NR), (double)it_r[i] / (NCASE / NR));
    printf("\n");
    printf("           worst relative S error %.2e, worst N error %.2e (claim <= 1e-12); bad %d; "
           "threads (%d) differing or failing %d\n", worst_s, worst_n, nbad, omp_get_max_threads(), tbad);
    fail |= nbad != 0 || tbad != 0;
  }
  free(serial);
  free(par);
  printf("%s\n", fail ? "FAILED" : "all claims hold");
  return fail;
}
