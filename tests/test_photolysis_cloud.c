/* test_photolysis_cloud.c — cloud factor (Kasten & Czeplak 1980, 1 - 0.75 c^3.4): exactly 1 at
 * cloud 0 for every sun angle, 0.25 at overcast, within [0.25, 1] and non-increasing in cloud cover
 * on a fine grid; out-of-range cover is clamped (bounded). */
#include "as_photolysis.h"
#include <math.h>
#include <stdio.h>

int main(void)
{
  int fail = 0, nonmono = 0, outside = 0, n = 0;
  double lo_f = 1e9, hi_f = -1e9, f0max = 0;
  for (int k = 0; k <= 20; k++) {
    double mu = -0.2 + 1.2 * k / 20.0;
    f0max = fmax(f0max, fabs(as_phot_cloud_factor(0, mu) - 1));
    double prev = as_phot_cloud_factor(0, mu);
    for (int i = 1; i <= 1000; i++, n++) {
      double f = as_phot_cloud_factor(i / 1000.0, mu);
      nonmono += f > prev;
      outside += !(f >= 0.25 && f <= 1);
      lo_f = fmin(lo_f, f);
      hi_f = fmax(hi_f, f);
      prev = f;
    }
  }
  printf("cloud 0: max |factor - 1| = %g over 21 sun angles  %s\n", f0max, f0max == 0 ? "ok" : "FAIL");
  printf("%d samples: factor in [%.4f, %.4f] (need [0.25, 1]), %d increases with cover (need 0)  %s\n", n, lo_f,
         hi_f, nonmono, outside == 0 && nonmono == 0 ? "ok" : "FAIL");
  double f1 = as_phot_cloud_factor(1, 0.5), fh = as_phot_cloud_factor(0.5, 0.5);
  printf("overcast %.4f (expect 0.25), half cover %.4f (expect 1-0.75*0.5^3.4 = %.4f)  %s\n", f1, fh,
         1 - 0.75 * pow(0.5, 3.4), fabs(f1 - 0.25) < 1e-12 ? "ok" : "FAIL");
  double lo = as_phot_cloud_factor(-0.3, 0.5), hi = as_phot_cloud_factor(1.7, 0.5), na = as_phot_cloud_factor(NAN, 0.5);
  printf("clamped: cover -0.3 -> %.4f, 1.7 -> %.4f, NaN -> %.4f  %s\n", lo, hi, na,
         lo == 1 && hi == f1 && na == 1 ? "ok" : "FAIL");
  fail = f0max != 0 || outside || nonmono || fabs(f1 - 0.25) >= 1e-12 || lo != 1 || hi != f1 || na != 1;
  printf("%s\n", fail ? "FAIL" : "PASS");
  return fail;
}
