#!/usr/bin/env bash
# Shared by scripts/test-engine.sh and scripts/test-registry.sh (sourced, not
# run): the name in their messages is `$lib_name`, which each sets first.

die() { echo "$lib_name: $*" >&2; exit 1; }

# A process that exited but was not reaped still passes `kill -0`.
alive() { [ -r "/proc/$1/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status"; }

# apt_install NOTE PACKAGE...: installs the packages with apt as root (NOTE is
# added to the message), or dies naming them when not root. Returns 1 when apt fails.
apt_install() {
  local note="$1"; shift
  [ "$(id -u)" -eq 0 ] || die "missing $*; install them (apt-get install -y $*) or run as root"
  echo "$lib_name: installing $*$note" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 || { echo "$lib_name: apt-get update failed" >&2; return 1; }
  apt-get install -y -qq "$@" >&2 || { echo "$lib_name: apt-get install $* failed" >&2; return 1; }
}

# wait_until_answering PID TENTHS LOG WHAT: polls `answering` every 0.1 s, up to
# TENTHS times; dies with the log's tail when PID exits first or time runs out.
wait_until_answering() {
  local pid="$1" tenths="$2" log="$3" what="$4"
  for _ in $(seq 1 "$tenths"); do
    answering && return 0
    if ! alive "$pid"; then
      tail -n 20 "$log" >&2 || true
      die "$what exited during start-up (log: $log)"
    fi
    sleep 0.1
  done
  tail -n 20 "$log" >&2 || true
  die "$what did not answer within $((tenths / 10)) s (log: $log)"
}

# stop_pid_file FILE TENTHS: stops the process FILE names and waits up to TENTHS
# tenths of a second for it to go; the file goes with it.
stop_pid_file() {
  local file="$1" tenths="$2" pid
  [ -f "$file" ] || return 0
  pid="$(cat "$file")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 "$tenths"); do alive "$pid" || break; sleep 0.1; done
  alive "$pid" || rm -f "$file"
}
