#!/usr/bin/env bash
# Claim: the multi-cell Rosenbrock (chemistry.solver ros3v, solver/as_rosenbrock_lanes.c) gives the default
# case the same output bits as the one-cell ros3: every cell's chemistry is the same arithmetic (4 cells per
# vector, per-cell step control). ros3v runs on 1 thread, ros3 on 2, so the lanes' grouping of cells and the
# thread count both differ between the runs.
set -euo pipefail
# usage: test_ros3v_model.sh AIRSHED HOURS [--set key=value ...]  (extra options go to both runs)
bin=$1; hours=${2:-1}; shift 2 || shift $#
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
OMP_NUM_THREADS=2 "$bin" run inputs/cases/wcs.yaml "$@" --set chemistry.solver=ros3 --hours "$hours" --output "$tmp/s" > "$tmp/log1" 2>&1
OMP_NUM_THREADS=1 "$bin" run inputs/cases/wcs.yaml "$@" --set chemistry.solver=ros3v --hours "$hours" --output "$tmp/v" > "$tmp/log2" 2>&1
grep "chemistry:.*per cell-step" "$tmp/log1" "$tmp/log2" | sed "s|$tmp/||"
echo "default case $*, $hours h, chemistry ros3 (2 threads) vs ros3v (1 thread):"
/usr/bin/python3 tests/compare_outputs.py "$tmp/s" "$tmp/v"
