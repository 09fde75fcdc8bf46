#!/usr/bin/env bash
# Claim: the default case gives identical output bits with 1 and 2 OpenMP threads.
set -euo pipefail
# usage: test_threads.sh AIRSHED HOURS [--set key=value ...]  (extra options go to both runs)
bin=$1; hours=${2:-6}; shift 2 || shift $#
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
OMP_NUM_THREADS=1 "$bin" run inputs/cases/wcs.yaml "$@" --hours "$hours" --output "$tmp/t1" > "$tmp/log1" 2>&1
OMP_NUM_THREADS=2 "$bin" run inputs/cases/wcs.yaml "$@" --hours "$hours" --output "$tmp/t2" > "$tmp/log2" 2>&1
echo "default case $*, $hours h, 1 thread vs 2 threads:"
/usr/bin/python3 tests/compare_outputs.py "$tmp/t1" "$tmp/t2"
