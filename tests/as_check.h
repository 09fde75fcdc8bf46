/* as_check.h — the checks of the small test programs: CHECK(cond, fmt, ...) counts a failure in
 * `fails` and prints one "FAIL: ..." line; OK(expr) stops the program when an airshed call does not
 * return AS_OK, printing the call and the one-line error. Each program ends with
 *   printf("%s\n", fails ? "FAIL" : "PASS"); return fails != 0; */
#ifndef AS_CHECK_H
#define AS_CHECK_H
#include "as_status.h"
#include <stdio.h>
#include <stdlib.h>

static int fails;
#define CHECK(cond, ...)            \
  do {                              \
    if (!(cond)) {                  \
      fails++;                      \
      printf("FAIL: " __VA_ARGS__); \
      printf("\n");                 \
    }                               \
  } while (0)
#define OK(expr)                                           \
  do {                                                     \
    if ((expr) != AS_OK) {                                 \
      printf("FAIL: %s: %s\n", #expr, as_error_message()); \
      exit(1);                                             \
    }                                                      \
  } while (0)

#endif
