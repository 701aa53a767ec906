#!/usr/bin/env bash
# Porthole's private Docker engine for tests: its own socket, data-root and
# exec-root, no bridge and no iptables, so it never touches the user's default
# engine. `start` installs what is missing, starts dockerd if it is not already
# answering, and imports the busybox test image; `stop` stops it; `env` prints
# the DOCKER_HOST to use; `status` exits 0 when it is answering; `clean`
# removes the containers an interrupted test or bench run left behind (labelled
# porthole.test or porthole.bench), so the next run's screens show only its own.
#
# With PORTHOLE_ENGINE_TLS=1 (scripts/test-engine-tls.sh sets it), the engine
# listens on tcp://127.0.0.1:$PORTHOLE_ENGINE_TLS_PORT (default 23760) with
# --tlsverify instead of a socket:
# `start` makes a fresh CA, server and client certificates with openssl, the
# client's in "$dir/certs" (DOCKER_CERT_PATH), and a second CA with its own
# client certificate in "$dir/other-ca" that the engine does not trust.
set -euo pipefail
dir="${PORTHOLE_ENGINE_DIR:-/tmp/porthole-engine}"
sock="$dir/docker.sock"
host="unix://$sock"
tls_port=""
if [ "${PORTHOLE_ENGINE_TLS:-}" = 1 ]; then
  tls_port="${PORTHOLE_ENGINE_TLS_PORT:-23760}"
  host="tcp://127.0.0.1:$tls_port"
fi
image="porthole-test/busybox:1"
lib_name=test-engine
# shellcheck source=scripts/test-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/test-lib.sh"

# The docker CLI against this engine (with the client certificate in TLS mode).
dock() {
  if [ -n "$tls_port" ]; then
    DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH="$dir/certs" docker -H "$host" "$@"
  else
    docker -H "$host" "$@"
  fi
}

answering() { dock version >/dev/null 2>&1; }

install_deps() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v docker >/dev/null 2>&1 || missing+=(docker.io)
  [ -x /bin/busybox ] && file -L /bin/busybox 2>/dev/null | grep -q static || missing+=(busybox-static)
  command -v tmux >/dev/null 2>&1 || missing+=(tmux)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)
  [ ${#missing[@]} -eq 0 ] && return 0
  apt_install "" "${missing[@]}" file || exit 1
}

# A CA named $2 in folder $1, and a certificate it signs for $3 (server or client).
make_ca() {
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$2" \
    -keyout "$1/ca-key.pem" -out "$1/ca.pem" 2>/dev/null || die "openssl could not make the CA $2"
}
sign() {
  local folder="$1" ca="$2" usage="$3" name="$4"
  local ext="$folder/$name.ext"
  if [ "$usage" = serverAuth ]; then
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' >"$ext"
  else
    printf 'extendedKeyUsage=clientAuth\n' >"$ext"
  fi
  openssl req -newkey rsa:2048 -nodes -subj "/CN=porthole-$name" -keyout "$folder/$name-key.pem" -out "$folder/$name.csr" 2>/dev/null \
    && openssl x509 -req -days 2 -in "$folder/$name.csr" -CA "$ca/ca.pem" -CAkey "$ca/ca-key.pem" -CAcreateserial \
      -extfile "$ext" -out "$folder/$name.pem" 2>/dev/null \
    || die "openssl could not sign the $name certificate"
  rm -f "$folder/$name.csr" "$ext"
}

# Fresh certificates for each start: the engine's in server/, the client's in
# certs/ as DOCKER_CERT_PATH wants them (ca.pem, cert.pem, key.pem), and a
# client of a CA the engine does not know in other-ca/.
make_certs() {
  rm -rf "$dir/ca" "$dir/server" "$dir/certs" "$dir/other-ca"
  mkdir -p "$dir/ca" "$dir/server" "$dir/certs" "$dir/other-ca"
  chmod 700 "$dir/ca" "$dir/server" "$dir/certs" "$dir/other-ca"
  make_ca "$dir/ca" porthole-test-ca
  sign "$dir/server" "$dir/ca" serverAuth server
  sign "$dir/certs" "$dir/ca" clientAuth client
  mv "$dir/certs/client.pem" "$dir/certs/cert.pem"
  mv "$dir/certs/client-key.pem" "$dir/certs/key.pem"
  cp "$dir/ca/ca.pem" "$dir/certs/ca.pem"
  make_ca "$dir/other-ca" porthole-other-ca
  sign "$dir/other-ca" "$dir/other-ca" clientAuth client
  mv "$dir/other-ca/client.pem" "$dir/other-ca/cert.pem"
  mv "$dir/other-ca/client-key.pem" "$dir/other-ca/key.pem"
  rm -f "$dir/other-ca/ca-key.pem" "$dir/ca/ca.srl" "$dir/other-ca/ca.srl"
}

start_dockerd() {
  mkdir -p "$dir/data" "$dir/exec"
  local listen=(--host "$host")
  if [ -n "$tls_port" ]; then
    make_certs
    listen+=(--tlsverify --tlscacert "$dir/ca/ca.pem" --tlscert "$dir/server/server.pem" --tlskey "$dir/server/server-key.pem")
  fi
  # Nothing answers, so a pid file left by a killed dockerd is stale (its
  # process may linger as an unreaped zombie, which dockerd mistakes for alive).
  rm -f "$sock" "$dir/docker.pid"
  # Likewise dockerd's managed containerd: a stale pid file makes dockerd wait
  # for a containerd that will never answer.
  local cpid="$dir/exec/containerd/containerd.pid"
  if [ -f "$cpid" ] && ! alive "$(cat "$cpid")"; then rm -f "$cpid"; fi
  setsid dockerd "${listen[@]}" \
    --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$dir/docker.pid" \
    --bridge none --iptables=false --ip-masq=false --ip6tables=false \
    >"$dir/dockerd.log" 2>&1 </dev/null &
  wait_until_answering $! 1200 "$dir/dockerd.log" "dockerd on $host"
}

import_image() {
  dock image inspect "$image" >/dev/null 2>&1 && return 0
  local root
  root="$(mktemp -d)"
  mkdir -p "$root/bin" "$root/tmp" "$root/etc"
  cp /bin/busybox "$root/bin/busybox"
  for tool in sh ash sleep echo yes top ps cat ls stty env seq printf head tail true false kill date wc grep; do
    ln -s busybox "$root/bin/$tool"
  done
  echo "root:x:0:0:root:/:/bin/sh" >"$root/etc/passwd"
  tar -C "$root" -c . | dock import -c 'ENV PATH=/bin' - "$image" >/dev/null \
    || die "could not import $image"
  rm -rf "$root"
}

case "${1:-start}" in
  start)
    install_deps
    answering || start_dockerd
    import_image
    echo "$host"
    ;;
  stop)
    stop_pid_file "$dir/docker.pid" 300
    ;;
  env)
    echo "$host"
    ;;
  status)
    answering
    ;;
  clean)
    answering || die "the engine at $host is not answering; start it first"
    left="$( (dock ps -aq --filter label=porthole.test; dock ps -aq --filter label=porthole.bench) | sort -u)"
    if [ -n "$left" ]; then
      # shellcheck disable=SC2086 # one id per word
      dock rm -f $left >/dev/null
      echo "test-engine: removed $(wc -l <<<"$left") container(s) an earlier run left on $host" >&2
    fi
    ;;
  *)
    die "usage: test-engine.sh start|stop|status|env|clean"
    ;;
esac
