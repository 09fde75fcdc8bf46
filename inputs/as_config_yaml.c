/* as_config_yaml.c — libyaml text into the node tree: the case file (as_config_load) and a --set
 * value (as_cfg_parse_set_value).
 *
 * Parsing: libyaml's event API (yaml_parser_parse), built into our own nodes so that every node
 * keeps the 1-based line of its key and of its value (libyaml marks are 0-based). Anchors and
 * aliases are expanded by copying. A key that appears twice in one mapping is an error (YAML 1.2
 * requires unique keys; libyaml does not check). Reference: libyaml 0.2.5, yaml.h.
 *
 * Values are plain text until a getter interprets them: there is no YAML tag resolution, so
 * "2021-01-01T00:00:00Z" and "3 km" stay strings until read as a time or a quantity.
 */
#include "as_config_impl.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static Node *node_copy(const Node *n)
{
  Node *c = as_cfg_node_new(n->kind, n->line);
  if (!c) return NULL;
  c->plain = n->plain;
  c->key_line = n->key_line;
  if ((n->value && !(c->value = strdup(n->value))) || (n->key && !(c->key = strdup(n->key)))) {
    as_cfg_node_free(c);
    return NULL;
  }
  for (int i = 0; i < n->nkid; i++) {
    Node *k = node_copy(n->kid[i]);
    if (!k || !as_cfg_node_push(c, k)) {
      as_cfg_node_free(k);
      as_cfg_node_free(c);
      return NULL;
    }
  }
  return c;
}

/* ---------------------------------------------------------------- parsing */

typedef struct {
  yaml_parser_t parser;
  const char *file;   /* for messages; NULL when parsing a --set value */
  const char *setkey; /* the --set key, for messages */
  int from_set;
  char path[512];
  struct {
    char *name;
    Node *node;
  } anchor[64];
  int nanchor;
} Parse;

static int line_of(const Parse *p, yaml_mark_t m) { return p->from_set ? 0 : (int)m.line + 1; }

static AsStatus parse_error(Parse *p, int line, const char *item, const char *problem)
{
  char where[600];
  if (p->from_set) return as_error(AS_ERR_CONFIG, "--set", p->setkey, "yaml: %s", problem);
  snprintf(where, sizeof where, "%s:%d", p->file, line);
  return as_error(AS_ERR_CONFIG, where, item, "%s", problem);
}

static AsStatus next_event(Parse *p, yaml_event_t *ev)
{
  if (yaml_parser_parse(&p->parser, ev)) return AS_OK;
  const char *problem = p->parser.problem ? p->parser.problem : "cannot parse";
  return parse_error(p, (int)p->parser.problem_mark.line + 1, "yaml", problem);
}

static void remember_anchor(Parse *p, const yaml_char_t *anchor, Node *n)
{
  if (!anchor || p->nanchor == (int)(sizeof p->anchor / sizeof p->anchor[0])) return;
  p->anchor[p->nanchor].name = strdup((const char *)anchor);
  p->anchor[p->nanchor].node = n;
  if (p->anchor[p->nanchor].name) p->nanchor++;
}

/* Build the node that starts with event *ev (consumed here). */
static AsStatus parse_node(Parse *p, yaml_event_t *ev, int depth, Node **out)
{
  *out = NULL;
  int line = line_of(p, ev->start_mark);
  if (depth > 64) {
    yaml_event_delete(ev);
    return parse_error(p, line, "yaml", "nesting deeper than 64 levels");
  }
  if (ev->type == YAML_ALIAS_EVENT) {
    const char *name = (const char *)ev->data.alias.anchor;
    for (int i = p->nanchor - 1; i >= 0; i--)
      if (!strcmp(p->anchor[i].name, name)) {
        yaml_event_delete(ev);
        *out = node_copy(p->anchor[i].node);
        return *out ? AS_OK : as_error(AS_ERR_MEM, "", "yaml", "out of memory");
      }
    yaml_event_delete(ev);
    return parse_error(p, line, "yaml", "unknown alias");
  }
  if (ev->type == YAML_SCALAR_EVENT) {
    Node *n = as_cfg_node_new(N_SCALAR, line);
    if (!n || !(n->value = strdup((const char *)ev->data.scalar.value))) {
      as_cfg_node_free(n);
      yaml_event_delete(ev);
      return as_error(AS_ERR_MEM, "", "yaml", "out of memory");
    }
    n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    remember_anchor(p, ev->data.scalar.anchor, n);
    yaml_event_delete(ev);
    *out = n;
    return AS_OK;
  }
  int is_map = ev->type == YAML_MAPPING_START_EVENT;
  if (!is_map && ev->type != YAML_SEQUENCE_START_EVENT) {
    yaml_event_delete(ev);
    return parse_error(p, line, "yaml", "unexpected event");
  }
  const yaml_char_t *anchor = is_map ? ev->data.mapping_start.anchor : ev->data.sequence_start.anchor;
  char *anchor_copy = anchor ? strdup((const char *)anchor) : NULL;
  yaml_event_delete(ev);
  Node *n = as_cfg_node_new(is_map ? N_MAP : N_SEQ, line);
  if (!n) {
    free(anchor_copy);
    return as_error(AS_ERR_MEM, "", "yaml", "out of memory");
  }
  size_t plen = strlen(p->path);
  AsStatus st = AS_OK;
  for (;;) {
    yaml_event_t e;
    if ((st = next_event(p, &e))) break;
    if (e.type == YAML_MAPPING_END_EVENT || e.type == YAML_SEQUENCE_END_EVENT) {
      yaml_event_delete(&e);
      break;
    }
    char *key = NULL;
    int key_line = 0;
    if (is_map) {
      key_line = line_of(p, e.start_mark);
      if (e.type != YAML_SCALAR_EVENT) {
        yaml_event_delete(&e);
        st = parse_error(p, key_line, "yaml", "a mapping key must be a plain scalar");
        break;
      }
      key = strdup((const char *)e.data.scalar.value);
      yaml_event_delete(&e);
      if (!key) {
        st = as_error(AS_ERR_MEM, "", "yaml", "out of memory");
        break;
      }
      snprintf(p->path + plen, sizeof p->path - plen, "%s%s", plen ? "." : "", key);
      for (int i = 0; i < n->nkid; i++)
        if (!strcmp(n->kid[i]->key, key)) {
          char msg[64];
          snprintf(msg, sizeof msg, "duplicate key (first at line %d)", n->kid[i]->key_line);
          st = p->from_set ? as_error(AS_ERR_CONFIG, "--set", p->path, "duplicate key")
                           : parse_error(p, key_line, p->path, msg);
          break;
        }
      if (!st) st = next_event(p, &e);
      if (st) {
        free(key);
        break;
      }
    } else {
      snprintf(p->path + plen, sizeof p->path - plen, "[%d]", n->nkid);
    }
    Node *kid;
    if ((st = parse_node(p, &e, depth + 1, &kid))) {
      free(key);
      break;
    }
    kid->key = key;
    kid->key_line = key_line;
    if (!as_cfg_node_push(n, kid)) {
      as_cfg_node_free(kid);
      st = as_error(AS_ERR_MEM, "", "yaml", "out of memory");
      break;
    }
    p->path[plen] = 0;
  }
  p->path[plen] = 0;
  if (st) {
    free(anchor_copy);
    as_cfg_node_free(n);
    return st;
  }
  if (anchor_copy) {
    remember_anchor(p, (const yaml_char_t *)anchor_copy, n);
    free(anchor_copy);
  }
  *out = n;
  return AS_OK;
}

/* Parse a whole stream: at most one document; *root NULL for an empty stream. */
static AsStatus parse_stream(Parse *p, Node **root)
{
  *root = NULL;
  yaml_event_t e;
  AsStatus st = AS_OK;
  for (;;) {
    if ((st = next_event(p, &e))) break;
    yaml_event_type_t t = e.type;
    int line = line_of(p, e.start_mark);
    if (t == YAML_STREAM_END_EVENT) {
      yaml_event_delete(&e);
      break;
    }
    if (t == YAML_STREAM_START_EVENT || t == YAML_DOCUMENT_END_EVENT) {
      yaml_event_delete(&e);
      continue;
    }
    if (t == YAML_DOCUMENT_START_EVENT) {
      yaml_event_delete(&e);
      if (*root) {
        st = parse_error(p, line, "yaml", "more than one document in the stream");
        break;
      }
      continue;
    }
    if ((st = parse_node(p, &e, 0, root))) break;
  }
  for (int i = 0; i < p->nanchor; i++) free(p->anchor[i].name);
  p->nanchor = 0;
  if (st) {
    as_cfg_node_free(*root);
    *root = NULL;
  }
  return st;
}

AsStatus as_config_load(const char *path, AsConfig **cfgp)
{
  *cfgp = NULL;
  FILE *f = fopen(path, "rb");
  if (!f) return as_error(AS_ERR_IO, path, NULL, "cannot open: %s", strerror(errno));
  Parse p;
  memset(&p, 0, sizeof p);
  p.file = path;
  if (!yaml_parser_initialize(&p.parser)) {
    fclose(f);
    return as_error(AS_ERR_LIB, path, "yaml", "cannot initialise the libyaml parser");
  }
  yaml_parser_set_input_file(&p.parser, f);
  Node *root = NULL;
  AsStatus st = parse_stream(&p, &root);
  yaml_parser_delete(&p.parser);
  fclose(f);
  if (st) return st;
  if (!root || as_cfg_node_is_null(root)) {
    as_cfg_node_free(root);
    root = as_cfg_node_new(N_MAP, 1);
    if (!root) return as_error(AS_ERR_MEM, path, NULL, "out of memory");
  }
  if (root->kind == N_SCALAR) {
    char where[600];
    snprintf(where, sizeof where, "%s:%d", path, root->line);
    as_cfg_node_free(root);
    return as_error(AS_ERR_CONFIG, where, "yaml", "expected a mapping at the top level");
  }
  root->used = 1;
  AsConfig *cfg = calloc(1, sizeof *cfg);
  if (!cfg || !(cfg->file = strdup(path)) || !(cfg->dir = strdup(path))) {
    if (cfg) free(cfg->file);
    free(cfg);
    as_cfg_node_free(root);
    return as_error(AS_ERR_MEM, path, NULL, "out of memory");
  }
  char *slash = strrchr(cfg->dir, '/');
  if (!slash) cfg->dir[0] = 0;
  else if (slash == cfg->dir) slash[1] = 0;
  else *slash = 0;
  cfg->root = root;
  *cfgp = cfg;
  return AS_OK;
}

AsStatus as_cfg_parse_set_value(const char *key, const char *text, Node **out)
{
  Parse p;
  memset(&p, 0, sizeof p);
  p.from_set = 1;
  p.setkey = key;
  if (!yaml_parser_initialize(&p.parser))
    return as_error(AS_ERR_LIB, "--set", key, "cannot initialise the libyaml parser");
  yaml_parser_set_input_string(&p.parser, (const unsigned char *)text, strlen(text));
  AsStatus st = parse_stream(&p, out);
  yaml_parser_delete(&p.parser);
  if (st) return st;
  if (!*out) {
    *out = as_cfg_node_new(N_SCALAR, 0);
    if (!*out || !((*out)->value = strdup(""))) return as_error(AS_ERR_MEM, "--set", key, "out of memory");
    (*out)->plain = 1;
  }
  return AS_OK;
}
