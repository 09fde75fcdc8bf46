/* as_hetchem.h — first-order rate constants of heterogeneous reactions on the fine aerosol, for the
 * gas-phase mechanism's HET(...) rate law (docs/science-hetchem.md).
 *
 * N2O5 + H2O(aerosol) -> 2 HNO3: uptake coefficient of Bertram and Thornton (2009, ACP 9:8351) as
 * CAMx v7.20 KHETERO implements it (no chloride in airshed, so no ClNO2 channel), surface area of one
 * internally mixed, lognormal accumulation mode grown by its water, and the first-order rate
 *   k = S / (r/Dg + 4/(c gamma))                                      (Jacob 2000, eq. 1)
 * capped at 1/600 s-1 (CAMx: a 10-minute shortest N2O5 lifetime).
 */
#ifndef AS_HETCHEM_H
#define AS_HETCHEM_H

typedef enum { AS_HET_N2O5 = 0, AS_HET_COUNT } AsHetKind;

/* name as the mechanism file writes it in HET(NAME), -1 if unknown */
int as_het_kind(const char *name);
const char *as_het_name(int kind);

/* the fine aerosol of one cell */
typedef struct {
  double vdry;      /* dry particle volume, m3 per m3 of air */
  double vwater;    /* particle water volume, m3 per m3 of air */
  double dvs_dry;   /* dry volume-to-surface (Sauter) diameter, m */
  double n_water;   /* particle water, mol m-3 */
  double n_nitrate; /* particle nitrate, mol m-3 */
} AsHetAerosol;

/* Sauter diameter of a lognormal mode from its volume (mass) median diameter: d_vs = d_vm exp(-ln^2(sg)/2)
 * (Hatch-Choate relations: d_vm = d_g exp(3 ln^2 sg), d_vs = d_g exp(2.5 ln^2 sg)) */
double as_het_sauter(double d_volume_median, double sigma_g);
/* N2O5 uptake coefficient (Bertram and Thornton 2009 with [Cl-] = 0) */
double as_het_gamma_n2o5(double n_water, double n_nitrate);
/* first-order N2O5 loss rate, s-1, at temperature T (K) and pressure p (Pa); 0 without water */
double as_het_k_n2o5(const AsHetAerosol *a, double T, double p);

#endif
