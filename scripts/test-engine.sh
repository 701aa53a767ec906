#!/usr/bin/env bash
# Porthole's private Docker engine for tests: its own socket, data-root and
# exec-root, no bridge and no iptables, so it never touches the user's default
# engine. `start` installs what is missing, starts dockerd if it is not already
# answering, and imports the busybox test image; `stop` stops it; `env` prints
# the DOCKER_HOST to use; `status` exits 0 when it is answering.
set -euo pipefail
dir="${PORTHOLE_ENGINE_DIR:-/tmp/porthole-engine}"
sock="$dir/docker.sock"
host="unix://$sock"
image="porthole-test/busybox:1"
lib_name=test-engine
# shellcheck source=scripts/test-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/test-lib.sh"

answering() { docker -H "$host" version >/dev/null 2>&1; }

install_deps() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v docker >/dev/null 2>&1 || missing+=(docker.io)
  [ -x /bin/busybox ] && file -L /bin/busybox 2>/dev/null | grep -q static || missing+=(busybox-static)
  command -v tmux >/dev/null 2>&1 || missing+=(tmux)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)
  [ ${#missing[@]} -eq 0 ] && return 0
  apt_install "" "${missing[@]}" file || exit 1
}

start_dockerd() {
  mkdir -p "$dir/data" "$dir/exec"
  # Nothing answers, so a pid file left by a killed dockerd is stale (its
  # process may linger as an unreaped zombie, which dockerd mistakes for alive).
  rm -f "$sock" "$dir/docker.pid"
  # Likewise dockerd's managed containerd: a stale pid file makes dockerd wait
  # for a containerd that will never answer.
  local cpid="$dir/exec/containerd/containerd.pid"
  if [ -f "$cpid" ] && ! alive "$(cat "$cpid")"; then rm -f "$cpid"; fi
  setsid dockerd --host "$host" \
    --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$dir/docker.pid" \
    --bridge none --iptables=false --ip-masq=false --ip6tables=false \
    >"$dir/dockerd.log" 2>&1 </dev/null &
  wait_until_answering $! 1200 "$dir/dockerd.log" "dockerd on $host"
}

import_image() {
  docker -H "$host" image inspect "$image" >/dev/null 2>&1 && return 0
  local root
  root="$(mktemp -d)"
  mkdir -p "$root/bin" "$root/tmp" "$root/etc"
  cp /bin/busybox "$root/bin/busybox"
  for tool in sh ash sleep echo yes top ps cat ls stty env seq printf head tail true false kill date wc grep; do
    ln -s busybox "$root/bin/$tool"
  done
  echo "root:x:0:0:root:/:/bin/sh" >"$root/etc/passwd"
  tar -C "$root" -c . | docker -H "$host" import -c 'ENV PATH=/bin' - "$image" >/dev/null \
    || die "could not import $image"
  rm -rf "$root"
}

case "${1:-start}" in
  start)
    install_deps
    answering || start_dockerd
    import_image
    echo "$host"
    ;;
  stop)
    stop_pid_file "$dir/docker.pid" 300
    ;;
  env)
    echo "$host"
    ;;
  status)
    answering
    ;;
  *)
    die "usage: test-engine.sh start|stop|status|env"
    ;;
esac
