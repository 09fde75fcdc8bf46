#!/usr/bin/env bash
# Claim: a run stopped after a checkpoint and restarted from it gives output identical in every
# bit to an uninterrupted run (default case: 6 h straight vs 3 h + checkpoint + restart to 6 h).
set -euo pipefail
bin=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$bin" run inputs/cases/wcs.yaml --hours 6 --output "$tmp/full" > "$tmp/log_full" 2>&1
"$bin" run inputs/cases/wcs.yaml --hours 3 --output "$tmp/first" \
  --set checkpoint.every_hours=3 > "$tmp/log_first" 2>&1
test -s "$tmp/first/checkpoint.h5" || { echo "FAIL: no checkpoint written"; exit 1; }
"$bin" run inputs/cases/wcs.yaml --hours 6 --output "$tmp/second" \
  --restart "$tmp/first/checkpoint.h5" > "$tmp/log_second" 2>&1
echo "uninterrupted 6 h vs restart at hour 3 (hours 4-6 compared):"
/usr/bin/python3 tests/compare_outputs.py "$tmp/full" "$tmp/second"
