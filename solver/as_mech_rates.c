/* as_mech_rates.c — rate laws of the mechanism file (docs/science.md for sources).
 *
 *   ARR(A, B, C)      k = A exp(-B/T) (T/300)^C                          (KPP ARR; CMAQ A^C@B)
 *   TROE(k0, n0, ki, ni, Fc, N)                                           (CMAQ falloff, IUPAC)
 *                     k0' = k0 (T/300)^n0 [M], ki' = ki (T/300)^ni, x = k0'/ki'
 *                     k = k0'/(1+x) Fc^(1/(1+(log10(x)/N)^2))
 *   TROEE(k0, n0, E0, ki, ni, Ei, Fc, N)   as TROE with exp(-E/T) factors (thermal decompositions)
 *   K_HO2_HO2()       (2.2e-13 e^(600/T) + 1.9e-33 [M] e^(980/T)) (1 + 1.4e-21 [H2O] e^(2200/T))
 *   K_OH_HNO3()       k0 + k3[M]/(1 + k3[M]/k2), k0 = 2.4e-14 e^(460/T), k2 = 2.7e-17 e^(2199/T),
 *                     k3 = 6.5e-34 e^(1335/T)                             (CMAQ %2, IUPAC)
 *   K_OH_CO()         1.44e-13 + 3.43e-33 [M]                             (CMAQ %3, IUPAC)
 *   PHOT(j, s)        k = s J_j, J from the MCM parameterisation (as_photolysis.h)
 *   EQ(R, A, B)       k = k_R / (A e^(B/T))     reverse rate from the equilibrium constant
 *   KREF(R, f)        k = f k_R                 (CMAQ "f*K<R>")
 *   HET(NAME)         k = first-order uptake on the cell's aerosol, s-1 (as_hetchem.h: N2O5); the
 *                     chemistry process supplies it, a box without aerosol has k = 0 (CMAQ "K<HETERO_...>")
 *   a bare number     k = constant
 * Fixed species in the reactants (M, O2, N2, H2, H2O) multiply k after all laws are evaluated. */
#include "as_mech_impl.h"
#include "as_hetchem.h"
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
  const char *name;
  AsRateLaw law;
  int npar;
  int has_ref; /* first argument is a reaction label */
} laws[] = {
    {"ARR", AS_RL_ARR, 3, 0},        {"TROE", AS_RL_TROE, 6, 0},    {"TROEE", AS_RL_TROEE, 8, 0},
    {"K_HO2_HO2", AS_RL_HO2HO2, 0, 0}, {"K_OH_HNO3", AS_RL_OHHNO3, 0, 0}, {"K_OH_CO", AS_RL_OHCO, 0, 0},
    {"PHOT", AS_RL_PHOT, 2, 0},      {"EQ", AS_RL_EQ, 3, 1},        {"KREF", AS_RL_KREF, 2, 1},
    {"HET", AS_RL_HET, 1, 0},
};

static const char *fixed_names[AS_MECH_NFIXKIND] = {"M", "O2", "N2", "H2", "H2O"};

int as_mech_fixed_kind(const char *name)
{
  for (int i = 0; i < AS_MECH_NFIXKIND; i++)
    if (!strcmp(name, fixed_names[i])) return i;
  return -1;
}

static AsStatus rerr(const char *file, int line, const char *item, const char *msg)
{
  char loc[600];
  snprintf(loc, sizeof loc, "%s:%d", file, line);
  return as_error(AS_ERR_DATA, loc, item, "%s", msg);
}

static char *trim(char *s)
{
  while (isspace((unsigned char)*s)) s++;
  size_t n = strlen(s);
  while (n > 0 && isspace((unsigned char)s[n - 1])) s[--n] = '\0';
  return s;
}

AsStatus as_mech_parse_rate(AsMech *m, const char *file, int line, AsMechReaction *r, char *text)
{
  char msg[300], *t = trim(text), *end;
  if (!*t) return rerr(file, line, r->label, "missing rate law after ':'");
  double v = strtod(t, &end);
  if (end != t && !*trim(end)) {
    r->law = AS_RL_CONST;
    r->par[0] = v;
    return AS_OK;
  }
  char *open = strchr(t, '(');
  size_t len = strlen(t);
  if (!open || t[len - 1] != ')') {
    snprintf(msg, sizeof msg, "cannot parse rate law '%.60s' (want NAME(args) or a number)", t);
    return rerr(file, line, r->label, msg);
  }
  *open = '\0';
  t[len - 1] = '\0';
  char *name = trim(t);
  int li = -1;
  for (size_t i = 0; i < sizeof laws / sizeof laws[0]; i++)
    if (!strcmp(name, laws[i].name)) li = (int)i;
  if (li < 0) {
    snprintf(msg, sizeof msg, "unknown rate law '%s' (ARR TROE TROEE K_HO2_HO2 K_OH_HNO3 K_OH_CO PHOT EQ KREF HET)", name);
    return rerr(file, line, r->label, msg);
  }
  r->law = laws[li].law;
  char *args = trim(open + 1);
  int n = 0;
  if (*args) {
    char *save = NULL;
    for (char *a = strtok_r(args, ",", &save); a; a = strtok_r(NULL, ",", &save), n++) {
      a = trim(a);
      if (n >= laws[li].npar) continue; /* counted for the message below */
      if (n == 0 && laws[li].has_ref) {
        if (*a == '<') a++;
        size_t al = strlen(a);
        if (al && a[al - 1] == '>') a[al - 1] = '\0';
        r->ref = -1;
        for (int k = 0; k < m->nreact; k++)
          if (!strcmp(m->rx[k].label, a)) r->ref = k;
        if (r->ref < 0) {
          snprintf(msg, sizeof msg, "%s refers to '%s', not a reaction defined above", name, a);
          return rerr(file, line, r->label, msg);
        }
        continue;
      }
      if (r->law == AS_RL_HET) {
        int kind = as_het_kind(a);
        if (kind < 0) {
          snprintf(msg, sizeof msg, "HET(%s): unknown heterogeneous reaction (known: %s)", a, as_het_name(0));
          return rerr(file, line, r->label, msg);
        }
        r->par[n] = kind;
        continue;
      }
      r->par[n] = strtod(a, &end);
      if (end == a || *trim(end)) {
        snprintf(msg, sizeof msg, "%s parameter %d '%s' is not a number", name, n + 1, a);
        return rerr(file, line, r->label, msg);
      }
    }
  }
  if (n != laws[li].npar) {
    snprintf(msg, sizeof msg, "%s takes %d rate parameter%s, got %d (%s)", name, laws[li].npar,
             laws[li].npar == 1 ? "" : "s", n, n < laws[li].npar ? "missing parameter" : "extra parameter");
    return rerr(file, line, r->label, msg);
  }
  if (r->law == AS_RL_PHOT) {
    double j = r->par[0];
    if (j != floor(j) || j < 1 || j > 200) {
      snprintf(msg, sizeof msg, "PHOT J number %g is not an MCM J number (1..200)", j);
      return rerr(file, line, r->label, msg);
    }
    if ((int)j > m->max_j) m->max_j = (int)j;
  }
  if ((r->law == AS_RL_TROE && (r->par[2] <= 0 || r->par[4] <= 0 || r->par[5] <= 0)) ||
      (r->law == AS_RL_TROEE && (r->par[3] <= 0 || r->par[6] <= 0 || r->par[7] <= 0)))
    return rerr(file, line, r->label, "Troe kinf, Fc and N must be positive");
  if (r->law == AS_RL_EQ && r->par[1] <= 0) return rerr(file, line, r->label, "EQ constant A must be positive");
  return AS_OK;
}

static double troe(double k0m, double kinf, double fc, double nn)
{
  double x = k0m / kinf, lg = log10(x) / nn;
  return k0m / (1.0 + x) * pow(fc, 1.0 / (1.0 + lg * lg));
}

int as_mech_max_jnumber(const AsMech *m) { return m->max_j; }

void as_mech_rate_constants(const AsMech *m, const AsMechEnv *env, double *k)
{
  const double T = env->temp, M = env->m_air, tr = T / 300.0;
  for (int r = 0; r < m->nreact; r++) {
    const AsMechReaction *rx = &m->rx[r];
    const double *p = rx->par;
    double v = 0.0;
    switch (rx->law) {
    case AS_RL_CONST: v = p[0]; break;
    case AS_RL_ARR: v = p[0] * exp(-p[1] / T) * pow(tr, p[2]); break;
    case AS_RL_TROE: v = troe(p[0] * pow(tr, p[1]) * M, p[2] * pow(tr, p[3]), p[4], p[5]); break;
    case AS_RL_TROEE:
      v = troe(p[0] * pow(tr, p[1]) * exp(-p[2] / T) * M, p[3] * pow(tr, p[4]) * exp(-p[5] / T), p[6], p[7]);
      break;
    case AS_RL_HO2HO2:
      v = (2.2e-13 * exp(600.0 / T) + 1.9e-33 * M * exp(980.0 / T)) * (1.0 + 1.4e-21 * env->h2o * exp(2200.0 / T));
      break;
    case AS_RL_OHHNO3: {
      double k0 = 2.4e-14 * exp(460.0 / T), k2 = 2.7e-17 * exp(2199.0 / T), k3m = 6.5e-34 * exp(1335.0 / T) * M;
      v = k0 + k3m / (1.0 + k3m / k2);
    } break;
    case AS_RL_OHCO: v = 1.44e-13 + 3.43e-33 * M; break;
    case AS_RL_PHOT: v = env->J ? p[1] * env->J[(int)p[0]] : 0.0; break;
    case AS_RL_EQ: v = k[rx->ref] / (p[1] * exp(p[2] / T)); break;
    case AS_RL_KREF: v = p[1] * k[rx->ref]; break;
    case AS_RL_HET: v = env->het ? env->het[(int)p[0]] : 0.0; break;
    }
    k[r] = v;
  }
  /* fixed species: only after every law, since EQ/KREF refer to the bare rate constants */
  double conc[AS_MECH_NFIXKIND] = {M, 0.2095 * M, 0.7808 * M, 0.56e-6 * M, env->h2o};
  for (int r = 0; r < m->nreact; r++)
    for (int f = 0; f < m->nfix; f++)
      for (int c = 0; c < m->rx[r].nfixed[f]; c++) k[r] *= conc[m->fixkind[f]];
}
