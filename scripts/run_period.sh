#!/bin/bash
# run_period.sh — run a case over a long period (a month, a season) so that it can be stopped and
# resumed: checkpoints every N simulated hours in the output directory, and a second call with the same
# arguments continues from the directory's checkpoint instead of starting again. Every restart writes
# its own hourly files beside the earlier ones (docs/config.md, "Checkpoints"); scripts/pm25_report.py
# reads them all.
#
# usage: scripts/run_period.sh AIRSHED CASE.yaml OUTDIR START HOURS [EVERY] [--set key=value ...]
#   e.g. OMP_NUM_THREADS=1 scripts/run_period.sh build/airshed inputs/cases/wcs.yaml runs/jan \
#          2021-01-01T00:00:00Z 744 24 --set grid.resolution=6km
# EVERY: checkpoint interval in simulated hours (default 24). The log goes to OUTDIR/run.log (appended).
set -euo pipefail
[ $# -ge 5 ] || { echo "usage: $0 AIRSHED CASE.yaml OUTDIR START HOURS [EVERY] [--set key=value ...]" >&2; exit 2; }
bin=$1 case=$2 out=$3 start=$4 hours=$5
shift 5
every=24
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then every=$1; shift; fi
mkdir -p "$out"
args=(run "$case" --output "$out" --set "time.start=$start" --set "time.hours=$hours"
      --set "checkpoint.every_hours=$every" "$@")
if [ -f "$out/checkpoint.h5" ]; then
  echo "run_period: resuming from $out/checkpoint.h5" | tee -a "$out/run.log"
  args+=(--restart "$out/checkpoint.h5")
fi
echo "run_period: $(date -u +%FT%TZ) $bin ${args[*]}" >> "$out/run.log"
status=0
"$bin" "${args[@]}" >> "$out/run.log" 2>&1 || status=$?
if [ $status -ne 0 ]; then
  echo "run_period: airshed failed (exit $status): $(tail -n 1 "$out/run.log")" >&2
  exit $status
fi
echo "run_period: finished $(date -u +%FT%TZ)" >> "$out/run.log"
