/* as_config_set.c — command-line overrides "key.path=value" (--set): the value is parsed as YAML
 * and replaces or creates the node at key.path; missing parents are created as mappings, a
 * sequence may grow by one element at its end. Nodes made here have the location "--set".
 */
#include "as_config_impl.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

AsStatus as_config_set(AsConfig *cfg, const char *assignment)
{
  const char *eq = strchr(assignment, '=');
  if (!eq) return as_error(AS_ERR_CONFIG, "--set", assignment, "expected key.path=value");
  char key[512];
  const char *k0 = assignment;
  while (isspace((unsigned char)*k0)) k0++;
  size_t n = (size_t)(eq - k0);
  while (n && isspace((unsigned char)k0[n - 1])) n--;
  if (n == 0 || n >= sizeof key) return as_error(AS_ERR_CONFIG, "--set", assignment, "expected key.path=value");
  memcpy(key, k0, n);
  key[n] = 0;
  /* validate the whole path first */
  for (const char *s = key; *s;) {
    Step st;
    if (!(s = as_cfg_path_step(s, &st))) return as_error(AS_ERR_CONFIG, "--set", key, "bad key path");
  }
  Node *val;
  AS_CALL(as_cfg_parse_set_value(key, eq + 1, &val));
  Node *cur = cfg->root;
  for (const char *s = key; *s;) {
    Step st;
    s = as_cfg_path_step(s, &st);
    int last = !*s;
    if (as_cfg_node_is_null(cur)) { /* "grid:" with no value becomes a mapping or sequence */
      free(cur->value);
      cur->value = NULL;
      cur->kind = st.is_index ? N_SEQ : N_MAP;
    }
    if (cur->kind != (st.is_index ? N_SEQ : N_MAP)) {
      as_cfg_node_free(val);
      return as_error(AS_ERR_CONFIG, "--set", key, "cannot set inside %s", as_cfg_kind_name(cur));
    }
    Node *c = as_cfg_child(cur, &st);
    if (!c) {
      if (st.is_index && st.index != cur->nkid) {
        as_cfg_node_free(val);
        return as_error(AS_ERR_CONFIG, "--set", key, "index %ld out of range (the sequence has %d elements)",
                        st.index, cur->nkid);
      }
      c = last ? val : as_cfg_node_new(N_MAP, 0);
      if (!c || (!st.is_index && !(c->key = strdup(st.name))) || !as_cfg_node_push(cur, c)) {
        if (c != val) as_cfg_node_free(c);
        as_cfg_node_free(val);
        return as_error(AS_ERR_MEM, "--set", key, "out of memory");
      }
      c->key_line = 0;
      if (last) return AS_OK;
    } else if (last) { /* replace the value, keep the key and its line */
      for (int i = 0; i < c->nkid; i++) as_cfg_node_free(c->kid[i]);
      free(c->kid);
      free(c->value);
      c->kind = val->kind;
      c->value = val->value;
      c->plain = val->plain;
      c->kid = val->kid;
      c->nkid = val->nkid;
      c->cap = val->cap;
      c->line = 0;
      c->used = 0;
      free(val->key);
      free(val);
      return AS_OK;
    }
    cur = c;
  }
  as_cfg_node_free(val);
  return AS_OK;
}
