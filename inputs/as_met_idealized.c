/* as_met_idealized.c — "idealized" source: uniform wind plus optional solid-body rotation,
 * constant eddy diffusivities, fixed mixing height; every value set in the case file.
 *
 * The wind is defined in grid (projected) coordinates, so the fluxes use projected face lengths:
 *     fx = rho_ref[k] dz[k] (dy u - (psi_NW - psi_SW)),   fy = rho_ref[k] dz[k] (dx v + (psi_SE - psi_SW))
 * with the streamfunction psi = Omega/2 ((x-xc)^2 + (y-yc)^2) on cell corners, (u, v) = (-dpsi/dy,
 * dpsi/dx) = Omega (-(y-yc), x-xc): a counter-clockwise rotation about the domain centre for
 * Omega > 0. The discrete divergence is then zero by construction (exactly for the uniform part,
 * to round-off for the rotation: each corner value enters with + and -). fz = 0.
 * Thermodynamics: T(z) = T_s - 6.5 K/km z, hydrostatic p from p_s, rho = p / (R_d T), q_v from
 * the given relative humidity (Bolton 1980 saturation pressure).
 */
#include "as_met_impl.h"
#include <math.h>
#include <stdlib.h>

typedef struct {
  double u, v, kh, kz, kz_above, hmix, temp, pres, ustar, precip, rh, swdown, cloud, omega, hfx;
} Ideal;

static AsStatus ideal_create(AsMet *met, AsConfig *cfg, void **data)
{
  (void)met;
  Ideal *p;
  AS_MALLOC(p, 1);
  *p = (Ideal){.u = 0, .v = 0, .kh = 0, .kz = 0, .kz_above = 0.1, .hmix = 1000, .temp = 288.15,
               .pres = 101325, .ustar = 0.3, .precip = 0, .rh = 0.7, .swdown = 0, .cloud = 0,
               .omega = 0, .hfx = 0};
  *data = p;
  const struct { const char *key, *unit; double lo, hi; double *v; } keys[] = {
      {"meteorology.idealized.u", "m/s", -100, 100, &p->u},
      {"meteorology.idealized.v", "m/s", -100, 100, &p->v},
      {"meteorology.idealized.kh", "m2/s", 0, 1e6, &p->kh},
      {"meteorology.idealized.kz", "m2/s", 0, 1e4, &p->kz},
      {"meteorology.idealized.kz_above", "m2/s", 0, 1e4, &p->kz_above},
      {"meteorology.idealized.mixing_height", "m", 0, 1e5, &p->hmix},
      {"meteorology.idealized.temperature", "K", 150, 350, &p->temp},
      {"meteorology.idealized.pressure", "Pa", 5e4, 1.2e5, &p->pres},
      {"meteorology.idealized.ustar", "m/s", 0, 5, &p->ustar},
      {"meteorology.idealized.precip", "mm/h", 0, 500, &p->precip},
      {"meteorology.idealized.relative_humidity", "1", 0, 1, &p->rh},
      {"meteorology.idealized.swdown", "W/m2", 0, 1500, &p->swdown},
      {"meteorology.idealized.cloud", "1", 0, 1, &p->cloud},
      {"meteorology.idealized.rotation", "rad/s", -1, 1, &p->omega},
      {"meteorology.idealized.hfx", "W/m2", -500, 1000, &p->hfx},
  };
  for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
    AS_CALL(as_config_get_quantity(cfg, keys[i].key, 0, keys[i].unit, keys[i].lo, keys[i].hi,
                                   keys[i].v));
  return AS_OK;
}

/* saturation vapour pressure over water, Pa (Bolton 1980, eq. 10), T in K */
static double esat(double t) { return 611.2 * exp(17.67 * (t - 273.15) / (t - 29.65)); }

static AsStatus ideal_snapshot(AsMet *met, void *data, double t, AsMetState *st)
{
  (void)t;
  const Ideal *p = data;
  const AsGrid *g = met->g;
  const int nx = g->nx, ny = g->ny, nz = g->nz;
  const long nxy = (long)nx * ny;
  const double xc = 0.5 * (nx - 1), yc = 0.5 * (ny - 1), om = p->omega;
  const double dx = g->dx, dy = g->dy;
  /* psi at corner (i-1/2, j-1/2) relative to the centre, m2 s-1 */
#define PSI(i, j) (0.5 * om * (((i) - 0.5 - xc) * dx * ((i) - 0.5 - xc) * dx + \
                               ((j) - 0.5 - yc) * dy * ((j) - 0.5 - yc) * dy))
#pragma omp parallel for schedule(static)
  for (int k = 0; k < nz; k++) {
    const double rdz = met->rho_ref[k] * g->dz[k];
    for (int j = 0; j < ny; j++)
      for (int i = 0; i <= nx; i++)
        st->fx[((long)k * ny + j) * (nx + 1) + i] = rdz * (dy * p->u - (PSI(i, j + 1) - PSI(i, j)));
    for (int j = 0; j <= ny; j++)
      for (int i = 0; i < nx; i++)
        st->fy[((long)k * (ny + 1) + j) * nx + i] = rdz * (dx * p->v + (PSI(i + 1, j) - PSI(i, j)));
  }
#undef PSI
  const double Rd = 287.053, g0 = 9.80665, gam = 0.0065;
  for (long c = 0; c < nxy * (nz + 1); c++) {
    st->fz[c] = 0.0;
    st->kz[c] = 0.0;
  }
  for (int k = 1; k < nz; k++) {
    double kz = g->z_face[k] < p->hmix ? p->kz : p->kz_above;
    for (long c = 0; c < nxy; c++) st->kz[k * nxy + c] = kz;
  }
  for (int k = 0; k < nz; k++) {
    double z = g->z_mid[k], tk = p->temp - gam * z;
    double pk = p->pres * pow(tk / p->temp, g0 / (Rd * gam));
    double e = p->rh * esat(tk), qv = 0.622 * e / (pk - 0.378 * e);
    for (int j = 0; j < ny; j++)
      for (int i = 0; i < nx; i++) {
        long c2 = (long)j * nx + i, c = k * nxy + c2;
        st->u[c] = p->u - om * (j - yc) * dy;
        st->v[c] = p->v + om * (i - xc) * dx;
        st->w[c] = 0.0;
        st->temp[c] = tk;
        st->pres[c] = pk;
        st->rho[c] = pk / (Rd * tk * (1.0 + 0.608 * qv));
        st->qv[c] = qv;
        st->kh[c] = p->kh;
        st->cloud_lwc[c] = 0.0;
      }
  }
  for (long c = 0; c < nxy; c++) {
    st->pblh[c] = p->hmix;
    st->ustar[c] = p->ustar;
    st->hfx[c] = p->hfx;
    st->obukhov[c] = 1e6; /* neutral */
    st->t2[c] = p->temp - gam * 2.0;
    st->rh2[c] = p->rh;
    st->u10[c] = st->u[c];
    st->v10[c] = st->v[c];
    st->precip[c] = p->precip;
    st->swdown[c] = p->swdown;
    st->cloud[c] = p->cloud;
    st->z0[c] = met->z0[c];
  }
  return AS_OK;
}

static void ideal_view(const AsMet *met, const void *data, FILE *f)
{
  (void)met;
  const Ideal *p = data;
  fprintf(f, "  idealized: u %g v %g m/s, rotation %g rad/s, kh %g, kz %g (above %g m: %g) m2/s\n",
          p->u, p->v, p->omega, p->kh, p->kz, p->hmix, p->kz_above);
}

static void ideal_destroy(void *data) { free(data); }

const AsMetSourceOps as_met_idealized_ops = {"idealized", ideal_create, ideal_snapshot, ideal_view,
                                             ideal_destroy};
