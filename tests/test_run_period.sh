#!/bin/bash
# Claim: scripts/run_period.sh resumes a long run from the checkpoint in its output directory: a first
# call for 2 h (checkpoint every hour) and a second call for 3 h leave hours 1-3 in the directory, the
# second call restarted from the checkpoint (its log line carries --restart) instead of starting again,
# and hour 3 equals hour 3 of one uninterrupted 3-h run. A failing run gives a non-zero exit and one line.
# usage: test_run_period.sh AIRSHED [--set key=value ...]
set -u
bin=$1; shift
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
rp=scripts/run_period.sh
OMP_NUM_THREADS=1 bash $rp "$bin" inputs/cases/wcs.yaml "$tmp/p" 2021-01-01T00:00:00Z 2 1 "$@" || { echo "FAIL: first call"; exit 1; }
OMP_NUM_THREADS=1 bash $rp "$bin" inputs/cases/wcs.yaml "$tmp/p" 2021-01-01T00:00:00Z 3 1 "$@" || { echo "FAIL: second call"; exit 1; }
OMP_NUM_THREADS=1 "$bin" run inputs/cases/wcs.yaml "$@" --hours 3 --output "$tmp/full" > "$tmp/full.log" 2>&1 || { echo "FAIL: straight run"; exit 1; }
resumed=$(grep -c -- "--restart $tmp/p/checkpoint.h5" "$tmp/p/run.log")
hours=$(cat "$tmp"/p/*_receptors.csv | grep -v '^time' | cut -d, -f1 | sort -u | wc -l)
h3p=$(cat "$tmp"/p/*_receptors.csv | grep '^2021-01-01T03:00:00Z,Wujin,')
h3f=$(grep '^2021-01-01T03:00:00Z,Wujin,' "$tmp"/full/*_receptors.csv)
echo "second call restarted from the checkpoint: $resumed time(s); hours in the directory: $hours (want 3)"
echo "hour 3 at Wujin, resumed vs straight run: $( [ "$h3p" = "$h3f" ] && echo identical || echo DIFFERENT)"
msg=$(OMP_NUM_THREADS=1 bash $rp "$bin" inputs/cases/wcs.yaml "$tmp/bad" 2021-01-01T00:00:00Z 2 1 --set grid.resolution=7km 2>&1 >/dev/null)
st=$?
echo "bad grid: exit $st, message: $msg"
[ "$resumed" = 1 ] && [ "$hours" = 3 ] && [ -n "$h3p" ] && [ "$h3p" = "$h3f" ] && [ $st -ne 0 ] &&
  [ "$(printf '%s\n' "$msg" | wc -l)" = 1 ] && { echo PASS; exit 0; }
echo FAIL; exit 1
