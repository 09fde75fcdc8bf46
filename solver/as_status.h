/* as_status.h — the one list of status codes, the error record and the check macro.
 *
 * Style (PETSc PetscCall, SUNDIALS sundials_errors.h): every fallible call returns AsStatus and is
 * checked on one line with AS_CALL(...). The library never prints or exits: the first failure
 * records ONE message "FILE:LINE: item: problem" (FILE:LINE of the *input* file when known, else the
 * input file name alone) with as_error(), and main() prints it once.
 */
#ifndef AS_STATUS_H
#define AS_STATUS_H
#include <stdarg.h>

/* X-macro: code, text. */
#define AS_STATUS_LIST(X)                                  \
  X(AS_OK, "ok")                                           \
  X(AS_ERR_ARG, "invalid argument")                        \
  X(AS_ERR_MEM, "out of memory")                           \
  X(AS_ERR_IO, "input/output error")                       \
  X(AS_ERR_CONFIG, "configuration error")                  \
  X(AS_ERR_UNITS, "unit error")                            \
  X(AS_ERR_DATA, "bad input data")                         \
  X(AS_ERR_DOMAIN, "outside the model domain")             \
  X(AS_ERR_NUMERIC, "numerical failure")                   \
  X(AS_ERR_LIB, "library error")                           \
  X(AS_ERR_NOTIMPL, "not implemented")

typedef enum {
#define AS_X(code, text) code,
  AS_STATUS_LIST(AS_X)
#undef AS_X
} AsStatus;

const char *as_status_text(AsStatus s);

/* Record the first error: where is the input location ("wcs.yaml:12" or "met.nc" or "" for none),
 * item is the key path / variable / facility the problem concerns. Later calls do not overwrite an
 * already recorded message (the first failure is the root cause). Returns s, so one can write
 *   return as_error(AS_ERR_DATA, "pts.csv:7", "stack_height", "negative value %g m", h);       */
AsStatus as_error(AsStatus s, const char *where, const char *item, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* The recorded one-line message ("" if none) and reset. */
const char *as_error_message(void);
void as_error_clear(void);

/* Check a call; on failure return its status from the enclosing function (the message was recorded
 * by the failing callee; AS_CALL adds nothing so the user sees one line). */
#define AS_CALL(expr)                  \
  do {                                 \
    AsStatus as_call_s_ = (expr);      \
    if (as_call_s_ != AS_OK) return as_call_s_; \
  } while (0)

/* Allocation that records an error and returns AS_ERR_MEM from the enclosing function. */
#define AS_MALLOC(ptr, count)                                                              \
  do {                                                                                     \
    size_t as_n_ = (size_t)(count);                                                        \
    (ptr) = as_n_ ? calloc(as_n_, sizeof *(ptr)) : NULL;                                   \
    if (as_n_ && !(ptr))                                                                   \
      return as_error(AS_ERR_MEM, "", #ptr, "cannot allocate %zu elements", as_n_);        \
  } while (0)

#endif
