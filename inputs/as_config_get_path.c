/* as_config_get_path.c — file paths in the case file, resolved against the case file's directory
 * (a --set value against the working directory); the resolved strings are owned by the config.
 */
#include "as_config_impl.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static AsStatus own(AsConfig *cfg, char *s, const char **out)
{
  if (!s) return as_error(AS_ERR_MEM, "", "config", "out of memory");
  if (cfg->nowned == cfg->capowned) {
    int cap = cfg->capowned ? 2 * cfg->capowned : 16;
    char **o = realloc(cfg->owned, (size_t)cap * sizeof *o);
    if (!o) {
      free(s);
      return as_error(AS_ERR_MEM, "", "config", "out of memory");
    }
    cfg->owned = o;
    cfg->capowned = cap;
  }
  cfg->owned[cfg->nowned++] = s;
  *out = s;
  return AS_OK;
}

AsStatus as_config_get_path(AsConfig *cfg, const char *key, int required, const char **path)
{
  Node *n;
  AS_CALL(as_cfg_get_node(cfg, key, required, N_SCALAR, "a file path", &n));
  if (!n) return AS_OK;
  if (!n->value[0]) return as_cfg_value_error(cfg, n, key, AS_ERR_CONFIG, "empty path%s%s", "", "");
  /* relative to the case file's directory; a --set value is relative to the working directory */
  if (n->value[0] == '/' || n->line == 0 || !cfg->dir[0]) return own(cfg, strdup(n->value), path);
  size_t len = strlen(cfg->dir) + strlen(n->value) + 2;
  char *s = malloc(len);
  if (s) snprintf(s, len, "%s%s%s", cfg->dir, strcmp(cfg->dir, "/") ? "/" : "", n->value);
  return own(cfg, s, path);
}
