#!/usr/bin/python3
"""mda8.py - daily maximum 8-hour mean O3 (MDA8) per grid cell from airshed's hourly output.

Usage: /usr/bin/python3 scripts/mda8.py OUTDIR [-o FILE] [--var O3]

Reads every hourly file OUTDIR/<case>_YYYYMMDDHH.nc of a run (restarted runs included: hours are
merged by time, duplicates must agree), and writes FILE (default OUTDIR/<case>_mda8.nc, through a
temporary file and a rename) with, per Beijing-time calendar day and cell:
  O3_MDA8      ppb   max over the 8-h running means whose windows END at 08:00..24:00 local time
  O3_MDA8_ref  ug m-3 at the reference state 298.15 K, 1013.25 hPa (= ppb * M / 24.465 L mol-1)
  O3_MDA8_windows    number of valid 8-h windows
Rules (HJ 663-2013, ../shared/context/standards.md): hours are labelled hour-ending in Beijing time
(UTC+8); an 8-h mean needs >= 6 hourly values; MDA8 needs >= 14 valid 8-h means, else it is missing
(_FillValue). The day D covers hours ending 01:00..24:00 of D. Like CMAQ's hr2day, this is a
post-processor of the hourly file; `bash scripts/setup.sh --run` runs it after the model.
"""
import argparse
import glob
import os
import re
import sys

import numpy as np
import xarray as xr

LOCAL_OFFSET_H = 8
VM_REF = 8.314462618 * 298.15 / 101325.0 * 1e3  # L mol-1 at 298.15 K, 1013.25 hPa


def die(item, msg):
    print(f"mda8.py: {item}: {msg}", file=sys.stderr)
    sys.exit(1)


def hourly_files(outdir):
    files = sorted(f for f in glob.glob(os.path.join(outdir, "*.nc"))
                   if re.search(r"_\d{10}\.nc$", os.path.basename(f)))
    if not files:
        die(outdir, "no hourly output files <case>_YYYYMMDDHH.nc")
    return files


def load(files, var):
    parts = []
    for f in files:
        ds = xr.open_dataset(f, decode_times=False)
        if var not in ds:
            die(f, f"no variable {var}")
        parts.append(ds)
    first = parts[0]
    t = np.concatenate([p["time"].values for p in parts])
    v = np.concatenate([p[var].values for p in parts])
    order = np.argsort(t, kind="stable")
    t, v = t[order], v[order]
    keep = np.ones(len(t), bool)
    dup = np.where(np.diff(t) == 0)[0]
    for i in dup:
        if not np.array_equal(v[i], v[i + 1], equal_nan=True):
            die(var, f"two files disagree at time {t[i]:.0f} s")
        keep[i + 1] = False
    return first, t[keep], v[keep]


def mda8(t_end, ppb):
    """t_end: hour-ending times, s since 1970 UTC; ppb: (ntime, ny, nx) hourly means."""
    local = t_end.astype(np.int64) + LOCAL_OFFSET_H * 3600
    day = (local - 1) // 86400                       # hour ending 24:00 belongs to the day before
    hour = (local - 1) % 86400 // 3600               # 0..23 = hour ending 01..24
    days = np.unique(day)
    ny, nx = ppb.shape[1:]
    out = np.full((len(days), ny, nx), np.nan)
    nwin = np.zeros((len(days), ny, nx), np.int32)
    for d_i, d in enumerate(days):
        h = np.full((24, ny, nx), np.nan)
        sel = day == d
        h[hour[sel]] = ppb[sel]
        best = np.full((ny, nx), -np.inf)
        for end in range(7, 24):                     # windows ending 08:00 .. 24:00
            w = h[end - 7:end + 1]
            n = np.sum(np.isfinite(w), axis=0)
            with np.errstate(invalid="ignore"):
                mean = np.where(n >= 6, np.nansum(w, axis=0) / np.maximum(n, 1), np.nan)
            ok = np.isfinite(mean)
            nwin[d_i] += ok
            best = np.where(ok & (mean > best), mean, best)
        out[d_i] = np.where(nwin[d_i] >= 14, best, np.nan)
    return days, out, nwin


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("-o", "--output")
    ap.add_argument("--var", default="O3")
    a = ap.parse_args()
    files = hourly_files(a.outdir)
    first, t, ppb = load(files, a.var + "_ppb")
    days, val, nwin = mda8(t, ppb.astype(np.float64))
    molar_mass = None
    m = re.search(r"M = ([0-9.eE+-]+) g/mol", first[a.var + "_ppb"].attrs.get("comment", ""))
    if m:
        molar_mass = float(m.group(1))
    case = re.sub(r"_\d{10}\.nc$", "", os.path.basename(files[0]))
    path = a.output or os.path.join(a.outdir, f"{case}_mda8.nc")
    start = days * 86400 - LOCAL_OFFSET_H * 3600     # local midnight in UTC seconds
    ds = xr.Dataset(coords={"time": ("time", start.astype(np.float64), {
        "standard_name": "time", "long_name": "start of the Beijing-time (UTC+8) calendar day",
        "units": "seconds since 1970-01-01 00:00:00", "calendar": "standard", "axis": "T",
        "bounds": "time_bnds"})})
    ds["time_bnds"] = (("time", "bnds"), np.stack([start, start + 86400], axis=1).astype(np.float64))
    for c in ("x", "y", "lat", "lon"):
        ds.coords[c] = first[c]
    gm = first[a.var + "_ppb"].attrs.get("grid_mapping", "lambert_conformal_conic")
    ds[gm] = first[gm]
    dims = ("time",) + first[a.var + "_ppb"].dims[1:]
    common = {"coordinates": "lat lon", "grid_mapping": gm}
    ds[f"{a.var}_MDA8"] = (dims, val.astype(np.float32), dict(common, **{
        "units": "1e-9", "standard_name": "mole_fraction_of_ozone_in_air" if a.var == "O3" else "",
        "long_name": f"daily maximum 8-hour mean {a.var} (Beijing-time day)",
        "cell_methods": "time: mean (interval: 8 hours) time: maximum",
        "comment": "8-h windows ending 08:00-24:00 local, >= 6 h each; >= 14 windows (HJ 663-2013)"}))
    if molar_mass:
        ds[f"{a.var}_MDA8_ref"] = (dims, (val * molar_mass / VM_REF).astype(np.float32), dict(common, **{
            "units": "ug m-3",
            "long_name": f"daily maximum 8-hour mean {a.var} at the reference state 298.15 K, 1013.25 hPa",
            "cell_methods": "time: mean (interval: 8 hours) time: maximum",
            "comment": f"ppb * {molar_mass} / {VM_REF:.4f} L/mol (GB 3095-2012, amended 2018)"}))
    ds[f"{a.var}_MDA8_windows"] = (dims, nwin, dict(common, long_name="valid 8-h windows in the day",
                                                    units="1"))
    ds.attrs = {"Conventions": "CF-1.8", "title": f"airshed daily maximum 8-hour {a.var}, case {case}",
                "source": first.attrs.get("source", "airshed"),
                "history": f"scripts/mda8.py from {len(files)} hourly file(s)"}
    enc = {v: {"_FillValue": np.float32(np.nan)} for v in ds.data_vars if ds[v].dtype == np.float32}
    for v in ("time", "time_bnds", "x", "y", "lat", "lon"):
        enc[v] = {"_FillValue": None}
    tmp = os.path.join(os.path.dirname(path) or ".", "." + os.path.basename(path) + ".tmp")
    try:
        ds.to_netcdf(tmp, encoding=enc, format="NETCDF4_CLASSIC")
        os.replace(tmp, path)
    except OSError as e:
        if os.path.exists(tmp):
            os.unlink(tmp)
        die(path, f"cannot write: {e.strerror}")
    ok = np.isfinite(val)
    print(f"mda8.py: {path}: {len(days)} day(s), {ok.sum()} valid cell-days"
          + (f", MDA8 {np.nanmin(val):.1f}..{np.nanmax(val):.1f} ppb" if ok.any() else ""))


if __name__ == "__main__":
    main()
