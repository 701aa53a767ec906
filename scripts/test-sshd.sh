#!/usr/bin/env bash
# Porthole's private sshd for the ssh tests: Debian's openssh-server run on
# 127.0.0.1:PORT with its own sshd_config, host key and authorized_keys under
# one folder, never the packaged service and never ~/.ssh. The authorized key
# carries environment="DOCKER_HOST=unix://<private engine socket>"
# (PermitUserEnvironment yes), so remote commands find the private engine.
#
# It also writes what a client needs, in the same folder:
#   client_key      the key the tests log in with (no agent: IdentityAgent none)
#   known_hosts     the host key, as ssh records it for [127.0.0.1]:PORT
#   ssh_config      `Host porthole-test` with User, Port, IdentityFile,
#                   UserKnownHostsFile and IdentitiesOnly; pass it as `ssh -F`
#                   (Porthole: --ssh-config FILE or PORTHOLE_SSH_CONFIG)
#   sshd.log        the server's log: one "Accepted publickey" line per login
#
# `start` installs openssh-server when missing, starts sshd if it is not
# already answering, and prints the ssh_config path; `stop` stops the server
# and every session it forked (a dropped link, for the tests); `status` exits
# 0 when it answers; `env` prints the ssh_config path.
#
# Settings: PORTHOLE_SSHD_DIR (default /tmp/porthole-sshd), PORTHOLE_SSHD_PORT
# (default 4022), PORTHOLE_ENGINE_DIR (the engine whose socket it points at).
set -euo pipefail
dir="${PORTHOLE_SSHD_DIR:-/tmp/porthole-sshd}"
port="${PORTHOLE_SSHD_PORT:-4022}"
engine_sock="${PORTHOLE_ENGINE_DIR:-/tmp/porthole-engine}/docker.sock"
alias_name="porthole-test"

die() { echo "test-sshd: $*" >&2; exit 1; }

alive() { [ -r "/proc/$1/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status"; }

# Answers when our sshd accepts our key and runs a command (one login, logged).
answering() {
  [ -f "$dir/ssh_config" ] || return 1
  ssh -F "$dir/ssh_config" -o BatchMode=yes -o ConnectTimeout=3 "$alias_name" true >/dev/null 2>&1
}

install_deps() {
  [ -x /usr/sbin/sshd ] && command -v ssh >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1 && return 0
  [ "$(id -u)" -eq 0 ] || die "missing openssh-server; install it (apt-get install -y openssh-server) or run as root"
  echo "test-sshd: installing openssh-server (the packaged service is not started)" >&2
  export DEBIAN_FRONTEND=noninteractive
  # policy-rc.d exit 101 keeps invoke-rc.d from starting the packaged service on port 22.
  local policy=/usr/sbin/policy-rc.d made_policy=0
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; made_policy=1; fi
  local ok=1
  apt-get -o DPkg::Lock::Timeout=600 update -qq >&2 || ok=0
  [ "$ok" = 1 ] && { apt-get install -y -qq -o DPkg::Lock::Timeout=600 openssh-server openssh-client >&2 || ok=0; }
  [ "$made_policy" = 1 ] && rm -f "$policy"
  [ "$ok" = 1 ] || die "apt-get install openssh-server failed"
}

write_files() {
  mkdir -p "$dir"
  chmod 700 "$dir"
  [ -f "$dir/host_key" ] || ssh-keygen -q -t ed25519 -N '' -C porthole-test-host -f "$dir/host_key"
  [ -f "$dir/client_key" ] || ssh-keygen -q -t ed25519 -N '' -C porthole-test-client -f "$dir/client_key"
  printf 'environment="DOCKER_HOST=unix://%s" %s\n' "$engine_sock" "$(cat "$dir/client_key.pub")" >"$dir/authorized_keys"
  chmod 600 "$dir/authorized_keys"
  printf '[127.0.0.1]:%s %s\n' "$port" "$(cut -d' ' -f1,2 "$dir/host_key.pub")" >"$dir/known_hosts"
  cat >"$dir/sshd_config" <<EOF
ListenAddress 127.0.0.1:$port
HostKey $dir/host_key
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
PermitUserEnvironment yes
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
UsePAM no
StrictModes no
AllowStreamLocalForwarding yes
AllowTcpForwarding yes
X11Forwarding no
PrintMotd no
LogLevel INFO
MaxStartups 100
Subsystem sftp internal-sftp
EOF
  cat >"$dir/ssh_config" <<EOF
# Written by scripts/test-sshd.sh: the tests' own client config (never ~/.ssh).
Host $alias_name
  HostName 127.0.0.1
  Port $port
  User $(id -un)
  IdentityFile $dir/client_key
  IdentitiesOnly yes
  IdentityAgent none
  UserKnownHostsFile $dir/known_hosts
  GlobalKnownHostsFile /dev/null
  LogLevel ERROR
EOF
}

# sshd forks a process per connection, and those call setsid: stopping the
# listener alone would leave live sessions, so its whole tree goes.
descendants() {
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
    descendants "$child"
    echo "$child"
  done
}

# An sshd left running by a run with another engine (another PORTHOLE_ENGINE_DIR)
# would send every ssh test to that engine: it counts as running only when its
# authorized key points at this run's engine.
points_here() { grep -qF "DOCKER_HOST=unix://$engine_sock\"" "$dir/authorized_keys" 2>/dev/null; }

stop_sshd() {
  [ -f "$dir/sshd.pid" ] || return 0
  local pid tree
  pid="$(cat "$dir/sshd.pid")"
  if alive "$pid" && grep -q sshd "/proc/$pid/comm" 2>/dev/null; then
    tree="$(descendants "$pid")"
    kill "$pid" 2>/dev/null || true
    # shellcheck disable=SC2086
    [ -n "$tree" ] && kill $tree 2>/dev/null || true
    for _ in $(seq 1 100); do alive "$pid" || break; sleep 0.1; done
  fi
  rm -f "$dir/sshd.pid"
}

start_sshd() {
  write_files
  stop_sshd
  mkdir -p /run/sshd
  /usr/sbin/sshd -t -f "$dir/sshd_config" 2>"$dir/sshd-check.log" || { cat "$dir/sshd-check.log" >&2; die "sshd rejected $dir/sshd_config"; }
  setsid /usr/sbin/sshd -D -f "$dir/sshd_config" -E "$dir/sshd.log" </dev/null >/dev/null 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do
    answering && return 0
    if ! alive "$pid"; then
      tail -n 20 "$dir/sshd.log" >&2 || true
      die "sshd exited during start-up (port $port taken? log: $dir/sshd.log)"
    fi
    sleep 0.1
  done
  tail -n 20 "$dir/sshd.log" >&2 || true
  die "sshd did not accept a login on 127.0.0.1:$port within 10 s (log: $dir/sshd.log)"
}

case "${1:-start}" in
  start)
    install_deps
    { answering && points_here; } || start_sshd
    echo "$dir/ssh_config"
    ;;
  stop)
    stop_sshd
    ;;
  env)
    echo "$dir/ssh_config"
    ;;
  status)
    answering && points_here
    ;;
  *)
    die "usage: test-sshd.sh start|stop|status|env"
    ;;
esac
