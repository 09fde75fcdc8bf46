/* as_process_chem.h — the "chemistry" process (as_process_chem.c) and what the rest of the model
 * may ask of it: the carried internal steps (checkpointed so a restart is bit-identical), the
 * mechanism, the species mapping and solver statistics. */
#ifndef AS_PROCESS_CHEM_H
#define AS_PROCESS_CHEM_H
#include "as_mech.h"
#include "as_model.h"

typedef struct AsChemData AsChemData;
extern const AsProcessOps as_proc_chemistry;

AsChemData *as_chem_data(const AsModel *m);          /* NULL when chemistry is not a process */
double *as_chem_steps(AsChemData *d);                /* [ncell] carried internal step, s */
const AsMech *as_chem_mech(const AsChemData *d);
int as_chem_model_species(const AsChemData *d, int i); /* mechanism species i -> model species */
AsOdeStats as_chem_stats(const AsChemData *d, long *calls);
double as_chem_carried_step(const AsChemData *d, long cell); /* s, 0: cold */
/* the problem chemistry solves in this cell on the step [m->t, m->t + dt] (m->ms the step's met):
 * y[nm] molecules cm-3 from m->c, k[nr] rate constants with the J of the step's mid-time */
AsStatus as_chem_cell_problem(AsChemData *d, const AsModel *m, long cell, double dt, double *y, double *k);

#endif
