/* as_soa.c — absorptive partitioning of semi-volatile organics (see as_soa.h). Constants: CMAQ
 * USEPA/CMAQ CCTM/src/aero/aero6/SOA_DEFN.F (oa_list; @0fa01dca, low-NOx alphas @0041d0f3) and
 * DOCS/Release_Notes/CMAQv5.3_anthro_SOA.md Table 1 (@eb164368); every row is listed with its
 * source in docs/science-aerosol-soa-removal.md (sections 2-3). */
#include "as_soa.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* name, CMAQ species, C*(298 K) ug m-3, dHvap J mol-1, OM:OC */
static const AsSoaSurrogate SURR[] = {
    /* AERO6 two-product, high-NOx aromatics (Ng et al. 2007 via SOA_DEFN) */
    {"SV_TOL1", "ATOL1", 2.326, 18e3, 2.26},
    {"SV_TOL2", "ATOL2", 21.277, 18e3, 1.82},
    {"SV_XYL1", "AXYL1", 1.314, 32e3, 2.42},
    {"SV_XYL2", "AXYL2", 34.483, 32e3, 1.93},
    {"SV_BNZ1", "ABNZ1", 0.302, 18e3, 2.68},
    {"SV_BNZ2", "ABNZ2", 111.11, 18e3, 2.23},
    {"SV_PAH1", "APAH1", 1.6598, 18e3, 1.63},
    {"SV_PAH2", "APAH2", 264.6675, 18e3, 1.49},
    {"SV_ALK1", "AALK1", 0.1472, 53e3, 1.56},
    {"SV_ALK2", "AALK2", 51.8775, 53e3, 1.42},
    /* AERO6 low-NOx aromatic products: non-volatile */
    {"NV_TOL3", "ATOL3", 0.0, 0.0, 2.70},
    {"NV_XYL3", "AXYL3", 0.0, 0.0, 2.30},
    {"NV_BNZ3", "ABNZ3", 0.0, 0.0, 3.00},
    {"NV_PAH3", "APAH3", 0.0, 0.0, 1.77},
    /* biogenic two-product (isoprene, AERO6 monoterpene) and sesquiterpene */
    {"SV_ISO1", "AISO1", 116.01, 40e3, 2.20},
    {"SV_ISO2", "AISO2", 0.617, 40e3, 2.23},
    {"SV_TRP1", "ATRP1", 14.792, 40e3, 1.84},
    {"SV_TRP2", "ATRP2", 133.7297, 40e3, 1.83},
    {"SV_SQT", "ASQT", 24.984, 40e3, 1.52},
    /* AERO7 monoterpene VBS (Xu et al. 2018; Saha & Grieshop 2016) */
    {"SV_MT1", "AMT1", 0.01, 102e3, 1.67},
    {"SV_MT2", "AMT2", 0.1, 91e3, 1.67},
    {"SV_MT3", "AMT3", 1.0, 80e3, 1.72},
    {"SV_MT4", "AMT4", 10.0, 69e3, 1.53},
    {"SV_MT5", "AMT5", 100.0, 58e3, 1.57},
    {"SV_MT6", "AMT6", 1000.0, 47e3, 1.40},
    {"SV_MT7", "AMT7", 10000.0, 36e3, 1.43},
    /* AERO7 anthropogenic VBS */
    {"SV_AVB1", "AAVB1", 0.01, 18e3, 2.70},
    {"SV_AVB2", "AAVB2", 1.0, 18e3, 2.35},
    {"SV_AVB3", "AAVB3", 10.0, 18e3, 2.17},
    {"SV_AVB4", "AAVB4", 100.0, 18e3, 1.99},
    /* organic nitrates and pcSOA */
    {"SV_MTNO3", "AMTNO3", 12.0, 40e3, 1.90},
    {"SV_ISOPNN", "AISOPNN", 8.9, 40e3, 3.80},
    {"SV_PCSO", "APCSO", 1e-5, 40e3, 2.00},
    /* semivolatile POA bins (fresh PO, oxidised OO) */
    {"SV_LVPO1", "ALVPO1", 0.1, 96e3, 1.39},
    {"SV_SVPO1", "ASVPO1", 1.0, 85e3, 1.32},
    {"SV_SVPO2", "ASVPO2", 10.0, 74e3, 1.26},
    {"SV_SVPO3", "ASVPO3", 100.0, 63e3, 1.21},
    {"SV_IVPO1", "AIVPO1", 1000.0, 52e3, 1.17},
    {"SV_LVOO1", "ALVOO1", 0.01, 107e3, 2.27},
    {"SV_LVOO2", "ALVOO2", 0.1, 96e3, 2.06},
    {"SV_SVOO1", "ASVOO1", 1.0, 85e3, 1.88},
    {"SV_SVOO2", "ASVOO2", 10.0, 74e3, 1.73},
    {"SV_SVOO3", "ASVOO3", 100.0, 63e3, 1.60},
};
enum { NSURR = (int)(sizeof SURR / sizeof SURR[0]) };

/* precursor, surrogate, alpha high-NOx, alpha low-NOx (mass yields) */
static const AsSoaYield YIELD[] = {
    /* AERO6 two-product aromatics: high-NOx to SV_*1/2, low-NOx to the non-volatile *3 */
    {"TOL", "SV_TOL1", 0.058, 0.0}, {"TOL", "SV_TOL2", 0.113, 0.0}, {"TOL", "NV_TOL3", 0.0, 0.30},
    {"XYL", "SV_XYL1", 0.031, 0.0}, {"XYL", "SV_XYL2", 0.090, 0.0}, {"XYL", "NV_XYL3", 0.0, 0.36},
    {"BNZ", "SV_BNZ1", 0.072, 0.0}, {"BNZ", "SV_BNZ2", 0.888, 0.0}, {"BNZ", "NV_BNZ3", 0.0, 0.37},
    {"PAH", "SV_PAH1", 0.21, 0.0},  {"PAH", "SV_PAH2", 1.07, 0.0},  {"PAH", "NV_PAH3", 0.0, 0.73},
    /* NOx-independent in CMAQ (one counter species): same alpha in both columns */
    {"ALK", "SV_ALK1", 0.0334, 0.0334}, {"ALK", "SV_ALK2", 0.2164, 0.2164},
    {"ISO", "SV_ISO1", 0.2320, 0.2320}, {"ISO", "SV_ISO2", 0.0288, 0.0288},
    {"TRP", "SV_TRP1", 0.1393, 0.1393}, {"TRP", "SV_TRP2", 0.4542, 0.4542},
    {"SQT", "SV_SQT", 1.5370, 1.5370},
    {"PCVOC", "SV_PCSO", 1.0, 1.0},
    /* AERO7 monoterpene VBS */
    {"TRP_VBS", "SV_MT1", 0.040, 0.040}, {"TRP_VBS", "SV_MT2", 0.032, 0.032},
    {"TRP_VBS", "SV_MT3", 0.032, 0.032}, {"TRP_VBS", "SV_MT4", 0.103, 0.103},
    {"TRP_VBS", "SV_MT5", 0.143, 0.143}, {"TRP_VBS", "SV_MT6", 0.285, 0.285},
    {"TRP_VBS", "SV_MT7", 0.160, 0.160},
    /* AERO7 anthropogenic VBS, mass yields (CMAQv5.3 release note Table 1) */
    {"BNZ_VBS", "SV_AVB1", 0.0, 0.37},   {"BNZ_VBS", "SV_AVB2", 0.078, 0.0},
    {"BNZ_VBS", "SV_AVB3", 0.0, 0.0},    {"BNZ_VBS", "SV_AVB4", 0.793, 0.0},
    {"TOL_VBS", "SV_AVB1", 0.0, 0.30},   {"TOL_VBS", "SV_AVB2", 0.032, 0.0},
    {"TOL_VBS", "SV_AVB3", 0.094, 0.0},  {"TOL_VBS", "SV_AVB4", 0.08, 0.0},
    {"XYL_VBS", "SV_AVB1", 0.0, 0.36},   {"XYL_VBS", "SV_AVB2", 0.025, 0.0},
    {"XYL_VBS", "SV_AVB3", 0.036, 0.0},  {"XYL_VBS", "SV_AVB4", 0.09, 0.0},
    {"PAH_VBS", "SV_AVB1", 0.0, 0.73},   {"PAH_VBS", "SV_AVB2", 0.039, 0.0},
    {"PAH_VBS", "SV_AVB3", 0.296, 0.0},  {"PAH_VBS", "SV_AVB4", 0.235, 0.0},
    {"ALK_VBS", "SV_AVB1", 0.0, 0.0},    {"ALK_VBS", "SV_AVB2", 0.014, 0.014},
    {"ALK_VBS", "SV_AVB3", 0.11, 0.11},  {"ALK_VBS", "SV_AVB4", 0.16, 0.16},
};
enum { NYIELD = (int)(sizeof YIELD / sizeof YIELD[0]) };

struct AsSoa {
  int n;
  double *cstar; /* C* at 298 K */
  double *dhvap;
  char (*name)[24];
};

int as_soa_surrogate_count(void) { return NSURR; }
const AsSoaSurrogate *as_soa_surrogate_at(int i) { return (i >= 0 && i < NSURR) ? &SURR[i] : NULL; }
int as_soa_yield_count(void) { return NYIELD; }
const AsSoaYield *as_soa_yield_at(int i) { return (i >= 0 && i < NYIELD) ? &YIELD[i] : NULL; }

AsStatus as_soa_surrogate_find(const char *name, const AsSoaSurrogate **out)
{
  if (!out) return as_error(AS_ERR_ARG, "", "as_soa_surrogate_find", "NULL output");
  *out = NULL;
  if (!name) return as_error(AS_ERR_ARG, "", "as_soa_surrogate_find", "NULL name");
  for (int i = 0; i < NSURR; i++)
    if (strcmp(SURR[i].name, name) == 0) {
      *out = &SURR[i];
      return AS_OK;
    }
  return as_error(AS_ERR_ARG, "", name, "unknown SOA surrogate");
}

AsStatus as_soa_yield_find(const char *precursor, const char *surrogate, int high_nox,
                           double *alpha)
{
  if (!alpha || !precursor || !surrogate)
    return as_error(AS_ERR_ARG, "", "as_soa_yield_find", "NULL argument");
  for (int i = 0; i < NYIELD; i++)
    if (strcmp(YIELD[i].precursor, precursor) == 0 && strcmp(YIELD[i].surrogate, surrogate) == 0) {
      *alpha = high_nox ? YIELD[i].alpha_high : YIELD[i].alpha_low;
      return AS_OK;
    }
  return as_error(AS_ERR_ARG, "", precursor, "no SOA yield to surrogate %s", surrogate);
}

double as_soa_cstar_at(double c298, double dhvap, double T_K)
{
  return c298 * (AS_SOA_TREF / T_K) * exp(dhvap / AS_SOA_RGAS * (1.0 / AS_SOA_TREF - 1.0 / T_K));
}

AsStatus as_soa_create_custom(int n, const AsSoaSurrogate *list, AsSoa **s)
{
  if (!s) return as_error(AS_ERR_ARG, "", "as_soa_create", "NULL output");
  *s = NULL;
  if (n < 1 || n > AS_SOA_NMAX || !list)
    return as_error(AS_ERR_ARG, "", "as_soa_create", "need 1..%d surrogates, got %d", AS_SOA_NMAX, n);
  for (int i = 0; i < n; i++) {
    const char *nm = list[i].name ? list[i].name : "surrogate";
    if (!(isfinite(list[i].cstar) && list[i].cstar >= 0.0))
      return as_error(AS_ERR_ARG, "", nm, "C* must be finite and >= 0, got %g ug m-3", list[i].cstar);
    if (!(isfinite(list[i].dhvap) && list[i].dhvap >= 0.0))
      return as_error(AS_ERR_ARG, "", nm, "dHvap must be finite and >= 0, got %g J mol-1", list[i].dhvap);
  }
  AsSoa *p = calloc(1, sizeof *p);
  if (!p) return as_error(AS_ERR_MEM, "", "as_soa_create", "cannot allocate");
  p->n = n;
  p->cstar = calloc((size_t)n, sizeof *p->cstar);
  p->dhvap = calloc((size_t)n, sizeof *p->dhvap);
  p->name = calloc((size_t)n, sizeof *p->name);
  if (!p->cstar || !p->dhvap || !p->name) {
    as_soa_destroy(&p);
    return as_error(AS_ERR_MEM, "", "as_soa_create", "cannot allocate %d surrogates", n);
  }
  for (int i = 0; i < n; i++) {
    p->cstar[i] = list[i].cstar;
    p->dhvap[i] = list[i].dhvap;
    snprintf(p->name[i], sizeof p->name[i], "%s", list[i].name ? list[i].name : "");
  }
  *s = p;
  return AS_OK;
}

AsStatus as_soa_create(AsSoa **s) { return as_soa_create_custom(NSURR, SURR, s); }

AsStatus as_soa_create_names(int n, const char *const *names, AsSoa **s)
{
  if (!s) return as_error(AS_ERR_ARG, "", "as_soa_create_names", "NULL output");
  *s = NULL;
  if (n < 1 || n > AS_SOA_NMAX || !names)
    return as_error(AS_ERR_ARG, "", "as_soa_create_names", "need 1..%d names, got %d", AS_SOA_NMAX, n);
  AsSoaSurrogate list[AS_SOA_NMAX];
  for (int i = 0; i < n; i++) {
    const AsSoaSurrogate *e;
    AS_CALL(as_soa_surrogate_find(names[i], &e));
    list[i] = *e;
  }
  return as_soa_create_custom(n, list, s);
}

int as_soa_count(const AsSoa *s) { return s ? s->n : 0; }
const char *as_soa_name(const AsSoa *s, int i) { return (s && i >= 0 && i < s->n) ? s->name[i] : ""; }

void as_soa_destroy(AsSoa **s)
{
  if (!s || !*s) return;
  free((*s)->cstar);
  free((*s)->dhvap);
  free((*s)->name);
  free(*s);
  *s = NULL;
}

/* g(M) = a + sum_{C*>0} tot_i M/(M + C*_i) - M (= M h(M)) and g'(M); a = POA + non-volatile
 * mass. g is concave on M >= 0, g(lo) >= 0 >= g(hi), so Newton started from hi (g < 0) decreases
 * monotonely onto the largest root (the physical one; with a = 0, M = 0 is the other root). */
static double gfun(double M, double a, int n, const double *tot, const double *cs, double *dg)
{
  double g = a - M, d = -1.0;
  for (int i = 0; i < n; i++)
    if (cs[i] > 0.0 && tot[i] > 0.0) {
      double q = 1.0 / (M + cs[i]);
      g += tot[i] * M * q;
      d += tot[i] * cs[i] * q * q;
    }
  *dg = d;
  return g;
}

AsStatus as_soa_partition(const AsSoa *s, double T_K, double poa, const double *ctot,
                          double *cpart, double *cgas, AsSoaResult *r)
{
  if (!s || !ctot || !cpart) return as_error(AS_ERR_ARG, "", "as_soa_partition", "NULL argument");
  if (!(isfinite(T_K) && T_K >= 200.0 && T_K <= 340.0))
    return as_error(AS_ERR_ARG, "", "T", "temperature %g K outside [200, 340] K", T_K);
  if (!(isfinite(poa) && poa >= 0.0))
    return as_error(AS_ERR_ARG, "", "POA", "must be finite and >= 0, got %g ug m-3", poa);
  int n = s->n;
  double cs[n];  /* C*(T); n <= AS_SOA_NMAX (VLA on the stack) */
  double a = poa, sumtot = 0.0, ratio0 = 0.0; /* ratio0 = sum tot/C* = g'(0) + 1 */
  for (int i = 0; i < n; i++) {
    if (!(isfinite(ctot[i]) && ctot[i] >= 0.0))
      return as_error(AS_ERR_ARG, "", s->name[i], "total must be finite and >= 0, got %g ug m-3", ctot[i]);
    cs[i] = s->cstar[i] > 0.0 ? as_soa_cstar_at(s->cstar[i], s->dhvap[i], T_K) : 0.0;
    if (cs[i] == 0.0) a += ctot[i];
    else ratio0 += ctot[i] / cs[i];
    sumtot += ctot[i];
  }
  double M = 0.0, res = 0.0;
  int it = 0;
  if (a > 0.0 || ratio0 > 1.0) {
    /* bracket: h(lo) >= 0 >= h(hi); h decreasing and convex, so Newton from the left is monotone */
    double lo = a, hi = poa + sumtot, d;
    if (!(hi > lo)) {
      M = lo; /* everything is non-volatile (or all semi-volatile totals are 0) */
    } else {
      M = hi;
      double g = gfun(M, a, n, ctot, cs, &d);
      for (it = 1;; it++) {
        if (it > AS_SOA_MAXIT)
          return as_error(AS_ERR_NUMERIC, "", "as_soa_partition",
                          "C_OA solve did not converge in %d steps (T %g K, POA %g, bracket [%.17g, %.17g])",
                          AS_SOA_MAXIT, T_K, poa, lo, hi);
        if (g == 0.0) break;
        if (g > 0.0) lo = M;
        else hi = M;
        double x = (d < 0.0) ? M - g / d : 0.5 * (lo + hi);
        if (d < 0.0 && fabs(x - M) <= 4.0 * 2.220446049250313e-16 * M) break; /* Newton step ~ ulp */
        int newton_from_right = g < 0.0 && x > lo && x < hi;
        if (!(x > lo && x < hi)) x = 0.5 * (lo + hi);
        if (!(x > lo && x < hi)) break; /* bracket is one ulp wide */
        double step = fabs(x - M);
        M = x;
        g = gfun(M, a, n, ctot, cs, &d);
        if (step <= 4.0 * 2.220446049250313e-16 * M) break;
        if (newton_from_right && g > 0.0) break; /* overshoot: only round-off does that (concave g) */
      }
      res = fabs(gfun(M, a, n, ctot, cs, &d)) / M; /* = |h(M)| */
    }
  }
  double soa = 0.0;
  for (int i = 0; i < n; i++) {
    double p;
    if (cs[i] == 0.0) p = ctot[i];
    else if (M <= 0.0) p = 0.0;
    else p = ctot[i] / (1.0 + cs[i] / M);
    if (p > ctot[i]) p = ctot[i];
    if (!(p >= 0.0)) p = 0.0;
    cpart[i] = p;
    if (cgas) cgas[i] = ctot[i] - p;
    soa += p;
  }
  if (r) {
    r->c_oa = poa + soa;
    r->soa = soa;
    r->residual = res;
    r->iterations = it;
  }
  return AS_OK;
}
