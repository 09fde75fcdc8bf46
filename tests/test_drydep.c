/* test_drydep.c — deposition velocities (solver/as_drydep.c) in documented plausible ranges:
 * SO2 over crops on a summer day 0.5-1 cm/s (Wesely 1989 Fig.; Seinfeld & Pandis 2016 Table 19.1
 * gives 0.1-2 cm/s over vegetation), lower at night; a 0.3 um particle 0.05-0.3 cm/s over grass/
 * crop (Zhang et al. 2001 Fig. 2); the particle vd curve has its minimum between 0.1 and 2 um;
 * deposit = 0 gives 0. */
#include "as_drydep.h"
#include <stdio.h>
#include <string.h>

static AsSpecies gas(const char *name, double m, double h, double f0, double d)
{
  AsSpecies s;
  memset(&s, 0, sizeof s);
  strcpy(s.name, name);
  s.phase = AS_PHASE_GAS;
  s.molar_mass = m;
  s.henry = h;
  s.f0 = f0;
  s.diffusivity = d;
  s.deposit = 1;
  return s;
}

static AsSpecies particle(double dp)
{
  AsSpecies s;
  memset(&s, 0, sizeof s);
  strcpy(s.name, "PM");
  s.phase = AS_PHASE_AEROSOL;
  s.diameter = dp;
  s.density = 1500;
  s.deposit = 1;
  return s;
}

int main(void)
{
  int fail = 0;
  AsDepSurface day = {.landuse = AS_LU_CROP, .month = 7, .ustar = 0.4, .obukhov = -50,
                      .zref = 10, .z0 = 0.1, .t2 = 298.15, .swdown = 600, .wet = 0};
  AsDepSurface night = day;
  night.swdown = 0;
  night.obukhov = 50;
  night.ustar = 0.15;
  night.t2 = 293.15;
  AsSpecies so2 = gas("SO2", 64.07, 1e5, 0.0, 1.26e-5); /* Wesely 1989 Table 2: H* 1e5, f0 0 */
  AsSpecies no2 = gas("NO2", 46.0, 0.01, 0.1, 1.39e-5);
  AsSpecies nh3 = gas("NH3", 17.03, 2e4, 0.0, 2.2e-5);
  double vs = as_drydep_velocity(&so2, &day), vsn = as_drydep_velocity(&so2, &night);
  printf("SO2 crop July noon: Ra %.1f Rb %.1f Rc %.1f s/m -> vd %.3f cm/s (need 0.5-1.0); night "
         "%.3f cm/s (need lower)\n", as_drydep_ra(&day), as_drydep_rb_gas(&day, 1.26e-5),
         as_drydep_rc_gas(&day, &so2), 100 * vs, 100 * vsn);
  fail |= !(vs >= 0.005 && vs <= 0.01) || !(vsn < vs);
  double vn = as_drydep_velocity(&no2, &day), va = as_drydep_velocity(&nh3, &day);
  printf("NO2 %.3f cm/s (need 0.05-0.8), NH3 %.3f cm/s (need 0.3-2) crop July noon\n", 100 * vn,
         100 * va);
  fail |= !(vn >= 5e-4 && vn <= 8e-3) || !(va >= 3e-3 && va <= 0.02);
  const char *lun[AS_LU_NCAT] = {"urban", "crop", "forest", "water", "grass"};
  double d[6] = {0.01e-6, 0.1e-6, 0.3e-6, 1e-6, 2.5e-6, 10e-6};
  printf("particle vd (cm/s), u*=0.4 July noon:\n  d(um)   ");
  for (int i = 0; i < 6; i++) printf("%9.2f", d[i] * 1e6);
  printf("\n");
  for (int lu = 0; lu < AS_LU_NCAT; lu++) {
    AsDepSurface sf = day;
    sf.landuse = lu;
    printf("  %-7s ", lun[lu]);
    double v[6];
    for (int i = 0; i < 6; i++) {
      AsSpecies p = particle(d[i]);
      v[i] = as_drydep_velocity(&p, &sf);
      printf("%9.4f", 100 * v[i]);
    }
    printf("\n");
    /* U-shaped: minimum in the accumulation mode */
    if (!(v[0] > v[2] && v[5] > v[2])) fail = 1;
    if ((lu == AS_LU_CROP || lu == AS_LU_GRASS) && !(v[2] >= 5e-4 && v[2] <= 3e-3)) fail = 1;
  }
  AsSpecies off = particle(0.3e-6);
  off.deposit = 0;
  fail |= as_drydep_velocity(&off, &day) != 0.0;
  double vg = as_drydep_settling(10e-6, 1500, 293.15);
  printf("settling of a 10 um, 1500 kg/m3 particle: %.3f cm/s (Stokes: 0.46 cm/s)\n", 100 * vg);
  fail |= !(vg > 0.0044 && vg < 0.0048);
  printf("test_drydep: %s\n", fail ? "FAIL" : "ok");
  return fail;
}
