#!/usr/bin/env bash
# The real-BuildKit oracle: Debian sid's docker.io (dockerd with its built-in BuildKit), docker-cli
# and docker-buildx in a debootstrap chroot, serving a private unix socket. Tests reach it through
# test-fixtures/src/buildkit-oracle/ with the variables that `env` prints.
#
#   scripts/buildkit-oracle.sh up      create the chroot if needed, mount, start dockerd, import busybox
#   scripts/buildkit-oracle.sh down    stop dockerd by its PID file, unmount everything under the chroot
#   scripts/buildkit-oracle.sh status  say whether the daemon answers (exit 0) or not (exit 1)
#   scripts/buildkit-oracle.sh env     print the `export` lines the tests read
#   scripts/buildkit-oracle.sh fsutil  build the second oracle in the chroot: fsutil's own Send into
#                                      its Receive (Debian sid's golang-go and fsutil sources), after `up`
#
# The chroot lives in ${CTXLENS_BUILDKIT_ROOT:-/var/cache/ctxlens/buildkit-sid} and is kept between
# runs (about 800 MB); a chroot whose package install did not finish is made again.
# Nothing here finds processes by name: dockerd is stopped through its PID file, and only processes
# whose root directory is this chroot are ever signalled.
#
# Exit codes: 0 done; 1 not running (status); 2 usage; 3 this machine cannot run the oracle (not
# root, no debootstrap or chroot, no overlay filesystem, Debian's mirror unreachable);
# 4 creating the chroot failed; 5 dockerd did not start or answer; 6 another up/down held the lock too long.
set -euo pipefail

ROOT="${CTXLENS_BUILDKIT_ROOT:-/var/cache/ctxlens/buildkit-sid}"
MIRROR="${CTXLENS_BUILDKIT_MIRROR:-http://deb.debian.org/debian}"
SUITE=sid
PACKAGES=(docker.io docker-cli docker-buildx containerd runc busybox-static)
# Paths inside the chroot.
RUN_DIR=/run/ctxlens
SOCKET_IN="$RUN_DIR/docker.sock"
PIDFILE_IN="$RUN_DIR/dockerd.pid"
LOG_IN="$RUN_DIR/dockerd.log"
# dockerd's managed containerd writes its PID under the exec root.
EXEC_ROOT_IN="$RUN_DIR/exec"
CONTAINERD_PIDFILE_IN="$EXEC_ROOT_IN/containerd/containerd.pid"
BUSYBOX_IMAGE=ctxlens/busybox:latest
# An unprivileged user in the docker group: a build client that is not root sees unreadable files
# as Docker users do (root reads everything).
BUILD_USER=builder
BUILD_UID=10000
COMPLETE_MARK=.ctxlens-complete
# The fsutil oracle: Debian's Go sources of fsutil and what it imports, unpacked with dpkg -x (the
# fsutil -dev package Breaks docker-buildx, so it is never installed), and the program built from them.
FSUTIL_SOURCES=(golang-github-tonistiigi-fsutil-dev golang-github-containerd-continuity-dev golang-github-moby-patternmatcher-dev
  golang-github-opencontainers-go-digest-dev golang-github-pkg-errors-dev golang-github-planetscale-vtprotobuf-dev
  golang-github-tonistiigi-dchapes-mode-dev golang-golang-x-sync-dev golang-golang-x-sys-dev golang-google-protobuf-dev)
FSUTIL_GOPATH_IN=/opt/ctxlens/fsutil-gopath
FSUTIL_DIR_IN=/opt/ctxlens/fsutil-oracle
FSUTIL_BIN_IN="$FSUTIL_DIR_IN/fsutil-oracle"
FSUTIL_MAIN="$(cd "$(dirname "$0")/.." && pwd)/test-fixtures/src/buildkit-oracle/fsutil/main.go"

die() { # die <exit code> <message...>
  local code=$1
  shift
  echo "buildkit-oracle: $*" >&2
  exit "$code"
}
say() { echo "buildkit-oracle: $*" >&2; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

in_root() { chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
docker_in() { in_root docker -H "unix://$SOCKET_IN" "$@"; }

check_root_path() {
  case "$ROOT" in
    /*) ;;
    *) die 2 "CTXLENS_BUILDKIT_ROOT must be an absolute path, got '$ROOT'" ;;
  esac
  [[ "$ROOT" =~ ^/[A-Za-z0-9._/-]+$ ]] || die 2 "CTXLENS_BUILDKIT_ROOT may hold only letters, digits and . _ - /, got '$ROOT'"
  [ "$ROOT" != / ] || die 2 "CTXLENS_BUILDKIT_ROOT cannot be /"
  ROOT="${ROOT%/}"
}

# Mount points at or below the chroot, in the order they were mounted.
mounts_under() {
  local root=$1
  findmnt -rn -o TARGET | awk -v r="$root" '$0 == r || index($0, r "/") == 1'
}

# A PID from a PID file inside the chroot, printed only when that process still runs with the
# chroot as its root directory (a recycled PID belongs to someone else and is left alone).
live_pid() {
  local file="$ROOT$1" pid
  [ -f "$file" ] || return 1
  pid=$(tr -dc 0-9 <"$file")
  [ -n "$pid" ] || return 1
  [ "$(readlink "/proc/$pid/root" 2>/dev/null)" = "$ROOT" ] || return 1
  echo "$pid"
}

answers() { timeout 10 chroot "$ROOT" /usr/bin/env -i PATH=/usr/bin:/bin docker -H "unix://$SOCKET_IN" version --format '{{.Server.Version}}' >/dev/null 2>&1; }

preflight() {
  [ "$(id -u)" = 0 ] || die 3 "needs root (debootstrap, chroot and mount); run it as root or let the BuildKit suites skip"
  command -v chroot >/dev/null || die 3 "chroot is missing (coreutils)"
  command -v findmnt >/dev/null || die 3 "findmnt is missing (util-linux)"
  command -v flock >/dev/null || die 3 "flock is missing (util-linux)"
  if ! grep -qw overlay /proc/filesystems; then
    modprobe overlay 2>/dev/null || true
    grep -qw overlay /proc/filesystems || die 3 "the kernel has no overlay filesystem, which dockerd's overlay2 storage needs"
  fi
  local parent fstype
  parent=$(dirname "$ROOT")
  mkdir -p "$parent"
  fstype=$(stat -f -c %T "$parent")
  case "$fstype" in
    overlayfs | tmpfs) die 3 "$parent is on $fstype; overlay2 needs a real filesystem under the chroot (set CTXLENS_BUILDKIT_ROOT elsewhere)" ;;
  esac
}

create_chroot() {
  command -v debootstrap >/dev/null || die 3 "debootstrap is missing (apt-get install debootstrap) and there is no chroot at $ROOT yet"
  local host
  host=$(echo "$MIRROR" | sed -E 's#^[a-z]+://([^/:]+).*#\1#')
  timeout 20 bash -c "exec 3<>/dev/tcp/$host/80" 2>/dev/null || die 3 "cannot reach Debian's mirror $host:80 to create the chroot (no network?)"
  local partial="$ROOT.partial" started
  started=$(now)
  if [ -e "$partial" ]; then
    [ -z "$(mounts_under "$partial")" ] || die 4 "$partial has mounts; unmount them before it can be made again"
    rm -rf "$partial"
  fi
  say "creating Debian $SUITE chroot in $partial (debootstrap --variant=minbase; about a minute)"
  if ! timeout 900 debootstrap --variant=minbase "$SUITE" "$partial" "$MIRROR" >"$partial.log" 2>&1; then
    tail -n 15 "$partial.log" >&2
    die 4 "debootstrap failed (full log: $partial.log)"
  fi
  echo 'Acquire::Check-Valid-Until "false";' >"$partial/etc/apt/apt.conf.d/99ctxlens"
  # Installing docker.io must not start any service.
  printf '#!/bin/sh\nexit 101\n' >"$partial/usr/sbin/policy-rc.d"
  chmod 755 "$partial/usr/sbin/policy-rc.d"
  mount -t proc proc "$partial/proc"
  local ok=0
  if timeout 900 chroot "$partial" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
    sh -c "apt-get update -qq && apt-get install -y -qq --no-install-recommends ${PACKAGES[*]} && apt-get clean" >>"$partial.log" 2>&1; then
    ok=1
  fi
  umount "$partial/proc" || umount -l "$partial/proc"
  if [ $ok = 0 ]; then
    tail -n 15 "$partial.log" >&2
    die 4 "apt-get install ${PACKAGES[*]} failed in the chroot (full log: $partial.log)"
  fi
  chroot "$partial" dpkg-query -W "${PACKAGES[@]}" >"$partial/$COMPLETE_MARK"
  mv "$partial.log" "$partial/var/log/ctxlens-bootstrap.log"
  mv "$partial" "$ROOT"
  say "chroot ready in $(since "$started") s ($(du -sh "$ROOT" | cut -f1))"
}

ensure_chroot() {
  if [ -f "$ROOT/$COMPLETE_MARK" ]; then return; fi
  if [ -e "$ROOT" ]; then
    [ -z "$(mounts_under "$ROOT")" ] || die 4 "$ROOT is incomplete and has mounts; run '$0 down' first"
    say "$ROOT is incomplete (no $COMPLETE_MARK); making it again"
    rm -rf "$ROOT"
  fi
  create_chroot
}

is_mounted() { findmnt -rn -o TARGET | grep -qxF "$1"; }

mount_all() {
  # A bind of the root onto itself makes it a mount point; without it dockerd's layer extraction
  # fails with "remount /, flags: 0x84000".
  is_mounted "$ROOT" || mount --bind "$ROOT" "$ROOT"
  is_mounted "$ROOT/proc" || mount -t proc proc "$ROOT/proc"
  if ! is_mounted "$ROOT/sys"; then
    mount --rbind /sys "$ROOT/sys"
    mount --make-rslave "$ROOT/sys"
  fi
  is_mounted "$ROOT/dev" || mount --bind /dev "$ROOT/dev"
  is_mounted "$ROOT/dev/pts" || mount --bind /dev/pts "$ROOT/dev/pts"
}

unmount_all() {
  local m left
  # Newest first, so nested mounts (dockerd's overlays, /sys's cgroups) go before their parents.
  while read -r m; do
    [ -n "$m" ] || continue
    umount "$m" 2>/dev/null || umount -l "$m" || say "could not unmount $m"
  done < <(mounts_under "$ROOT" | tac)
  left=$(mounts_under "$ROOT")
  [ -z "$left" ] || say "still mounted: $left"
}

start_dockerd() {
  mkdir -p "$ROOT$RUN_DIR"
  rm -f "$ROOT$SOCKET_IN" "$ROOT$PIDFILE_IN"
  # setsid: dockerd outlives this script and is not in its process group, so a Ctrl-C of the
  # caller does not take it down half-way; `down` stops it. It must not inherit the lock (fd 9),
  # or every later up/down would wait for dockerd to exit.
  setsid chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    dockerd -H "unix://$SOCKET_IN" --pidfile "$PIDFILE_IN" --exec-root "$EXEC_ROOT_IN" \
    --data-root /var/lib/docker --iptables=false --ip6tables=false --bridge=none \
    --storage-driver overlay2 --exec-opt native.cgroupdriver=cgroupfs \
    </dev/null >"$ROOT$LOG_IN" 2>&1 9>&- &
  local launcher=$! deadline=$((SECONDS + 60))
  until answers; do
    if ! kill -0 "$launcher" 2>/dev/null; then
      tail -n 15 "$ROOT$LOG_IN" >&2
      die 5 "dockerd exited during start (log: $ROOT$LOG_IN)"
    fi
    if [ $SECONDS -ge $deadline ]; then
      tail -n 15 "$ROOT$LOG_IN" >&2
      die 5 "dockerd did not answer on $ROOT$SOCKET_IN within 60 s (log: $ROOT$LOG_IN)"
    fi
    sleep 0.3
  done
}

# A FROM-able image made locally from busybox-static, so a Dockerfile can RUN without a registry.
import_busybox() {
  docker_in image inspect "$BUSYBOX_IMAGE" >/dev/null 2>&1 && return
  in_root sh -c 'set -e; d=$(mktemp -d); mkdir "$d/bin"; cp /bin/busybox "$d/bin/"; for a in $(/bin/busybox --list); do [ -e "$d/bin/$a" ] || ln -s busybox "$d/bin/$a"; done; tar -C "$d" -c . ; rm -rf "$d"' |
    docker_in import - "$BUSYBOX_IMAGE" >/dev/null || die 5 "importing $BUSYBOX_IMAGE from busybox-static failed"
}

ensure_build_user() {
  in_root getent passwd "$BUILD_USER" >/dev/null && return
  in_root useradd --create-home --uid "$BUILD_UID" --user-group --groups docker "$BUILD_USER" || die 5 "cannot create the user $BUILD_USER in the chroot"
}

print_env() {
  echo "export CTXLENS_BUILDKIT_ROOT=$ROOT"
  echo "export CTXLENS_BUILDKIT_SOCKET=$ROOT$SOCKET_IN"
}

print_versions() {
  echo "socket: $ROOT$SOCKET_IN (inside the chroot: $SOCKET_IN)"
  echo "busybox image: $BUSYBOX_IMAGE; unprivileged build user: $BUILD_USER (uid $BUILD_UID, group docker)"
  docker_in version --format 'docker client {{.Client.Version}}, dockerd {{.Server.Version}}' || true
  docker_in buildx version || true
  docker_in version --format '{{range .Server.Components}}{{.Name}} {{.Version}}; {{end}}' || true
  docker_in buildx inspect | grep -i 'buildkit version' || true
  sed 's/^/package: /' "$ROOT/$COMPLETE_MARK"
}

# Serialises up/down across processes (CI, helpers, a developer) on the same chroot.
take_lock() {
  mkdir -p "$(dirname "$ROOT")"
  exec 9>"$ROOT.lock"
  flock -w 900 9 || die 6 "another '$0 up/down' on $ROOT held the lock for 15 minutes"
}

cmd_up() {
  local started
  started=$(now)
  check_root_path
  preflight
  take_lock
  ensure_chroot
  mount_all
  if live_pid "$PIDFILE_IN" >/dev/null && answers; then
    say "dockerd already running (PID $(live_pid "$PIDFILE_IN"))"
  else
    start_dockerd
    say "dockerd started (PID $(live_pid "$PIDFILE_IN" || echo '?'))"
  fi
  import_busybox
  ensure_build_user
  print_versions
  say "up in $(since "$started") s"
  print_env
}

stop_pid() { # stop_pid <pid> <what>
  local pid=$1 what=$2 i
  kill -TERM "$pid" 2>/dev/null || return 0
  for i in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  say "$what (PID $pid) ignored SIGTERM for 30 s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
}

cmd_fsutil() {
  local started
  started=$(now)
  check_root_path
  [ "$(id -u)" = 0 ] || die 3 "needs root (chroot)"
  [ -f "$ROOT/$COMPLETE_MARK" ] || die 3 "no chroot at $ROOT: run '$0 up' first"
  [ -f "$FSUTIL_MAIN" ] || die 2 "missing $FSUTIL_MAIN"
  take_lock
  mount_all
  if ! in_root sh -c 'command -v go' >/dev/null; then
    say "installing golang-go in the chroot"
    timeout 900 chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
      sh -c 'apt-get update -qq && apt-get install -y -qq --no-install-recommends golang-go && apt-get clean' >"$ROOT/var/log/ctxlens-fsutil.log" 2>&1 ||
      die 4 "apt-get install golang-go failed in the chroot (log: $ROOT/var/log/ctxlens-fsutil.log)"
  fi
  if [ ! -f "$ROOT$FSUTIL_GOPATH_IN/.complete" ]; then
    say "unpacking ${FSUTIL_SOURCES[*]}"
    rm -rf "$ROOT$FSUTIL_GOPATH_IN"
    mkdir -p "$ROOT$FSUTIL_GOPATH_IN/debs"
    timeout 600 chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
      sh -c "cd $FSUTIL_GOPATH_IN/debs && apt-get download ${FSUTIL_SOURCES[*]} && for d in *.deb; do dpkg -x \"\$d\" $FSUTIL_GOPATH_IN; done" \
      >>"$ROOT/var/log/ctxlens-fsutil.log" 2>&1 || die 4 "downloading the fsutil sources failed (log: $ROOT/var/log/ctxlens-fsutil.log)"
    (cd "$ROOT$FSUTIL_GOPATH_IN/debs" && ls) >"$ROOT$FSUTIL_GOPATH_IN/.complete"
    rm -rf "$ROOT$FSUTIL_GOPATH_IN/debs"
  fi
  local src="$ROOT$FSUTIL_DIR_IN/src/fsutil-oracle/main.go"
  if [ ! -x "$ROOT$FSUTIL_BIN_IN" ] || ! cmp -s "$FSUTIL_MAIN" "$src"; then
    say "building $FSUTIL_BIN_IN"
    mkdir -p "$(dirname "$src")"
    cp "$FSUTIL_MAIN" "$src"
    rm -f "$ROOT$FSUTIL_BIN_IN"
    timeout 900 chroot "$ROOT" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/root GO111MODULE=off GOPATH="$FSUTIL_DIR_IN:$FSUTIL_GOPATH_IN/usr/share/gocode" GOCACHE="$FSUTIL_DIR_IN/cache" \
      go build -o "$FSUTIL_BIN_IN" fsutil-oracle || die 4 "building the fsutil oracle failed"
  fi
  in_root go version
  sed 's/^/source: /' "$ROOT$FSUTIL_GOPATH_IN/.complete" | grep -E 'fsutil|patternmatcher'
  say "fsutil oracle ready in $(since "$started") s: $ROOT$FSUTIL_BIN_IN"
}

cmd_down() {
  check_root_path
  [ "$(id -u)" = 0 ] || die 3 "needs root to stop dockerd and unmount"
  [ -d "$ROOT" ] || {
    say "no chroot at $ROOT: nothing to stop"
    return 0
  }
  take_lock
  local pid
  if pid=$(live_pid "$PIDFILE_IN"); then
    say "stopping dockerd (PID $pid)"
    stop_pid "$pid" dockerd
  fi
  # dockerd stops its managed containerd itself; this is for a dockerd that had to be killed.
  if pid=$(live_pid "$CONTAINERD_PIDFILE_IN"); then
    say "stopping containerd (PID $pid) left by dockerd"
    stop_pid "$pid" containerd
  fi
  # Leftovers (build shims, say) are found by their root directory being this chroot.
  # One find rather than a readlink per process: the machine may run thousands.
  local link
  while read -r link; do
    pid=${link#/proc/}
    pid=${pid%/root}
    say "stopping PID $pid still running in the chroot: $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)"
    stop_pid "$pid" "process in the chroot"
  done < <(find /proc -mindepth 2 -maxdepth 2 -name root -lname "$ROOT" 2>/dev/null)
  rm -f "$ROOT$SOCKET_IN" "$ROOT$PIDFILE_IN"
  unmount_all
  say "down"
}

cmd_status() {
  check_root_path
  if [ ! -f "$ROOT/$COMPLETE_MARK" ]; then
    echo "no chroot at $ROOT"
    return 1
  fi
  local pid
  if pid=$(live_pid "$PIDFILE_IN") && answers; then
    echo "running: dockerd PID $pid"
    print_versions
    print_env
    return 0
  fi
  echo "not running (chroot present at $ROOT; mounts: $(mounts_under "$ROOT" | wc -l))"
  return 1
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  fsutil) cmd_fsutil ;;
  env)
    check_root_path
    print_env
    ;;
  *) die 2 "usage: $0 up|down|status|env|fsutil" ;;
esac
