/* as_checkpoint.c — HDF5 checkpoint of the model state (serial HDF5, hdf5.h 1.10).
 *
 * Contents (all doubles stored as IEEE little-endian 64-bit, so values round-trip bit for bit):
 *   /c                  [nspec][ncell]  concentrations, ug m-3 (the model's own layout)
 *   /t, /t_start, /dt   scalars, s;     /nstep  scalar int64
 *   /budget_term        [AS_BUD_NTERMS][nspec] ug;  /budget_mass_start [nspec] ug
 *   /chem_step          [ncell] s: the chemistry solver's carried internal step (only with the
 *                       chemistry process; without it a restart would not be bit-identical)
 *   attributes on "/":  format, source, nx, ny, nz, nspec, species (fixed-length strings)
 * Written to PATH.tmp and renamed over PATH when complete (rename(2) is atomic on POSIX), so the
 * previous checkpoint stays valid until the new one exists. On read, nx, ny, nz, nspec, the
 * species names and dt must match the model: otherwise one line naming the file and the item.
 * HDF5's own error printing is switched off; failures become one-line messages.
 */
#include "as_output.h"
#include "as_process_chem.h"
#include "as_version.h"
#include <errno.h>
#include <hdf5.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define AS_CKPT_FORMAT "airshed checkpoint 1"
#define AS_CKPT_NAMELEN 32

static AsStatus h5fail(const char *path, const char *item, const char *what)
{
  return as_error(AS_ERR_IO, path, item, "HDF5: cannot %s", what);
}

static AsStatus put_data(hid_t f, const char *path, const char *name, hid_t ftype, hid_t mtype,
                         int rank, const hsize_t *dims, const void *data)
{
  hid_t sp = rank ? H5Screate_simple(rank, dims, NULL) : H5Screate(H5S_SCALAR);
  hid_t ds = sp < 0 ? -1 : H5Dcreate2(f, name, ftype, sp, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  herr_t e = ds < 0 ? -1 : H5Dwrite(ds, mtype, H5S_ALL, H5S_ALL, H5P_DEFAULT, data);
  if (ds >= 0) H5Dclose(ds);
  if (sp >= 0) H5Sclose(sp);
  return e < 0 ? h5fail(path, name, "write the dataset") : AS_OK;
}

static AsStatus put_attr_int(hid_t f, const char *path, const char *name, int v)
{
  hid_t sp = H5Screate(H5S_SCALAR);
  hid_t a = H5Acreate2(f, name, H5T_STD_I32LE, sp, H5P_DEFAULT, H5P_DEFAULT);
  herr_t e = a < 0 ? -1 : H5Awrite(a, H5T_NATIVE_INT, &v);
  if (a >= 0) H5Aclose(a);
  H5Sclose(sp);
  return e < 0 ? h5fail(path, name, "write the attribute") : AS_OK;
}

/* n fixed-length strings of length len (n = 0: one scalar string) */
static AsStatus put_attr_str(hid_t f, const char *path, const char *name, int n, size_t len,
                             const char *buf)
{
  hid_t ty = H5Tcopy(H5T_C_S1);
  H5Tset_size(ty, len);
  H5Tset_strpad(ty, H5T_STR_NULLPAD);
  hsize_t d = (hsize_t)n;
  hid_t sp = n ? H5Screate_simple(1, &d, NULL) : H5Screate(H5S_SCALAR);
  hid_t a = H5Acreate2(f, name, ty, sp, H5P_DEFAULT, H5P_DEFAULT);
  herr_t e = a < 0 ? -1 : H5Awrite(a, ty, buf);
  if (a >= 0) H5Aclose(a);
  H5Sclose(sp);
  H5Tclose(ty);
  return e < 0 ? h5fail(path, name, "write the attribute") : AS_OK;
}

static AsStatus as_ckpt_fill(hid_t f, const AsModel *m, const char *path)
{
  const AsGrid *g = m->grid;
  char src[128];
  snprintf(src, sizeof src, "airshed %s (git %s)", AS_VERSION, AS_GIT_HASH);
  AS_CALL(put_attr_str(f, path, "format", 0, strlen(AS_CKPT_FORMAT) + 1, AS_CKPT_FORMAT));
  AS_CALL(put_attr_str(f, path, "source", 0, strlen(src) + 1, src));
  AS_CALL(put_attr_int(f, path, "nx", g->nx));
  AS_CALL(put_attr_int(f, path, "ny", g->ny));
  AS_CALL(put_attr_int(f, path, "nz", g->nz));
  AS_CALL(put_attr_int(f, path, "nspec", m->nspec));
  if (m->nspec > 0) {
    char *names = calloc((size_t)m->nspec, AS_CKPT_NAMELEN);
    if (!names) return as_error(AS_ERR_MEM, path, "species", "cannot allocate");
    for (int s = 0; s < m->nspec; s++)
      memcpy(names + (size_t)s * AS_CKPT_NAMELEN, m->spc->s[s].name,
             strnlen(m->spc->s[s].name, AS_CKPT_NAMELEN - 1));
    AsStatus st = put_attr_str(f, path, "species", m->nspec, AS_CKPT_NAMELEN, names);
    free(names);
    AS_CALL(st);
  }
  hsize_t dc[2] = {(hsize_t)m->nspec, (hsize_t)m->ncell};
  AS_CALL(put_data(f, path, "c", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, 2, dc, m->c));
  AS_CALL(put_data(f, path, "t", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, 0, NULL, &m->t));
  AS_CALL(put_data(f, path, "t_start", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, 0, NULL, &m->t_start));
  AS_CALL(put_data(f, path, "dt", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, 0, NULL, &m->dt));
  long long nstep = m->nstep;
  AS_CALL(put_data(f, path, "nstep", H5T_STD_I64LE, H5T_NATIVE_LLONG, 0, NULL, &nstep));
  hsize_t db[2] = {AS_BUD_NTERMS, (hsize_t)m->nspec}, dm = (hsize_t)m->nspec;
  AS_CALL(put_data(f, path, "budget_term", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, 2, db,
                   m->budget.term));
  AS_CALL(put_data(f, path, "budget_mass_start", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, 1, &dm,
                   m->budget.mass_start));
  AsChemData *chem = as_chem_data(m);
  hsize_t dh = (hsize_t)m->ncell;
  if (chem)
    AS_CALL(put_data(f, path, "chem_step", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, 1, &dh, as_chem_steps(chem)));
  return AS_OK;
}

AsStatus as_checkpoint_write(const AsModel *m, const char *path)
{
  H5Eset_auto2(H5E_DEFAULT, NULL, NULL);
  char tmp[4200];
  if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp)
    return as_error(AS_ERR_ARG, path, "checkpoint", "path too long");
  hid_t f = H5Fcreate(tmp, H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  if (f < 0) return as_error(AS_ERR_IO, tmp, "checkpoint", "HDF5: cannot create the file");
  AsStatus s = as_ckpt_fill(f, m, tmp);
  if (H5Fclose(f) < 0 && !s) s = h5fail(tmp, "checkpoint", "close the file");
  if (!s && rename(tmp, path))
    s = as_error(AS_ERR_IO, path, "checkpoint", "cannot rename from %s: %s", tmp, strerror(errno));
  if (s) unlink(tmp);
  return s;
}

/* ---- read ---- */
static AsStatus get_attr_int(hid_t f, const char *path, const char *name, int *v)
{
  hid_t a = H5Aexists(f, name) > 0 ? H5Aopen(f, name, H5P_DEFAULT) : -1;
  herr_t e = a < 0 ? -1 : H5Aread(a, H5T_NATIVE_INT, v);
  if (a >= 0) H5Aclose(a);
  return e < 0 ? as_error(AS_ERR_DATA, path, name, "missing or unreadable attribute") : AS_OK;
}

static AsStatus get_data(hid_t f, const char *path, const char *name, hid_t mtype, int rank,
                         const hsize_t *dims, void *data)
{
  hid_t ds = H5Lexists(f, name, H5P_DEFAULT) > 0 ? H5Dopen2(f, name, H5P_DEFAULT) : -1;
  if (ds < 0) return as_error(AS_ERR_DATA, path, name, "missing dataset");
  hid_t sp = H5Dget_space(ds);
  int r = sp < 0 ? -1 : H5Sget_simple_extent_ndims(sp);
  hsize_t d[4] = {0};
  if (r >= 0 && r <= 4) H5Sget_simple_extent_dims(sp, d, NULL);
  AsStatus s = AS_OK;
  if (r != rank) {
    s = as_error(AS_ERR_DATA, path, name, "rank %d, expected %d", r, rank);
  } else {
    for (int q = 0; q < rank && !s; q++)
      if (d[q] != dims[q])
        s = as_error(AS_ERR_DATA, path, name, "dimension %d is %llu, the model needs %llu", q,
                     (unsigned long long)d[q], (unsigned long long)dims[q]);
  }
  if (!s && H5Dread(ds, mtype, H5S_ALL, H5S_ALL, H5P_DEFAULT, data) < 0)
    s = h5fail(path, name, "read the dataset");
  if (sp >= 0) H5Sclose(sp);
  H5Dclose(ds);
  return s;
}

static AsStatus check_int(hid_t f, const char *path, const char *name, int want)
{
  int v = 0;
  AS_CALL(get_attr_int(f, path, name, &v));
  if (v != want) return as_error(AS_ERR_DATA, path, name, "checkpoint has %d, model has %d", v, want);
  return AS_OK;
}

static AsStatus as_ckpt_load(hid_t f, AsModel *m, const char *path)
{
  const AsGrid *g = m->grid;
  AS_CALL(check_int(f, path, "nx", g->nx));
  AS_CALL(check_int(f, path, "ny", g->ny));
  AS_CALL(check_int(f, path, "nz", g->nz));
  AS_CALL(check_int(f, path, "nspec", m->nspec));
  if (m->nspec > 0) {
    hid_t a = H5Aexists(f, "species") > 0 ? H5Aopen(f, "species", H5P_DEFAULT) : -1;
    if (a < 0) return as_error(AS_ERR_DATA, path, "species", "missing attribute");
    hid_t ty = H5Tcopy(H5T_C_S1);
    H5Tset_size(ty, AS_CKPT_NAMELEN);
    H5Tset_strpad(ty, H5T_STR_NULLPAD);
    char *names = calloc((size_t)m->nspec, AS_CKPT_NAMELEN);
    herr_t e = names ? H5Aread(a, ty, names) : -1;
    H5Tclose(ty);
    H5Aclose(a);
    AsStatus s = e < 0 ? as_error(AS_ERR_DATA, path, "species", "unreadable attribute") : AS_OK;
    for (int q = 0; q < m->nspec && !s; q++) {
      char nm[AS_CKPT_NAMELEN + 1] = {0};
      memcpy(nm, names + (size_t)q * AS_CKPT_NAMELEN, AS_CKPT_NAMELEN);
      if (strcmp(nm, m->spc->s[q].name))
        s = as_error(AS_ERR_DATA, path, "species",
                     "species %d is '%s' in the checkpoint, '%s' in the model", q + 1, nm,
                     m->spc->s[q].name);
    }
    free(names);
    AS_CALL(s);
  }
  double dt = 0, t = 0, t_start = 0;
  long long nstep = 0;
  AS_CALL(get_data(f, path, "dt", H5T_NATIVE_DOUBLE, 0, NULL, &dt));
  if (dt != m->dt)
    return as_error(AS_ERR_DATA, path, "dt", "checkpoint has %g s, model has %g s", dt, m->dt);
  AS_CALL(get_data(f, path, "t", H5T_NATIVE_DOUBLE, 0, NULL, &t));
  AS_CALL(get_data(f, path, "t_start", H5T_NATIVE_DOUBLE, 0, NULL, &t_start));
  AS_CALL(get_data(f, path, "nstep", H5T_NATIVE_LLONG, 0, NULL, &nstep));
  if (t_start != m->t_start)
    return as_error(AS_ERR_DATA, path, "t_start",
                    "checkpoint starts at %.0f s, the case at %.0f s (time.start differs)", t_start,
                    m->t_start);
  if (nstep < 0 || t != t_start + (double)nstep * dt || fmod(t - t_start, 3600.0) != 0)
    return as_error(AS_ERR_DATA, path, "t", "clock %.0f s is not a whole hour %lld steps after the start",
                    t, nstep);
  hsize_t dc[2] = {(hsize_t)m->nspec, (hsize_t)m->ncell};
  hsize_t db[2] = {AS_BUD_NTERMS, (hsize_t)m->nspec}, dm = (hsize_t)m->nspec;
  AS_CALL(get_data(f, path, "c", H5T_NATIVE_DOUBLE, 2, dc, m->c));
  AS_CALL(get_data(f, path, "budget_term", H5T_NATIVE_DOUBLE, 2, db, m->budget.term));
  AS_CALL(get_data(f, path, "budget_mass_start", H5T_NATIVE_DOUBLE, 1, &dm,
                   m->budget.mass_start));
  AsChemData *chem = as_chem_data(m);
  hsize_t dh = (hsize_t)m->ncell;
  if (chem) AS_CALL(get_data(f, path, "chem_step", H5T_NATIVE_DOUBLE, 1, &dh, as_chem_steps(chem)));
  m->t = t;
  m->t_start = t_start;
  m->nstep = (long)nstep;
  return AS_OK;
}

AsStatus as_checkpoint_read(AsModel *m, const char *path)
{
  H5Eset_auto2(H5E_DEFAULT, NULL, NULL);
  if (access(path, R_OK))
    return as_error(AS_ERR_IO, path, "checkpoint", "cannot read: %s", strerror(errno));
  if (H5Fis_hdf5(path) <= 0)
    return as_error(AS_ERR_DATA, path, "checkpoint", "not an HDF5 file");
  hid_t f = H5Fopen(path, H5F_ACC_RDONLY, H5P_DEFAULT);
  if (f < 0) return as_error(AS_ERR_IO, path, "checkpoint", "HDF5: cannot open the file");
  AsStatus s = as_ckpt_load(f, m, path);
  H5Fclose(f);
  return s;
}
