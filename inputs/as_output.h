/* as_output.h — CF-1.8 NetCDF-4 (classic model) output, receptor CSV, budget file, checkpoints.
 *
 * Output file DIR/<case>_<YYYYMMDDHH of first hour>.nc holds hourly means (time: mean, with
 * time_bnds) of the surface layer of every species with output=1, PM25 (sum of pm25 species),
 * gases also as ppb (mole_fraction_...), optionally all layers ("output.three_d: true") and the
 * hourly-mean surface meteorology T2 ... SWDOWN ("output.met: true", as_output_met.c).
 * Written to DIR/.<name>.tmp and renamed when the run ends successfully (and at each checkpoint:
 * the file then holds all hours so far). Receptors: DIR/<case>_receptors.csv, one row per hour
 * and receptor. Budget: DIR/<case>_budget.csv, one row per hour and species.
 */
#ifndef AS_OUTPUT_H
#define AS_OUTPUT_H
#include "../solver/as_model.h"

typedef struct AsOutput AsOutput;

/* Reads "output." keys (directory, three_d, receptors file ...); checks the directory is writable
 * (one-line error otherwise) but creates no file yet. `outdir_override` (from --output) wins. */
AsStatus as_output_create(AsConfig *cfg, AsModel *m, const char *outdir_override,
                          AsOutput **out);
/* Called after every model step: accumulates the hourly means (allocation-free). */
AsStatus as_output_accumulate(AsOutput *out, const AsModel *m, double dt);
/* Called on every whole output hour: writes that hour's means, receptor rows and budget rows,
 * then resets the accumulators. */
AsStatus as_output_write_hour(AsOutput *out, AsModel *m);
/* Flush and rename the temporary files into place. */
AsStatus as_output_finish(AsOutput *out);
/* Remove temporary files (after a failure), leaving no half-written output. */
void as_output_abort(AsOutput *out);
void as_output_destroy(AsOutput **out);

/* HDF5 checkpoint of the whole model state: every concentration field, the clock (t, t_start,
 * nstep), budget accumulators. Written to PATH.tmp, then renamed over PATH (the previous
 * checkpoint stays until the new one is complete). */
AsStatus as_checkpoint_write(const AsModel *m, const char *path);
/* Restores the state into an already created model; checks that grid and species match. */
AsStatus as_checkpoint_read(AsModel *m, const char *path);

#endif
