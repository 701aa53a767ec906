import {EXIT_FAILURE, EXIT_PERMISSION, EXIT_UNREACHABLE, oneLine, type EngineFailure} from './connection-errors.js';

/** What OpenSSH said when it would not trust the server's host key. */
export type HostKeyRefusal = {
	kind: 'unknown' | 'changed';
	/** e.g. "ED25519 SHA256:gapAE…", when ssh printed it. */
	fingerprint?: string;
	/** ssh's own removal command for a changed key, e.g. `ssh-keygen -f "/x/known_hosts" -R "[h]:22"`. */
	remove?: string;
};

/**
 * Reads OpenSSH's stderr for a host key refusal. A changed key comes with
 * the big warning, which names the new key's fingerprint and how to remove
 * the old one; an unknown key under BatchMode says only "Host key
 * verification failed." (the fingerprint then comes from `-v`, see
 * serverHostKey).
 */
export function hostKeyRefusal(stderr: string): HostKeyRefusal | undefined {
	if (!/Host key verification failed\./.test(stderr)) return undefined;
	if (/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key for \S+ has changed/.test(stderr)) {
		const found = /fingerprint for the (\S+) key sent by the remote host is\s*\n?\s*(SHA256:[A-Za-z0-9+/=]+|MD5:[0-9a-f:]+)/.exec(stderr);
		const remove = /^\s*(ssh-keygen -f "[^"\n]*" -R "[^"\n]*")\s*$/m.exec(stderr);
		const refusal: HostKeyRefusal = {kind: 'changed'};
		if (found) refusal.fingerprint = `${found[1]} ${found[2]!.replace(/\.$/, '')}`;
		if (remove) refusal.remove = remove[1];
		return refusal;
	}
	return {kind: 'unknown'};
}

/** The server's host key from `ssh -v` output ("debug1: Server host key: ssh-ed25519 SHA256:…"), as "ED25519 SHA256:…". */
export function serverHostKey(verbose: string): string | undefined {
	const found = /Server host key: (\S+) (SHA256:[A-Za-z0-9+/=]+|MD5:[0-9a-f:]+)/.exec(verbose);
	if (!found) return undefined;
	const type = found[1]!.replace(/^ssh-/, '').replace(/^ecdsa-sha2-nistp\d+$/, 'ECDSA').toUpperCase();
	return `${type} ${found[2]}`;
}

/**
 * Turns what ssh printed when it exited into one line with an exit code:
 * host keys (3, naming the host, the fingerprint and how to accept),
 * authentication (4), and the usual network failures (3). `host` is the
 * name the user gave; `login` is the ssh command that accepts a key.
 */
export function sshFailure(stderr: string, host: string, login: string, fingerprint?: string): EngineFailure {
	const where = `ssh ${oneLine(host)}`;
	const refusal = hostKeyRefusal(stderr);
	if (refusal) {
		const key = refusal.fingerprint ?? fingerprint;
		const shown = key ? ` (${key})` : '';
		if (refusal.kind === 'changed') {
			const remove = refusal.remove ? `${refusal.remove}, then ` : '';
			return {kind: 'hostkey', exitCode: EXIT_UNREACHABLE, message: `${where}: the host key CHANGED${shown}, refused; if that is expected: ${remove}\`${login}\` once to accept the new key`};
		}
		return {kind: 'hostkey', exitCode: EXIT_UNREACHABLE, message: `${where}: unknown host key${shown}, refused; if it is right, run \`${login}\` once to accept it`};
	}
	const lines = stderr.split('\n').map(line => oneLine(line)).filter(line => line !== '' && !/^(Warning: Permanently added|debug\d:)/.test(line));
	const last = lines.at(-1) ?? 'ssh exited';
	if (/Permission denied \(/.test(stderr) || /Too many authentication failures/.test(stderr)) {
		return {kind: 'permission', exitCode: EXIT_PERMISSION, message: `${where}: authentication failed (${last}); check the User and IdentityFile for this host in your ssh config, or load the key into ssh-agent`};
	}
	if (/Could not resolve hostname/.test(stderr)) return {kind: 'dns', exitCode: EXIT_UNREACHABLE, message: `${where}: ${last} (check the name, or its Host entry in your ssh config)`};
	if (/Connection refused/.test(stderr)) return {kind: 'refused', exitCode: EXIT_UNREACHABLE, message: `${where}: the connection was refused (${last}); is sshd running there, and on that port?`};
	if (/timed out|Timeout, server .* not responding/i.test(stderr)) return {kind: 'timeout', exitCode: EXIT_UNREACHABLE, message: `${where}: no answer (${last})`};
	if (/Network is unreachable|No route to host/.test(stderr)) return {kind: 'refused', exitCode: EXIT_UNREACHABLE, message: `${where}: ${last} (check the address and your network)`};
	if (/Connection (to \S+ )?(closed|reset)|closed by remote host|Broken pipe|kex_exchange_identification/.test(stderr)) return {kind: 'refused', exitCode: EXIT_UNREACHABLE, message: `${where}: the link closed (${last})`};
	return {kind: 'unknown', exitCode: lines.length > 0 ? EXIT_UNREACHABLE : EXIT_FAILURE, message: `${where}: ${last}`};
}
