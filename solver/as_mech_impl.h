/* as_mech_impl.h — the mechanism's internal data, shared by as_mech.c (reader), as_mech_rates.c
 * (rate laws) and as_mech_ode.c (f, J, pattern). Not part of the public interface. */
#ifndef AS_MECH_IMPL_H
#define AS_MECH_IMPL_H
#include "as_mech.h"

#define AS_MECH_NAMELEN 32
#define AS_MECH_MAXELEM 8
#define AS_MECH_MAXSPEC 512
#define AS_MECH_MAXREACT 4   /* variable reactants per reaction (repeats counted) */
#define AS_MECH_MAXTERMS 48  /* terms in one reaction */
#define AS_MECH_MAXPAR 8
#define AS_MECH_NFIXKIND 5   /* M, O2, N2, H2, H2O */

typedef struct {
  char name[AS_MECH_NAMELEN];
  int has_comp;
  double atoms[AS_MECH_MAXELEM];
} AsMechSpecies;

typedef struct {
  int sp;
  double coef;
} AsMechTerm;

typedef enum {
  AS_RL_CONST, AS_RL_ARR, AS_RL_TROE, AS_RL_TROEE, AS_RL_HO2HO2, AS_RL_OHHNO3, AS_RL_OHCO,
  AS_RL_PHOT, AS_RL_EQ, AS_RL_KREF, AS_RL_HET
} AsRateLaw;

typedef struct {
  char label[AS_MECH_NAMELEN];
  int line;
  int nreact, react[AS_MECH_MAXREACT];  /* variable reactants, repeated for A + A */
  int nfixed[8];                         /* multiplicity of each fixed species (index into fix[]) */
  int nstoich, st_sp[AS_MECH_MAXTERMS];
  double st_coef[AS_MECH_MAXTERMS];      /* net stoichiometry */
  AsRateLaw law;
  double par[AS_MECH_MAXPAR];
  int ref;                               /* reaction index for EQ / KREF */
} AsMechReaction;

struct AsMech {
  int nvar, nfix, nreact, capreact;
  AsMechSpecies var[AS_MECH_MAXSPEC], fix[8];
  int fixkind[8];                        /* environment kind of each fixed species */
  char elem[AS_MECH_MAXELEM][4];
  int nelem, ncheck, check[AS_MECH_MAXELEM];
  AsMechReaction *rx;
  int max_j;                             /* largest MCM J number used */
  /* Jacobian: CSR pattern and, per reaction and reactant position, the entries it feeds */
  int *row_ptr, *col_idx, nnz;
  int *jac_start;                        /* [nreact+1] into jac_q/jac_pos/jac_coef */
  int *jac_q, *jac_pos;
  double *jac_coef;
  /* the same sums gathered per target, for the multi-cell f and J (as_mech_lanes.c): the terms of each
   * f_i and each J entry in the order the one-cell loops above add them (reaction, then term) */
  int *fg_start, *fg_rx;                 /* [nvar+1], [terms]: reaction of each term of f_i */
  double *fg_coef;
  int *part_start;                       /* [nreact+1] offset of reaction r's partials k prod_{p!=q} y */
  int npart;
  int *jg_start, *jg_part;               /* [nnz+1], [entries]: partial of each term of entry e */
  double *jg_coef;
  AsOdeSystem sys;
};

int as_mech_fixed_kind(const char *name); /* 0..4 for M O2 N2 H2 H2O, -1 otherwise */
AsStatus as_mech_parse_rate(AsMech *m, const char *file, int line, AsMechReaction *r, char *text);
AsStatus as_mech_build_pattern(AsMech *m);
void as_mech_bind_system(AsMech *m); /* sets sys.fun/jac (ctx = AsMechCtx) */

#endif
