/* as_config.c — the case file's node tree: node helpers, key-path lookup, locations for messages,
 * destroy, and the "unknown key" check (PETSc options database: the tree knows no keys; each
 * object reads its own through the getters in as_config_get*.c).
 *
 * Messages follow solver/as_status.h: "FILE:LINE: key.path: problem"; nodes created by --set have
 * the location "--set". Parsing is in as_config_yaml.c, --set in as_config_set.c.
 */
#include "as_config_impl.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- nodes */

void as_cfg_node_free(Node *n)
{
  if (!n) return;
  for (int i = 0; i < n->nkid; i++) as_cfg_node_free(n->kid[i]);
  free(n->kid);
  free(n->key);
  free(n->value);
  free(n);
}

Node *as_cfg_node_new(NodeKind kind, int line)
{
  Node *n = calloc(1, sizeof *n);
  if (n) {
    n->kind = kind;
    n->line = line;
  }
  return n;
}

int as_cfg_node_push(Node *parent, Node *kid)
{
  if (parent->nkid == parent->cap) {
    int cap = parent->cap ? 2 * parent->cap : 8;
    Node **k = realloc(parent->kid, (size_t)cap * sizeof *k);
    if (!k) return 0;
    parent->kid = k;
    parent->cap = cap;
  }
  parent->kid[parent->nkid++] = kid;
  return 1;
}

int as_cfg_node_is_null(const Node *n)
{
  return n->kind == N_SCALAR && n->plain &&
         (!n->value[0] || !strcmp(n->value, "~") || !strcmp(n->value, "null") ||
          !strcmp(n->value, "Null") || !strcmp(n->value, "NULL"));
}

const char *as_cfg_kind_name(const Node *n)
{
  return n->kind == N_MAP ? "a mapping" : n->kind == N_SEQ ? "a sequence" : "a scalar";
}

/* ---------------------------------------------------------------- lifetime */

void as_config_destroy(AsConfig **cfgp)
{
  if (!cfgp || !*cfgp) return;
  AsConfig *cfg = *cfgp;
  as_cfg_node_free(cfg->root);
  for (int i = 0; i < cfg->nowned; i++) free(cfg->owned[i]);
  free(cfg->owned);
  free(cfg->file);
  free(cfg->dir);
  free(cfg);
  *cfgp = NULL;
}

const char *as_config_file(const AsConfig *cfg) { return cfg ? cfg->file : ""; }

/* ---------------------------------------------------------------- key paths */

const char *as_cfg_path_step(const char *s, Step *st)
{
  if (*s == '[') {
    char *end;
    errno = 0;
    st->is_index = 1;
    st->index = strtol(s + 1, &end, 10);
    if (end == s + 1 || *end != ']' || st->index < 0 || errno) return NULL;
    s = end + 1;
  } else {
    size_t n = strcspn(s, ".[");
    if (n == 0 || n >= sizeof st->name) return NULL;
    st->is_index = 0;
    memcpy(st->name, s, n);
    st->name[n] = 0;
    s += n;
  }
  if (*s == '.') {
    s++;
    if (!*s || *s == '.' || *s == '[') return NULL;
  }
  return s;
}

Node *as_cfg_child(const Node *n, const Step *st)
{
  if (st->is_index) return n->kind == N_SEQ && st->index < n->nkid ? n->kid[st->index] : NULL;
  if (n->kind != N_MAP) return NULL;
  for (int i = 0; i < n->nkid; i++)
    if (!strcmp(n->kid[i]->key, st->name)) return n->kid[i];
  return NULL;
}

/* Find key; *last is the deepest node reached (the key itself, or its nearest existing parent).
 * With mark, every node on the way is marked used (so sections whose keys all take defaults
 * still count as read). */
Node *as_cfg_lookup(const AsConfig *cfg, const char *key, int mark, Node **last)
{
  Node *n = cfg->root;
  const char *s = key;
  *last = n;
  while (*s) {
    Step st;
    if (!(s = as_cfg_path_step(s, &st))) return NULL;
    Node *c = as_cfg_child(n, &st);
    if (!c) return NULL;
    n = c;
    *last = n;
    if (mark) n->used = 1;
  }
  return n;
}

const char *as_cfg_where_of(const AsConfig *cfg, int line, char *buf, size_t len)
{
  if (line <= 0) snprintf(buf, len, "--set");
  else snprintf(buf, len, "%s:%d", cfg->file, line);
  return buf;
}

/* where a key is written (key line for mapping members) */
const char *as_cfg_key_where(const AsConfig *cfg, const Node *n, char *buf, size_t len)
{
  return as_cfg_where_of(cfg, n->key ? n->key_line : n->line, buf, len);
}

const char *as_config_where(const AsConfig *cfg, const char *key, char *buf, size_t len)
{
  Node *last;
  as_cfg_lookup(cfg, key, 0, &last);
  return as_cfg_key_where(cfg, last, buf, len);
}

int as_config_has(AsConfig *cfg, const char *key)
{
  Node *last;
  return as_cfg_lookup(cfg, key, 1, &last) != NULL;
}

/* ---------------------------------------------------------------- unused keys */

static AsStatus unused_walk(const AsConfig *cfg, const Node *n, char *path, size_t cap)
{
  size_t len = strlen(path);
  for (int i = 0; i < n->nkid; i++) {
    const Node *k = n->kid[i];
    if (n->kind == N_MAP) snprintf(path + len, cap - len, "%s%s", len ? "." : "", k->key);
    else snprintf(path + len, cap - len, "[%d]", i);
    if (!k->used) {
      char w[600];
      return as_error(AS_ERR_CONFIG, as_cfg_key_where(cfg, k, w, sizeof w), path, "unknown key");
    }
    AS_CALL(unused_walk(cfg, k, path, cap));
    path[len] = 0;
  }
  return AS_OK;
}

AsStatus as_config_check_unused(const AsConfig *cfg)
{
  char path[1024] = "";
  return unused_walk(cfg, cfg->root, path, sizeof path);
}
