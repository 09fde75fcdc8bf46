#!/usr/bin/env bash
# setup.sh — install airshed's Debian 12 dependencies, build, run the default case or the tests.
#
#   bash scripts/setup.sh [--deps]   install missing Debian packages only (the default)
#   bash scripts/setup.sh --build    deps + configure and build into build/ (Release)
#   bash scripts/setup.sh --run      deps + build + run the default case into out/wcs
#   bash scripts/setup.sh --test     deps + build + the default ctest suite
#
# Idempotent: each package is checked with dpkg-query first; apt-get update and apt-get install run
# only when something is missing. Non-interactive. Runs as root, or through sudo when not root.
# Works from any current directory: everything is done from the repository root.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config git ca-certificates
  libnetcdf-dev netcdf-bin libhdf5-dev hdf5-tools libfftw3-dev
  libproj-dev proj-data libyaml-dev libudunits2-dev libsundials-dev libsuitesparse-dev cdo
  python3 python3-numpy python3-netcdf4 python3-xarray python3-matplotlib
)

die() { echo "setup.sh: $*" >&2; exit 1; }
say() { echo "setup.sh: $*"; }

usage() {
  sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

mode=deps
case "${1:-}" in
  ""|--deps) mode=deps ;;
  --build)   mode=build ;;
  --run)     mode=run ;;
  --test)    mode=test ;;
  -h|--help) usage; exit 0 ;;
  *)         die "unknown option '$1' (use --deps, --build, --run, --test or --help)" ;;
esac
[ $# -le 1 ] || die "one option at a time (got: $*)"

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

install_deps() {
  command -v dpkg-query >/dev/null 2>&1 || die "dpkg-query not found: this script needs Debian 12 (or a derivative with apt)"
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "all ${#PACKAGES[@]} Debian packages already installed"
    return 0
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 \
      || die "missing packages (${missing[*]}) and not root and no sudo: rerun as root"
    sudo -n true 2>/dev/null || [ -t 0 ] \
      || die "missing packages (${missing[*]}), not root, and sudo needs a password with no terminal: rerun as root"
    sudo=(sudo)
  fi
  say "installing ${#missing[@]} missing packages: ${missing[*]}"
  local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y
             -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  "${apt[@]}" update || die "apt-get update failed (network or apt sources?)"
  "${apt[@]}" install --no-install-recommends "${missing[@]}" || die "apt-get install failed for: ${missing[*]}"
}

build() {
  local jobs
  jobs=$(nproc 2>/dev/null || echo 2)
  cmake -S "$ROOT" -B "$ROOT/build" -DCMAKE_BUILD_TYPE=Release || die "cmake configure failed"
  cmake --build "$ROOT/build" -j "$jobs" || die "build failed"
  say "built $ROOT/build/airshed"
}

install_deps
[ "$mode" = deps ] && exit 0
build
case "$mode" in
  run)
    mkdir -p out
    build/airshed run inputs/cases/wcs.yaml --output out/wcs
    /usr/bin/python3 scripts/mda8.py out/wcs      # daily maximum 8-h O3 per cell -> out/wcs/wcs_mda8.nc
    ;;
  test)
    ctest --test-dir build -L default --output-on-failure --no-tests=error -j2
    ;;
esac
