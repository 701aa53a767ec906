#!/usr/bin/env bash
# The private engine of the Swarm tests: scripts/test-engine.sh on its own
# folder ("$PORTHOLE_ENGINE_DIR"-swarm), so the other integration tests, which
# restart their engine, never touch the swarm; `start` also makes it a
# single-node swarm manager on 127.0.0.1 (no bridge: services publish no ports
# and run the busybox test image). `stop` leaves the swarm and stops the engine.
# PORTHOLE_SWARM_PORT (default 2377) is the swarm's listen port on 127.0.0.1.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PORTHOLE_ENGINE_DIR="${PORTHOLE_ENGINE_DIR:-/tmp/porthole-engine}-swarm"
port="${PORTHOLE_SWARM_PORT:-2377}"
engine() { bash "$root/scripts/test-engine.sh" "$@"; }
die() { echo "test-engine-swarm: $*" >&2; exit 1; }

case "${1:-start}" in
  start)
    host="$(engine start)"
    state="$(docker -H "$host" info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null || true)"
    if [ "$state" != active ]; then
      out="$(docker -H "$host" swarm init --advertise-addr "127.0.0.1:$port" --listen-addr "127.0.0.1:$port" 2>&1)" \
        || die "docker swarm init failed on $host: $out"
    fi
    [ "$(docker -H "$host" info --format '{{.Swarm.ControlAvailable}}')" = true ] || die "the engine at $host is in a swarm but not a manager"
    echo "$host"
    ;;
  stop)
    if engine status; then docker -H "$(engine env)" swarm leave --force >/dev/null 2>&1 || true; fi
    engine stop
    ;;
  status)
    engine status && [ "$(docker -H "$(engine env)" info --format '{{.Swarm.ControlAvailable}}')" = true ]
    ;;
  env)
    engine env
    ;;
  *)
    die "usage: test-engine-swarm.sh start|stop|status|env"
    ;;
esac
