#!/usr/bin/python3
"""Compare two airshed output directories bit for bit on the hours they share.

usage: compare_outputs.py DIR_A DIR_B
Every data variable of every NetCDF file, matched by time value, must have identical bytes;
the receptor and budget CSV rows for the shared hours must be identical text.
Prints what it compared; exits 1 on any difference or if nothing was compared."""
import glob
import os
import sys

import numpy as np
import netCDF4


def load_nc(d):
    out = {}
    for f in sorted(glob.glob(os.path.join(d, "*.nc"))):
        with netCDF4.Dataset(f) as ds:
            ds.set_auto_mask(False)
            times = ds.variables["time"][:]
            for name, v in ds.variables.items():
                if "time" not in v.dimensions or name in ("time", "time_bnds"):
                    continue
                data = v[:]
                for it, t in enumerate(times):
                    out[(name, float(t))] = np.ascontiguousarray(data[it])
    return out


def load_csv(d, pattern):
    rows = {}
    for f in sorted(glob.glob(os.path.join(d, pattern))):
        with open(f) as fh:
            header = fh.readline()
            for line in fh:
                if line.startswith("#"):
                    continue
                key = line.split(",")[0] + "," + line.split(",")[1]
                rows[key] = line
    return rows


def main():
    a, b = sys.argv[1], sys.argv[2]
    na, nb = load_nc(a), load_nc(b)
    shared = sorted(set(na) & set(nb))
    bad = [k for k in shared if na[k].tobytes() != nb[k].tobytes()]
    print(f"netcdf: {len(shared)} (variable, hour) fields shared, {len(bad)} differ")
    for k in bad[:5]:
        d = np.nanmax(np.abs(na[k].astype(float) - nb[k].astype(float)))
        print(f"  differs: {k[0]} at t={k[1]}: max |diff| = {d:g}")
    ncsv = 0
    for pat in ("*receptors.csv", "*budget.csv"):
        ra, rb = load_csv(a, pat), load_csv(b, pat)
        keys = sorted(set(ra) & set(rb))
        diff = [k for k in keys if ra[k] != rb[k]]
        ncsv += len(keys)
        print(f"{pat}: {len(keys)} rows shared, {len(diff)} differ")
        for k in diff[:3]:
            print("  A:", ra[k].strip(), "\n  B:", rb[k].strip())
        bad += diff
    if not shared or not ncsv:
        print("FAIL: nothing to compare")
        return 1
    print("PASS: identical" if not bad else "FAIL: outputs differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
