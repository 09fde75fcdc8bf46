#!/bin/bash
# run.sh — the bad-input corpus. usage: tests/bad_inputs/run.sh BUILD/airshed [CASE ...]
#
# Each case is a directory tests/bad_inputs/<case>/ with
#   cmd      "check" or "run"
#   expect   substrings (one a line) that the ONE stderr line must all contain
#   edits    (optional) yamledit.py operations applied to a copy of the base case file
#   args     (optional) extra command-line arguments (one line; $W = work directory)
#   prepare  (optional) bash script run first with W (work dir) and REPO set; makes input files
# The base case is inputs/cases/wcs.yaml (tests/bad_inputs/base.yaml while that does not exist),
# copied to W/inputs/cases/case.yaml next to symlinks of the repository's other inputs/ folders, so
# the base file's relative paths still resolve.
#
# Per case it runs  airshed CMD W/inputs/cases/case.yaml --output W/out ARGS  and asserts:
#   exit status 1..127 (an error, not a crash: signals give >= 128), stderr exactly one line
#   containing `expect`, and no file left in W/out. One line per case; non-zero exit if any fails.
set -u
AIRSHED=${1:?usage: run.sh BUILD/airshed [CASE ...]}
shift
AIRSHED=$(realpath "$AIRSHED")
REPO=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$REPO/tests/bad_inputs
BASE=$REPO/inputs/cases/wcs.yaml
if [ ! -f "$BASE" ]; then
  BASE=$HERE/base.yaml
  echo "note: inputs/cases/wcs.yaml not found, using tests/bad_inputs/base.yaml"
fi
TMP=$(mktemp -d /tmp/airshed_bad_XXXXXX)
trap 'chmod -R u+w "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT

if [ $# -gt 0 ]; then cases=("$@"); else
  cases=()
  for d in "$HERE"/*/; do [ -f "$d/expect" ] && cases+=("$(basename "$d")"); done
fi

pass=0
fail=0
for c in "${cases[@]}"; do
  D=$HERE/$c
  export W=$TMP/$c REPO AIRSHED
  mkdir -p "$W/inputs/cases" "$W/out"
  for x in "$REPO"/inputs/*/; do
    n=$(basename "$x")
    [ "$n" = cases ] || ln -s "$x" "$W/inputs/$n"
  done
  CASE=$W/inputs/cases/case.yaml
  cp "$BASE" "$CASE"
  why=""
  if [ -f "$D/prepare" ] && ! (cd "$W" && bash "$D/prepare") >"$W/prepare.log" 2>&1; then
    why="prepare failed: $(tail -n 1 "$W/prepare.log")"
  fi
  if [ -z "$why" ] && [ -f "$D/edits" ] && ! /usr/bin/python3 "$HERE/yamledit.py" "$CASE" "$D/edits" 2>"$W/edit.log"; then
    why="$(tail -n 1 "$W/edit.log")"
  fi
  cmd=$(head -n 1 "$D/cmd")
  args=()
  if [ -f "$D/args" ]; then
    line=$(head -n 1 "$D/args")
    eval "args=(${line//\$W/$W})"
  fi
  msg=""
  if [ -z "$why" ]; then
    (cd "$W" && timeout 120 "$AIRSHED" "$cmd" "$CASE" --output "$W/out" "${args[@]}" >"$W/stdout" 2>"$W/stderr")
    rc=$?
    nl=$(wc -l <"$W/stderr")
    msg=$(head -n 1 "$W/stderr")
    left=$(find "$W/out" -mindepth 1 | head -n 3 | tr '\n' ' ')
    if [ "$rc" -eq 0 ]; then why="exit status 0"
    elif [ "$rc" -ge 124 ]; then why="exit status $rc (crash, signal or timeout)"
    elif [ "$nl" -ne 1 ]; then why="stderr has $nl lines"
    else
      while IFS= read -r e; do
        [ -n "$e" ] && [[ "$msg" != *"$e"* ]] && why="message lacks '$e'" && break
      done <"$D/expect"
    fi
    if [ -n "$why" ]; then :
    elif [ -n "$left" ]; then why="output left behind: $left"
    fi
  fi
  if [ -z "$why" ]; then
    pass=$((pass + 1))
    printf 'PASS %-24s %s\n' "$c" "$msg"
  else
    fail=$((fail + 1))
    printf 'FAIL %-24s %s | %s\n' "$c" "$why" "$msg"
  fi
done
echo "bad_inputs: $pass passed, $fail failed of ${#cases[@]}"
[ "$fail" -eq 0 ]
