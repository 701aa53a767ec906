#!/usr/bin/env bash
# `npm run demo`: for someone with no engine yet. Starts Porthole's private
# engine (scripts/test-engine.sh: its own socket and data, never the user's
# engine), fills it with a realistic workload, and opens Porthole on it.
#   npm run demo              make the workload (afresh) and open Porthole
#   npm run demo -- setup     only make the workload
#   npm run demo -- clean     remove the workload (containers and volumes)
# Everything it makes carries the label porthole.demo=1, and clean removes
# exactly that. Stop the engine with `npm run engine:stop`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
host="$(bash scripts/test-engine.sh start)"
image="porthole-test/busybox:1"
label="porthole.demo=1"
d() { docker -H "$host" "$@"; }

clean() {
  local ids vols
  ids="$(d ps -aq --filter "label=$label")"
  if [ -n "$ids" ]; then d rm -f $ids >/dev/null; fi
  vols="$(d volume ls -q --filter "label=$label")"
  if [ -n "$vols" ]; then d volume rm $vols >/dev/null; fi
}

# A service of a compose project, as compose labels it (Porthole reads the labels; compose itself is not needed).
service() {
  local project="$1" name="$2"
  shift 2
  d run -d --name "$project-$name" --label "$label" \
    --label "com.docker.compose.project=$project" --label "com.docker.compose.service=$name" "$@" >/dev/null
}

setup() {
  clean
  d volume create --label "$label" shop-db-data >/dev/null
  d volume create --label "$label" blog-uploads >/dev/null
  d volume create --label "$label" scratch >/dev/null
  # Two compose projects: shop (web, a healthy db with a volume, cache) and blog (an unhealthy web, a worker).
  service shop web "$image" sh -c 'i=0; while :; do i=$((i+1)); echo "GET /cart/$i 200 $((i % 50 + 3))ms"; sleep 0.5; done'
  service shop db -v shop-db-data:/data --health-cmd 'true' --health-interval 2s "$image" \
    sh -c 'while :; do date > /data/checkpoint; echo "checkpoint written"; sleep 5; done'
  service shop cache "$image" sleep 999999
  service blog web --health-cmd 'false' --health-interval 2s --health-retries 1 "$image" \
    sh -c 'while :; do echo "GET /posts 200"; sleep 2; done'
  service blog worker -v blog-uploads:/uploads "$image" \
    sh -c 'while :; do echo "resized upload $(date +%s).jpg"; sleep 3; done'
  # A logger on stdout and stderr, a CPU burner (half a core), a container that keeps restarting.
  d run -d --name logger --label "$label" "$image" \
    sh -c 'i=0; while :; do i=$((i+1)); echo "info: request $i served"; if [ $((i % 5)) -eq 0 ]; then echo "error: upstream timeout on request $i" >&2; fi; sleep 0.3; done' >/dev/null
  d run -d --name cpu-burner --cpus 0.5 --label "$label" "$image" sh -c 'while :; do :; done' >/dev/null
  d run -d --name flaky --restart always --label "$label" "$image" \
    sh -c 'echo "starting"; sleep 4; echo "fatal: cannot reach the database" >&2; exit 1' >/dev/null
  # Jobs that ran and exited: one cleanly, one with an error.
  d run --name job-migrate --label "$label" -v scratch:/scratch "$image" sh -c 'echo "migrated 12 tables"' >/dev/null
  d run --name job-report --label "$label" "$image" sh -c 'echo "report failed: no data for yesterday" >&2; exit 3' >/dev/null 2>&1 || true
  echo "demo: workload ready on $host (label $label)" >&2
}

case "${1:-open}" in
  setup) setup ;;
  clean) clean ;;
  open)
    setup
    bash scripts/node.sh scripts/build.mjs
    exec bash scripts/node.sh dist/porthole.js --host "$host"
    ;;
  *) echo "usage: npm run demo [-- setup|clean]" >&2; exit 2 ;;
esac
