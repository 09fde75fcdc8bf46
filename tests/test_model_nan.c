/* test_model_nan — claim: a non-finite concentration anywhere stops the step with ONE line naming the
 * cell, the species and the process after which it was found, and a non-zero status.
 * A NaN is put into one cell of one species of a small closed case; the step must fail with
 * AS_ERR_NUMERIC and the message must name exactly that cell and species. Then the same with +Inf.
 * usage: test_model_nan CASE.yaml */
#include "as_model.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

static int one(const char *file, double bad, const char *what)
{
  AsConfig *cfg = NULL;
  AsModel *m = NULL;
  as_error_clear();
  if (as_config_load(file, &cfg) || as_model_create(cfg, &m)) return printf("FAIL: setup: %s\n", as_error_message()), 1;
  const AsGrid *g = m->grid;
  const int s = m->nspec - 1, i = 3, j = 2, k = 1;
  const long cell = ((long)k * g->ny + j) * g->nx + i;
  m->c[(size_t)s * m->ncell + cell] = bad;
  as_error_clear();
  AsStatus st = as_model_step(m);
  const char *msg = as_error_message();
  char want[64];
  snprintf(want, sizeof want, "cell (i=%d, j=%d, k=%d)", i, j, k);
  int ok = st == AS_ERR_NUMERIC && strstr(msg, want) && strstr(msg, m->spc->s[s].name) &&
           strstr(msg, "after process") && !strchr(msg, '\n');
  printf("%s in %s at %s: status %d, message \"%s\" -> %s\n", what, m->spc->s[s].name, want, (int)st, msg,
         ok ? "ok" : "WRONG");
  as_model_destroy(&m);
  as_config_destroy(&cfg);
  return !ok;
}

int main(int argc, char **argv)
{
  if (argc < 2) return fprintf(stderr, "usage: %s CASE.yaml\n", argv[0]), 2;
  int bad = one(argv[1], NAN, "NaN") + one(argv[1], INFINITY, "+Inf");
  printf("%s\n", bad ? "FAIL" : "PASS");
  return bad ? 1 : 0;
}
