/* as_config.c — the case file as a tree of YAML nodes that remember their line and whether an
 * object read them (PETSc options database: the tree knows no keys; each object reads its own).
 *
 * Parsing: libyaml's event API (yaml_parser_parse), built into our own nodes so that every node
 * keeps the 1-based line of its key and of its value (libyaml marks are 0-based). Anchors and
 * aliases are expanded by copying. A key that appears twice in one mapping is an error (YAML 1.2
 * requires unique keys; libyaml does not check). Reference: libyaml 0.2.5, yaml.h.
 *
 * Messages follow solver/as_status.h: "FILE:LINE: key.path: problem"; nodes created by --set have
 * the location "--set". Values are plain text until a getter interprets them: there is no YAML
 * tag resolution, so "2021-01-01T00:00:00Z" and "3 km" stay strings until read as a time or a
 * quantity.
 */
#include "as_config.h"
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <yaml.h>

/* as_units.c: 0 ok, 1 `from` unparseable, 2 `to` unparseable, 3 not convertible, 4 no database */
int as_units_factor_(const char *from, const char *to, double *scale, double *offset);

typedef enum { N_SCALAR, N_SEQ, N_MAP } NodeKind;
typedef struct Node Node;
struct Node {
  NodeKind kind;
  char *key;     /* key in the parent mapping, NULL otherwise */
  char *value;   /* scalar text */
  int plain;     /* scalar was unquoted (so "~", "null" and "" mean nothing) */
  int line;      /* 1-based line of the value; 0 for a value given by --set */
  int key_line;  /* 1-based line of the key; 0 when the key was created by --set */
  int used;
  Node **kid;
  int nkid, cap;
};

struct AsConfig {
  char *file;    /* as given */
  char *dir;     /* directory part of file ("" if none) */
  Node *root;
  char **owned;  /* strings handed out by getters (resolved paths) */
  int nowned, capowned;
};

/* ---------------------------------------------------------------- nodes */

static void node_free(Node *n)
{
  if (!n) return;
  for (int i = 0; i < n->nkid; i++) node_free(n->kid[i]);
  free(n->kid);
  free(n->key);
  free(n->value);
  free(n);
}

static Node *node_new(NodeKind kind, int line)
{
  Node *n = calloc(1, sizeof *n);
  if (n) {
    n->kind = kind;
    n->line = line;
  }
  return n;
}

static int node_push(Node *parent, Node *kid)
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

static Node *node_copy(const Node *n)
{
  Node *c = node_new(n->kind, n->line);
  if (!c) return NULL;
  c->plain = n->plain;
  c->key_line = n->key_line;
  if ((n->value && !(c->value = strdup(n->value))) || (n->key && !(c->key = strdup(n->key)))) {
    node_free(c);
    return NULL;
  }
  for (int i = 0; i < n->nkid; i++) {
    Node *k = node_copy(n->kid[i]);
    if (!k || !node_push(c, k)) {
      node_free(k);
      node_free(c);
      return NULL;
    }
  }
  return c;
}

static int node_is_null(const Node *n)
{
  return n->kind == N_SCALAR && n->plain &&
         (!n->value[0] || !strcmp(n->value, "~") || !strcmp(n->value, "null") ||
          !strcmp(n->value, "Null") || !strcmp(n->value, "NULL"));
}

static const char *kind_name(const Node *n)
{
  return n->kind == N_MAP ? "a mapping" : n->kind == N_SEQ ? "a sequence" : "a scalar";
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
    Node *n = node_new(N_SCALAR, line);
    if (!n || !(n->value = strdup((const char *)ev->data.scalar.value))) {
      node_free(n);
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
  Node *n = node_new(is_map ? N_MAP : N_SEQ, line);
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
    if (!node_push(n, kid)) {
      node_free(kid);
      st = as_error(AS_ERR_MEM, "", "yaml", "out of memory");
      break;
    }
    p->path[plen] = 0;
  }
  p->path[plen] = 0;
  if (st) {
    free(anchor_copy);
    node_free(n);
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
    node_free(*root);
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
  if (!root || node_is_null(root)) {
    node_free(root);
    root = node_new(N_MAP, 1);
    if (!root) return as_error(AS_ERR_MEM, path, NULL, "out of memory");
  }
  if (root->kind == N_SCALAR) {
    char where[600];
    snprintf(where, sizeof where, "%s:%d", path, root->line);
    node_free(root);
    return as_error(AS_ERR_CONFIG, where, "yaml", "expected a mapping at the top level");
  }
  root->used = 1;
  AsConfig *cfg = calloc(1, sizeof *cfg);
  if (!cfg || !(cfg->file = strdup(path)) || !(cfg->dir = strdup(path))) {
    if (cfg) free(cfg->file);
    free(cfg);
    node_free(root);
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

void as_config_destroy(AsConfig **cfgp)
{
  if (!cfgp || !*cfgp) return;
  AsConfig *cfg = *cfgp;
  node_free(cfg->root);
  for (int i = 0; i < cfg->nowned; i++) free(cfg->owned[i]);
  free(cfg->owned);
  free(cfg->file);
  free(cfg->dir);
  free(cfg);
  *cfgp = NULL;
}

const char *as_config_file(const AsConfig *cfg) { return cfg ? cfg->file : ""; }

/* ---------------------------------------------------------------- key paths */

/* One step of a dotted key path: a name, or an index "[i]". Returns the rest, NULL if malformed. */
typedef struct {
  int is_index;
  long index;
  char name[128];
} Step;

static const char *path_step(const char *s, Step *st)
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

static Node *child(const Node *n, const Step *st)
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
static Node *lookup(const AsConfig *cfg, const char *key, int mark, Node **last)
{
  Node *n = cfg->root;
  const char *s = key;
  *last = n;
  while (*s) {
    Step st;
    if (!(s = path_step(s, &st))) return NULL;
    Node *c = child(n, &st);
    if (!c) return NULL;
    n = c;
    *last = n;
    if (mark) n->used = 1;
  }
  return n;
}

static const char *where_of(const AsConfig *cfg, int line, char *buf, size_t len)
{
  if (line <= 0) snprintf(buf, len, "--set");
  else snprintf(buf, len, "%s:%d", cfg->file, line);
  return buf;
}

/* where a key is written (key line for mapping members) */
static const char *key_where(const AsConfig *cfg, const Node *n, char *buf, size_t len)
{
  return where_of(cfg, n->key ? n->key_line : n->line, buf, len);
}

const char *as_config_where(const AsConfig *cfg, const char *key, char *buf, size_t len)
{
  Node *last;
  lookup(cfg, key, 0, &last);
  return key_where(cfg, last, buf, len);
}

int as_config_has(AsConfig *cfg, const char *key)
{
  Node *last;
  return lookup(cfg, key, 1, &last) != NULL;
}

/* ---------------------------------------------------------------- --set */

static AsStatus parse_set_value(const char *key, const char *text, Node **out)
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
    *out = node_new(N_SCALAR, 0);
    if (!*out || !((*out)->value = strdup(""))) return as_error(AS_ERR_MEM, "--set", key, "out of memory");
    (*out)->plain = 1;
  }
  return AS_OK;
}

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
    if (!(s = path_step(s, &st))) return as_error(AS_ERR_CONFIG, "--set", key, "bad key path");
  }
  Node *val;
  AS_CALL(parse_set_value(key, eq + 1, &val));
  Node *cur = cfg->root;
  for (const char *s = key; *s;) {
    Step st;
    s = path_step(s, &st);
    int last = !*s;
    if (node_is_null(cur)) { /* "grid:" with no value becomes a mapping or sequence */
      free(cur->value);
      cur->value = NULL;
      cur->kind = st.is_index ? N_SEQ : N_MAP;
    }
    if (cur->kind != (st.is_index ? N_SEQ : N_MAP)) {
      node_free(val);
      return as_error(AS_ERR_CONFIG, "--set", key, "cannot set inside %s", kind_name(cur));
    }
    Node *c = child(cur, &st);
    if (!c) {
      if (st.is_index && st.index != cur->nkid) {
        node_free(val);
        return as_error(AS_ERR_CONFIG, "--set", key, "index %ld out of range (the sequence has %d elements)",
                        st.index, cur->nkid);
      }
      c = last ? val : node_new(N_MAP, 0);
      if (!c || (!st.is_index && !(c->key = strdup(st.name))) || !node_push(cur, c)) {
        if (c != val) node_free(c);
        node_free(val);
        return as_error(AS_ERR_MEM, "--set", key, "out of memory");
      }
      c->key_line = 0;
      if (last) return AS_OK;
    } else if (last) { /* replace the value, keep the key and its line */
      for (int i = 0; i < c->nkid; i++) node_free(c->kid[i]);
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
  node_free(val);
  return AS_OK;
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
      return as_error(AS_ERR_CONFIG, key_where(cfg, k, w, sizeof w), path, "unknown key");
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

/* ---------------------------------------------------------------- getters */

/* The node at key, or NULL if absent and optional. Errors: missing (required), wrong kind. */
static AsStatus get_node(AsConfig *cfg, const char *key, int required, NodeKind kind,
                         const char *what, Node **out)
{
  Node *last;
  char w[600];
  *out = lookup(cfg, key, 1, &last);
  if (!*out) {
    if (!required) return AS_OK;
    return as_error(AS_ERR_CONFIG, key_where(cfg, last, w, sizeof w), key, "missing key");
  }
  if ((*out)->kind != kind) /* a mapping or sequence is reported where its key is */
    return as_error(AS_ERR_CONFIG,
                    (*out)->kind == N_SCALAR ? where_of(cfg, (*out)->line, w, sizeof w)
                                             : key_where(cfg, *out, w, sizeof w),
                    key, "expected %s, got %s",
                    what, kind_name(*out));
  return AS_OK;
}

static AsStatus value_error(const AsConfig *cfg, const Node *n, const char *key, AsStatus s,
                            const char *fmt, const char *a, const char *b)
{
  char w[600], msg[1024];
  snprintf(msg, sizeof msg, fmt, a, b);
  return as_error(s, where_of(cfg, n->line, w, sizeof w), key, "%s", msg);
}

static AsStatus range_check(const AsConfig *cfg, const Node *n, const char *key, double v,
                            double lo, double hi, const char *unit)
{
  if (v >= lo && v <= hi) return AS_OK;
  char w[600];
  if (unit && !strcmp(unit, "1")) unit = NULL; /* dimensionless: no unit after the number */
  return as_error(AS_ERR_CONFIG, where_of(cfg, n->line, w, sizeof w), key, "%g%s%s out of range [%g, %g]",
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
  if (r < 0) return value_error(cfg, n, key, AS_ERR_CONFIG, "'%s' is not a finite number", n->value, "");
  if (r == 0 || *rest) return value_error(cfg, n, key, AS_ERR_CONFIG, "expected a number, got '%s'", n->value, "");
  return AS_OK;
}

AsStatus as_config_get_double(AsConfig *cfg, const char *key, int required, double lo, double hi,
                              double *value)
{
  Node *n;
  AS_CALL(get_node(cfg, key, required, N_SCALAR, "a number", &n));
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
  AS_CALL(get_node(cfg, key, required, N_SCALAR, "an integer", &n));
  if (!n) return AS_OK;
  char *end;
  errno = 0;
  long v = strtol(n->value, &end, 10);
  while (isspace((unsigned char)*end)) end++;
  if (end == n->value || *end || !n->value[0])
    return value_error(cfg, n, key, AS_ERR_CONFIG, "expected an integer, got '%s'", n->value, "");
  char w[600];
  if (errno == ERANGE || v < lo || v > hi)
    return as_error(AS_ERR_CONFIG, where_of(cfg, n->line, w, sizeof w), key, "%s out of range [%ld, %ld]",
                    n->value, lo, hi);
  *value = v;
  return AS_OK;
}

AsStatus as_config_get_bool(AsConfig *cfg, const char *key, int required, int *value)
{
  static const char *const yes[] = {"true", "yes", "on"}, *const no[] = {"false", "no", "off"};
  Node *n;
  AS_CALL(get_node(cfg, key, required, N_SCALAR, "true or false", &n));
  if (!n) return AS_OK;
  for (int i = 0; i < 3; i++) {
    if (!strcasecmp(n->value, yes[i])) return *value = 1, AS_OK;
    if (!strcasecmp(n->value, no[i])) return *value = 0, AS_OK;
  }
  return value_error(cfg, n, key, AS_ERR_CONFIG, "expected true or false, got '%s'", n->value, "");
}

AsStatus as_config_get_string(AsConfig *cfg, const char *key, int required, const char **value)
{
  Node *n;
  AS_CALL(get_node(cfg, key, required, N_SCALAR, "a string", &n));
  if (n) *value = n->value;
  return AS_OK;
}

AsStatus as_config_get_choice(AsConfig *cfg, const char *key, int required,
                              const char *const *choices, int *index)
{
  Node *n;
  AS_CALL(get_node(cfg, key, required, N_SCALAR, "a name", &n));
  if (!n) return AS_OK;
  char list[512] = "";
  size_t len = 0;
  for (int i = 0; choices[i]; i++) {
    if (!strcmp(n->value, choices[i])) return *index = i, AS_OK;
    len += (size_t)snprintf(list + len, len < sizeof list ? sizeof list - len : 0, "%s%s", i ? ", " : "",
                            choices[i]);
    if (len >= sizeof list) len = sizeof list - 1;
  }
  return value_error(cfg, n, key, AS_ERR_CONFIG, "'%s' is not one of: %s", n->value, list);
}

/* a quantity node -> value in unit */
static AsStatus quantity_of(const AsConfig *cfg, const Node *n, const char *key, const char *unit,
                            double lo, double hi, double *value)
{
  double x;
  const char *rest = "";
  int r = leading_number(n->value, &x, &rest);
  if (r < 0) return value_error(cfg, n, key, AS_ERR_CONFIG, "'%s' is not a finite number", n->value, "");
  if (r == 0)
    return value_error(cfg, n, key, AS_ERR_CONFIG, "expected a number with a unit convertible to '%s', got '%s'",
                       unit, n->value);
  double v = x;
  if (*rest) {
    double scale = 1, offset = 0;
    switch (as_units_factor_(rest, unit, &scale, &offset)) {
    case 0: break;
    case 1: return value_error(cfg, n, key, AS_ERR_UNITS, "cannot parse unit '%s'", rest, "");
    case 2: return value_error(cfg, n, key, AS_ERR_ARG, "the program asked for unit '%s', which udunits2 cannot parse", unit, "");
    case 3: return value_error(cfg, n, key, AS_ERR_UNITS, "unit '%s' is not convertible to '%s'", rest, unit);
    default: return value_error(cfg, n, key, AS_ERR_LIB, "udunits2: cannot read the unit database%s%s", "", "");
    }
    v = x * scale + offset;
    if (!isfinite(v)) return value_error(cfg, n, key, AS_ERR_CONFIG, "'%s' is not a finite number", n->value, "");
  }
  AS_CALL(range_check(cfg, n, key, v, lo, hi, unit));
  *value = v;
  return AS_OK;
}

AsStatus as_config_get_quantity(AsConfig *cfg, const char *key, int required, const char *unit,
                                double lo, double hi, double *value)
{
  Node *n;
  AS_CALL(get_node(cfg, key, required, N_SCALAR, "a quantity", &n));
  if (!n) return AS_OK;
  double v = 0;
  AS_CALL(quantity_of(cfg, n, key, unit, lo, hi, &v));
  *value = v;
  return AS_OK;
}

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
  AS_CALL(get_node(cfg, key, required, N_SCALAR, "a file path", &n));
  if (!n) return AS_OK;
  if (!n->value[0]) return value_error(cfg, n, key, AS_ERR_CONFIG, "empty path%s%s", "", "");
  /* relative to the case file's directory; a --set value is relative to the working directory */
  if (n->value[0] == '/' || n->line == 0 || !cfg->dir[0]) return own(cfg, strdup(n->value), path);
  size_t len = strlen(cfg->dir) + strlen(n->value) + 2;
  char *s = malloc(len);
  if (s) snprintf(s, len, "%s%s%s", cfg->dir, strcmp(cfg->dir, "/") ? "/" : "", n->value);
  return own(cfg, s, path);
}

/* ISO-8601 UTC: YYYY-MM-DD[(T| )hh:mm[:ss[.fff]]][Z|+00:00|+0000] */
static int parse_time(const char *s, double *epoch)
{
  int Y, M, D, h = 0, m = 0, pos = 0;
  double sec = 0;
  while (isspace((unsigned char)*s)) s++;
  if (sscanf(s, "%4d-%2d-%2d%n", &Y, &M, &D, &pos) != 3 || pos != 10) return 0;
  s += pos;
  if (*s == 'T' || *s == 't' || *s == ' ') {
    pos = 0;
    if (sscanf(s + 1, "%2d:%2d%n", &h, &m, &pos) != 2 || pos != 5) return 0;
    s += 1 + pos;
    if (*s == ':') {
      char *end;
      if (!isdigit((unsigned char)s[1]) || !isdigit((unsigned char)s[2])) return 0;
      sec = strtod(s + 1, &end);
      s = end;
    }
  }
  if (*s == 'Z' || *s == 'z') s++;
  else if (!strcmp(s, "+00:00") || !strcmp(s, "+0000") || !strcmp(s, "+00")) s += strlen(s);
  while (isspace((unsigned char)*s)) s++;
  if (*s) return 0;
  static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int leap = (Y % 4 == 0 && Y % 100 != 0) || Y % 400 == 0;
  if (M < 1 || M > 12 || D < 1 || D > mdays[M - 1] || (M == 2 && D == 29 && !leap) || h < 0 || h > 23 ||
      m < 0 || m > 59 || !(sec >= 0 && sec < 61))
    return 0;
  struct tm tm = {0};
  tm.tm_year = Y - 1900;
  tm.tm_mon = M - 1;
  tm.tm_mday = D;
  tm.tm_hour = h;
  tm.tm_min = m;
  *epoch = (double)timegm(&tm) + sec;
  return 1;
}

AsStatus as_config_get_time(AsConfig *cfg, const char *key, int required, double *epoch_s)
{
  Node *n;
  AS_CALL(get_node(cfg, key, required, N_SCALAR, "a time", &n));
  if (!n) return AS_OK;
  if (!parse_time(n->value, epoch_s))
    return value_error(cfg, n, key, AS_ERR_CONFIG,
                       "cannot parse time '%s' (expected ISO-8601 UTC such as 2021-01-01T00:00:00Z)%s",
                       n->value, "");
  return AS_OK;
}

AsStatus as_config_seq_len(AsConfig *cfg, const char *key, int *n)
{
  Node *s;
  *n = 0;
  AS_CALL(get_node(cfg, key, 0, N_SEQ, "a sequence", &s));
  if (s) *n = s->nkid;
  return AS_OK;
}

AsStatus as_config_get_quantity_list(AsConfig *cfg, const char *key, int required,
                                     const char *unit, double lo, double hi, double **values,
                                     int *n)
{
  Node *s;
  AS_CALL(get_node(cfg, key, required, N_SEQ, "a sequence", &s));
  if (!s) return AS_OK;
  double *v = NULL;
  AS_MALLOC(v, s->nkid);
  for (int i = 0; i < s->nkid; i++) {
    Node *e = s->kid[i];
    char item[600];
    snprintf(item, sizeof item, "%s[%d]", key, i);
    AsStatus st = e->kind != N_SCALAR ? value_error(cfg, e, item, AS_ERR_CONFIG, "expected a quantity, got %s",
                                                     kind_name(e), "")
                                      : quantity_of(cfg, e, item, unit, lo, hi, &v[i]);
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
  AS_CALL(get_node(cfg, key, required, N_SEQ, "a sequence", &s));
  if (!s) return AS_OK;
  for (int i = 0; i < s->nkid; i++) {
    char item[600];
    snprintf(item, sizeof item, "%s[%d]", key, i);
    if (s->kid[i]->kind != N_SCALAR)
      return value_error(cfg, s->kid[i], item, AS_ERR_CONFIG, "expected a string, got %s",
                         kind_name(s->kid[i]), "");
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
