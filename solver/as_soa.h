/* as_soa.h — organic aerosol: equilibrium absorptive partitioning of semi-volatile surrogates
 * (Pankow 1994, Atmos. Environ. 28:185; Odum et al. 1996, Environ. Sci. Technol. 30:2580;
 * Donahue et al. 2006, Environ. Sci. Technol. 40:2635), with the surrogate table of CMAQ
 * AERO6/AERO7 (SOA_DEFN.F; docs/science-aerosol-soa-removal.md gives the source of every number).
 *
 *   C_OA = POA + sum_i Cp_i,   Cp_i = Ctot_i / (1 + C*_i(T) / C_OA)          (ug m-3)
 *   C*_i(T) = C*_i(298) (298/T) exp[(dHvap_i/R)(1/298 - 1/T)]                  (Clausius-Clapeyron)
 *
 * The equation is solved for C_OA as the largest root of g(M) = POA + sum Ctot_i M/(M + C*_i) - M,
 * which is concave in M >= 0 with g(lo) >= 0 >= g(hi) on the bracket lo = POA + non-volatile mass,
 * hi = POA + sum Ctot: Newton started at hi moves monotonely down onto the root, every step is kept
 * inside the bisection bracket, the count is capped (AS_SOA_MAXIT): it never hangs. (The root is
 * unique in M > 0: h = g/M = POA/M + sum Ctot_i/(M + C*_i) - 1 is strictly decreasing.) With no absorbing mass (POA = 0, no C* = 0 surrogate) and
 * sum Ctot_i/C*_i <= 1 there is no particle phase (Pankow's threshold) and C_OA = 0.
 * Mass is conserved by construction: Cp_i is clipped to [0, Ctot_i] and gas = Ctot_i - Cp_i.
 * One AsSoa may be shared read-only by OpenMP threads (partition does not write to it). */
#ifndef AS_SOA_H
#define AS_SOA_H
#include "as_status.h"

#define AS_SOA_TREF 298.0  /* K, reference temperature of C* (CMAQ SOA_DEFN, CAMx eqparto) */
#define AS_SOA_RGAS 8.314  /* J mol-1 K-1, as in CMAQ/CAMx (B4 of science-aerosol-data.md) */
#define AS_SOA_MAXIT 200   /* iteration cap of the C_OA solve */
#define AS_SOA_NMAX 256    /* most surrogates one AsSoa may hold */

/* One surrogate (a volatility bin or a 2-product species). cstar = 0 means non-volatile. */
typedef struct {
  const char *name;   /* airshed name, e.g. "SV_TOL1" */
  const char *cmaq;   /* CMAQ particle species it corresponds to, e.g. "ATOL1" */
  double cstar;       /* saturation concentration at 298 K, ug m-3 (0 = non-volatile) */
  double dhvap;       /* enthalpy of vaporisation, J mol-1 */
  double omoc;        /* OM:OC mass ratio */
} AsSoaSurrogate;

/* Mass yield (ug surrogate per ug precursor reacted) of one surrogate from one precursor. */
typedef struct {
  const char *precursor; /* "TOL", "XYL", "BNZ", "PAH", "ALK", "ISO", "TRP", "SQT", "PCVOC" (AERO6
                            two-product) or "TOL_VBS", ... (AERO7 VBS), "TRP_VBS" (AERO7 MT bins) */
  const char *surrogate; /* name in the surrogate table */
  double alpha_high;     /* high-NOx (RO2 + NO) mass yield */
  double alpha_low;      /* low-NOx (RO2 + HO2) mass yield (= alpha_high where CMAQ has one) */
} AsSoaYield;

/* ---- the const tables (docs/science-aerosol-soa-removal.md) ---------------------------------------- */
int as_soa_surrogate_count(void);
const AsSoaSurrogate *as_soa_surrogate_at(int i);     /* NULL if i is out of range */
/* Look a surrogate up by name; AS_ERR_ARG with one line if unknown. */
AsStatus as_soa_surrogate_find(const char *name, const AsSoaSurrogate **out);
int as_soa_yield_count(void);
const AsSoaYield *as_soa_yield_at(int i);
/* Mass yield of surrogate from precursor: high_nox = 1 for RO2 + NO, 0 for RO2 + HO2.
 * AS_ERR_ARG with one line if the pair is not in the table. */
AsStatus as_soa_yield_find(const char *precursor, const char *surrogate, int high_nox,
                           double *alpha);
/* C*(T) of a saturation concentration c298 with enthalpy dhvap (formula above). */
double as_soa_cstar_at(double c298, double dhvap, double T_K);

/* ---- the partitioning solver ----------------------------------------------------------- */
typedef struct AsSoa AsSoa;

typedef struct {
  double c_oa;       /* total absorbing organic mass POA + sum Cp_i, ug m-3 */
  double soa;        /* sum Cp_i, ug m-3 */
  double residual;   /* |h(C_OA)| at the returned C_OA (0 when C_OA = 0) */
  int iterations;    /* Newton/bisection steps taken */
} AsSoaResult;

/* All surrogates of the table, in table order (ctot/cpart are indexed as as_soa_surrogate_at). */
AsStatus as_soa_create(AsSoa **s);
/* A subset by name, in the order given. */
AsStatus as_soa_create_names(int n, const char *const *names, AsSoa **s);
/* An explicit list (copied; names are not used after the call). cstar >= 0, dhvap >= 0. */
AsStatus as_soa_create_custom(int n, const AsSoaSurrogate *list, AsSoa **s);
int as_soa_count(const AsSoa *s);
const char *as_soa_name(const AsSoa *s, int i);
/* Partition at T_K in [200, 340] K with non-volatile absorbing OA poa >= 0 (ug m-3) and totals
 * ctot[n] >= 0 (gas + particle, ug m-3), all finite. Writes cpart[n] and, if cgas != NULL,
 * cgas[n] = ctot - cpart; r may be NULL. Errors: AS_ERR_ARG (one line naming the item),
 * AS_ERR_NUMERIC (iteration cap; one line with the inputs). */
AsStatus as_soa_partition(const AsSoa *s, double T_K, double poa, const double *ctot,
                          double *cpart, double *cgas, AsSoaResult *r);
void as_soa_destroy(AsSoa **s);

#endif
