#!/usr/bin/env bash
# Runs the given script with Node >= 22 (Ink 8 needs it). Uses the node on PATH
# when it is new enough; otherwise installs Node 24 from the npm registry into a
# private cache once, so a machine with only Node 20 still works.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node_bin="$(command -v node || true)"
major=0
if [ -n "$node_bin" ]; then
  major="$("$node_bin" -p 'process.versions.node.split(".")[0]')"
fi
if [ "$major" -lt 22 ]; then
  dir="${PORTHOLE_NODE_DIR:-$root/.cache/node24}"
  node_bin="$dir/node_modules/node/bin/node"
  if [ ! -x "$node_bin" ]; then
    echo "porthole: Node ${major} is older than 22; installing Node 24 into $dir (once)" >&2
    npm install --prefix "$dir" --no-save --no-package-lock node@24 >&2
  fi
fi
exec "$node_bin" "$@"
