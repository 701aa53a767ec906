/** The start of the line the discovery script prints; a login script's own output is told apart by it. */
export const socketMarker = 'porthole-socket:';

/**
 * Finds the engine socket on the remote host, prints it, then holds the
 * session open until our end closes stdin (or ssh is killed). Its order: the
 * remote DOCKER_HOST when it is unix://, the standard socket, rootless
 * Docker's, then Podman's (rootless, then system).
 */
export function discoveryScript(remoteSocket?: string): string {
	const found = remoteSocket === undefined
		? [
			's=',
			'case "${DOCKER_HOST:-}" in unix://*) s="${DOCKER_HOST#unix://}"; [ -S "$s" ] || s=;; esac',
			'u=$(id -u)',
			'if [ -z "$s" ]; then for c in /var/run/docker.sock "/run/user/$u/docker.sock" "${XDG_RUNTIME_DIR:-/run/user/$u}/podman/podman.sock" /run/podman/podman.sock; do if [ -S "$c" ]; then s="$c"; break; fi; done; fi',
		]
		: [`s=${shellQuote(remoteSocket)}`, '[ -S "$s" ] || s='];
	return [...found, `printf "${socketMarker}%s\\n" "$s"`, 'exec cat >/dev/null'].join('\n');
}

/** Quotes a word for a POSIX shell. */
export function shellQuote(word: string): string {
	return `'${word.replace(/'/g, `'\\''`)}'`;
}
