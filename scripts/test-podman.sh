#!/usr/bin/env bash
# Porthole's private Podman service for tests: `podman system service` on its
# own socket, with its own --root, --runroot, storage.conf and containers.conf
# under "$PORTHOLE_PODMAN_DIR" (default /tmp/porthole-podman), so it shares
# nothing with any other Podman or Docker on the machine.
#
# Containers default to network "none" (containers.conf netns), and this
# script never creates a network: a netavark network created on a test
# machine once deleted Docker's docker0 bridge. Tests must pass
# `--network none` as well.
#
# `start` installs Debian's podman if it is missing, starts the service if it
# is not answering and imports the busybox test image; `stop` stops it;
# `env` prints the DOCKER_HOST to use; `status` exits 0 when it is answering.
set -euo pipefail
dir="${PORTHOLE_PODMAN_DIR:-/tmp/porthole-podman}"
sock="$dir/podman.sock"
host="unix://$sock"
image="porthole-test/busybox:1"

die() { echo "test-podman: $*" >&2; exit 1; }

alive() { [ -r "/proc/$1/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status"; }

# The private configuration, for the service and for the podman CLI alike.
export CONTAINERS_CONF="$dir/containers.conf"
export CONTAINERS_STORAGE_CONF="$dir/storage.conf"
export CONTAINERS_REGISTRIES_CONF="$dir/registries.conf"
pod() { podman --root "$dir/root" --runroot "$dir/runroot" --tmpdir "$dir/tmp" "$@"; }

answering() { [ -S "$sock" ] && curl -sf --max-time 2 --unix-socket "$sock" http://d/_ping >/dev/null 2>&1; }

install_deps() {
  local missing=()
  command -v podman >/dev/null 2>&1 || missing+=(podman)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  [ -x /bin/busybox ] && file -L /bin/busybox 2>/dev/null | grep -q static || missing+=(busybox-static)
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing ${missing[*]}; install them (apt-get install -y ${missing[*]}) or run as root"
  echo "test-podman: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 || die "apt-get update failed"
  apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${missing[@]}" file >&2 || die "apt-get install ${missing[*]} failed"
}

write_config() {
  mkdir -p "$dir/root" "$dir/runroot" "$dir/tmp" "$dir/networks"
  cat >"$CONTAINERS_STORAGE_CONF" <<CONF
[storage]
driver = "vfs"
graphroot = "$dir/root"
runroot = "$dir/runroot"
CONF
  # cgroupfs and file events: the test machine may have no systemd or journald.
  # network_config_dir is private too, and empty: nothing here defines a network.
  cat >"$CONTAINERS_CONF" <<CONF
[containers]
netns = "none"
log_driver = "k8s-file"
# Podman asks for nofile=1048576 and a large nproc by default, above the hard
# limits of some sandboxes (runc then fails with "error setting rlimit type 7"
# or "6"); the test containers need few of either.
default_ulimits = ["nofile=4096:4096", "nproc=4096:4096"]

[engine]
cgroup_manager = "cgroupfs"
# An exec through the API leaves two conmon processes waiting this long
# (default 300 s) before they clean up (podman issues 15377, 20415).
exit_command_delay = 5
events_logger = "file"
events_logfile_path = "$dir/events.log"
tmp_dir = "$dir/tmp"
volume_path = "$dir/volumes"

[network]
network_config_dir = "$dir/networks"
CONF
  # No registries: the test image is imported, never pulled.
  printf 'unqualified-search-registries = []\n' >"$CONTAINERS_REGISTRIES_CONF"
}

start_service() {
  write_config
  rm -f "$sock" "$dir/podman.pid"
  setsid podman --root "$dir/root" --runroot "$dir/runroot" --tmpdir "$dir/tmp" \
    system service --time=0 "$host" >"$dir/podman.log" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$dir/podman.pid"
  for _ in $(seq 1 600); do
    answering && return 0
    if ! alive "$pid"; then
      tail -n 20 "$dir/podman.log" >&2 || true
      die "podman system service exited during start-up (log: $dir/podman.log)"
    fi
    sleep 0.1
  done
  tail -n 20 "$dir/podman.log" >&2 || true
  die "the private Podman service did not answer on $host within 60 s (log: $dir/podman.log)"
}

# The same busybox-static image as scripts/test-engine.sh, imported into Podman's
# storage; tagged under docker.io too, so the short name resolves however it is asked for.
import_image() {
  pod image exists "localhost/$image" && return 0
  local root
  root="$(mktemp -d)"
  mkdir -p "$root/bin" "$root/tmp" "$root/etc"
  cp /bin/busybox "$root/bin/busybox"
  for tool in sh ash sleep echo yes top ps cat ls stty env seq printf head tail true false kill date wc grep; do
    ln -s busybox "$root/bin/$tool"
  done
  echo "root:x:0:0:root:/:/bin/sh" >"$root/etc/passwd"
  tar -C "$root" -c . | pod import --quiet --change 'ENV PATH=/bin' - "localhost/$image" >/dev/null \
    || die "could not import $image"
  pod tag "localhost/$image" "docker.io/$image" || die "could not tag $image"
  rm -rf "$root"
}

# Process ids of the conmon processes of this service's containers and execs
# (their command lines name its root), found by id, never by name alone.
conmons() {
  local pid
  for pid in $(pgrep -x conmon 2>/dev/null || true); do
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "-b $dir/root/" && echo "$pid"
  done
  return 0
}

case "${1:-start}" in
  start)
    mkdir -p "$dir"
    install_deps
    answering || start_service
    import_image
    echo "$host"
    ;;
  stop)
    # Containers outlive the service (each has its conmon): stop them first,
    # as dockerd does its own when it shuts down.
    [ -d "$dir/root" ] && command -v podman >/dev/null 2>&1 && pod stop --all --time 1 >/dev/null 2>&1 || true
    if [ -f "$dir/podman.pid" ]; then
      pid="$(cat "$dir/podman.pid")"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 300); do alive "$pid" || break; sleep 0.1; done
      rm -f "$dir/podman.pid"
    fi
    # What is left are the conmon processes execs leave waiting (see exit_command_delay).
    for pid in $(conmons); do kill "$pid" 2>/dev/null || true; done
    ;;
  env)
    echo "$host"
    ;;
  status)
    answering
    ;;
  *)
    die "usage: test-podman.sh start|stop|status|env"
    ;;
esac
