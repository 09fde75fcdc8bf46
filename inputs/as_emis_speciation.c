/* as_emis_speciation.c — how inventory pollutants become model species, per sector.
 *
 * Without a speciation file every model species q with emitted_as = p takes the same factor e_q
 * (species table) from every sector. A speciation file (emissions.speciation, docs/config.md)
 * gives, per sector, the moles of model species per kg of pollutant:
 *
 *   sector,pollutant,species,factor[mol/kg]
 *   traffic,VOC,PAR,25.1          # traffic VOC: 25.1 mol PAR per kg NMVOC
 *   *,NOX,NO,19.56                # every sector without its own NOX rows
 *
 * and the mass factor used by the emission object is  e_{q,s} = factor * M_q / 1000  (g of q per g
 * of p; M_q the species' molar mass). For a pollutant, a sector's profile is its own rows if it has
 * any, else the "*" rows; a sector with neither emits none of that pollutant's species, which is
 * an error (it would silently drop mass). A species may come from one pollutant only and may not
 * also have emitted_as in the species table. Species of the file that are not in the species table
 * are an error too (a mechanism's speciation with the wrong species file).
 */
#include "as_emis_internal.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  int sec;      /* sector, -1 = "*" */
  int pol, spec;
  double molkg;
  int line;
} AsSpecRow;

static AsStatus read_rows(const char *path, const AsSpeciesTable *spc, const AsEmisProfiles *prof,
                          AsSpecRow **rows, int *nrows)
{
  AsCsv csv;
  AsCsvHeader hdr;
  AsStatus st = as_csv_open(path, &csv, &hdr);
  int cs = as_csv_col(&hdr, "sector"), cp = as_csv_col(&hdr, "pollutant"),
      cq = as_csv_col(&hdr, "species"), cf = as_csv_col(&hdr, "factor");
  double scale = 1, off = 0;
  if (!st && (cs < 0 || cp < 0 || cq < 0 || cf < 0))
    st = as_error(AS_ERR_DATA, path, "header", "needs columns sector, pollutant, species, factor[mol/kg]");
  if (!st) st = as_units_convert(hdr.unit[cf], "mol/kg", &scale, &off, path, "factor");
  int n = 0, cap = 0;
  AsSpecRow *r = NULL;
  while (!st && as_csv_next(&csv, &st)) {
    char where[1200];
    snprintf(where, sizeof where, "%s:%d", path, csv.line);
    if (n == cap) {
      cap = cap ? 2 * cap : 64;
      AsSpecRow *nr = realloc(r, (size_t)cap * sizeof *nr);
      if (!nr) { st = as_error(AS_ERR_MEM, where, "speciation", "out of memory"); break; }
      r = nr;
    }
    AsSpecRow *x = &r[n];
    x->line = csv.line;
    const char *sec = csv.field[cs], *pol = csv.field[cp], *sp = csv.field[cq];
    x->sec = strcmp(sec, "*") ? as_emis_sector_index(prof, sec) : -1;
    if (strcmp(sec, "*") && x->sec < 0) {
      st = as_error(AS_ERR_DATA, where, "sector", "unknown sector '%s' (not in the profiles file)", sec);
      break;
    }
    x->pol = as_emis_pollutant_index(pol);
    if (x->pol < 0) {
      st = as_error(AS_ERR_DATA, where, "pollutant", "'%s' is not an inventory pollutant", pol);
      break;
    }
    x->spec = as_species_index(spc, sp);
    if (x->spec < 0) {
      st = as_error(AS_ERR_DATA, where, "species", "'%s' is not in the species table", sp);
      break;
    }
    if (!(spc->s[x->spec].molar_mass > 0)) {
      st = as_error(AS_ERR_DATA, where, "species", "'%s' has no molar mass in the species table", sp);
      break;
    }
    if ((st = as_csv_number(&csv, cf, "factor", sp, &x->molkg))) break;
    x->molkg = x->molkg * scale + off;
    if (!(x->molkg >= 0) || !isfinite(x->molkg)) {
      st = as_error(AS_ERR_DATA, where, "factor", "must be a finite number >= 0, got %g", x->molkg);
      break;
    }
    n++;
  }
  as_csv_close(&csv, &hdr);
  if (st) {
    free(r);
    return st;
  }
  *rows = r;
  *nrows = n;
  return AS_OK;
}

AsStatus as_emis_speciation(const char *path, const AsSpeciesTable *spc, const AsEmisProfiles *prof,
                            int *spol, double *sfac)
{
  const int nsec = prof->nsec;
  for (int s = 0; s < spc->n; s++) {
    spol[s] = spc->s[s].emitted_as[0] ? as_emis_pollutant_index(spc->s[s].emitted_as) : -1;
    if (spc->s[s].emitted_as[0] && spol[s] < 0)
      return as_error(AS_ERR_DATA, "species", spc->s[s].name,
                      "emitted_as '%s' is not an inventory pollutant (SO2, NOX, CO, NH3, VOC, "
                      "PM25_EC, PM25_OC, PM25_OTHER)", spc->s[s].emitted_as);
    for (int k = 0; k < nsec; k++) sfac[(size_t)s * nsec + k] = spc->s[s].emission_factor;
  }
  if (!path) return AS_OK;
  AsSpecRow *r = NULL;
  int n = 0;
  AS_CALL(read_rows(path, spc, prof, &r, &n));
  AsStatus st = AS_OK;
  /* species: one pollutant, no emitted_as */
  for (int i = 0; i < n && !st; i++) {
    char where[1200];
    snprintf(where, sizeof where, "%s:%d", path, r[i].line);
    const AsSpecies *q = &spc->s[r[i].spec];
    if (q->emitted_as[0])
      st = as_error(AS_ERR_DATA, where, q->name, "also has emitted_as '%s' in the species table", q->emitted_as);
    for (int j = 0; j < i && !st; j++)
      if (r[j].spec == r[i].spec && r[j].pol != r[i].pol)
        st = as_error(AS_ERR_DATA, where, q->name, "comes from two pollutants (%s and %s)",
                      as_emis_pollutant_name[r[j].pol], as_emis_pollutant_name[r[i].pol]);
      else if (r[j].spec == r[i].spec && r[j].sec == r[i].sec)
        st = as_error(AS_ERR_DATA, where, q->name, "listed twice for the same sector (line %d)", r[j].line);
  }
  /* factors: zero every speciated species, then a sector's own rows or the "*" rows */
  for (int i = 0; i < n && !st; i++)
    for (int k = 0; k < nsec; k++) sfac[(size_t)r[i].spec * nsec + k] = 0, spol[r[i].spec] = r[i].pol;
  for (int p = 0; p < AS_EP_N && !st; p++) {
    int used = 0, star = 0;
    for (int i = 0; i < n; i++) used |= r[i].pol == p, star |= r[i].pol == p && r[i].sec < 0;
    if (!used) continue;
    for (int k = 0; k < nsec && !st; k++) {
      int own = 0;
      for (int i = 0; i < n; i++) own |= r[i].pol == p && r[i].sec == k;
      if (!own && !star)
        st = as_error(AS_ERR_DATA, path, prof->name[k], "no %s profile for this sector and no '*' profile",
                      as_emis_pollutant_name[p]);
      for (int i = 0; i < n && !st; i++)
        if (r[i].pol == p && r[i].sec == (own ? k : -1))
          sfac[(size_t)r[i].spec * nsec + k] = r[i].molkg * spc->s[r[i].spec].molar_mass * 1e-3;
    }
  }
  free(r);
  return st;
}
