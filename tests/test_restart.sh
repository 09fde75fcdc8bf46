#!/usr/bin/env bash
# Claim: a run stopped after a checkpoint and restarted from it gives output identical in every
# bit to an uninterrupted run (default case: 6 h straight vs 3 h + checkpoint + restart to 6 h),
# and the restart in the same output directory keeps the files of the hours before it.
# usage: test_restart.sh AIRSHED [HOURS [--set key=value ...]]  (HOURS even, default 6: HOURS straight
# vs HOURS/2 + restart; extra options go to every run)
set -euo pipefail
bin=$1; shift
H=6
if [ $# -gt 0 ] && [[ $1 =~ ^[0-9]+$ ]]; then H=$1; shift; fi
h=$((H / 2))
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$bin" run inputs/cases/wcs.yaml "$@" --hours $H --output "$tmp/full" > "$tmp/log_full" 2>&1
"$bin" run inputs/cases/wcs.yaml "$@" --hours $h --output "$tmp/first" \
  --set checkpoint.every_hours=$h > "$tmp/log_first" 2>&1
test -s "$tmp/first/checkpoint.h5" || { echo "FAIL: no checkpoint written"; exit 1; }
# the restart writes into the same directory, as a user resuming a crashed run would: its files
# carry their own first hour, so the files of hours 1-3 must survive beside those of hours 4-6
"$bin" run inputs/cases/wcs.yaml "$@" --hours $H --output "$tmp/first" \
  --restart "$tmp/first/checkpoint.h5" > "$tmp/log_second" 2>&1
ls "$tmp/first"
echo "uninterrupted $H h vs $h h + restart to $H h in the same directory (hours 1-$H compared) $*:"
/usr/bin/python3 tests/compare_outputs.py "$tmp/full" "$tmp/first"
n=$(/usr/bin/python3 -c "import glob,netCDF4; print(sum(len(netCDF4.Dataset(f)['time']) for f in glob.glob('$tmp/first/*.nc')))")
[ "$n" = "$H" ] || { echo "FAIL: expected $H hours of NetCDF output in the directory, found $n"; exit 1; }
echo "PASS: $H hours present after the restart"
