/* as_status.c — status texts and the single recorded error message. */
#include "as_status.h"
#include <stdio.h>
#include <string.h>

static const char *as_texts[] = {
#define AS_X(code, text) text,
    AS_STATUS_LIST(AS_X)
#undef AS_X
};

static char as_msg[2048];
static int as_have_msg;

const char *as_status_text(AsStatus s)
{
  if ((int)s < 0 || (size_t)s >= sizeof as_texts / sizeof as_texts[0]) return "unknown status";
  return as_texts[s];
}

AsStatus as_error(AsStatus s, const char *where, const char *item, const char *fmt, ...)
{
  if (as_have_msg) return s;
#pragma omp critical(as_error_record)
  {
    if (!as_have_msg) {
      char body[1536];
      va_list ap;
      va_start(ap, fmt);
      vsnprintf(body, sizeof body, fmt, ap);
      va_end(ap);
      int n = 0;
      if (where && *where) n += snprintf(as_msg + n, sizeof as_msg - (size_t)n, "%s: ", where);
      if (item && *item) n += snprintf(as_msg + n, sizeof as_msg - (size_t)n, "%s: ", item);
      snprintf(as_msg + n, sizeof as_msg - (size_t)n, "%s", body);
      /* one line: fold any newline a library message carried */
      for (char *p = as_msg; *p; p++)
        if (*p == '\n' || *p == '\r') *p = ' ';
      as_have_msg = 1;
    }
  }
  return s;
}

const char *as_error_message(void) { return as_have_msg ? as_msg : ""; }

void as_error_clear(void)
{
  as_have_msg = 0;
  as_msg[0] = 0;
}
