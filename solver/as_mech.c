/* as_mech.c — read a KPP-style mechanism file (.eqn) into species, reactions, stoichiometry and the
 * sparse Jacobian pattern (format and sources: docs/science.md).
 *
 *   #DEFVAR  NO2 = N + 2O;          variable species with composition (IGNORE = none given)
 *   #DEFFIX  M = IGNORE;            environment species (M, O2, N2, H2, H2O) folded into k
 *   #CHECK   N;                     elements balanced in every reaction
 *   #EQUATIONS
 *   <R1> NO2 + hv = NO + O : PHOT(4, 1.0);
 *
 * Mass action: rate_r = k_r * prod(reactants), dy_i/dt = sum_r nu_ir rate_r. The evaluation of
 * f and J lives in as_mech_ode.c, the rate laws in as_mech_rates.c. */
#include "as_mech_impl.h"
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  const char *file;
  int line;
} Where;

static AsStatus perr(const Where *w, const char *item, const char *fmt, const char *arg)
{
  char loc[600];
  snprintf(loc, sizeof loc, "%s:%d", w->file, w->line);
  return as_error(AS_ERR_DATA, loc, item, fmt, arg);
}

static char *trim(char *s)
{
  while (isspace((unsigned char)*s)) s++;
  size_t n = strlen(s);
  while (n > 0 && isspace((unsigned char)s[n - 1])) s[--n] = '\0';
  return s;
}

static int is_ident(const char *s)
{
  if (!*s || !(isalpha((unsigned char)*s) || *s == '_')) return 0;
  for (; *s; s++)
    if (!(isalnum((unsigned char)*s) || *s == '_')) return 0;
  return 1;
}

/* species lookup over variable and fixed species: returns index, fixed ones as -(1+f) */
static int lookup(const AsMech *m, const char *name, int *fixed)
{
  for (int i = 0; i < m->nvar; i++)
    if (!strcmp(m->var[i].name, name)) return *fixed = 0, i;
  for (int i = 0; i < m->nfix; i++)
    if (!strcmp(m->fix[i].name, name)) return *fixed = 1, i;
  return -1;
}

static int element_index(AsMech *m, const char *sym, int add)
{
  for (int e = 0; e < m->nelem; e++)
    if (!strcmp(m->elem[e], sym)) return e;
  if (!add || m->nelem >= AS_MECH_MAXELEM) return -1;
  snprintf(m->elem[m->nelem], sizeof m->elem[0], "%s", sym);
  return m->nelem++;
}

/* "N + 2O" or "IGNORE" */
static AsStatus parse_composition(AsMech *m, const Where *w, AsMechSpecies *sp, char *text)
{
  text = trim(text);
  if (!strcmp(text, "IGNORE") || !*text) return AS_OK;
  sp->has_comp = 1;
  for (char *tok = strtok(text, "+"); tok; tok = strtok(NULL, "+")) {
    char *t = trim(tok), *end = t;
    double n = 1.0;
    if (isdigit((unsigned char)*t) || *t == '.') n = strtod(t, &end);
    end = trim(end);
    if (!isupper((unsigned char)end[0]) || (end[1] && !(islower((unsigned char)end[1]) && !end[2])))
      return perr(w, sp->name, "cannot parse composition term '%s' (want e.g. 2O)", tok);
    int e = element_index(m, end, 1);
    if (e < 0) return perr(w, sp->name, "too many elements at '%s'", end);
    sp->atoms[e] += n;
  }
  return AS_OK;
}

static AsStatus parse_species(AsMech *m, const Where *w, char *stmt, int fixed)
{
  char *eq = strchr(stmt, '=');
  if (!eq) return perr(w, "species", "cannot parse '%s' (want NAME = composition;)", trim(stmt));
  *eq = '\0';
  char *name = trim(stmt);
  if (!is_ident(name) || strlen(name) >= AS_MECH_NAMELEN)
    return perr(w, "species", "bad species name '%s'", name);
  int f;
  if (lookup(m, name, &f) >= 0) return perr(w, name, "species '%s' declared twice", name);
  if (fixed && as_mech_fixed_kind(name) < 0)
    return perr(w, name, "fixed species '%s' has no environment value (M, O2, N2, H2, H2O)", name);
  AsMechSpecies *list = fixed ? m->fix : m->var;
  int *count = fixed ? &m->nfix : &m->nvar;
  if (*count >= (fixed ? 8 : AS_MECH_MAXSPEC)) return perr(w, name, "too many species at '%s'", name);
  AsMechSpecies *sp = &list[*count];
  memset(sp, 0, sizeof *sp);
  snprintf(sp->name, sizeof sp->name, "%s", name);
  AS_CALL(parse_composition(m, w, sp, eq + 1));
  if (fixed) m->fixkind[*count] = as_mech_fixed_kind(name);
  (*count)++;
  return AS_OK;
}

/* One side of a reaction: terms "0.8 HO2", "2*OH", "hv". Variable species go to the stoich
 * scratch with sign; reactant variables also to r->react; fixed reactants to r->nfixed. */
static AsStatus parse_side(AsMech *m, const Where *w, AsMechReaction *r, char *text, int lhs,
                           double *atoms, AsMechTerm *terms, int *nterms)
{
  text = trim(text);
  if (!*text) {
    if (lhs) return perr(w, r->label, "cannot parse reaction: no reactants%s", "");
    return AS_OK;
  }
  char *save = NULL;
  for (char *tok = strtok_r(text, "+", &save); tok; tok = strtok_r(NULL, "+", &save)) {
    char *t = trim(tok), *end = t;
    double c = 1.0;
    /* a negative product coefficient (CB's "-2.5 PAR" carbon bookkeeping) is written "+ -2.5 PAR" */
    if (isdigit((unsigned char)*t) || *t == '.' || (!lhs && *t == '-')) {
      c = strtod(t, &end);
      end = trim(end);
      if (*end == '*') end = trim(end + 1);
    }
    if (!*end) return perr(w, r->label, "cannot parse reaction term '%s'", t);
    if (!strcmp(end, "hv")) {
      if (!lhs) return perr(w, r->label, "cannot parse reaction: hv among products%s", "");
      continue;
    }
    if (!is_ident(end)) return perr(w, r->label, "cannot parse reaction term '%s'", t);
    int fixed, i = lookup(m, end, &fixed);
    if (i < 0) return perr(w, r->label, "unknown species '%s'", end);
    const AsMechSpecies *sp = fixed ? &m->fix[i] : &m->var[i];
    for (int e = 0; e < m->nelem; e++) atoms[e] += c * sp->atoms[e];
    if (fixed) {
      if (lhs) {
        if (c != floor(c) || c < 1) return perr(w, r->label, "non-integer reactant coefficient at '%s'", t);
        r->nfixed[i] += (int)c;
      }
      continue;
    }
    if (lhs) {
      if (c != floor(c) || c < 1) return perr(w, r->label, "non-integer reactant coefficient at '%s'", t);
      for (int k = 0; k < (int)c; k++) {
        if (r->nreact >= AS_MECH_MAXREACT)
          return perr(w, r->label, "more than %s variable reactants", "4");
        r->react[r->nreact++] = i;
      }
    }
    if (*nterms >= AS_MECH_MAXTERMS) return perr(w, r->label, "too many terms at '%s'", t);
    terms[*nterms].sp = i;
    terms[*nterms].coef = lhs ? -c : c;
    (*nterms)++;
  }
  return AS_OK;
}

/* "<label> lhs = rhs : LAW(args);" */
static AsStatus parse_reaction(AsMech *m, const Where *w, char *stmt)
{
  if (m->nreact >= m->capreact) {
    int cap = m->capreact ? 2 * m->capreact : 64;
    AsMechReaction *nr = realloc(m->rx, (size_t)cap * sizeof *nr);
    if (!nr) return as_error(AS_ERR_MEM, "", "reactions", "cannot allocate %d reactions", cap);
    m->rx = nr;
    m->capreact = cap;
  }
  AsMechReaction *r = &m->rx[m->nreact];
  memset(r, 0, sizeof *r);
  char *s = trim(stmt);
  if (*s != '<') return perr(w, "reaction", "cannot parse '%.60s' (want <label> A + B = C : LAW(...);)", s);
  char *gt = strchr(s, '>');
  if (!gt) return perr(w, "reaction", "cannot parse label in '%.60s'", s);
  *gt = '\0';
  char *label = trim(s + 1);
  if (!is_ident(label) || strlen(label) >= AS_MECH_NAMELEN)
    return perr(w, "reaction", "bad reaction label '%s'", label);
  snprintf(r->label, sizeof r->label, "%s", label);
  for (int i = 0; i < m->nreact; i++)
    if (!strcmp(m->rx[i].label, r->label)) return perr(w, r->label, "reaction label '%s' used twice", label);
  char *body = gt + 1, *colon = strchr(body, ':'), *eq = strchr(body, '=');
  if (!colon) return perr(w, r->label, "cannot parse reaction: no ':' before the rate law%s", "");
  if (!eq || eq > colon) return perr(w, r->label, "cannot parse reaction: no '=' between reactants and products%s", "");
  *colon = '\0';
  *eq = '\0';
  AsMechTerm terms[AS_MECH_MAXTERMS];
  int nterms = 0;
  double lhs_atoms[AS_MECH_MAXELEM] = {0}, rhs_atoms[AS_MECH_MAXELEM] = {0};
  AS_CALL(parse_side(m, w, r, body, 1, lhs_atoms, terms, &nterms));
  AS_CALL(parse_side(m, w, r, eq + 1, 0, rhs_atoms, terms, &nterms));
  for (int c = 0; c < m->ncheck; c++) {
    int e = m->check[c];
    double a = lhs_atoms[e], b = rhs_atoms[e];
    if (fabs(a - b) > 1e-9 * fmax(1.0, fabs(a))) {
      char msg[200];
      snprintf(msg, sizeof msg, "unbalanced reaction: %g %s atoms in reactants, %g in products", a,
               m->elem[e], b);
      return perr(w, r->label, "%s", msg);
    }
  }
  AS_CALL(as_mech_parse_rate(m, w->file, w->line, r, colon + 1));
  /* net stoichiometry: combine repeated species, drop exact zeros (NO3 + NO2 = NO + NO2) */
  r->nstoich = 0;
  for (int t = 0; t < nterms; t++) {
    int j = 0;
    while (j < r->nstoich && r->st_sp[j] != terms[t].sp) j++;
    if (j == r->nstoich) {
      r->st_sp[j] = terms[t].sp;
      r->st_coef[j] = 0.0;
      r->nstoich++;
    }
    r->st_coef[j] += terms[t].coef;
  }
  int k = 0;
  for (int j = 0; j < r->nstoich; j++)
    if (r->st_coef[j] != 0.0) {
      r->st_sp[k] = r->st_sp[j];
      r->st_coef[k++] = r->st_coef[j];
    }
  r->nstoich = k;
  r->line = w->line;
  m->nreact++;
  return AS_OK;
}

static AsStatus parse_check(AsMech *m, const Where *w, char *args)
{
  for (char *tok = strtok(args, " \t,"); tok; tok = strtok(NULL, " \t,")) {
    int e = element_index(m, tok, 1);
    if (e < 0) return perr(w, "#CHECK", "too many elements at '%s'", tok);
    m->check[m->ncheck++] = e;
  }
  return AS_OK;
}

/* Comments: { ... } (KPP) and // to the end of the line; newlines are kept for line numbers. */
static void strip_comments(char *buf)
{
  int brace = 0;
  for (char *p = buf; *p; p++) {
    if (brace) {
      if (*p == '}') brace = 0;
      if (*p != '\n') *p = ' ';
    } else if (*p == '{') {
      brace = 1;
      *p = ' ';
    } else if (p[0] == '/' && p[1] == '/') {
      while (*p && *p != '\n') *p++ = ' ';
      if (!*p) break;
    }
  }
}

static AsStatus parse_buffer(AsMech *m, const char *path, char *buf)
{
  enum { NONE, VAR, FIX, EQN } section = NONE;
  Where w = {path, 1};
  char *p = buf;
  for (;;) {
    while (isspace((unsigned char)*p)) w.line += (*p++ == '\n');
    if (!*p) break;
    if (*p == '#') {
      char word[32];
      int n = 0;
      while (*p && !isspace((unsigned char)*p) && n < 31) word[n++] = *p++;
      word[n] = '\0';
      if (!strcmp(word, "#DEFVAR")) section = VAR;
      else if (!strcmp(word, "#DEFFIX")) section = FIX;
      else if (!strcmp(word, "#EQUATIONS")) section = EQN;
      else if (!strcmp(word, "#CHECK")) {
        char *end = p;
        while (*end && *end != '\n' && *end != ';') end++;
        char save = *end;
        *end = '\0';
        AS_CALL(parse_check(m, &w, p));
        *end = save;
        p = (save == ';') ? end + 1 : end;
      } else
        return perr(&w, word, "unknown section '%s' (known: #DEFVAR #DEFFIX #CHECK #EQUATIONS)", word);
      continue;
    }
    char *semi = strchr(p, ';');
    if (!semi) return perr(&w, "statement", "no ';' ends '%.40s'", p);
    *semi = '\0';
    Where at = w;
    for (char *q = p; q < semi; q++) w.line += (*q == '\n');
    switch (section) {
    case VAR: AS_CALL(parse_species(m, &at, p, 0)); break;
    case FIX: AS_CALL(parse_species(m, &at, p, 1)); break;
    case EQN: AS_CALL(parse_reaction(m, &at, p)); break;
    default: return perr(&at, "statement", "'%.40s' outside any section", trim(p));
    }
    p = semi + 1;
  }
  if (m->nvar == 0) return as_error(AS_ERR_DATA, path, "#DEFVAR", "no variable species");
  if (m->nreact == 0) return as_error(AS_ERR_DATA, path, "#EQUATIONS", "no reactions");
  return AS_OK;
}

static AsStatus load_into(AsMech *m, const char *path)
{
  FILE *fp = fopen(path, "rb");
  if (!fp) return as_error(AS_ERR_IO, path, "mechanism", "cannot open file");
  fseek(fp, 0, SEEK_END);
  long len = ftell(fp);
  fseek(fp, 0, SEEK_SET);
  char *buf = malloc((size_t)len + 1);
  if (!buf) {
    fclose(fp);
    return as_error(AS_ERR_MEM, path, "mechanism", "cannot allocate %ld bytes", len);
  }
  size_t got = fread(buf, 1, (size_t)len, fp);
  fclose(fp);
  buf[got] = '\0';
  strip_comments(buf);
  AsStatus s = parse_buffer(m, path, buf);
  free(buf);
  if (s != AS_OK) return s;
  return as_mech_build_pattern(m);
}

AsStatus as_mech_load(const char *path, AsMech **mech)
{
  *mech = NULL;
  AsMech *m = calloc(1, sizeof *m);
  if (!m) return as_error(AS_ERR_MEM, path, "mechanism", "cannot allocate");
  AsStatus s = load_into(m, path);
  if (s == AS_OK) as_mech_bind_system(m);
  if (s != AS_OK) {
    as_mech_destroy(&m);
    return s;
  }
  *mech = m;
  return AS_OK;
}

int as_mech_nspec(const AsMech *m) { return m->nvar; }
int as_mech_nreact(const AsMech *m) { return m->nreact; }
const char *as_mech_species_name(const AsMech *m, int i) { return m->var[i].name; }
const char *as_mech_reaction_label(const AsMech *m, int r) { return m->rx[r].label; }

int as_mech_species_index(const AsMech *m, const char *name)
{
  for (int i = 0; i < m->nvar; i++)
    if (!strcmp(m->var[i].name, name)) return i;
  return -1;
}

double as_mech_atoms(const AsMech *m, int i, const char *element)
{
  int e = element_index((AsMech *)m, element, 0);
  return e < 0 ? 0.0 : m->var[i].atoms[e];
}

void as_mech_destroy(AsMech **mech)
{
  if (!mech || !*mech) return;
  AsMech *m = *mech;
  free(m->rx);
  free(m->row_ptr);
  free(m->col_idx);
  free(m->jac_start);
  free(m->jac_q);
  free(m->jac_pos);
  free(m->jac_coef);
  free(m->fg_start), free(m->fg_rx), free(m->fg_coef);
  free(m->part_start), free(m->jg_start), free(m->jg_part), free(m->jg_coef);
  free(m);
  *mech = NULL;
}
