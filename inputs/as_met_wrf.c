/* as_met_wrf.c — placeholder while being written. */
#include "as_met_impl.h"
static AsStatus c_(AsMet *m, AsConfig *c, void **d) { (void)m; (void)c; *d = 0; return as_error(AS_ERR_NOTIMPL, "", "meteorology.source", "wrf not yet implemented"); }
static AsStatus s_(AsMet *m, void *d, double t, AsMetState *st) { (void)m; (void)d; (void)t; (void)st; return AS_ERR_NOTIMPL; }
const AsMetSourceOps as_met_wrf_ops = {"wrf", c_, s_, 0, 0};
