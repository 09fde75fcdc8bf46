/* as_model.c — the model: creation of its parts, the process table and one Strang step.
 *
 * Process order (one table; names are what the case file's "processes" list may contain):
 *
 *   #  name                   step   what
 *   0  emission               dt/2   point/area/line/gridded sources into the cells
 *   1  advection_horizontal   dt/2   PPM, x then y (y then x on the way back)
 *   2  advection_vertical     dt/2   PPM on the layers, restores the air mass
 *   3  diffusion_horizontal   dt/2   explicit K_h
 *   4  diffusion_vertical     dt/2   implicit K_z with dry deposition
 *   5  wet_deposition         dt/2   in-cloud and below-cloud scavenging by rain
 *   6  aerosol                dt/2   cloud sulfate, SO4/NO3/NH4/H2O equilibrium, SOA partitioning
 *   7  chemistry              dt     gas-phase mechanism in every cell (centre of the step)
 *   then 6, 5, 4, 3, 2, 1, 0 again with dt/2 (reverse = 1)
 *
 * "wet_deposition", "aerosol" and "chemistry" are in the default table only when the case file has
 * their section;
 * the last entry present is the centre. Symmetric (Strang 1968) splitting keeps the splitting error
 * second order in dt. After every process the state is checked for non-finite values (one line
 * naming the process, the species and the cell).
 */
#include "as_model.h"
#include "as_process_aero.h"
#include "as_process_chem.h"
#include "as_process_wetdep.h"
#include "as_transport.h"
#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

extern const AsProcessOps as_proc_emission;

static const AsProcessOps *const as_registry[] = {
    &as_proc_emission, &as_proc_hadv, &as_proc_vadv, &as_proc_hdiff, &as_proc_vdiff,
    &as_proc_wet_deposition, &as_proc_aerosol, &as_proc_chemistry,
};

static const char *const as_default_order[] = {
    "emission", "advection_horizontal", "advection_vertical", "diffusion_horizontal",
    "diffusion_vertical", "wet_deposition", "aerosol", "chemistry",
};
/* default entries that need their own section in the case file */
static const char *const as_default_needs_section[] = {"wet_deposition", "aerosol", "chemistry"};

const AsProcessOps *as_process_find(const char *name)
{
  for (size_t i = 0; i < sizeof as_registry / sizeof as_registry[0]; i++)
    if (!strcmp(as_registry[i]->name, name)) return as_registry[i];
  return NULL;
}

static AsStatus as_model_processes(AsModel *m)
{
  const char **names = NULL;
  int n = 0;
  const char *defaults[sizeof as_default_order / sizeof as_default_order[0]];
  if (as_config_has(m->cfg, "processes")) {
    AS_CALL(as_config_get_string_list(m->cfg, "processes", 1, &names, &n));
  } else {
    for (size_t i = 0; i < sizeof as_default_order / sizeof as_default_order[0]; i++) {
      int keep = 1;
      for (size_t q = 0; q < sizeof as_default_needs_section / sizeof as_default_needs_section[0]; q++)
        if (!strcmp(as_default_order[i], as_default_needs_section[q]))
          keep = as_config_has(m->cfg, as_default_needs_section[q]);
      if (keep) defaults[n++] = as_default_order[i];
    }
  }
  char where[256];
  as_config_where(m->cfg, "processes", where, sizeof where);
  if (n < 1 || n > (int)(sizeof m->proc / sizeof m->proc[0])) {
    free(names);
    return as_error(AS_ERR_CONFIG, where, "processes", "needs 1 to %d entries, got %d",
                    (int)(sizeof m->proc / sizeof m->proc[0]), n);
  }
  for (int p = 0; p < n; p++) {
    const char *name = names ? names[p] : defaults[p];
    const AsProcessOps *ops = as_process_find(name);
    if (!ops) {
      free(names);
      return as_error(AS_ERR_CONFIG, where, "processes", "unknown process '%s'", name);
    }
    m->proc[p].ops = ops;
    m->proc[p].data = NULL;
    m->proc[p].seconds = 0;
    m->nproc = p + 1;
  }
  free(names);
  /* Mass-consistent splitting (Easter 1993) holds the air mass between the sweeps: horizontal
   * advection enters at rho_ref*V on the way out and leaves the column to the vertical sweep that
   * must come right after it; on the way back the vertical sweep runs first. So the two go
   * together, vertical directly after horizontal, and neither is the centre (full-step) entry. */
  int ih = -1, iv = -1;
  for (int p = 0; p < m->nproc; p++) {
    for (int q = 0; q < p; q++)
      if (m->proc[q].ops == m->proc[p].ops)
        return as_error(AS_ERR_CONFIG, where, "processes", "'%s' appears twice",
                        m->proc[p].ops->name);
    if (m->proc[p].ops == &as_proc_hadv) ih = p;
    if (m->proc[p].ops == &as_proc_vadv) iv = p;
  }
  if ((ih >= 0 || iv >= 0) && (ih < 0 || iv != ih + 1 || iv == m->nproc - 1))
    return as_error(AS_ERR_CONFIG, where, "processes",
                    "advection_vertical must directly follow advection_horizontal and not be "
                    "the last (centre) process");
  for (int p = 0; p < m->nproc; p++)
    if (m->proc[p].ops->setup) AS_CALL(m->proc[p].ops->setup(&m->proc[p], m));
  return AS_OK;
}

AsStatus as_model_create(AsConfig *cfg, AsModel **out)
{
  AsModel *m;
  AS_MALLOC(m, 1);
  *out = m;
  m->cfg = cfg;
  AS_CALL(as_config_get_time(cfg, "time.start", 1, &m->t_start));
  m->t = m->t_start;
  if (fmod(m->t_start, 3600.0) != 0) {
    char where[256];
    return as_error(AS_ERR_CONFIG, as_config_where(cfg, "time.start", where, sizeof where),
                    "time.start", "must be on a whole hour");
  }
  m->dt = 300;
  AS_CALL(as_config_get_quantity(cfg, "time.step", 0, "s", 1, 3600, &m->dt));
  if (fmod(3600.0, m->dt) != 0) {
    char where[256];
    return as_error(AS_ERR_CONFIG, as_config_where(cfg, "time.step", where, sizeof where),
                    "time.step", "%g s does not divide one hour", m->dt);
  }
  AS_CALL(as_grid_create(cfg, &m->grid));
  AS_CALL(as_species_create(cfg, &m->spc));
  AS_CALL(as_met_create(cfg, m->grid, &m->met));
  AS_CALL(as_emis_create(cfg, m->grid, m->met, m->spc, &m->emis));
  AS_CALL(as_boundary_create(cfg, m->grid, m->spc, &m->bc));
  const AsGrid *g = m->grid;
  m->nspec = m->spc->n;
  m->ncell = as_grid_ncell(g);
  long ncol = (long)g->nx * g->ny;
  AS_MALLOC(m->c, (size_t)m->nspec * (size_t)m->ncell);
  AS_MALLOC(m->emis_rate, (size_t)m->nspec * (size_t)m->ncell);
  AS_MALLOC(m->vdep, (size_t)m->nspec * (size_t)ncol);
  AS_MALLOC(m->volume, m->ncell);
  for (int k = 0; k < g->nz; k++)
    for (long col = 0; col < ncol; col++) m->volume[k * ncol + col] = g->area[col] * g->dz[k];
  AS_CALL(as_budget_create(m->nspec, &m->budget));
  AS_CALL(as_met_state_alloc(g, &m->ms));
  AS_CALL(as_model_processes(m));
  /* initial condition: the regional background at the start */
  AS_CALL(as_met_update(m->met, m->t, &m->ms));
  AS_CALL(as_boundary_update(m->bc, m->t, &m->ms));
  AS_CALL(as_boundary_initial(m->bc, m->t, &m->ms, m->c));
  double *mass;
  AS_MALLOC(mass, m->nspec);
  for (int s = 0; s < m->nspec; s++) mass[s] = as_model_species_mass(m, s);
  as_budget_reset(&m->budget, mass);
  free(mass);
  return AS_OK;
}

/* the first non-finite concentration (species order, then cell order) after process p: one line */
static AsStatus as_model_check_finite(const AsModel *m, int p)
{
  long first = -1;
  int sbad = -1;
  /* fast test first: x - x is 0 for finite x and NaN otherwise; one serial sweep costs ~1 ns per value */
  const size_t ntot = (size_t)m->nspec * (size_t)m->ncell;
  double probe = 0;
  for (size_t i = 0; i < ntot; i++) probe += m->c[i] - m->c[i];
  if (probe == 0) return AS_OK;
  for (int s = 0; s < m->nspec && sbad < 0; s++) {
    const double *c = m->c + (size_t)s * (size_t)m->ncell;
    for (long i = 0; i < m->ncell; i++)
      if (!isfinite(c[i])) {
        sbad = s, first = i;
        break;
      }
  }
  if (sbad < 0) return AS_OK;
  const AsGrid *g = m->grid;
  char where[128];
  return as_error(AS_ERR_NUMERIC, as_grid_cell_name(g, first, where, sizeof where), m->spc->s[sbad].name, "non-finite concentration (%g) after process %s",
                  m->c[(size_t)sbad * (size_t)m->ncell + (size_t)first], m->proc[p].ops->name);
}

static AsStatus as_model_apply(AsModel *m, int p, double dt, int reverse)
{
  double t0 = omp_get_wtime();
  AsStatus s = m->proc[p].ops->apply(&m->proc[p], m, dt, reverse);
  if (!s) s = as_model_check_finite(m, p);
  m->proc[p].seconds += omp_get_wtime() - t0;
  return s;
}

AsStatus as_model_step(AsModel *m)
{
  const double dt = m->dt, tmid = m->t + 0.5 * dt;
  AS_CALL(as_met_update(m->met, tmid, &m->ms));
  AS_CALL(as_boundary_update(m->bc, tmid, &m->ms));
  AS_CALL(as_emis_rates(m->emis, tmid, &m->ms, m->emis_rate));
  const int n = m->nproc;
  for (int p = 0; p < n - 1; p++) AS_CALL(as_model_apply(m, p, 0.5 * dt, 0));
  AS_CALL(as_model_apply(m, n - 1, dt, 0));
  for (int p = n - 2; p >= 0; p--) AS_CALL(as_model_apply(m, p, 0.5 * dt, 1));
  m->nstep++;
  /* the clock advances by whole steps counted from the start: no drift from repeated sums */
  m->t = m->t_start + (double)m->nstep * dt;
  return AS_OK;
}

double as_model_species_mass(const AsModel *m, int s)
{
  const double *c = m->c + (size_t)s * (size_t)m->ncell;
  double sum = 0;
  for (long i = 0; i < m->ncell; i++) sum += c[i] * m->volume[i];
  return sum;
}

void as_model_view(const AsModel *m, FILE *f)
{
  as_grid_view(m->grid, f);
  fprintf(f, "species: %d (", m->nspec);
  for (int s = 0; s < m->nspec; s++) fprintf(f, "%s%s", s ? " " : "", m->spc->s[s].name);
  fprintf(f, ")\n");
  as_met_view(m->met, f);
  as_emis_view(m->emis, f);
  as_boundary_view(m->bc, f);
  fprintf(f, "step: %g s, Strang splitting over %d processes:", m->dt, m->nproc);
  for (int p = 0; p < m->nproc; p++) fprintf(f, " %s", m->proc[p].ops->name);
  fprintf(f, "\n");
  for (int p = 0; p < m->nproc; p++)
    if (m->proc[p].ops->view) m->proc[p].ops->view(&m->proc[p], f);
}

void as_model_destroy(AsModel **mp)
{
  if (!mp || !*mp) return;
  AsModel *m = *mp;
  for (int p = 0; p < m->nproc; p++)
    if (m->proc[p].ops->destroy) m->proc[p].ops->destroy(&m->proc[p]);
  as_met_state_free(&m->ms);
  as_budget_destroy(&m->budget);
  free(m->c);
  free(m->emis_rate);
  free(m->vdep);
  free(m->volume);
  as_boundary_destroy(&m->bc);
  as_emis_destroy(&m->emis);
  as_met_destroy(&m->met);
  as_species_destroy(&m->spc);
  as_grid_destroy(&m->grid);
  free(m);
  *mp = NULL;
}
