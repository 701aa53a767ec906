#!/usr/bin/env bash
# The two-node swarm of the Swarm tests: a manager and a worker, each a private
# dockerd made by scripts/test-engine.sh (so each has its own socket, data-root
# and the busybox test image, imported on each node since no registry is
# between them), apart from the single-node swarm of scripts/test-engine-swarm.sh:
#
#   manager  "$PORTHOLE_ENGINE_DIR"-swarm2    in the machine's network namespace
#   worker   "$PORTHOLE_ENGINE_DIR"-swarm2w   in a network namespace made here
#
# `start` makes the namespace and a veth pair on a private /30 (both derived
# from the engine folder, so parallel runs with their own folders do not clash,
# and checked to be unused first): the root side, .1, is the manager's swarm
# address; the namespace side, .2, the worker's. Each dockerd runs in its own
# UTS namespace with its own hostname, so the two nodes differ by name (both
# would otherwise report the machine's). The worker's dockerd is started with
# `nsenter --net=`, not `ip netns exec`, which remounts /sys (dockerd then
# fails with "Devices cgroup isn't mounted"). `start` prints the manager's
# DOCKER_HOST; a start that fails undoes everything it made.
#
# `stop` leaves the swarm on both, stops both engines and deletes the veth
# and the namespace. `status` exits 0 when both answer and the manager lists
# two ready nodes. `env` prints the manager's DOCKER_HOST, `worker-env` the worker's.
# PORTHOLE_SWARM_PORT (default 2377) is the swarm port on both sides of the veth;
# PORTHOLE_SWARM2_NET (e.g. 10.231.7.0) overrides the derived /30.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base="${PORTHOLE_ENGINE_DIR:-/tmp/porthole-engine}"
manager_dir="$base-swarm2"
worker_dir="$base-swarm2w"
port="${PORTHOLE_SWARM_PORT:-2377}"
# The VXLAN port of overlay traffic between the nodes: its own per run as well
# (the kernel's default 4789 is one per namespace, and the manager is in the machine's).
data_port=$((port + 20000))
lib_name=test-swarm-worker
# shellcheck source=scripts/test-lib.sh
source "$root/scripts/test-lib.sh"

# Names and addresses from a checksum of the folder: one run's, never another's.
sum="$(printf '%s' "$manager_dir" | cksum | cut -d' ' -f1)"
tag="$(printf '%06x' $((sum % 16777216)))"
netns="porthole-sw-$tag"
veth_root="phr$tag"     # 9 characters: interface names stop at 15
veth_ns="phn$tag"
if [ -n "${PORTHOLE_SWARM2_NET:-}" ]; then
  net="$PORTHOLE_SWARM2_NET"
else
  slot=$((sum % 16384))  # a /30 in 10.231.0.0/16
  net="10.231.$((slot / 64)).$(((slot % 64) * 4))"
fi
prefix="${net%.*}"
last="${net##*.}"
addr_manager="$prefix.$((last + 1))"
addr_worker="$prefix.$((last + 2))"
manager_host="porthole-manager-$tag"
worker_host="porthole-worker-$tag"

manager_sock="unix://$manager_dir/docker.sock"
worker_sock="unix://$worker_dir/docker.sock"
on_manager() { docker -H "$manager_sock" "$@"; }
on_worker() { docker -H "$worker_sock" "$@"; }
engine_at() { PORTHOLE_ENGINE_DIR="$1" bash "$root/scripts/test-engine.sh" "${@:2}"; }

install_deps() {
  local missing=()
  command -v ip >/dev/null 2>&1 || missing+=(iproute2)
  command -v nsenter >/dev/null 2>&1 || missing+=(util-linux)
  command -v unshare >/dev/null 2>&1 || missing+=(util-linux)
  [ ${#missing[@]} -eq 0 ] && return 0
  apt_install " (the worker's network namespace and veth)" "${missing[@]}" || exit 1
}

# The veth and namespace: made once; a start that finds them reuses them.
make_network() {
  [ "$(id -u)" -eq 0 ] || die "a network namespace and a veth pair need root"
  if ! ip link show "$veth_root" >/dev/null 2>&1; then
    # Nobody else's: no address of the /30 on any interface, no route into it but the default one.
    if [ -n "$(ip -4 -o addr show to "$net/30")" ]; then die "$net/30 is in use here: $(ip -4 -o addr show to "$net/30" | head -n 1); set PORTHOLE_SWARM2_NET to a free /30"; fi
    local routes
    routes="$(ip -4 route show table all to match "$addr_manager" 2>/dev/null | grep -v -E '^(default|broadcast|local) ' || true)"
    [ -z "$routes" ] || die "a route already covers $net/30: $(head -n 1 <<<"$routes"); set PORTHOLE_SWARM2_NET to a free /30"
  fi
  [ -e "/var/run/netns/$netns" ] || ip netns add "$netns"
  if ! ip link show "$veth_root" >/dev/null 2>&1; then
    ip link add "$veth_root" type veth peer name "$veth_ns" netns "$netns"
  fi
  ip addr replace "$addr_manager/30" dev "$veth_root"
  ip link set "$veth_root" up
  ip -n "$netns" addr replace "$addr_worker/30" dev "$veth_ns"
  ip -n "$netns" link set "$veth_ns" up
  ip -n "$netns" link set lo up
}

# The manager: test-engine.sh in a UTS namespace of its own, so its hostname is its own.
start_manager() {
  engine_at "$manager_dir" status && return 0
  unshare --uts bash -c 'hostname "$1" && exec env PORTHOLE_ENGINE_DIR="$2" bash "$3" start' _ \
    "$manager_host" "$manager_dir" "$root/scripts/test-engine.sh" >/dev/null
}

# The worker: likewise, inside the namespace (nsenter, never `ip netns exec`).
start_worker() {
  engine_at "$worker_dir" status && return 0
  nsenter --net="/var/run/netns/$netns" unshare --uts bash -c 'hostname "$1" && exec env PORTHOLE_ENGINE_DIR="$2" bash "$3" start' _ \
    "$worker_host" "$worker_dir" "$root/scripts/test-engine.sh" >/dev/null
}

swarm_state() { docker -H "$1" info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null || true; }

make_swarm() {
  local out token
  if [ "$(swarm_state "$manager_sock")" != active ]; then
    out="$(on_manager swarm init --advertise-addr "$addr_manager:$port" --listen-addr "$addr_manager:$port" \
      --data-path-port "$data_port" 2>&1)" || die "docker swarm init failed on the manager: $out"
  fi
  [ "$(on_manager info --format '{{.Swarm.ControlAvailable}}')" = true ] || die "the engine at $manager_sock is in a swarm but not a manager"
  if [ "$(swarm_state "$worker_sock")" != active ]; then
    token="$(on_manager swarm join-token -q worker)"
    out="$(on_worker swarm join --token "$token" --advertise-addr "$addr_worker:$port" --listen-addr "$addr_worker:$port" \
      "$addr_manager:$port" 2>&1)" || die "docker swarm join failed on the worker: $out"
  fi
  # Both nodes ready, as the manager sees them.
  for _ in $(seq 1 300); do
    [ "$(ready_nodes)" = 2 ] && return 0
    sleep 0.1
  done
  die "the manager does not list 2 ready nodes within 30 s: $(on_manager node ls 2>&1 | tr '\n' ' ')"
}

ready_nodes() { on_manager node ls --format '{{.Status}}' 2>/dev/null | grep -c '^Ready$' || true; }

stop_all() {
  if engine_at "$worker_dir" status; then on_worker swarm leave --force >/dev/null 2>&1 || true; fi
  if engine_at "$manager_dir" status; then on_manager swarm leave --force >/dev/null 2>&1 || true; fi
  engine_at "$worker_dir" stop || true
  engine_at "$manager_dir" stop || true
  # Deleting one end deletes the pair; the namespace's end goes with the namespace too.
  if ip link show "$veth_root" >/dev/null 2>&1; then ip link del "$veth_root" || true; fi
  if [ -e "/var/run/netns/$netns" ]; then ip netns del "$netns" || true; fi
}

case "${1:-start}" in
  start)
    install_deps
    # A start cut short, by a failure or a signal, leaves nothing behind.
    trap 'stop_all' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    make_network
    start_manager
    start_worker
    make_swarm
    trap - EXIT INT TERM
    echo "$manager_sock"
    ;;
  stop)
    stop_all
    ;;
  status)
    engine_at "$manager_dir" status && engine_at "$worker_dir" status && [ "$(ready_nodes)" = 2 ]
    ;;
  env)
    echo "$manager_sock"
    ;;
  worker-env)
    echo "$worker_sock"
    ;;
  net)
    # What this run uses, for a test to check it is gone afterwards.
    echo "$netns $veth_root $veth_ns $net/30 $addr_manager $addr_worker"
    ;;
  *)
    die "usage: test-swarm-worker.sh start|stop|status|env|worker-env|net"
    ;;
esac
