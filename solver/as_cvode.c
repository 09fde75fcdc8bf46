/* as_cvode.c — the reference stiff integrator: SUNDIALS CVODE (Hindmarsh et al. 2005, ACM TOMS
 * 31:363; CVODE 6.4 user guide) behind AsOdeSystem.
 *
 *   BDF (orders 1..5), Newton iteration, direct linear solver on M = I - gamma*J with the analytic
 *   Jacobian, chosen by name:
 *     "dense": the system's sparse J (CSR) is scattered into a SUNDenseMatrix, SUNLinSol_Dense
 *              (LU with partial pivoting, O(n^3) per factorisation);
 *     "klu":   J stays sparse: a CSR SUNSparseMatrix on the system's own pattern (the diagonal is
 *              always present, so CVODE's M = I - gamma*J needs no new entries) and SUNLinSol_KLU
 *              (Davis & Palamadai Natarajan 2010, ACM TOMS 37:36), AMD ordering.
 *   One SUNContext and one CVODE instance per object (one object per thread); CVodeReInit per
 *   integrate call so every call starts at BDF order 1 from y at t = 0 and stops exactly at dt
 *   (CVodeSetStopTime: the right-hand side is never evaluated beyond dt). A first step may be
 *   passed in (CVodeSetInitStep, warm start) and the next step is returned (CVodeGetCurrentStep).
 *   ReInit also makes CVODE re-initialise the linear solver, and KLU then analyses and factors
 *   afresh (SUNLinSolInitialize_KLU forces a full factorisation): the pivot sequence depends only
 *   on the call's own data, so results do not depend on which cells a thread integrated before.
 *   CVODE's own error text is captured by an error handler (the library never prints) and
 *   translated once into a one-line as_error message.
 */
#include "as_cvode.h"
#include <cvode/cvode.h>
#include <math.h>
#include <nvector/nvector_serial.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sundials/sundials_context.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sunlinsol/sunlinsol_klu.h>
#include <sunmatrix/sunmatrix_dense.h>
#include <sunmatrix/sunmatrix_sparse.h>

#define AS_CVODE_MAXSTEPS 1000000L
#define AS_CVODE_MAXERRFAILS 20
#define AS_CVODE_KLU_AMD 0 /* SUNLinSol_KLUSetOrdering: 0 AMD, 1 COLAMD (SUNDIALS default), 2 natural */

struct AsCvode {
  AsOdeSystem sys;
  int klu;           /* 0 dense, 1 KLU */
  SUNContext sunctx;
  void *mem;
  N_Vector y, atol;
  SUNMatrix A;
  SUNLinearSolver LS;
  double *jval;
  void *user_ctx;    /* the caller's ctx for the current integrate call */
  char msg[512];     /* last CVODE error message */
};

static int as_cvode_rhs(sunrealtype t, N_Vector y, N_Vector ydot, void *data)
{
  (void)t;
  AsCvode *cv = data;
  cv->sys.fun(cv->user_ctx, N_VGetArrayPointer(y), N_VGetArrayPointer(ydot));
  return 0;
}

static int as_cvode_jac_dense(sunrealtype t, N_Vector y, N_Vector fy, SUNMatrix J, void *data,
                              N_Vector t1, N_Vector t2, N_Vector t3)
{
  (void)t, (void)fy, (void)t1, (void)t2, (void)t3;
  AsCvode *cv = data;
  cv->sys.jac(cv->user_ctx, N_VGetArrayPointer(y), cv->jval);
  SUNMatZero(J);
  for (int i = 0; i < cv->sys.n; i++)
    for (int p = cv->sys.row_ptr[i]; p < cv->sys.row_ptr[i + 1]; p++)
      SM_ELEMENT_D(J, i, cv->sys.col_idx[p]) = cv->jval[p];
  return 0;
}

/* CSR: the pattern is written every time because CVODE zeroes the whole sparse matrix (values and
 * index arrays, SUNMatZero_Sparse) before it calls the Jacobian function. */
static int as_cvode_jac_sparse(sunrealtype t, N_Vector y, N_Vector fy, SUNMatrix J, void *data,
                               N_Vector t1, N_Vector t2, N_Vector t3)
{
  (void)t, (void)fy, (void)t1, (void)t2, (void)t3;
  AsCvode *cv = data;
  const int n = cv->sys.n, nnz = cv->sys.nnz;
  sunindextype *ptr = SM_INDEXPTRS_S(J), *col = SM_INDEXVALS_S(J);
  for (int i = 0; i <= n; i++) ptr[i] = cv->sys.row_ptr[i];
  for (int p = 0; p < nnz; p++) col[p] = cv->sys.col_idx[p];
  cv->sys.jac(cv->user_ctx, N_VGetArrayPointer(y), SM_DATA_S(J));
  return 0;
}

static void as_cvode_errh(int code, const char *module, const char *function, char *msg, void *data)
{
  AsCvode *cv = data;
  snprintf(cv->msg, sizeof cv->msg, "%s %s (code %d): %s", module ? module : "", function ? function : "",
           code, msg ? msg : "");
}

/* Translate a CVODE return flag into one as_error line. */
static AsStatus as_cvode_fail(AsCvode *cv, const char *call, int flag)
{
  char *name = CVodeGetReturnFlagName(flag);
  AsStatus s = as_error(AS_ERR_LIB, "", "cvode", "%s failed: %s%s%s", call, name ? name : "?",
                        cv && cv->msg[0] ? ": " : "", cv ? cv->msg : "");
  free(name);
  return s;
}

#define AS_CV(cv, call)                                    \
  do {                                                     \
    int as_cv_flag_ = (call);                              \
    if (as_cv_flag_ < 0) {                                 \
      AsStatus as_cv_s_ = as_cvode_fail((cv), #call, as_cv_flag_); \
      as_cvode_destroy(&(cv));                             \
      return as_cv_s_;                                     \
    }                                                      \
  } while (0)

AsStatus as_cvode_create(const AsOdeSystem *sys, const char *linsol, AsCvode **out)
{
  *out = NULL;
  if (!sys || sys->n <= 0 || sys->nnz <= 0 || !sys->fun || !sys->jac || !sys->row_ptr || !sys->col_idx)
    return as_error(AS_ERR_ARG, "", "cvode", "incomplete ODE system");
  int klu;
  if (linsol && strcmp(linsol, "dense") == 0)
    klu = 0;
  else if (linsol && strcmp(linsol, "klu") == 0)
    klu = 1;
  else
    return as_error(AS_ERR_CONFIG, "", "cvode", "unknown linear solver '%s' (dense, klu)",
                    linsol ? linsol : "(null)");
  AsCvode *cv;
  AS_MALLOC(cv, 1);
  cv->sys = *sys;
  cv->klu = klu;
  cv->jval = malloc((size_t)sys->nnz * sizeof(double));
  if (!cv->jval) {
    free(cv);
    return as_error(AS_ERR_MEM, "", "cvode", "cannot allocate %d Jacobian entries", sys->nnz);
  }
  if (SUNContext_Create(NULL, &cv->sunctx) != 0) {
    free(cv->jval);
    free(cv);
    return as_error(AS_ERR_LIB, "", "cvode", "SUNContext_Create failed");
  }
  cv->y = N_VNew_Serial(sys->n, cv->sunctx);
  cv->atol = N_VNew_Serial(sys->n, cv->sunctx);
  cv->A = klu ? SUNSparseMatrix(sys->n, sys->n, sys->nnz, CSR_MAT, cv->sunctx)
              : SUNDenseMatrix(sys->n, sys->n, cv->sunctx);
  cv->mem = CVodeCreate(CV_BDF, cv->sunctx);
  if (!cv->y || !cv->atol || !cv->A || !cv->mem) {
    as_cvode_destroy(&cv);
    return as_error(AS_ERR_MEM, "", "cvode", "cannot create vectors, matrix or CVODE memory");
  }
  cv->LS = klu ? SUNLinSol_KLU(cv->y, cv->A, cv->sunctx) : SUNLinSol_Dense(cv->y, cv->A, cv->sunctx);
  if (!cv->LS) {
    as_cvode_destroy(&cv);
    return as_error(AS_ERR_LIB, "", "cvode", "%s failed", klu ? "SUNLinSol_KLU" : "SUNLinSol_Dense");
  }
  if (klu && SUNLinSol_KLUSetOrdering(cv->LS, AS_CVODE_KLU_AMD) != 0) {
    as_cvode_destroy(&cv);
    return as_error(AS_ERR_LIB, "", "cvode", "SUNLinSol_KLUSetOrdering failed");
  }
  N_VConst(0.0, cv->y);
  N_VConst(1.0, cv->atol);
  AS_CV(cv, CVodeSetErrHandlerFn(cv->mem, as_cvode_errh, cv));
  AS_CV(cv, CVodeInit(cv->mem, as_cvode_rhs, 0.0, cv->y));
  AS_CV(cv, CVodeSetUserData(cv->mem, cv));
  AS_CV(cv, CVodeSVtolerances(cv->mem, 1e-6, cv->atol));
  AS_CV(cv, CVodeSetLinearSolver(cv->mem, cv->LS, cv->A));
  AS_CV(cv, CVodeSetJacFn(cv->mem, klu ? as_cvode_jac_sparse : as_cvode_jac_dense));
  AS_CV(cv, CVodeSetMaxNumSteps(cv->mem, AS_CVODE_MAXSTEPS));
  AS_CV(cv, CVodeSetMaxHnilWarns(cv->mem, -1));
  /* a carried first step may be orders of magnitude too large for BDF order 1 at a fresh transient:
   * allow the error-test failures (h x 0.1 each after the third) needed to come down (default 7) */
  AS_CV(cv, CVodeSetMaxErrTestFails(cv->mem, AS_CVODE_MAXERRFAILS));
  *out = cv;
  return AS_OK;
}

AsStatus as_cvode_integrate(AsCvode *cv, void *ctx, double *y, double dt, double rtol,
                            const double *atol, double *h, AsOdeStats *stats)
{
  if (!cv || !y || !atol || !(dt > 0.0) || !(rtol > 0.0))
    return as_error(AS_ERR_ARG, "", "cvode", "bad arguments (dt %g, rtol %g)", dt, rtol);
  const int n = cv->sys.n;
  cv->user_ctx = ctx;
  cv->msg[0] = 0;
  double *yv = N_VGetArrayPointer(cv->y), *av = N_VGetArrayPointer(cv->atol);
  memcpy(yv, y, (size_t)n * sizeof(double));
  memcpy(av, atol, (size_t)n * sizeof(double));
  int flag = CVodeReInit(cv->mem, 0.0, cv->y);
  if (flag < 0) return as_cvode_fail(cv, "CVodeReInit", flag);
  if ((flag = CVodeSVtolerances(cv->mem, rtol, cv->atol)) < 0)
    return as_cvode_fail(cv, "CVodeSVtolerances", flag);
  if ((flag = CVodeSetStopTime(cv->mem, dt)) < 0) return as_cvode_fail(cv, "CVodeSetStopTime", flag);
  /* 0 = CVODE's own estimate (set explicitly: the option survives ReInit) */
  const double h0 = (h && *h > 0.0) ? fmin(*h, dt) : 0.0;
  if ((flag = CVodeSetInitStep(cv->mem, h0)) < 0) return as_cvode_fail(cv, "CVodeSetInitStep", flag);
  double t = 0.0;
  flag = CVode(cv->mem, dt, cv->y, &t, CV_NORMAL);
  if (stats) {
    long v = 0;
    memset(stats, 0, sizeof *stats);
    CVodeGetNumSteps(cv->mem, &v), stats->steps = v;
    CVodeGetNumErrTestFails(cv->mem, &v), stats->rejected = v;
    CVodeGetNumRhsEvals(cv->mem, &v), stats->fun_evals = v;
    CVodeGetNumJacEvals(cv->mem, &v), stats->jac_evals = v;
    CVodeGetNumLinSolvSetups(cv->mem, &v), stats->lu_decomps = v;
  }
  if (flag < 0) return as_cvode_fail(cv, "CVode", flag);
  if (h) {
    sunrealtype hcur = 0.0;
    if ((flag = CVodeGetCurrentStep(cv->mem, &hcur)) < 0) return as_cvode_fail(cv, "CVodeGetCurrentStep", flag);
    *h = fmin(fabs(hcur), dt);
  }
  memcpy(y, yv, (size_t)n * sizeof(double));
  return AS_OK;
}

void as_cvode_destroy(AsCvode **cvp)
{
  if (!cvp || !*cvp) return;
  AsCvode *cv = *cvp;
  if (cv->mem) CVodeFree(&cv->mem);
  if (cv->LS) SUNLinSolFree(cv->LS);
  if (cv->A) SUNMatDestroy(cv->A);
  if (cv->y) N_VDestroy(cv->y);
  if (cv->atol) N_VDestroy(cv->atol);
  if (cv->sunctx) SUNContext_Free(&cv->sunctx);
  free(cv->jval);
  free(cv);
  *cvp = NULL;
}
