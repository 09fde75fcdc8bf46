/* as_aqchem.c — bulk cloud-water sulfate: equilibrium, pH and S(IV) oxidation (see as_aqchem.h and
 * docs/science-aerosol-aqchem.md for every constant and the scheme).
 *
 * Units: amounts n (mol m-3 air); aqueous concentrations M (mol L-1 water); Lw = litres of water per
 * m3 of air = lwc[kg m-3]/rho_w * 1000; XL = Lw/1000 * R_atm * T (dimensionless, CMAQ's XL), so that
 * for a gas with effective Henry constant Heff (M atm-1) the dissolved fraction is XL Heff / (1 + XL Heff).
 *
 * Time stepping, per sub-step of length h_t with [H+] frozen: with first-order coefficients a (H2O2)
 * and b (O3), d S/dt = -(aX + bY) S, dX/dt = -a S X, dY/dt = -b S Y (S = S(IV), X = H2O2, Y = O3).
 * With tau = int S dt: X = X0 exp(-a tau), Y = Y0 exp(-b tau), S = S0 - (X0 - X) - (Y0 - Y) exactly;
 * tau is approximated by the trapezoid tau = h_t (S0 + S(tau))/2, a monotone 1-D equation solved by
 * Brent. Heun in [H+]: predictor with a, b at the step-start pH, re-solve pH, corrector with the mean
 * coefficients, re-solve pH. Accept if |dpH| <= AQ_DPH_MAX and the S(IV) drop is small; else halve. */
#include "as_aqchem.h"
#include <math.h>
#include <stdlib.h>

#define AQ_T0 298.0
#define AQ_R_ATM 0.082057366 /* L atm mol-1 K-1 (CODATA R / 101325 * 1000) */
#define AQ_RHO_W 1000.0      /* kg m-3, liquid water (CMAQ aqchem uses 1000) */
#define AQ_CO2_DEFAULT 415e-6
#define AQ_DPH_MAX 0.05      /* max pH change per accepted sub-step */
#define AQ_DS_REL 0.2        /* max S(IV) drop per sub-step, fraction of S(IV) ... */
#define AQ_DS_TOT 1e-3       /* ... plus this fraction of the total S at the start */
#define AQ_MAX_STEPS 4000    /* accepted + rejected sub-steps per apply */
#define AQ_BRENT_MAXIT 200

struct AsAqchem {
  double co2; /* mol/mol */
};

/* K(T) = K298 exp(E (1/T - 1/298)), CMAQ hlconst.F / aqchem.F form. */
static double vh(double k298, double e, double T) { return k298 * exp(e * (1.0 / T - 1.0 / AQ_T0)); }

/* Everything that depends only on T, p, lwc (set once per apply), plus the current totals. */
typedef struct {
  double XL, Lw;
  double Hs, Ks1, Ks2, Hh, Ho, Hn, Kn1, Ha, Kb, Kw, Hc, Kc1, Kc2, K6;
  double pco2;                            /* atm */
  double kh2o2, k0, k1, k2;               /* rate constants at T */
  double tS4, tS6, tN, tA;                /* totals as M if all dissolved (n / Lw) */
  int evals;
} Eq;

static void eq_setup(Eq *q, double T, double p, double lwc, double co2)
{
  /* Henry's law, M atm-1 (CMAQ hlconst.F DATA A/E) */
  q->Hs = vh(1.4, 2900.0, T);
  q->Hh = vh(1.1e5, 7400.0, T);
  q->Ho = vh(1.14e-2, 2300.0, T);
  q->Hn = vh(2.1e5, 8700.0, T);
  q->Ha = vh(61.0, 4200.0, T);
  q->Hc = vh(3.6e-2, 2200.0, T);
  /* dissociation, M (CMAQ aqchem.F / hlconst.F DATA B/D) */
  q->Ks1 = vh(1.30e-2, 1960.0, T);
  q->Ks2 = vh(6.60e-8, 1500.0, T);
  q->K6 = vh(1.02e-2, 2720.0, T);
  q->Kn1 = vh(15.4, 0.0, T); /* D = 0 (not CMAQ's 8700): H*Kn1 then carries 8700 K as in S&P/ISORROPIA */
  q->Kc1 = vh(4.30e-7, -1000.0, T);
  q->Kc2 = vh(4.68e-11, -1760.0, T);
  q->Kb = vh(1.70e-5, -450.0, T);
  q->Kw = vh(1.00e-14, -6710.0, T);
  /* rates: CMAQ aqchem.F (Jacobson 1997 forms; Hoffmann & Calvert 1985, Hoffmann 1986) */
  q->kh2o2 = 7.45e7 * exp(-15.96 * (AQ_T0 / T - 1.0)); /* M-2 s-1, with K = 13 M-1 */
  q->k0 = 2.4e4;
  q->k1 = 3.7e5 * exp(-18.56 * (AQ_T0 / T - 1.0));
  q->k2 = 1.5e9 * exp(-17.72 * (AQ_T0 / T - 1.0));
  q->Lw = lwc / AQ_RHO_W * 1000.0;
  q->XL = q->Lw / 1000.0 * AQ_R_ATM * T;
  q->pco2 = co2 * p / 101325.0;
  q->evals = 0;
}

static void eq_totals(Eq *q, const double c[AS_AQ_N])
{
  q->tS4 = c[AS_AQ_SO2] / q->Lw;
  q->tS6 = c[AS_AQ_SULF] / q->Lw;
  q->tN = c[AS_AQ_HNO3] / q->Lw;
  q->tA = c[AS_AQ_NH3] / q->Lw;
}

/* S(IV) per unit total (M per M-if-all-dissolved): g0 SO2.H2O, g1 HSO3-, g2 SO3--. */
static void siv_split(const Eq *q, double h, double *g0, double *g1, double *g2)
{
  const double r1 = q->Ks1 / h, r2 = r1 * q->Ks2 / h, xh = q->XL * q->Hs;
  const double den = 1.0 + xh * (1.0 + r1 + r2);
  *g0 = xh / den;
  *g1 = xh * r1 / den;
  *g2 = xh * r2 / den;
}

/* Charge balance F(h), strictly increasing in h (cations up, anions down). */
static double charge(const Eq *q, double h)
{
  double g0, g1, g2;
  siv_split(q, h, &g0, &g1, &g2);
  const double xn = q->XL * q->Hn, rn = q->Kn1 / h;
  const double no3 = q->tN * xn * rn / (1.0 + xn * (1.0 + rn));
  const double xa = q->XL * q->Ha, ra = q->Kb * h / q->Kw;
  const double nh4 = q->tA * xa * ra / (1.0 + xa * (1.0 + ra));
  const double hso4 = q->tS6 * h / (h + q->K6), so4 = q->tS6 * q->K6 / (h + q->K6);
  const double hco3 = q->Hc * q->Kc1 * q->pco2 / h, co3 = hco3 * q->Kc2 / h;
  return h + nh4 - q->Kw / h - q->tS4 * (g1 + 2.0 * g2) - hso4 - 2.0 * so4 - no3 - hco3 - 2.0 * co3;
}

typedef double (*AqFun)(double x, void *ctx);

/* Brent's zeroin on [x0, x1] with f0 = f(x0), f1 = f(x1) of opposite signs (or one zero). */
static double brent(AqFun f, void *ctx, double a, double b, double fa, double fb, double tol, int *ok)
{
  *ok = 1;
  if (fa == 0.0) return a;
  if (fb == 0.0) return b;
  if ((fa > 0) == (fb > 0)) {
    *ok = 0;
    return a;
  }
  double c = a, fc = fa, d = b - a, e = d;
  for (int it = 0; it < AQ_BRENT_MAXIT; it++) {
    if ((fb > 0) == (fc > 0)) {
      c = a;
      fc = fa;
      d = e = b - a;
    }
    if (fabs(fc) < fabs(fb)) {
      a = b; b = c; c = a;
      fa = fb; fb = fc; fc = fa;
    }
    const double tol1 = 2.0 * 2.2e-16 * fabs(b) + 0.5 * tol, xm = 0.5 * (c - b);
    if (fabs(xm) <= tol1 || fb == 0.0) return b;
    if (fabs(e) >= tol1 && fabs(fa) > fabs(fb)) {
      double p, qq, r, s = fb / fa;
      if (a == c) {
        p = 2.0 * xm * s;
        qq = 1.0 - s;
      } else {
        qq = fa / fc;
        r = fb / fc;
        p = s * (2.0 * xm * qq * (qq - r) - (b - a) * (r - 1.0));
        qq = (qq - 1.0) * (r - 1.0) * (s - 1.0);
      }
      if (p > 0) qq = -qq;
      p = fabs(p);
      const double m1 = 3.0 * xm * qq - fabs(tol1 * qq), m2 = fabs(e * qq);
      if (2.0 * p < (m1 < m2 ? m1 : m2)) {
        e = d;
        d = p / qq;
      } else {
        d = xm;
        e = d;
      }
    } else {
      d = xm;
      e = d;
    }
    a = b;
    fa = fb;
    b += fabs(d) > tol1 ? d : (xm > 0 ? tol1 : -tol1);
    fb = f(b, ctx);
  }
  return b; /* cap reached: b is still inside the bracket (bisection-safe), accept */
}

static double charge_ln(double x, void *ctx)
{
  Eq *q = ctx;
  q->evals++;
  return charge(q, exp(x));
}

/* [H+] (M) for the current totals. Bracket from bounds (docs): F(h_lo) < 0 < F(h_hi). */
static AsStatus solve_h(Eq *q, double *h)
{
  const double ra = sqrt(q->Kw);
  const double hlo = q->Kw / (2.0 * (q->tA + ra));
  const double Q = q->Hc * q->Kc1 * q->pco2 + q->Kw;
  const double hhi = 2.0 * q->tS4 + 2.0 * q->tS6 + q->tN + 2.0 * sqrt(Q) + q->Kc2 + 1e-12;
  const double xlo = log(hlo), xhi = log(hhi);
  const double flo = charge_ln(xlo, q), fhi = charge_ln(xhi, q);
  int ok;
  const double x = brent(charge_ln, q, xlo, xhi, flo, fhi, 1e-11, &ok);
  if (!ok || !isfinite(x))
    return as_error(AS_ERR_NUMERIC, "", "aqchem.pH",
                    "charge balance not bracketed (F(%g)=%g, F(%g)=%g)", hlo, flo, hhi, fhi);
  *h = exp(x);
  return AS_OK;
}

/* First-order coefficients (m3 mol-1 s-1): rate_H2O2 = a S X, rate_O3 = b S Y (mol m-3 s-1). */
static void coefs(const Eq *q, double h, double *a, double *b)
{
  double g0, g1, g2;
  siv_split(q, h, &g0, &g1, &g2);
  const double fh = q->XL * q->Hh / (1.0 + q->XL * q->Hh), fo = q->XL * q->Ho / (1.0 + q->XL * q->Ho);
  *a = q->kh2o2 * h / (1.0 + 13.0 * h) * g1 * fh / q->Lw;
  *b = (q->k0 * g0 + q->k1 * g1 + q->k2 * g2) * fo / q->Lw;
}

typedef struct {
  double S0, X0, Y0, a, b, dt;
} Tau;

static double s_of_tau(const Tau *t, double tau)
{
  const double s = t->S0 + t->X0 * expm1(-t->a * tau) + t->Y0 * expm1(-t->b * tau);
  return s > 0.0 ? s : 0.0;
}

static double tau_eq(double tau, void *ctx)
{
  const Tau *t = ctx;
  return tau - 0.5 * t->dt * (t->S0 + s_of_tau(t, tau));
}

/* One sub-step from c0 (coefficients a, b frozen): writes c1 and the path amounts. */
static void react(const double c0[AS_AQ_N], double a, double b, double dt, double c1[AS_AQ_N], double *dx,
                  double *dy, double *ds)
{
  for (int i = 0; i < AS_AQ_N; i++) c1[i] = c0[i];
  Tau t = {c0[AS_AQ_SO2], c0[AS_AQ_H2O2], c0[AS_AQ_O3], a, b, dt};
  *dx = *dy = *ds = 0.0;
  if (t.S0 <= 0.0 || (t.X0 <= 0.0 && t.Y0 <= 0.0) || dt <= 0.0) return;
  int ok;
  const double hi = dt * t.S0;
  const double tau = brent(tau_eq, &t, 0.0, hi, tau_eq(0.0, &t), tau_eq(hi, &t), 1e-14 * hi, &ok);
  double x = -t.X0 * expm1(-a * tau), y = -t.Y0 * expm1(-b * tau);
  x = x < t.X0 ? x : t.X0;
  y = y < t.Y0 ? y : t.Y0;
  double d = x + y;
  if (d > t.S0) { /* oxidants would take more S(IV) than there is: scale both paths */
    const double f = t.S0 / d;
    x *= f;
    y *= f;
    d = x + y;
    if (d > t.S0) d = t.S0;
  }
  /* ONE transfer of sulfur; oxidants lose what their own path oxidised */
  c1[AS_AQ_SO2] = t.S0 - d;
  c1[AS_AQ_SULF] = c0[AS_AQ_SULF] + d;
  c1[AS_AQ_H2O2] = t.X0 - x;
  c1[AS_AQ_O3] = t.Y0 - y;
  if (c1[AS_AQ_SO2] < 0.0) c1[AS_AQ_SO2] = 0.0; /* not reached: d <= S0 */
  *dx = x;
  *dy = y;
  *ds = d;
}

AsStatus as_aqchem_create(AsAqchem **a)
{
  AS_MALLOC(*a, 1);
  (*a)->co2 = AQ_CO2_DEFAULT;
  return AS_OK;
}

AsStatus as_aqchem_set_co2(AsAqchem *a, double co2)
{
  if (!a) return as_error(AS_ERR_ARG, "", "aqchem", "NULL object");
  if (!isfinite(co2) || co2 < 0.0 || co2 > 0.1)
    return as_error(AS_ERR_ARG, "", "aqchem.co2", "%g mol/mol not in [0, 0.1]", co2);
  a->co2 = co2;
  return AS_OK;
}

void as_aqchem_destroy(AsAqchem **a)
{
  if (!a || !*a) return;
  free(*a);
  *a = NULL;
}

static const char *const aq_names[AS_AQ_N] = {"aqchem.c[SO2]",  "aqchem.c[SULF]", "aqchem.c[H2O2]",
                                              "aqchem.c[O3]",   "aqchem.c[HNO3]", "aqchem.c[NH3]"};

static AsStatus check_state(double T, double p, double lwc, const double c[AS_AQ_N])
{
  if (!isfinite(T)) return as_error(AS_ERR_ARG, "", "aqchem.T", "not a finite number (%g)", T);
  if (T < 200.0 || T > 330.0) return as_error(AS_ERR_ARG, "", "aqchem.T", "%g K outside [200, 330] K", T);
  if (!isfinite(p)) return as_error(AS_ERR_ARG, "", "aqchem.p", "not a finite number (%g)", p);
  if (p < 1e3 || p > 1.2e5) return as_error(AS_ERR_ARG, "", "aqchem.p", "%g Pa outside [1e3, 1.2e5] Pa", p);
  if (!isfinite(lwc)) return as_error(AS_ERR_ARG, "", "aqchem.lwc", "not a finite number (%g)", lwc);
  for (int i = 0; i < AS_AQ_N; i++) {
    if (!isfinite(c[i])) return as_error(AS_ERR_ARG, "", aq_names[i], "not a finite number (%g mol m-3)", c[i]);
    if (c[i] < 0.0) return as_error(AS_ERR_ARG, "", aq_names[i], "negative (%g mol m-3)", c[i]);
  }
  return AS_OK;
}

AsStatus as_aqchem_ph(AsAqchem *a, double T, double p, double lwc, const double c[AS_AQ_N], double *ph)
{
  if (!a || !c || !ph) return as_error(AS_ERR_ARG, "", "aqchem", "NULL argument");
  AS_CALL(check_state(T, p, lwc, c));
  if (lwc <= 0.0) return as_error(AS_ERR_ARG, "", "aqchem.lwc", "no cloud water (%g kg m-3): no pH", lwc);
  Eq q;
  eq_setup(&q, T, p, lwc, a->co2);
  eq_totals(&q, c);
  double h;
  AS_CALL(solve_h(&q, &h));
  *ph = -log10(h);
  return AS_OK;
}

AsStatus as_aqchem_apply(AsAqchem *a, double T, double p, double lwc, double dt, double c[AS_AQ_N],
                         AsAqResult *r)
{
  AsAqResult rr = {0};
  if (!r) r = &rr;
  *r = rr;
  if (!a || !c) return as_error(AS_ERR_ARG, "", "aqchem", "NULL argument");
  AS_CALL(check_state(T, p, lwc, c));
  if (!isfinite(dt)) return as_error(AS_ERR_ARG, "", "aqchem.dt", "not a finite number (%g)", dt);
  if (dt < 0.0) return as_error(AS_ERR_ARG, "", "aqchem.dt", "negative (%g s)", dt);
  if (lwc <= 0.0 || dt == 0.0) return AS_OK; /* no cloud water (or no time): no-op */
  r->active = 1;

  Eq q;
  eq_setup(&q, T, p, lwc, a->co2);
  eq_totals(&q, c);
  double h0;
  AS_CALL(solve_h(&q, &h0));
  r->ph_solves = 1;
  r->ph0 = -log10(h0);
  const double s_tot = c[AS_AQ_SO2] + c[AS_AQ_SULF];
  double cur[AS_AQ_N], cp[AS_AQ_N], cn[AS_AQ_N];
  for (int i = 0; i < AS_AQ_N; i++) cur[i] = c[i];

  double t = 0.0, hs = dt;
  const double hmin = dt * 1e-6;
  int nsteps = 0;
  while (t < dt) {
    double rem = dt - t;
    if (hs > rem) hs = rem;
    if (nsteps >= AQ_MAX_STEPS) {
      hs = rem;
      r->capped = 1;
    }
    if (cur[AS_AQ_SO2] <= 0.0 || (cur[AS_AQ_H2O2] <= 0.0 && cur[AS_AQ_O3] <= 0.0)) break;
    nsteps++;
    double a0, b0, ap, bp, dx, dy, ds, hp, hn;
    coefs(&q, h0, &a0, &b0);
    react(cur, a0, b0, hs, cp, &dx, &dy, &ds); /* predictor */
    eq_totals(&q, cp);
    AS_CALL(solve_h(&q, &hp));
    coefs(&q, hp, &ap, &bp);
    react(cur, 0.5 * (a0 + ap), 0.5 * (b0 + bp), hs, cn, &dx, &dy, &ds); /* corrector */
    eq_totals(&q, cn);
    AS_CALL(solve_h(&q, &hn));
    r->ph_solves += 2;
    const double dph = fabs(log10(hn / h0));
    const int good = dph <= AQ_DPH_MAX && ds <= AQ_DS_REL * cur[AS_AQ_SO2] + AQ_DS_TOT * s_tot;
    if (!good && hs > hmin && !r->capped) {
      r->rejected++;
      hs *= 0.5;
      continue;
    }
    for (int i = 0; i < AS_AQ_N; i++) cur[i] = cn[i];
    h0 = hn;
    t = (hs >= rem) ? dt : t + hs;
    r->substeps++;
    r->d_sulf_h2o2 += dx;
    r->d_sulf_o3 += dy;
    r->d_sulf += ds;
    hs *= 2.0;
  }
  for (int i = 0; i < AS_AQ_N; i++) c[i] = cur[i];
  eq_totals(&q, cur);
  double g0, g1, g2;
  siv_split(&q, h0, &g0, &g1, &g2);
  r->frac_aq_so2 = g0 + g1 + g2;
  r->ph = -log10(h0);
  r->ph_evals = q.evals;
  return AS_OK;
}
