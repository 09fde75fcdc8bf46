#!/usr/bin/env bash
# check_cf.sh OUTPUT.nc — the project's own CF conformance check of an airshed output file
# (Debian 12 packages no CF checker). Exits non-zero on any problem; prints what it checked.
#  1. ncdump -h reads the header;
#  2. xarray opens the file with every Python warning turned into an error, decodes the time
#     axis and the time bounds, and the script checks the CF attributes airshed promises:
#     Conventions, source/history, grid mapping attributes, x/y standard names and units,
#     2-D lat/lon, and for every data variable units, grid_mapping, coordinates, cell_methods;
#  3. every units attribute parses with udunits2 (the udunits2 program, when installed);
#  4. cdo sinfon prints no "Warning"/"Error" and sees the grid as curvilinear or projection
#     with the lambert_conformal_conic mapping (not "generic").
set -uo pipefail
f=${1:?usage: check_cf.sh OUTPUT.nc}
[ -r "$f" ] || { echo "check_cf: $f: cannot read"; exit 1; }
fail=0

if ncdump -h "$f" > /dev/null 2> /tmp/check_cf_ncdump.$$; then
  echo "ncdump -h: ok"
else
  echo "ncdump -h: FAILED: $(head -1 /tmp/check_cf_ncdump.$$)"; fail=1
fi
rm -f /tmp/check_cf_ncdump.$$

units_list=$(/usr/bin/python3 -W error - "$f" <<'EOF'
import sys
import numpy as np
import xarray as xr
f = sys.argv[1]
bad = []
def need(cond, what):
    if not cond:
        bad.append(what)
ds = xr.open_dataset(f)                       # decodes CF: times, fill values, coordinates
raw = xr.open_dataset(f, decode_cf=False)
g = raw.attrs
need(g.get("Conventions") == "CF-1.8", "Conventions is not CF-1.8")
for a in ("title", "institution", "source", "history"):
    need(a in g, f"global attribute {a} missing")
need("airshed" in g.get("source", "") and "git" in g.get("source", ""), "source lacks version/git")
need(np.issubdtype(ds["time"].dtype, np.datetime64), "time does not decode to dates")
t = raw["time"].attrs
need(t.get("calendar") == "standard" and "since" in t.get("units", ""), "time units/calendar")
need("bounds" in t and t["bounds"] in raw, "time bounds missing")
for c, sn in (("x", "projection_x_coordinate"), ("y", "projection_y_coordinate")):
    need(raw[c].attrs.get("standard_name") == sn and raw[c].attrs.get("units") == "m", f"{c} attributes")
for c, sn, u in (("lat", "latitude", "degrees_north"), ("lon", "longitude", "degrees_east")):
    need(c in raw and raw[c].dims == ("y", "x"), f"2-D {c} missing")
    need(raw[c].attrs.get("standard_name") == sn and raw[c].attrs.get("units") == u, f"{c} attributes")
need(float(np.abs(raw["lat"]).max()) <= 90, "latitudes out of range")
data = [v for v in raw.data_vars if "time" in raw[v].dims and v != raw["time"].attrs.get("bounds")]
need(len(data) > 0, "no data variables")
units = set()
for v in data:
    a = raw[v].attrs
    for k in ("units", "long_name", "grid_mapping", "coordinates", "cell_methods", "_FillValue"):
        need(k in a, f"{v}: {k} missing")
    gm = a.get("grid_mapping", "")
    need(gm in raw and "grid_mapping_name" in raw[gm].attrs, f"{v}: grid mapping variable '{gm}' missing")
    for c in a.get("coordinates", "").split():
        need(c in raw, f"{v}: coordinate {c} missing")
    units.add(a.get("units", ""))
gm = raw["lambert_conformal_conic"].attrs if "lambert_conformal_conic" in raw else {}
need(gm.get("grid_mapping_name") == "lambert_conformal_conic", "grid_mapping_name")
for k in ("standard_parallel", "longitude_of_central_meridian", "latitude_of_projection_origin",
          "false_easting", "false_northing", "earth_radius"):
    need(k in gm, f"grid mapping: {k} missing")
for v in raw.variables:
    if "units" in raw[v].attrs and "since" not in raw[v].attrs["units"]:
        units.add(raw[v].attrs["units"])
for b in bad:
    print("xarray/CF: " + b, file=sys.stderr)
print("\n".join(sorted(units)))
sys.exit(1 if bad else 0)
EOF
)
if [ $? -eq 0 ]; then
  echo "xarray (warnings as errors) + CF attributes: ok ($(echo "$units_list" | wc -l) distinct units)"
else
  echo "xarray/CF attributes: FAILED"; fail=1
fi

if command -v udunits2 > /dev/null; then
  while IFS= read -r u; do
    [ -z "$u" ] && continue
    case "$u" in degrees_north|degrees_east) want=degree ;; *) want="$u" ;; esac
    if ! udunits2 -H "$u" -W "$want" < /dev/null > /dev/null 2>&1; then
      echo "udunits2: cannot parse units '$u'"; fail=1
    fi
  done <<< "$units_list"
  echo "udunits2: units checked"
fi

out=$(cdo -s sinfon "$f" 2>&1); rc=$?
if [ $rc -ne 0 ] || grep -qiE "warning|error" <<< "$out"; then
  echo "cdo sinfon: FAILED (rc $rc):"; grep -iE "warning|error" <<< "$out" | head -5; fail=1
elif grep -qE ": (generic|lonlat)" <<< "$out" || ! grep -q "lambert_conformal_conic" <<< "$out"; then
  echo "cdo sinfon: FAILED: grid not recognised as a Lambert conformal projection:"
  grep -A2 "Grid coordinates" <<< "$out"; fail=1
else
  echo "cdo sinfon: ok ($(grep -E '^ +1 : (curvilinear|projection)' <<< "$out" | sed 's/  */ /g'))"
fi

[ $fail -eq 0 ] && echo "check_cf: PASS $f" || echo "check_cf: FAIL $f"
exit $fail
