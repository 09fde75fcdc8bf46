/* as_process_aero.h — the "aerosol" process (as_process_aero.c): cloud sulfate, inorganic
 * equilibrium and organic partitioning in every cell. */
#ifndef AS_PROCESS_AERO_H
#define AS_PROCESS_AERO_H
#include "as_model.h"

typedef struct AsAeroData AsAeroData;
extern const AsProcessOps as_proc_aerosol;

long as_aero_cloud_cells(const AsAeroData *d); /* cells with cloud chemistry in the last apply */
/* cell-calls since setup whose equilibrium did not converge: NH3/HNO3 split kept, H2SO4 condensed */
long as_aero_thermo_skipped(const AsAeroData *d);

#endif
