#!/usr/bin/python3
"""test_mda8 - claim: scripts/mda8.py computes the HJ 663-2013 MDA8 per cell.
A synthetic hourly file (2 x 3 cells, 3 Beijing days) with O3 = local hour-ending value h (1..24) +
10 * cell index: the 8-h window ending 24:00 is the maximum, MDA8 = mean(17..24) + 10 i = 20.5 + 10 i.
Day 1 starts at 08:00 local (hours ending 09..24: windows ending 14..24 have >= 6 hours, 11 < 14,
so missing);
day 2 is complete; on day 3 four hours (ending 13..16) are missing: the windows containing >= 3 of
them are invalid, the rest use the hours present."""
import os
import subprocess
import sys
import tempfile

import numpy as np
import xarray as xr

tmp = tempfile.mkdtemp()
t0 = 1609459200 + 3600          # 2021-01-01T01:00Z hour-ending = 09:00 Beijing
n = 16 + 24 + 24
t = t0 + 3600 * np.arange(n, dtype=np.float64)
hloc = ((t.astype(np.int64) + 8 * 3600 - 1) % 86400) // 3600 + 1   # hour-ending 1..24
ny, nx = 2, 3
o3 = hloc[:, None, None] + 10.0 * np.arange(ny * nx).reshape(ny, nx)[None]
missing = (t >= t0 + 3600 * (40 + 12)) & (t < t0 + 3600 * (40 + 16))  # day 3 hours ending 13..16
ds = xr.Dataset(coords={"time": ("time", t, {"units": "seconds since 1970-01-01 00:00:00"}),
                        "x": ("x", np.arange(nx) * 3e3), "y": ("y", np.arange(ny) * 3e3),
                        "lat": (("y", "x"), np.full((ny, nx), 31.8)),
                        "lon": (("y", "x"), np.full((ny, nx), 120.3))})
ds["lambert_conformal_conic"] = ((), 0, {"grid_mapping_name": "lambert_conformal_conic"})
ds["O3_ppb"] = (("time", "y", "x"), o3.astype(np.float32),
                {"comment": "hourly mean, M = 47.998 g/mol", "grid_mapping": "lambert_conformal_conic"})
# write day 1-2 and day 3 to two files (a restarted run), leaving out the missing hours
keep = ~missing
ds.isel(time=np.where(keep & (t < t0 + 3600 * 40))[0]).to_netcdf(os.path.join(tmp, "syn_2021010100.nc"))
ds.isel(time=np.where(keep & (t >= t0 + 3600 * 40))[0]).to_netcdf(os.path.join(tmp, "syn_2021010216.nc"))
r = subprocess.run([sys.executable, "scripts/mda8.py", tmp], capture_output=True, text=True)
print(r.stdout.strip(), r.stderr.strip())
if r.returncode:
    print("FAIL: mda8.py failed"); sys.exit(1)
out = xr.open_dataset(os.path.join(tmp, "syn_mda8.nc"))
v = out["O3_MDA8"].values
idx = 10.0 * np.arange(ny * nx).reshape(ny, nx)
# day 3: hours ending 13..16 missing. Windows ending 13..20 contain >= 3 missing hours? window ending E
# covers E-7..E; missing count = |[E-7,E] & [13,16]|; valid if <= 2. Compute the expected by brute force.
h = np.arange(1, 25, dtype=float)
h[12:16] = np.nan
best, nv = -1, 0
for e in range(8, 25):
    w = h[e - 8:e]
    if np.isfinite(w).sum() >= 6:
        nv += 1
        best = max(best, np.nanmean(w))
exp3 = best + idx if nv >= 14 else np.full((ny, nx), np.nan)
checks = [("day 1 (16 h, 11 windows) missing", np.all(np.isnan(v[0]))),
          ("day 2 MDA8 = 20.5 + 10 i", np.allclose(v[1], 20.5 + idx, atol=1e-5)),
          (f"day 3 with 4 missing hours = {best:.4f} + 10 i ({nv} windows)", np.allclose(v[2], exp3, atol=1e-5, equal_nan=True)),
          ("windows per day 11, 17, %d: %s" % (nv, out["O3_MDA8_windows"].values[:, 0, 0]), list(out["O3_MDA8_windows"].values[:, 0, 0]) == [11, 17, nv]),
          ("O3_MDA8_ref = ppb * 47.998 / 24.4654", np.allclose(out["O3_MDA8_ref"].values[1], (20.5 + idx) * 47.998 / 24.465399, rtol=1e-5))]
ok = True
for name, c in checks:
    print(("ok   " if c else "FAIL ") + name)
    ok &= bool(c)
print("PASS" if ok else "FAIL")
sys.exit(0 if ok else 1)
