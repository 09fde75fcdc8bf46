/* as_met_landuse.c — dominant land use per cell and its roughness length.
 *
 * Rules, in priority order (water > urban > crop), tested at each cell centre:
 *  - water: the Yangtze main channel, a polyline (lon, lat) with a local channel width, and the
 *    lakes Taihu (polygon), Gehu, Changdang and Yangcheng (ellipses). Coordinates were read off
 *    general maps of the area, to about 1-2 km (docs/science.md); a 3 km cell is water if its
 *    centre lies within half the local width of the channel line, or inside a lake outline.
 *  - urban: within a radius of the town centres (Changzhou/Wujin, Wuxi, Jiangyin, Zhangjiagang,
 *    Changshu, Jingjiang, Taixing, Suzhou, Nantong).
 *  - crop elsewhere (the paddy/wheat plain of southern Jiangsu).
 * z0 per class: WRF/MM5 USGS LANDUSE.TBL summer values (urban 0.8 m, dryland cropland 0.15 m,
 * deciduous broadleaf forest 0.5 m, grassland 0.12 m, water 0.0001 m).
 */
#include "as_met_impl.h"
#include <math.h>

static const double as_z0[AS_LU_NCAT] = {0.8, 0.15, 0.5, 1e-4, 0.12};
static const char *as_lu_names[AS_LU_NCAT] = {"urban", "crop", "forest", "water", "grass"};

double as_met_z0_of(int lu) { return (lu >= 0 && lu < AS_LU_NCAT) ? as_z0[lu] : as_z0[AS_LU_CROP]; }
const char *as_met_landuse_name(int lu) { return (lu >= 0 && lu < AS_LU_NCAT) ? as_lu_names[lu] : "?"; }

/* Yangtze centre line, west to east: lon, lat, channel width (km) */
static const double yangtze[][3] = {
    {119.40, 32.22, 2.0}, {119.60, 32.24, 2.0}, {119.80, 32.20, 2.0}, {119.92, 32.10, 2.0},
    {120.00, 32.03, 2.0}, {120.12, 32.00, 2.0}, {120.27, 31.96, 1.5}, {120.38, 31.99, 2.5},
    {120.50, 32.02, 3.5}, {120.65, 31.99, 4.5}, {120.80, 31.92, 6.0}, {120.95, 31.80, 7.0},
    {121.10, 31.70, 9.0}, {121.30, 31.55, 12.0},
};
/* Taihu outline (lon, lat), northern half in detail */
static const double taihu[][2] = {
    {119.92, 31.15}, {119.92, 31.30}, {119.98, 31.38}, {120.08, 31.45}, {120.17, 31.52},
    {120.24, 31.49}, {120.28, 31.42}, {120.36, 31.47}, {120.42, 31.40}, {120.45, 31.28},
    {120.55, 31.15}, {120.45, 31.00}, {120.30, 30.93}, {120.10, 30.95}, {119.95, 31.05},
};
/* small lakes as ellipses: lon, lat, semi-axis east-west (km), semi-axis north-south (km) */
static const double lakes[][4] = {
    {119.81, 31.60, 4.0, 10.0}, /* Gehu */
    {119.56, 31.62, 5.0, 7.0},  /* Changdang */
    {120.80, 31.42, 4.0, 6.0},  /* Yangcheng */
};
/* town centres: lon, lat, urban radius (km) */
static const double towns[][3] = {
    {119.95, 31.75, 9.0}, /* Changzhou and Wujin */
    {120.30, 31.57, 9.0}, /* Wuxi */
    {120.28, 31.92, 5.0}, /* Jiangyin */
    {120.55, 31.87, 4.5}, /* Zhangjiagang */
    {120.75, 31.65, 4.5}, /* Changshu */
    {120.26, 32.02, 3.0}, /* Jingjiang */
    {120.05, 32.17, 3.0}, /* Taixing */
    {120.62, 31.30, 8.0}, /* Suzhou */
    {120.86, 32.01, 6.0}, /* Nantong */
};

/* local east/north km from a reference point (equirectangular; fine over ~100 km) */
static void km_xy(double lon, double lat, double lon0, double lat0, double *x, double *y)
{
  const double kmdeg = 111.195;
  *x = (lon - lon0) * kmdeg * cos(lat0 * M_PI / 180.0);
  *y = (lat - lat0) * kmdeg;
}

static int near_channel(double lon, double lat)
{
  int n = (int)(sizeof yangtze / sizeof yangtze[0]);
  for (int s = 0; s + 1 < n; s++) {
    double ax, ay, bx, by;
    km_xy(yangtze[s][0], yangtze[s][1], lon, lat, &ax, &ay);
    km_xy(yangtze[s + 1][0], yangtze[s + 1][1], lon, lat, &bx, &by);
    double dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy;
    double t = l2 > 0 ? -(ax * dx + ay * dy) / l2 : 0.0;
    if (t < 0) t = 0;
    if (t > 1) t = 1;
    double px = ax + t * dx, py = ay + t * dy;
    double width = yangtze[s][2] + t * (yangtze[s + 1][2] - yangtze[s][2]);
    if (sqrt(px * px + py * py) <= 0.5 * width) return 1;
  }
  return 0;
}

static int in_polygon(double lon, double lat, const double (*poly)[2], int n)
{
  int in = 0;
  for (int a = 0, b = n - 1; a < n; b = a++)
    if ((poly[a][1] > lat) != (poly[b][1] > lat) &&
        lon < (poly[b][0] - poly[a][0]) * (lat - poly[a][1]) / (poly[b][1] - poly[a][1]) + poly[a][0])
      in = !in;
  return in;
}

static int classify(double lon, double lat)
{
  if (near_channel(lon, lat)) return AS_LU_WATER;
  if (in_polygon(lon, lat, taihu, (int)(sizeof taihu / sizeof taihu[0]))) return AS_LU_WATER;
  for (size_t l = 0; l < sizeof lakes / sizeof lakes[0]; l++) {
    double x, y;
    km_xy(lon, lat, lakes[l][0], lakes[l][1], &x, &y);
    if ((x / lakes[l][2]) * (x / lakes[l][2]) + (y / lakes[l][3]) * (y / lakes[l][3]) <= 1.0)
      return AS_LU_WATER;
  }
  for (size_t t = 0; t < sizeof towns / sizeof towns[0]; t++) {
    double x, y;
    km_xy(lon, lat, towns[t][0], towns[t][1], &x, &y);
    if (x * x + y * y <= towns[t][2] * towns[t][2]) return AS_LU_URBAN;
  }
  return AS_LU_CROP;
}

AsStatus as_met_landuse_build(AsMet *met)
{
  const AsGrid *g = met->g;
  for (long c = 0; c < (long)g->nx * g->ny; c++) {
    met->lu[c] = (unsigned char)classify(g->lon[c], g->lat[c]);
    met->z0[c] = as_z0[met->lu[c]];
  }
  return AS_OK;
}
