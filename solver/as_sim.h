/* as_sim.h — the simulation: runs a model from its current time to the stop time, owns the
 * output schedule (hourly), the budget log, progress and checkpoints (STYLE: model and simulation
 * are separate). */
#ifndef AS_SIM_H
#define AS_SIM_H
#include "as_model.h"
#include "as_output.h"

typedef struct {
  double hours;            /* simulated hours from the case start (time.hours or --hours) */
  double checkpoint_every; /* hours, 0 = none */
  char checkpoint_path[1024];
  const char *restart;     /* checkpoint to start from, or NULL */
  const char *outdir;      /* --output override or NULL */
} AsSimOptions;

/* Reads time.hours and checkpoint.* keys (the command line may override hours and the output
 * directory, in which a relative checkpoint.file lives). */
AsStatus as_sim_options(AsConfig *cfg, double hours_override, const char *outdir,
                        AsSimOptions *opt);
/* Runs; on failure removes temporary output. */
AsStatus as_sim_run(AsModel *m, AsOutput *out, const AsSimOptions *opt);

#endif
