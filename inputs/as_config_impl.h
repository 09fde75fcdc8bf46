/* as_config_impl.h — private to inputs/as_config*.c and as_units.c: the node tree behind
 * AsConfig and the helpers the parser, --set and the getters share. Not for other modules.
 */
#ifndef AS_CONFIG_IMPL_H
#define AS_CONFIG_IMPL_H
#include "as_config.h"
#include <stddef.h>

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

/* One step of a dotted key path: a name, or an index "[i]". */
typedef struct {
  int is_index;
  long index;
  char name[128];
} Step;

/* nodes (as_config.c) */
void as_cfg_node_free(Node *n);
Node *as_cfg_node_new(NodeKind kind, int line);
int as_cfg_node_push(Node *parent, Node *kid); /* 0 when out of memory */
/* an unquoted "", "~" or "null": a key with no value */
int as_cfg_node_is_null(const Node *n);
/* "a mapping", "a sequence" or "a scalar", for messages */
const char *as_cfg_kind_name(const Node *n);

/* key paths (as_config.c) */
/* the first step of s into *st; returns the rest, NULL if malformed */
const char *as_cfg_path_step(const char *s, Step *st);
Node *as_cfg_child(const Node *n, const Step *st);
/* Find key; *last is the deepest node reached (the key itself, or its nearest existing parent).
 * With mark, every node on the way is marked used. */
Node *as_cfg_lookup(const AsConfig *cfg, const char *key, int mark, Node **last);
/* "FILE:LINE", or "--set" for line 0, into buf */
const char *as_cfg_where_of(const AsConfig *cfg, int line, char *buf, size_t len);
/* where a key is written (key line for mapping members) */
const char *as_cfg_key_where(const AsConfig *cfg, const Node *n, char *buf, size_t len);

/* a --set value parsed as YAML; an empty value becomes an empty plain scalar (as_config_yaml.c) */
AsStatus as_cfg_parse_set_value(const char *key, const char *text, Node **out);

/* getters' common part (as_config_get.c) */
/* The node at key, or NULL if absent and optional. Errors: missing (required), wrong kind. */
AsStatus as_cfg_get_node(AsConfig *cfg, const char *key, int required, NodeKind kind,
                         const char *what, Node **out);
/* "WHERE: key: " + fmt with the two strings a and b */
AsStatus as_cfg_value_error(const AsConfig *cfg, const Node *n, const char *key, AsStatus s,
                            const char *fmt, const char *a, const char *b);
/* a quantity node -> value in unit, range-checked */
AsStatus as_cfg_quantity_of(const AsConfig *cfg, const Node *n, const char *key, const char *unit,
                            double lo, double hi, double *value);

#endif
