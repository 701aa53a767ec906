#!/usr/bin/env bash
# The fast tier (`npm run test:unit`): the unit and pane tests only. They need
# no Docker engine, no root and no network, so this starts nothing. All files
# run in one process (no per-file start-up), which keeps it under 30 s.
# `npm test` (scripts/test.sh) stays the full run, the one CI uses.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
files=('test/unit/**/*.test.ts' 'test/panes/**/*.test.tsx')
if [ "$#" -gt 0 ]; then files=("$@"); fi
# Unset so that a unit test that reached for an engine would fail, not find one.
unset PORTHOLE_TEST_HOST PORTHOLE_TEST_HOST2 PORTHOLE_TEST_REGISTRY DOCKER_HOST
exec bash scripts/node.sh --import tsx --test --test-isolation=none --test-reporter=spec "${files[@]}"
