/* test_mech_bad — every file in tests/mech_bad/ is refused with ONE line "FILE:LINE: item: problem"
 * naming the expected line and problem, a non-zero status and no mechanism. */
#include "as_mech.h"
#include <stdio.h>
#include <string.h>

static const struct {
  const char *file;
  int line;
  const char *problem;
} cases[] = {
    {"tests/mech_bad/unknown_species.eqn", 10, "unknown species 'XNO2'"},
    {"tests/mech_bad/unbalanced.eqn", 8, "unbalanced reaction"},
    {"tests/mech_bad/unparseable.eqn", 6, "cannot parse reaction"},
    {"tests/mech_bad/missing_param.eqn", 5, "missing parameter"},
    {"tests/mech_bad/extra_param.eqn", 5, "extra parameter"},
    {"tests/mech_bad/unknown_law.eqn", 5, "unknown rate law"},
};

int main(void)
{
  int fails = 0;
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
    AsMech *m = NULL;
    as_error_clear();
    AsStatus s = as_mech_load(cases[c].file, &m);
    const char *msg = as_error_message();
    char prefix[300];
    snprintf(prefix, sizeof prefix, "%s:%d: ", cases[c].file, cases[c].line);
    int ok = s != AS_OK && m == NULL && strncmp(msg, prefix, strlen(prefix)) == 0 &&
             strstr(msg, cases[c].problem) != NULL && strchr(msg, '\n') == NULL;
    printf("%s status %d: %s\n", ok ? "ok  " : "FAIL", (int)s, msg);
    fails += !ok;
    as_mech_destroy(&m);
  }
  printf("%zu of %zu bad mechanism files refused with the expected one-line message\n",
         sizeof cases / sizeof cases[0] - (size_t)fails, sizeof cases / sizeof cases[0]);
  printf("%s\n", fails ? "FAIL" : "PASS");
  return fails ? 1 : 0;
}
