#!/usr/bin/env bash
# The test command (`npm test`): typecheck, build, start the private engine,
# then run every test file in one `node --test` run so the summary counts all.
# Files run one at a time: the integration tests restart the engine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
shopt -s globstar nullglob

# What to stop at exit, in reverse order of starting: one list and one trap, so
# adding a component never re-quotes the others (nested trap strings broke on
# the second engine's quoted folder).
stops=()
stop_all() {
  local i
  for ((i = ${#stops[@]} - 1; i >= 0; i--)); do eval "${stops[i]}" || true; done
}
trap stop_all EXIT

started_here=0
if ! bash scripts/test-engine.sh status; then
  started_here=1
fi
if ! PORTHOLE_TEST_HOST="$(bash scripts/test-engine.sh start)"; then
  echo "FAIL: the private Docker engine could not be started; see the lines above (scripts/test-engine.sh)." >&2
  exit 1
fi
export PORTHOLE_TEST_HOST
# Containers an interrupted run left (a bench killed mid-run, a test cut off) would
# push this run's own rows off the screens the terminal tests read.
bash scripts/test-engine.sh clean
if [ "$started_here" = 1 ] && [ -z "${PORTHOLE_KEEP_ENGINE:-}" ]; then
  stops+=("bash scripts/test-engine.sh stop")
fi

# The local image registry (docker-registry on 127.0.0.1) that pull tests pull from.
registry_started_here=0
bash scripts/test-registry.sh status || registry_started_here=1
if ! PORTHOLE_TEST_REGISTRY="$(bash scripts/test-registry.sh start)"; then
  echo "FAIL: the test registry could not be started; see the lines above (scripts/test-registry.sh)." >&2
  exit 1
fi
export PORTHOLE_TEST_REGISTRY
if [ "$registry_started_here" = 1 ] && [ -z "${PORTHOLE_KEEP_ENGINE:-}" ]; then
  stops+=("bash scripts/test-registry.sh stop")
fi

# The private sshd (scripts/test-sshd.sh) the ssh tests connect through; its
# client config (alias porthole-test, key file, known_hosts) is exported for them.
sshd_started_here=0
bash scripts/test-sshd.sh status || sshd_started_here=1
if ! PORTHOLE_TEST_SSH_CONFIG="$(bash scripts/test-sshd.sh start)"; then
  echo "FAIL: the test sshd could not be started; see the lines above (scripts/test-sshd.sh)." >&2
  exit 1
fi
export PORTHOLE_TEST_SSH_CONFIG
if [ "$sshd_started_here" = 1 ] && [ -z "${PORTHOLE_KEEP_ENGINE:-}" ]; then
  stops+=("bash scripts/test-sshd.sh stop")
fi

# The second private engine of the several-hosts tests (test/helpers/second-engine.ts
# starts it on first use, in "$PORTHOLE_ENGINE_DIR"2): stopped at exit if it was not running before.
second_dir="${PORTHOLE_ENGINE_DIR:-/tmp/porthole-engine}2"
if ! PORTHOLE_ENGINE_DIR="$second_dir" bash scripts/test-engine.sh status && [ -z "${PORTHOLE_KEEP_ENGINE:-}" ]; then
  stops+=("PORTHOLE_ENGINE_DIR=$(printf %q "$second_dir") bash scripts/test-engine.sh stop")
fi

# The TLS engine of the TLS tests (test/helpers/tls-engine.ts starts it on first use,
# in "$PORTHOLE_ENGINE_DIR"-tls): likewise stopped at exit if it was not running before.
if ! bash scripts/test-engine-tls.sh status && [ -z "${PORTHOLE_KEEP_ENGINE:-}" ]; then
  stops+=("bash scripts/test-engine-tls.sh stop")
fi

# The swarm-mode engine of the Swarm tests (test/helpers/swarm-engine.ts starts it on
# first use, in "$PORTHOLE_ENGINE_DIR"-swarm): likewise stopped at exit (leaving the swarm) if it was not running before.
if ! bash scripts/test-engine-swarm.sh status && [ -z "${PORTHOLE_KEEP_ENGINE:-}" ]; then
  stops+=("bash scripts/test-engine-swarm.sh stop")
fi

# The two-node swarm of the Swarm tests (test/helpers/swarm-two-nodes.ts starts it on first use:
# scripts/test-swarm-worker.sh, a manager in "$PORTHOLE_ENGINE_DIR"-swarm2 and a worker in
# "$PORTHOLE_ENGINE_DIR"-swarm2w inside a network namespace on a veth /30): likewise stopped at
# exit if it was not running before, which also removes the namespace and the veth.
if ! bash scripts/test-swarm-worker.sh status && [ -z "${PORTHOLE_KEEP_ENGINE:-}" ]; then
  stops+=("bash scripts/test-swarm-worker.sh stop")
fi

# The private Podman service of the Podman tests (test/helpers/podman.ts starts it on
# first use; scripts/test-podman.sh installs podman if needed): stopped at exit if it was not running before.
if ! bash scripts/test-podman.sh status && [ -z "${PORTHOLE_KEEP_ENGINE:-}" ]; then
  stops+=("bash scripts/test-podman.sh stop")
fi

# The launcher keeps V8's code cache in the user's cache folder
# (source/cli/code-cache.ts); the tests' starts keep theirs in a folder of
# the run's own, removed at exit.
XDG_CACHE_HOME="$(mktemp -d "${TMPDIR:-/tmp}/porthole-test-cache.XXXXXX")"
export XDG_CACHE_HOME
stops+=("rm -rf $(printf %q "$XDG_CACHE_HOME")")

bash scripts/node.sh node_modules/typescript/bin/tsc --noEmit -p .
bash scripts/node.sh scripts/build.mjs

files=(test/unit/**/*.test.ts test/panes/**/*.test.tsx test/integration/**/*.test.ts test/e2e/**/*.test.ts test/bench/**/*.test.ts)
if [ "$#" -gt 0 ]; then files=("$@"); fi
bash scripts/node.sh --import tsx --test --test-concurrency=1 --test-reporter=spec "${files[@]}"
