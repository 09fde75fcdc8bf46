/* as_config.h — the case file: a YAML tree with line numbers and typed, unit-checked getters.
 *
 * Design (PETSc options database): the tree knows no keys. Each object reads its own keys in its
 * create() through the getters below, which validate type, range and unit (udunits2) and record
 * "FILE:LINE: key.path: problem" through as_error(). Every getter marks the node it read as used;
 * as_config_check_unused() then reports the first key nobody read as "unknown key". A required key
 * that is absent is reported at the line of its parent mapping: "FILE:LINE: grid.dx: missing key".
 *
 * Key paths are dotted: "grid.resolution", "meteorology.idealized.u". Sequence elements are
 * addressed with [i]: "emissions.gridded[0].file".
 *
 * Quantities with units are written in the YAML as a string "3 km", "5 m/s", "24 h", "0.1 m2/s"
 * or as a bare number when the unit equals the getter's unit (documented per key in docs/config.md).
 */
#ifndef AS_CONFIG_H
#define AS_CONFIG_H
#include "../solver/as_status.h"
#include <stddef.h>

typedef struct AsConfig AsConfig;

/* Parse FILE (libyaml). Malformed YAML gives "FILE:LINE: yaml: <libyaml's problem>". */
AsStatus as_config_load(const char *path, AsConfig **cfg);
/* Apply a command-line override "key.path=value" (--set). The value is parsed as a YAML scalar
 * (or flow sequence/mapping) and replaces or creates the node; its location reads "--set". */
AsStatus as_config_set(AsConfig *cfg, const char *assignment);
void as_config_destroy(AsConfig **cfg);

/* The file name (as given) and the directory holding it: relative paths inside the case file
 * are resolved against that directory by as_config_get_path(). */
const char *as_config_file(const AsConfig *cfg);

/* presence (also marks a mapping as used when present) */
int as_config_has(AsConfig *cfg, const char *key);
/* number of elements of a sequence at key (0 if absent); error if key is not a sequence */
AsStatus as_config_seq_len(AsConfig *cfg, const char *key, int *n);
/* the "FILE:LINE" of a key (or of its nearest existing parent), for messages about its value
 * found later (e.g. a file named at that key is missing a variable). Static buffer per call site
 * is NOT used: writes into buf. */
const char *as_config_where(const AsConfig *cfg, const char *key, char *buf, size_t len);

/* Getters. If the key is absent: with required=1 -> "missing key" error; with required=0 the
 * caller's *value is left unchanged (so initialise it with the default first).
 * Range checks: lo <= v <= hi (pass -INFINITY/INFINITY for none) else "out of range [lo, hi]". */
AsStatus as_config_get_double(AsConfig *cfg, const char *key, int required, double lo, double hi,
                              double *value);
AsStatus as_config_get_int(AsConfig *cfg, const char *key, int required, long lo, long hi,
                           long *value);
AsStatus as_config_get_bool(AsConfig *cfg, const char *key, int required, int *value);
/* returns a pointer owned by cfg (valid until destroy) */
AsStatus as_config_get_string(AsConfig *cfg, const char *key, int required, const char **value);
/* one of a fixed set: "advection: ppm" with choices {"ppm", "upwind", NULL}; *index is set */
AsStatus as_config_get_choice(AsConfig *cfg, const char *key, int required,
                              const char *const *choices, int *index);
/* a quantity converted to unit `unit` (udunits2 syntax, e.g. "m", "m/s", "s", "m2/s", "K").
 * A bare number is taken in `unit`. Unparseable unit -> "cannot parse unit 'xx'"; not
 * convertible -> "unit 'kg' is not convertible to 'm'". Range in the target unit. */
AsStatus as_config_get_quantity(AsConfig *cfg, const char *key, int required, const char *unit,
                                double lo, double hi, double *value);
/* a path, resolved relative to the case file's directory; returned string owned by cfg */
AsStatus as_config_get_path(AsConfig *cfg, const char *key, int required, const char **path);
/* an ISO-8601 UTC time "2021-01-01T00:00:00Z" (also "2021-01-01 00:00") -> seconds since
 * 1970-01-01T00:00:00Z */
AsStatus as_config_get_time(AsConfig *cfg, const char *key, int required, double *epoch_s);
/* a sequence of numbers/quantities; *values malloc'ed (caller frees), *n set */
AsStatus as_config_get_quantity_list(AsConfig *cfg, const char *key, int required,
                                     const char *unit, double lo, double hi, double **values,
                                     int *n);
/* a sequence of strings; returned array malloc'ed (caller frees the array, not the strings) */
AsStatus as_config_get_string_list(AsConfig *cfg, const char *key, int required,
                                   const char ***values, int *n);

/* After every object has read its options: the first key that no getter read -> "unknown key". */
AsStatus as_config_check_unused(const AsConfig *cfg);

/* Units outside the config (e.g. a NetCDF variable's units attribute): factor and offset such that
 * value_in_to = value_in_from * (*scale) + (*offset). where/item name the source for the message. */
AsStatus as_units_convert(const char *from, const char *to, double *scale, double *offset,
                          const char *where, const char *item);

#endif
