/* test_mech_parse — inputs/mechanisms/cb6r5.eqn loads; the Jacobian pattern is valid CSR (columns
 * sorted, diagonal present, nnz consistent) and every species takes part in at least one reaction
 * (f or J has an entry off the bare diagonal for it). Prints the counts it found. */
#include "as_mech.h"
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
  const char *path = argc > 1 ? argv[1] : "inputs/mechanisms/cb6r5.eqn";
  AsMech *m = NULL;
  if (as_mech_load(path, &m) != AS_OK) {
    printf("FAIL: %s\n", as_error_message());
    return 1;
  }
  const AsOdeSystem *sys = as_mech_system(m);
  int n = as_mech_nspec(m), bad = 0;
  printf("%s: %d species, %d reactions, Jacobian %d non-zeros (%.1f %% of %d x %d), max MCM J %d\n", path, n,
         as_mech_nreact(m), sys->nnz, 100.0 * sys->nnz / ((double)n * n), n, n, as_mech_max_jnumber(m));
  if (sys->n != n || sys->row_ptr[0] != 0 || sys->row_ptr[n] != sys->nnz) bad++;
  int *used = calloc((size_t)n, sizeof *used);
  for (int i = 0; i < n; i++) {
    int diag = 0;
    for (int e = sys->row_ptr[i]; e < sys->row_ptr[i + 1]; e++) {
      int j = sys->col_idx[e];
      if (e > sys->row_ptr[i] && j <= sys->col_idx[e - 1]) bad++;
      if (j == i) diag = 1;
      else used[i] = used[j] = 1;
    }
    if (!diag) bad++;
  }
  int unused = 0;
  for (int i = 0; i < n; i++)
    if (!used[i]) {
      printf("  species %s takes part in no reaction\n", as_mech_species_name(m, i));
      unused++;
    }
  printf("pattern errors %d, species without reactions %d\n", bad, unused);
  free(used);
  int ok = bad == 0 && unused == 0 && n > 0 && as_mech_nreact(m) > 0 && as_mech_species_index(m, "O3") >= 0 &&
           as_mech_species_index(m, "NOT_A_SPECIES") == -1;
  as_mech_destroy(&m);
  printf("%s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
