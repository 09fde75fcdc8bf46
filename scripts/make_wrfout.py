#!/usr/bin/python3
"""make_wrfout.py — write a small wrfout-format NetCDF file for the meteorology tests.

A 20 x 16 x 10 (mass points) Lambert conformal WRF domain (DX = 12 km) centred on the Wu-Cheng-Sha
belt, 3 hourly records from 2021-07-20_00:00:00, with the staggered dimensions, variable attributes
and global projection attributes WRF writes (MAP_PROJ = 1, TRUELAT1/2, STAND_LON, CEN_LAT/LON,
DX/DY). The fields are chosen so that the model's interpolation can be checked exactly:
  - heights of the w levels (PH+PHB)/g vary linearly in the WRF projected x, y;
  - QVAPOR and T2 are linear in x, y (and QVAPOR in height): reproduced exactly by bilinear +
    linear-in-height interpolation;
  - U10 = 5 m/s, V10 = 0 (grid-relative), to check the wind rotation;
  - RAINNC = 0, 1, 3 mm at hours 0, 1, 2 (rates 1 and 2 mm/h).
Projection formulas: Snyder (1987) "Map projections - a working manual", eqs. 15-1..15-5, on
WRF's sphere R = 6370 km. Usage:
  make_wrfout.py OUT.nc [--drop VAR] [--shift-km DX] [--records N]
"""
import argparse
import numpy as np
import netCDF4

R = 6370000.0
NX, NY, NZ, DX = 20, 16, 10, 12000.0
TL1, TL2, STAND_LON, CEN_LAT, CEN_LON = 30.0, 60.0, 118.0, 31.8, 120.35
ZW = np.array([0, 20, 60, 150, 300, 600, 1000, 1600, 2500, 4000, 9000.0])  # w levels, m
G = 9.81


def cone():
    p1, p2 = np.radians(TL1), np.radians(TL2)
    n = np.log(np.cos(p1) / np.cos(p2)) / np.log(np.tan(np.pi / 4 + p2 / 2) / np.tan(np.pi / 4 + p1 / 2))
    F = np.cos(p1) * np.tan(np.pi / 4 + p1 / 2) ** n / n
    return n, F


def fwd(lon, lat):
    n, F = cone()
    rho = R * F / np.tan(np.pi / 4 + np.radians(lat) / 2) ** n
    th = n * np.radians(lon - STAND_LON)
    return rho * np.sin(th), -rho * np.cos(th)


def inv(x, y):
    n, F = cone()
    rho = np.hypot(x, y)
    th = np.arctan2(x, -y)
    lon = STAND_LON + np.degrees(th / n)
    lat = np.degrees(2 * np.arctan((R * F / rho) ** (1 / n)) - np.pi / 2)
    return lon, lat


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--drop", default=None, help="leave this variable out (bad-input tests)")
    ap.add_argument("--shift-km", type=float, default=0.0, help="move the domain east (km)")
    ap.add_argument("--records", type=int, default=3)
    a = ap.parse_args()
    xc, yc = fwd(CEN_LON, CEN_LAT)
    xc += a.shift_km * 1000.0
    cen_lon, cen_lat = inv(xc, yc)
    i = np.arange(NX) - (NX - 1) / 2.0
    j = np.arange(NY) - (NY - 1) / 2.0
    X, Y = np.meshgrid(i * DX, j * DX)            # relative to the centre, mass points
    XU, YU = np.meshgrid((np.arange(NX + 1) - NX / 2.0) * DX, j * DX)
    XV, YV = np.meshgrid(i * DX, (np.arange(NY + 1) - NY / 2.0) * DX)
    lon, lat = inv(X + xc, Y + yc)
    scale = 1 + 1e-7 * X + 5e-8 * Y               # w-level heights vary linearly in x, y
    zw = ZW[:, None, None] * scale[None]          # (NZ+1, NY, NX)
    zm = 0.5 * (zw[1:] + zw[:-1])

    ds = netCDF4.Dataset(a.out, "w", format="NETCDF4_CLASSIC")
    ds.createDimension("Time", None)
    ds.createDimension("DateStrLen", 19)
    ds.createDimension("west_east", NX)
    ds.createDimension("south_north", NY)
    ds.createDimension("bottom_top", NZ)
    ds.createDimension("west_east_stag", NX + 1)
    ds.createDimension("south_north_stag", NY + 1)
    ds.createDimension("bottom_top_stag", NZ + 1)
    ds.TITLE = " OUTPUT FROM WRF V4.3 MODEL (synthetic test file, airshed scripts/make_wrfout.py)"
    ds.START_DATE = ds.SIMULATION_START_DATE = "2021-07-20_00:00:00"
    ds.setncattr("WEST-EAST_GRID_DIMENSION", np.int32(NX + 1))
    ds.setncattr("SOUTH-NORTH_GRID_DIMENSION", np.int32(NY + 1))
    ds.setncattr("BOTTOM-TOP_GRID_DIMENSION", np.int32(NZ + 1))
    ds.DX = np.float32(DX)
    ds.DY = np.float32(DX)
    ds.MAP_PROJ = np.int32(1)
    ds.MAP_PROJ_CHAR = "Lambert Conformal"
    ds.CEN_LAT = np.float32(cen_lat)
    ds.CEN_LON = np.float32(cen_lon)
    ds.TRUELAT1 = np.float32(TL1)
    ds.TRUELAT2 = np.float32(TL2)
    ds.MOAD_CEN_LAT = np.float32(cen_lat)
    ds.STAND_LON = np.float32(STAND_LON)
    ds.GRID_ID = np.int32(1)

    def var(name, dims, units, desc, stagger=""):
        if name == a.drop:
            return None
        v = ds.createVariable(name, "f4", ("Time",) + dims)
        v.FieldType = np.int32(104)
        v.MemoryOrder = {4: "XYZ", 3: "XY "}[len(dims) + 1]
        v.description = desc
        v.units = units
        v.stagger = stagger
        v.coordinates = "XLONG XLAT XTIME"
        return v

    t = ds.createVariable("Times", "S1", ("Time", "DateStrLen"))
    d3 = ("bottom_top", "south_north", "west_east")
    d2 = ("south_north", "west_east")
    vs = {
        "XLAT": var("XLAT", d2, "degree_north", "LATITUDE, SOUTH IS NEGATIVE"),
        "XLONG": var("XLONG", d2, "degree_east", "LONGITUDE, WEST IS NEGATIVE"),
        "U": var("U", ("bottom_top", "south_north", "west_east_stag"), "m s-1", "x-wind component", "X"),
        "V": var("V", ("bottom_top", "south_north_stag", "west_east"), "m s-1", "y-wind component", "Y"),
        "W": var("W", ("bottom_top_stag", "south_north", "west_east"), "m s-1", "z-wind component", "Z"),
        "T": var("T", d3, "K", "perturbation potential temperature theta-t0"),
        "P": var("P", d3, "Pa", "perturbation pressure"),
        "PB": var("PB", d3, "Pa", "BASE STATE PRESSURE"),
        "PH": var("PH", ("bottom_top_stag", "south_north", "west_east"), "m2 s-2", "perturbation geopotential", "Z"),
        "PHB": var("PHB", ("bottom_top_stag", "south_north", "west_east"), "m2 s-2", "base-state geopotential", "Z"),
        "QVAPOR": var("QVAPOR", d3, "kg kg-1", "Water vapor mixing ratio"),
        "PBLH": var("PBLH", d2, "m", "PBL HEIGHT"),
        "HFX": var("HFX", d2, "W m-2", "UPWARD HEAT FLUX AT THE SURFACE"),
        "UST": var("UST", d2, "m s-1", "U* IN SIMILARITY THEORY"),
        "RAINNC": var("RAINNC", d2, "mm", "ACCUMULATED TOTAL GRID SCALE PRECIPITATION"),
        "SWDOWN": var("SWDOWN", d2, "W m-2", "DOWNWARD SHORT WAVE FLUX AT GROUND SURFACE"),
        "T2": var("T2", d2, "K", "TEMP at 2 M"),
        "U10": var("U10", d2, "m s-1", "U at 10 M"),
        "V10": var("V10", d2, "m s-1", "V at 10 M"),
    }
    rain = [0.0, 1.0, 3.0, 6.0, 10.0]
    for r in range(a.records):
        t[r] = netCDF4.stringtochar(np.array(["2021-07-20_%02d:00:00" % r], "S19"))
        put = lambda n, val: vs[n] is not None and vs[n].__setitem__(r, val)
        put("XLAT", lat)
        put("XLONG", lon)
        put("U", np.broadcast_to(5.0 + 2e-5 * XU, (NZ, NY, NX + 1)) + 0.2 * r)
        put("V", np.broadcast_to(-3.0 + 1e-5 * YV, (NZ, NY + 1, NX)))
        put("W", np.zeros((NZ + 1, NY, NX)))
        put("T", 295.0 + 0.004 * zm - 300.0)
        p = 1e5 * np.exp(-zm / 8000.0)
        put("PB", 0.9 * p)
        put("P", 0.1 * p)
        put("PHB", G * ZW[:, None, None] * np.ones((1, NY, NX)))
        put("PH", G * (zw - ZW[:, None, None]))
        put("QVAPOR", 0.012 + 1e-8 * X - 5e-9 * Y - 1.5e-6 * zm + 1e-4 * r)
        put("PBLH", 800.0 + 1e-3 * X)
        put("HFX", np.full((NY, NX), 100.0))
        put("UST", np.full((NY, NX), 0.4))
        put("RAINNC", np.full((NY, NX), rain[r]))
        put("SWDOWN", np.full((NY, NX), 600.0))
        put("T2", 300.0 + 1e-5 * X + 2e-5 * Y + 0.5 * r)
        put("U10", np.full((NY, NX), 5.0))
        put("V10", np.zeros((NY, NX)))
    ds.close()


if __name__ == "__main__":
    main()
