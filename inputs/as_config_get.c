/* as_config_get.c — the scalar getters: finding a key's node (missing key, wrong kind), numbers,
 * integers, booleans, strings, choices and quantities with units (converted by udunits2 through
 * as_units.c: v_to = v_from * scale + offset), each with its range check and one-line message.
 */
#include "as_config_impl.h"
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The node at key, or NULL if absent and optional. Errors: missing (required), wrong kind. */
AsStatus as_cfg_get_node(AsConfig *cfg, const char *key, int required, NodeKind kind,
                         const char *what, Node **out)
{
  Node *last;
  char w[600];
  *out = as_cfg_lookup(cfg, key, 1, &last);
  if (!*out) {
    if (!required) return AS_OK;
    return as_error(AS_ERR_CONFIG, as_cfg_key_where(cfg, last, w, sizeof w), key, "missing key");
  }
  if ((*out)->kind != kind) /* a mapping or sequence is reported where its key is */
    return as_error(AS_ERR_CONFIG,
                    (*out)->kind == N_SCALAR ? as_cfg_where_of(cfg, (*out)->line, w, sizeof w)
                                             : as_cfg_key_where(cfg, *out, w, sizeof w),
                    key, "expected %s, got %s",
                    what, as_cfg_kind_name(*out));
  return AS_OK;
}

AsStatus as_cfg_value_error(const AsConfig *cfg, const Node *n, const char *key, AsStatus s,
                            const char *fmt, const char *a, const char *b)
{
  char w[600], msg[1024];
  snprintf(msg, sizeof msg, fmt, a, b);
  return as_error(s, as_cfg_where_of(cfg, n->line, w, sizeof w), key, "%s", msg);
}

static AsStatus range_check(const AsConfig *cfg, const Node *n, const char *key, double v,
                            double lo, double hi, const char *unit)
{
  if (v >= lo && v <= hi) return AS_OK;
  char w[600];
  if (unit && !strcmp(unit, "1")) unit = NULL; /* dimensionless: no unit after the number */
  return as_error(AS_ERR_CONFIG, as_cfg_where_of(cfg, n->line, w, sizeof w), key, "%g%s%s out of range [%g, %g]",
                  v, unit && *unit ? " " : "", unit ? unit : "", lo, hi);
}

/* NaN and infinity in every spelling strtod or YAML knows */
static int nonfinite_word(const char *s)
{
  while (isspace((unsigned char)*s)) s++;
  if (*s == '+' || *s == '-') s++;
  if (*s == '.') s++;
  return !strncasecmp(s, "nan", 3) || !strncasecmp(s, "inf", 3);
}

/* Leading number of s; *rest points after it. 0 if no number, -1 if not finite. */
static int leading_number(const char *s, double *v, const char **rest)
{
  if (nonfinite_word(s)) return -1;
  char *end;
  errno = 0;
  *v = strtod(s, &end);
  if (end == s) return 0;
  if (!isfinite(*v)) return -1;
  while (isspace((unsigned char)*end)) end++;
  *rest = end;
  return 1;
}

static AsStatus number_of(const AsConfig *cfg, const Node *n, const char *key, double *v)
{
  const char *rest = "";
  int r = leading_number(n->value, v, &rest);
  if (r < 0) return as_cfg_value_error(cfg, n, key, AS_ERR_CONFIG, "'%s' is not a finite number", n->value, "");
  if (r == 0 || *rest) return as_cfg_value_error(cfg, n, key, AS_ERR_CONFIG, "expected a number, got '%s'", n->value, "");
  return AS_OK;
}

AsStatus as_config_get_double(AsConfig *cfg, const char *key, int required, double lo, double hi,
                              double *value)
{
  Node *n;
  AS_CALL(as_cfg_get_node(cfg, key, required, N_SCALAR, "a number", &n));
  if (!n) return AS_OK;
  double v = 0;
  AS_CALL(number_of(cfg, n, key, &v));
  AS_CALL(range_check(cfg, n, key, v, lo, hi, NULL));
  *value = v;
  return AS_OK;
}

AsStatus as_config_get_int(AsConfig *cfg, const char *key, int required, long lo, long hi,
                           long *value)
{
  Node *n;
  AS_CALL(as_cfg_get_node(cfg, key, required, N_SCALAR, "an integer", &n));
  if (!n) return AS_OK;
  char *end;
  errno = 0;
  long v = strtol(n->value, &end, 10);
  while (isspace((unsigned char)*end)) end++;
  if (end == n->value || *end || !n->value[0])
    return as_cfg_value_error(cfg, n, key, AS_ERR_CONFIG, "expected an integer, got '%s'", n->value, "");
  char w[600];
  if (errno == ERANGE || v < lo || v > hi)
    return as_error(AS_ERR_CONFIG, as_cfg_where_of(cfg, n->line, w, sizeof w), key, "%s out of range [%ld, %ld]",
                    n->value, lo, hi);
  *value = v;
  return AS_OK;
}

AsStatus as_config_get_bool(AsConfig *cfg, const char *key, int required, int *value)
{
  static const char *const yes[] = {"true", "yes", "on"}, *const no[] = {"false", "no", "off"};
  Node *n;
  AS_CALL(as_cfg_get_node(cfg, key, required, N_SCALAR, "true or false", &n));
  if (!n) return AS_OK;
  for (int i = 0; i < 3; i++) {
    if (!strcasecmp(n->value, yes[i])) return *value = 1, AS_OK;
    if (!strcasecmp(n->value, no[i])) return *value = 0, AS_OK;
  }
  return as_cfg_value_error(cfg, n, key, AS_ERR_CONFIG, "expected true or false, got '%s'", n->value, "");
}

AsStatus as_config_get_string(AsConfig *cfg, const char *key, int required, const char **value)
{
  Node *n;
  AS_CALL(as_cfg_get_node(cfg, key, required, N_SCALAR, "a string", &n));
  if (n) *value = n->value;
  return AS_OK;
}

AsStatus as_config_get_choice(AsConfig *cfg, const char *key, int required,
                              const char *const *choices, int *index)
{
  Node *n;
  AS_CALL(as_cfg_get_node(cfg, key, required, N_SCALAR, "a name", &n));
  if (!n) return AS_OK;
  char list[512] = "";
  size_t len = 0;
  for (int i = 0; choices[i]; i++) {
    if (!strcmp(n->value, choices[i])) return *index = i, AS_OK;
    len += (size_t)snprintf(list + len, len < sizeof list ? sizeof list - len : 0, "%s%s", i ? ", " : "",
                            choices[i]);
    if (len >= sizeof list) len = sizeof list - 1;
  }
  return as_cfg_value_error(cfg, n, key, AS_ERR_CONFIG, "'%s' is not one of: %s", n->value, list);
}

/* a quantity node -> value in unit */
AsStatus as_cfg_quantity_of(const AsConfig *cfg, const Node *n, const char *key, const char *unit,
                            double lo, double hi, double *value)
{
  double x;
  const char *rest = "";
  int r = leading_number(n->value, &x, &rest);
  if (r < 0) return as_cfg_value_error(cfg, n, key, AS_ERR_CONFIG, "'%s' is not a finite number", n->value, "");
  if (r == 0)
    return as_cfg_value_error(cfg, n, key, AS_ERR_CONFIG, "expected a number with a unit convertible to '%s', got '%s'",
                       unit, n->value);
  double v = x;
  if (*rest) {
    double scale = 1, offset = 0;
    switch (as_units_factor_(rest, unit, &scale, &offset)) {
    case 0: break;
    case 1: return as_cfg_value_error(cfg, n, key, AS_ERR_UNITS, "cannot parse unit '%s'", rest, "");
    case 2: return as_cfg_value_error(cfg, n, key, AS_ERR_ARG, "the program asked for unit '%s', which udunits2 cannot parse", unit, "");
    case 3: return as_cfg_value_error(cfg, n, key, AS_ERR_UNITS, "unit '%s' is not convertible to '%s'", rest, unit);
    default: return as_cfg_value_error(cfg, n, key, AS_ERR_LIB, "udunits2: cannot read the unit database%s%s", "", "");
    }
    v = x * scale + offset;
    if (!isfinite(v)) return as_cfg_value_error(cfg, n, key, AS_ERR_CONFIG, "'%s' is not a finite number", n->value, "");
  }
  AS_CALL(range_check(cfg, n, key, v, lo, hi, unit));
  *value = v;
  return AS_OK;
}

AsStatus as_config_get_quantity(AsConfig *cfg, const char *key, int required, const char *unit,
                                double lo, double hi, double *value)
{
  Node *n;
  AS_CALL(as_cfg_get_node(cfg, key, required, N_SCALAR, "a quantity", &n));
  if (!n) return AS_OK;
  double v = 0;
  AS_CALL(as_cfg_quantity_of(cfg, n, key, unit, lo, hi, &v));
  *value = v;
  return AS_OK;
}
