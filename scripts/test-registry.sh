#!/usr/bin/env bash
# Porthole's private image registry for tests: Debian's `docker-registry`
# (distribution 2.x) serving plain HTTP on 127.0.0.1 with its own config and
# storage under /tmp/porthole-registry. The packaged system service is never
# started. The private engine treats 127.0.0.0/8 as an insecure registry by
# default, so it pushes and pulls over HTTP without extra configuration.
#
# `start` installs the package when missing, starts the registry if it is not
# already answering, pushes the test images and prints the address
# (127.0.0.1:PORT); `stop` stops it; `status` exits 0 when it answers and holds
# the test images; `env` prints the address.
#
# Test images in the registry:
#   busybox:1        the busybox test image (its layer already exists on the
#                    engine, so pulling it shows "Already exists")
#   busybox:layered  busybox plus a 3 MB layer of random bytes that is deleted
#                    from the engine after the push, so pulling it downloads
#                    and extracts for real (progress bars to watch)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${PORTHOLE_REGISTRY_DIR:-/tmp/porthole-registry}"
port="${PORTHOLE_REGISTRY_PORT:-5077}"
address="127.0.0.1:$port"
base="porthole-test/busybox:1"
lib_name=test-registry
# shellcheck source=scripts/test-lib.sh
source "$root/scripts/test-lib.sh"

answering() { curl -fsS --max-time 2 "http://$address/v2/" >/dev/null 2>&1; }

has_tags() {
  local tags
  tags="$(curl -fsS --max-time 2 "http://$address/v2/busybox/tags/list" 2>/dev/null)" || return 1
  [[ "$tags" == *'"1"'* && "$tags" == *'"layered"'* ]]
}

install_deps() {
  local missing=()
  command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing ${missing[*]}; install them (apt-get install -y ${missing[*]}) or run as root"
  # policy-rc.d exit 101 keeps invoke-rc.d from starting the packaged service.
  local policy=/usr/sbin/policy-rc.d made_policy=0 ok=0
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; made_policy=1; fi
  apt_install " (the packaged service is not started)" "${missing[@]}" && ok=1
  [ "$made_policy" = 1 ] && rm -f "$policy"
  [ "$ok" = 1 ] || exit 1
  return 0
}

write_config() {
  mkdir -p "$dir/storage"
  cat >"$dir/config.yml" <<EOF
version: 0.1
log:
  level: warn
  fields:
    service: porthole-test-registry
storage:
  filesystem:
    rootdirectory: $dir/storage
  delete:
    enabled: true
http:
  addr: $address
EOF
}

start_registry() {
  write_config
  if [ -f "$dir/registry.pid" ] && alive "$(cat "$dir/registry.pid")"; then
    kill "$(cat "$dir/registry.pid")" 2>/dev/null || true
  fi
  setsid docker-registry serve "$dir/config.yml" >"$dir/registry.log" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$dir/registry.pid"
  wait_until_answering "$pid" 200 "$dir/registry.log" "docker-registry on http://$address/v2/ (port $port taken?)"
}

seed() {
  local host
  host="$(bash "$root/scripts/test-engine.sh" start)" || die "the private engine could not be started"
  local d=(docker -H "$host")
  "${d[@]}" tag "$base" "$address/busybox:1"
  "${d[@]}" push "$address/busybox:1" >"$dir/push.log" 2>&1 || { cat "$dir/push.log" >&2; die "push of $address/busybox:1 failed"; }
  "${d[@]}" rmi "$address/busybox:1" >/dev/null
  local builder="porthole-registry-seed-$$"
  "${d[@]}" rm -f "$builder" >/dev/null 2>&1 || true
  "${d[@]}" run --name "$builder" --network none "$base" sh -c 'head -c 3000000 /dev/urandom > /payload' >/dev/null \
    || die "could not build the layered test image"
  "${d[@]}" commit "$builder" "$address/busybox:layered" >/dev/null
  "${d[@]}" rm -f "$builder" >/dev/null
  "${d[@]}" push "$address/busybox:layered" >>"$dir/push.log" 2>&1 || { cat "$dir/push.log" >&2; die "push of $address/busybox:layered failed"; }
  # Deleting it locally drops the random layer, so a pull downloads it again.
  "${d[@]}" rmi "$address/busybox:layered" >/dev/null
}

case "${1:-start}" in
  start)
    install_deps
    answering || start_registry
    has_tags || seed
    has_tags || die "the registry at $address does not list busybox:1 and busybox:layered after seeding"
    echo "$address"
    ;;
  stop)
    stop_pid_file "$dir/registry.pid" 100
    ;;
  env)
    echo "$address"
    ;;
  status)
    answering && has_tags
    ;;
  *)
    die "usage: test-registry.sh start|stop|status|env"
    ;;
esac
