/* as_photolysis.h — clear-sky photolysis frequencies against the solar zenith angle, from the
 * MCM v3.3.1 parameterisation J = l cos(chi)^m exp(-n / cos chi) (Saunders et al. 2003, ACP 3:161;
 * data and provenance in /work/shared/data/photolysis_mcm copied to inputs/photolysis/), the solar
 * position for any longitude, latitude and UTC time, and a documented cloud attenuation. */
#ifndef AS_PHOTOLYSIS_H
#define AS_PHOTOLYSIS_H
#include "as_status.h"

typedef struct AsPhotolysis AsPhotolysis;

/* Reads the MCM parameter table (path: a file under inputs/photolysis/). */
AsStatus as_phot_create(const char *path, AsPhotolysis **ph);
int as_phot_count(const AsPhotolysis *ph);                  /* number of J channels */
int as_phot_index(const AsPhotolysis *ph, int mcm_number);  /* MCM J number -> channel, -1 if absent */
int as_phot_number(const AsPhotolysis *ph, int channel);    /* channel -> MCM J number, -1 if absent (added) */
/* cos(solar zenith angle) at lon/lat (degrees) and t (s since 1970-01-01 UTC); may be <= 0 */
double as_phot_cos_zenith(double lon, double lat, double t);
/* clear-sky J (s-1) of every channel for cos(zenith); 0 when the sun is below the horizon */
void as_phot_clear_sky(const AsPhotolysis *ph, double cos_zenith, double *J);
/* multiplicative cloud factor for cloud cover fraction 0..1 and cos(zenith) (documented scheme) */
double as_phot_cloud_factor(double cloud_cover, double cos_zenith);
void as_phot_destroy(AsPhotolysis **ph);

#endif
