/* as_mech.h — a gas-phase mechanism read from a KPP-style .eqn file at run time (no generated C):
 * species, reactions with their rate laws, stoichiometry, and the sparse Jacobian pattern. The
 * mechanism provides the AsOdeSystem (as_ode.h) the chemistry solvers integrate.
 *
 * Concentrations inside the mechanism: molecules cm-3; rate constants in cm3 molecule-1 s-1 units
 * (first order s-1, third-order bodies folded in with M = air number density).
 */
#ifndef AS_MECH_H
#define AS_MECH_H
#include "as_ode.h"

typedef struct AsMech AsMech;

/* The per-cell environment the rate constants depend on. */
typedef struct {
  double temp;       /* K */
  double pres;       /* Pa */
  double m_air;      /* air number density, molecules cm-3 */
  double h2o;        /* water vapour, molecules cm-3 */
  const double *J;   /* photolysis frequencies, s-1, indexed by MCM J number (J[0] unused), NULL = dark */
  const double *het; /* first-order heterogeneous rates, s-1, indexed by AsHetKind (as_hetchem.h);
                        NULL = no aerosol surface: HET(...) reactions have k = 0 */
} AsMechEnv;

/* Parse and validate the file: unknown species, unbalanced or unparseable reaction, missing rate
 * parameter -> one line "FILE:LINE: item: problem". */
AsStatus as_mech_load(const char *path, AsMech **mech);
int as_mech_nspec(const AsMech *mech);
int as_mech_nreact(const AsMech *mech);
const char *as_mech_species_name(const AsMech *mech, int i);
int as_mech_species_index(const AsMech *mech, const char *name); /* -1 if absent */
/* rate constants of every reaction for one cell, k[nreact] */
void as_mech_rate_constants(const AsMech *mech, const AsMechEnv *env, double *k);
/* the ODE system; its fun/jac take ctx = an AsMechCtx (the mechanism and one cell's rate
 * constants), so any number of mechanisms and cells can be integrated at once */
typedef struct {
  const AsMech *mech;
  const double *k;   /* [nreact] from as_mech_rate_constants */
} AsMechCtx;
const AsOdeSystem *as_mech_system(const AsMech *mech);
/* atoms of an element ("N", "C", "S", "O") in species i (from the file's composition data) */
double as_mech_atoms(const AsMech *mech, int i, const char *element);
void as_mech_destroy(AsMech **mech);

/* Additions (mechanism helper): the largest MCM J number the mechanism uses (AsMechEnv.J must hold
 * at least that many + 1 entries), a reaction's label, and f / J called directly with the mechanism
 * (the same functions as_mech_system's fun/jac call). */
int as_mech_max_jnumber(const AsMech *mech);
const char *as_mech_reaction_label(const AsMech *mech, int r);
void as_mech_fun(const AsMech *mech, const double *k, const double *y, double *f);
void as_mech_jac(const AsMech *mech, const double *k, const double *y, double *jval);

#endif
