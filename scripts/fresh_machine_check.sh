#!/usr/bin/env bash
# fresh_machine_check.sh — rehearse the README's two commands on a fresh Debian 12 machine.
#
#   sudo bash scripts/fresh_machine_check.sh [--worktree] [--with PATH]... [--chroot DIR] [--log DIR]
#
# Makes (once) a minimal Debian 12 root with `debootstrap --variant=minbase bookworm DIR MIRROR`
# (MIRROR: the first URI of this machine's apt sources), mounts proc, sys, dev and dev/pts in it, puts a
# clean `git clone` of this repository at /root/airshed inside, and runs the two commands of README.md's
# first code block there with `chroot DIR /bin/bash -lc`, as root, in order. Each command's exit status,
# wall time and log are recorded; everything mounted is unmounted on exit (trap). The root is kept, so
# a second run reuses the packages installed by the first (the clone and the build are always fresh).
#
#   --worktree   overlay the uncommitted work tree (modified and untracked, not ignored files) on the
#                clone: "the clone as it will be once everything is committed".
#   --with PATH  overlay only this work-tree file or folder on the clone (repeatable), e.g.
#                --with scripts/setup.sh --with README.md --with .ci
#   --chroot DIR the root to use or make (default /work/chroot-bookworm)
#   --log DIR    where logs and summary.txt go (default /tmp/fresh_machine_check)
# Exit status: 0 when both commands succeed, 1 otherwise.
set -euo pipefail

CHROOT=/work/chroot-bookworm
LOGDIR=/tmp/fresh_machine_check
WORKTREE=0
WITH=()
while [ $# -gt 0 ]; do
  case "$1" in
    --worktree) WORKTREE=1 ;;
    --with)     WITH+=("${2:?--with needs a path}"); shift ;;
    --chroot)   CHROOT=${2:?--chroot needs a directory}; shift ;;
    --log)      LOGDIR=${2:?--log needs a directory}; shift ;;
    -h|--help)  sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "fresh_machine_check.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
  shift
done

die() { echo "fresh_machine_check.sh: $*" >&2; exit 1; }
say() { echo "== $*"; }
[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, mount, chroot): rerun with sudo"

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mkdir -p "$LOGDIR"

# --- the README's two commands (the same extraction as the project's before-stop check) ---
mapfile -t CMDS < <(awk '/^```/{n++; next} n==1 && NF && $1 !~ /^#/' "$REPO/README.md" | head -3)
[ "${#CMDS[@]}" -eq 2 ] || die "README.md's first code block must hold exactly two commands (found ${#CMDS[@]})"

# --- the minimal Debian 12 root ---
if [ ! -x "$CHROOT/bin/bash" ]; then
  if ! command -v debootstrap >/dev/null 2>&1; then
    say "installing debootstrap on the host"
    DEBIAN_FRONTEND=noninteractive apt-get -q update
    DEBIAN_FRONTEND=noninteractive apt-get -q -y install --no-install-recommends debootstrap
  fi
  MIRROR=$(grep -hoE '^(URIs:|deb)[[:space:]]+https?://[^[:space:]]+' \
             /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
           | grep -v security | head -1 | awk '{print $2}' || true)
  [ -n "$MIRROR" ] || MIRROR=http://deb.debian.org/debian
  say "debootstrap --variant=minbase bookworm $CHROOT $MIRROR"
  t0=$(date +%s)
  debootstrap --variant=minbase bookworm "$CHROOT" "$MIRROR" > "$LOGDIR/debootstrap.log" 2>&1 \
    || die "debootstrap failed: see $LOGDIR/debootstrap.log"
  say "debootstrap took $(( $(date +%s) - t0 )) s"
fi
cp -L /etc/resolv.conf "$CHROOT/etc/resolv.conf" 2>/dev/null || true

# --- mounts, undone on exit ---
MOUNTED=()
cleanup() {
  local i
  for (( i=${#MOUNTED[@]}-1; i>=0; i-- )); do
    umount "${MOUNTED[$i]}" 2>/dev/null || umount -l "${MOUNTED[$i]}" 2>/dev/null \
      || echo "fresh_machine_check.sh: could not unmount ${MOUNTED[$i]}" >&2
  done
}
trap cleanup EXIT
mnt() {   # mnt TARGET mount-args...
  local target="$CHROOT$1"; shift
  mkdir -p "$target"
  mountpoint -q "$target" && return 0
  mount "$@" "$target"
  MOUNTED+=("$target")
}
mnt /proc    -t proc proc
mnt /sys     -t sysfs sys
mnt /dev     --bind /dev
mnt /dev/pts --bind /dev/pts

# --- a clean clone of the repository at /root/airshed ---
DEST="$CHROOT/root/airshed"
rm -rf "$DEST"
git clone -q "$REPO" "$DEST"
if [ "$WORKTREE" -eq 1 ]; then
  while IFS= read -r -d '' f; do
    if [ -e "$REPO/$f" ]; then (cd "$REPO" && cp --parents -a -- "$f" "$DEST/"); else rm -f -- "$DEST/$f"; fi
  done < <(cd "$REPO" && git ls-files -z -m -o --exclude-standard)
fi
for f in "${WITH[@]}"; do
  [ -e "$REPO/$f" ] || die "--with $f: no such file in $REPO"
  (cd "$REPO" && cp --parents -a -- "$f" "$DEST/")
done
extra=""
[ "$WORKTREE" -eq 1 ] && extra=" + work tree"
[ ${#WITH[@]} -gt 0 ] && extra="$extra + ${WITH[*]}"
say "clone of $REPO (HEAD $(git -C "$DEST" rev-parse --short HEAD)$extra) at /root/airshed"

# --- the two commands, as a new user would type them ---
summary="$LOGDIR/summary.txt"
: > "$summary"
status=0
for i in 0 1; do
  cmd=${CMDS[$i]}
  log="$LOGDIR/cmd$((i+1)).log"
  say "[$((i+1))/2] $cmd   (log: $log)"
  t0=$(date +%s.%N)
  set +e
  chroot "$CHROOT" /usr/bin/env -i HOME=/root TERM="${TERM:-dumb}" LANG=C.UTF-8 \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    /bin/bash -lc "cd /root/airshed && $cmd" < /dev/null > "$log" 2>&1
  rc=$?
  set -e
  dt=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
  tail -n 5 "$log" | sed 's/^/   | /'
  line=$(printf 'cmd%d exit=%d time=%ss  %s' $((i+1)) "$rc" "$dt" "$cmd")
  echo "$line" | tee -a "$summary"
  [ "$rc" -eq 0 ] || status=1
done
say "summary in $summary"
exit "$status"
