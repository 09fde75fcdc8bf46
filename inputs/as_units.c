/* as_units.c — unit conversion through udunits2 (Unidata), for the case file and for NetCDF
 * units attributes.
 *
 * A conversion between two convertible units is affine:  v_to = v_from * scale + offset
 * (offset != 0 only for temperatures such as degC -> K). scale and offset are read off the
 * udunits2 converter as offset = cv(0), scale = cv(1) - cv(0).
 * Reference: udunits2 C API, https://docs.unidata.ucar.edu/udunits/current/udunits2lib.html
 *
 * One unit system, loaded once from the default XML database (ut_read_xml(NULL), which honours
 * UDUNITS2_XML_PATH) and kept until exit. udunits2 prints its own diagnostics on stderr unless
 * told not to: ut_set_error_message_handler(ut_ignore) keeps the library silent (house rule:
 * the library never prints). Loading is not thread-safe; configuration is read before any
 * parallel region.
 */
#include "as_config_impl.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <udunits2.h>

static ut_system *as_unit_system;

static ut_system *units_system(void)
{
  if (!as_unit_system) {
    ut_set_error_message_handler(ut_ignore);
    as_unit_system = ut_read_xml(NULL);
  }
  return as_unit_system;
}

/* Trimmed copy (udunits2 rejects surrounding blanks). */
static void trim_copy(const char *s, char *buf, size_t len)
{
  while (*s == ' ' || *s == '\t') s++;
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
  if (n >= len) n = len - 1;
  memcpy(buf, s, n);
  buf[n] = 0;
}

/* Internal (for as_config_get.c, declared in as_config_impl.h): 0 ok, 1 `from` unparseable,
 * 2 `to` unparseable, 3 not convertible, 4 unit database unavailable. */
int as_units_factor_(const char *from, const char *to, double *scale, double *offset)
{
  ut_system *sys = units_system();
  if (!sys) return 4;
  char f[256], t[256];
  trim_copy(from, f, sizeof f);
  trim_copy(to, t, sizeof t);
  ut_unit *uf = f[0] ? ut_parse(sys, f, UT_UTF8) : ut_get_dimensionless_unit_one(sys);
  if (!uf) return 1;
  ut_unit *ut = t[0] ? ut_parse(sys, t, UT_UTF8) : ut_get_dimensionless_unit_one(sys);
  if (!ut) {
    ut_free(uf);
    return 2;
  }
  int rc = 0;
  if (!ut_are_convertible(uf, ut)) {
    rc = 3;
  } else {
    cv_converter *cv = ut_get_converter(uf, ut);
    if (!cv) {
      rc = 3;
    } else {
      double c0 = cv_convert_double(cv, 0.0), c1 = cv_convert_double(cv, 1.0);
      *offset = c0;
      *scale = c1 - c0;
      cv_free(cv);
    }
  }
  ut_free(uf);
  ut_free(ut);
  return rc;
}

AsStatus as_units_convert(const char *from, const char *to, double *scale, double *offset,
                          const char *where, const char *item)
{
  if (!from || !*from)
    return as_error(AS_ERR_UNITS, where, item, "no units attribute (expected units convertible to '%s')",
                    to ? to : "");
  double sc = 1, of = 0;
  switch (as_units_factor_(from, to, &sc, &of)) {
  case 0: break;
  case 1: return as_error(AS_ERR_UNITS, where, item, "units '%s' cannot be parsed", from);
  case 2: return as_error(AS_ERR_ARG, where, item, "target units '%s' cannot be parsed", to);
  case 3:
    return as_error(AS_ERR_UNITS, where, item, "units '%s' are not convertible to '%s'", from, to);
  default:
    return as_error(AS_ERR_LIB, where, item, "udunits2: cannot read the unit database");
  }
  if (!isfinite(sc) || !isfinite(of))
    return as_error(AS_ERR_UNITS, where, item, "units '%s' give a non-finite factor to '%s'", from, to);
  *scale = sc;
  *offset = of;
  return AS_OK;
}
