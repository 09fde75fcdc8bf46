/* as_process_wetdep.h — the "wet_deposition" process (as_process_wetdep.c): in-cloud and
 * below-cloud scavenging by rain, budget term "wet". Science: docs/science-wetdep.md. */
#ifndef AS_PROCESS_WETDEP_H
#define AS_PROCESS_WETDEP_H
#include "as_model.h"

extern const AsProcessOps as_proc_wet_deposition;

/* The scavenging coefficient (s-1) that the process applies to species s in cell `cell` with the
 * met in m->ms (0 when the column is dry or the species is not scavenged). For tests and reports;
 * needs the process to be set up (p->data from its setup). */
AsStatus as_wetdep_cell_lambda(const AsProcess *p, const AsModel *m, int s, long cell, double *lambda);

#endif
