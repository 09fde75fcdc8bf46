/* as_config_get_list.c — sequences in the case file: their length, and lists of quantities or
 * strings (every element checked and marked used).
 */
#include "as_config_impl.h"
#include <stdio.h>
#include <stdlib.h>

AsStatus as_config_seq_len(AsConfig *cfg, const char *key, int *n)
{
  Node *s;
  *n = 0;
  AS_CALL(as_cfg_get_node(cfg, key, 0, N_SEQ, "a sequence", &s));
  if (s) *n = s->nkid;
  return AS_OK;
}

AsStatus as_config_get_quantity_list(AsConfig *cfg, const char *key, int required,
                                     const char *unit, double lo, double hi, double **values,
                                     int *n)
{
  Node *s;
  AS_CALL(as_cfg_get_node(cfg, key, required, N_SEQ, "a sequence", &s));
  if (!s) return AS_OK;
  double *v = NULL;
  AS_MALLOC(v, s->nkid);
  for (int i = 0; i < s->nkid; i++) {
    Node *e = s->kid[i];
    char item[600];
    snprintf(item, sizeof item, "%s[%d]", key, i);
    AsStatus st = e->kind != N_SCALAR ? as_cfg_value_error(cfg, e, item, AS_ERR_CONFIG, "expected a quantity, got %s",
                                                     as_cfg_kind_name(e), "")
                                      : as_cfg_quantity_of(cfg, e, item, unit, lo, hi, &v[i]);
    if (st) {
      free(v);
      return st;
    }
    e->used = 1;
  }
  *values = v;
  *n = s->nkid;
  return AS_OK;
}

AsStatus as_config_get_string_list(AsConfig *cfg, const char *key, int required,
                                   const char ***values, int *n)
{
  Node *s;
  AS_CALL(as_cfg_get_node(cfg, key, required, N_SEQ, "a sequence", &s));
  if (!s) return AS_OK;
  for (int i = 0; i < s->nkid; i++) {
    char item[600];
    snprintf(item, sizeof item, "%s[%d]", key, i);
    if (s->kid[i]->kind != N_SCALAR)
      return as_cfg_value_error(cfg, s->kid[i], item, AS_ERR_CONFIG, "expected a string, got %s",
                         as_cfg_kind_name(s->kid[i]), "");
  }
  const char **v = NULL;
  AS_MALLOC(v, s->nkid);
  for (int i = 0; i < s->nkid; i++) {
    v[i] = s->kid[i]->value;
    s->kid[i]->used = 1;
  }
  *values = v;
  *n = s->nkid;
  return AS_OK;
}
