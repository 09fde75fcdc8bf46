/* test_ros_noalloc.c — as_ros_integrate performs no heap allocation: malloc/calloc/realloc are
 * interposed (glibc __libc_* entry points) and counted around 100 integrate calls on Robertson's
 * problem. Claim: zero allocations inside integrate (all scratch is made in create). */
#include "as_rosenbrock.h"
#include <stddef.h>
#include <stdio.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
static long n_alloc;
void *malloc(size_t n) { n_alloc++; return __libc_malloc(n); }
void *calloc(size_t a, size_t b) { n_alloc++; return __libc_calloc(a, b); }
void *realloc(void *p, size_t n) { n_alloc++; return __libc_realloc(p, n); }

static const int rp[4] = {0, 3, 6, 8};
static const int ci[8] = {0, 1, 2, 0, 1, 2, 1, 2};
static void fun(void *ctx, const double *y, double *f)
{
  (void)ctx;
  const double r1 = 0.04 * y[0], r2 = 1e4 * y[1] * y[2], r3 = 3e7 * y[1] * y[1];
  f[0] = -r1 + r2, f[1] = r1 - r2 - r3, f[2] = r3;
}
static void jac(void *ctx, const double *y, double *j)
{
  (void)ctx;
  j[0] = -0.04, j[1] = 1e4 * y[2], j[2] = 1e4 * y[1];
  j[3] = 0.04, j[4] = -1e4 * y[2] - 6e7 * y[1], j[5] = -1e4 * y[1];
  j[6] = 6e7 * y[1], j[7] = 0.0;
}

int main(void)
{
  const AsOdeSystem sys = {3, 8, rp, ci, fun, jac};
  const char *methods[2] = {"ros3", "rodas3"};
  int fail = 0;
  for (int m = 0; m < 2; m++) {
    AsRos *ros = NULL;
    long before_create = n_alloc;
    if (as_ros_create(&sys, methods[m], &ros) != AS_OK) return 1;
    long in_create = n_alloc - before_create, steps = 0;
    double y[3] = {1, 0, 0}, h = 0.0, atol[3] = {1e-12, 1e-12, 1e-12};
    long before = n_alloc;
    for (int call = 0; call < 100; call++) {
      AsOdeStats st;
      if (as_ros_integrate(ros, NULL, y, 10.0, 1e-5, atol, &h, &st) != AS_OK) return 1;
      steps += st.steps;
    }
    long during = n_alloc - before;
    printf("%-6s create: %ld allocations; 100 integrate calls (%ld steps): %ld allocations (limit 0)\n",
           methods[m], in_create, steps, during);
    fail |= during != 0 || steps == 0;
    as_ros_destroy(&ros);
  }
  printf("%s\n", fail ? "FAIL" : "PASS");
  return fail;
}
