#!/usr/bin/env bash
# The private TLS engine for tests: scripts/test-engine.sh in its TLS mode, a
# dockerd with --tlsverify on tcp://127.0.0.1:$PORTHOLE_ENGINE_TLS_PORT
# (default 23760), in "$PORTHOLE_ENGINE_DIR"-tls. Its client certificates are
# in that folder's certs/ (DOCKER_CERT_PATH). Same verbs: start|stop|status|env.
set -euo pipefail
export PORTHOLE_ENGINE_DIR="${PORTHOLE_ENGINE_DIR:-/tmp/porthole-engine}-tls"
export PORTHOLE_ENGINE_TLS=1
exec bash "$(dirname "${BASH_SOURCE[0]}")/test-engine.sh" "$@"
