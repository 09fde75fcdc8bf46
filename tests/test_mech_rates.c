/* test_mech_rates — CB6r5 rate constants at 298 K and 1 atm from the .eqn file against the same
 * expressions written out independently here and against published 298 K values:
 *   O3 + NO      2.07e-12 exp(-1400/T) (IUPAC NOx data sheet; k298 = 1.8e-14), JPL 3.0e-12 exp(-1500/T) = 1.95e-14
 *   OH + NO2     Troe, k0 = 1.8e-30 (T/300)^-3 [M], kinf = 2.8e-11, Fc = 0.6, N = 1 (CMAQ R45)
 *   HO2 + HO2    (2.2e-13 e^(600/T) + 1.9e-33 [M] e^(980/T)) (1 + 1.4e-21 [H2O] e^(2200/T)) (JPL/IUPAC)
 *   OH + CO      1.44e-13 + 3.43e-33 [M]            (IUPAC: 2.3e-13 at 298 K, 1 bar)
 *   OH + HNO3    k0 + k3[M]/(1 + k3[M]/k2)          (IUPAC: 1.5e-13 at 298 K, 1 bar)
 *   N2O5 -> NO2 + NO3 CMAQ R37 thermal falloff; EQ law: k_b = k_f / (A e^(B/T)) (eq_pan.eqn, JPL K_eq)
 *   photolysis   k = scale * J_mcm */
#include "as_mech.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

static int fails;

static int rx(const AsMech *m, const char *label)
{
  for (int r = 0; r < as_mech_nreact(m); r++)
    if (!strcmp(as_mech_reaction_label(m, r), label)) return r;
  printf("no reaction %s\n", label);
  fails++;
  return 0;
}

static void check(const char *what, double got, double want, double rtol)
{
  double rel = fabs(got - want) / fabs(want);
  int ok = rel <= rtol;
  printf("%-44s %.4e  expected %.4e  rel %.1e (tol %.0e) %s\n", what, got, want, rel, rtol, ok ? "ok" : "FAIL");
  fails += !ok;
}

static double troe(double k0m, double kinf, double fc, double n)
{
  double x = k0m / kinf, l = log10(x) / n;
  return k0m / (1 + x) * pow(fc, 1 / (1 + l * l));
}

int main(void)
{
  AsMech *m = NULL;
  if (as_mech_load("inputs/mechanisms/cb6r5.eqn", &m) != AS_OK) {
    printf("FAIL: %s\n", as_error_message());
    return 1;
  }
  const double T = 298.0, P = 101325.0, M = P / (1.380649e-23 * T) * 1e-6;
  const double h2o = 0.5 * 3169.0 / (1.380649e-23 * T) * 1e-6; /* 50 % RH, e_s(25 C) = 3169 Pa */
  double J[64] = {0};
  for (int j = 1; j < 64; j++) J[j] = 1e-5 * j;
  J[4] = 8.92e-3;
  AsMechEnv env = {T, P, M, h2o, J, NULL};
  double k[1024];
  as_mech_rate_constants(m, &env, k);
  printf("T = %.1f K, p = %.0f Pa, M = %.4e, H2O = %.4e molecules cm-3\n", T, P, M, h2o);
  check("R3 O3+NO (expression)", k[rx(m, "R3")], 2.07e-12 * exp(-1400 / T), 1e-12);
  check("R3 O3+NO vs IUPAC k298 1.8e-14", k[rx(m, "R3")], 1.8e-14, 0.05);
  check("R3 O3+NO vs JPL 3.0e-12 exp(-1500/T)", k[rx(m, "R3")], 3.0e-12 * exp(-1500 / T), 0.05);
  double k45 = troe(1.8e-30 * pow(T / 300, -3) * M, 2.8e-11, 0.6, 1.0);
  check("R45 OH+NO2 Troe (expression)", k[rx(m, "R45")], k45, 1e-12);
  double k19 = (2.2e-13 * exp(600 / T) + 1.9e-33 * M * exp(980 / T)) * (1 + 1.4e-21 * h2o * exp(2200 / T));
  check("R19 HO2+HO2 with water (expression)", k[rx(m, "R19")], k19, 1e-12);
  check("R123 OH+CO vs IUPAC 2.3e-13", k[rx(m, "R123")], 2.3e-13, 0.02);
  double k0 = 2.4e-14 * exp(460 / T), k2 = 2.7e-17 * exp(2199 / T), k3 = 6.5e-34 * exp(1335 / T) * M;
  check("R46 OH+HNO3 (expression)", k[rx(m, "R46")], k0 + k3 / (1 + k3 / k2), 1e-12);
  check("R46 OH+HNO3 vs IUPAC 1.5e-13", k[rx(m, "R46")], 1.5e-13, 0.05);
  double k37 = troe(1.3e-3 * pow(T / 300, -3.5) * exp(-11000 / T) * M, 9.7e14 * pow(T / 300, 0.1) * exp(-11080 / T),
                    0.35, 1.33);
  check("R37 N2O5 decomposition (expression)", k[rx(m, "R37")], k37, 1e-12);
  check("R2 O+O2+M (O2 and M folded in)", k[rx(m, "R2")], 6.0e-34 * pow(T / 300, -2.6) * 0.2095 * M * M, 1e-12);
  check("R11 O1D+H2O (H2O folded in)", k[rx(m, "R11")], 2.14e-10 * h2o, 1e-12);
  check("R1 NO2+hv = J4", k[rx(m, "R1")], J[4], 1e-15);
  check("R197 XOPN+hv = 0.05 J4", k[rx(m, "R197")], 0.05 * J[4], 1e-15);
  double k55 = k[rx(m, "R55")];
  check("R62 CXO3+NO2 = 0.84 k(R54)", k[rx(m, "R62")], 0.84 * k[rx(m, "R54")], 1e-15);
  env.J = NULL;
  as_mech_rate_constants(m, &env, k);
  check("R1 in the dark (J = NULL) + 1", k[rx(m, "R1")] + 1.0, 1.0, 0.0);
  as_mech_destroy(&m);

  if (as_mech_load("inputs/mechanisms/tests/eq_pan.eqn", &m) != AS_OK) {
    printf("FAIL: %s\n", as_error_message());
    return 1;
  }
  env.J = J;
  double k_eq[8];
  as_mech_rate_constants(m, &env, k_eq);
  double kf = troe(3.61e-28 * pow(T / 300, -6.87) * M, 1.24e-11 * pow(T / 300, -1.105), 0.3, 1.41);
  check("EQ: PAN = k_f / (9.0e-29 e^(14000/T))", k_eq[rx(m, "B1")], kf / (9.0e-29 * exp(14000 / T)), 1e-12);
  check("KREF: 0.5 k_f", k_eq[rx(m, "S1")], 0.5 * kf, 1e-15);
  /* two independent evaluations of PAN decomposition: JPL K_eq vs the CB6r5/IUPAC falloff (R55) */
  check("EQ-derived PAN decomposition vs CB6r5 R55", k_eq[rx(m, "B1")], k55, 0.05);
  as_mech_destroy(&m);
  printf("%s\n", fails ? "FAIL" : "PASS");
  return fails ? 1 : 0;
}
