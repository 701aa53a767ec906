import type {EngineTarget} from './connection.js';
import {engineMessage} from './engine-message.js';
import {endpoint} from './target-text.js';

/** Exit code for anything not covered below: an engine API error, a vanished container, an unknown fault. */
export const EXIT_FAILURE = 1;
/** Exit code for a bad flag or a malformed DOCKER_HOST / context / TLS setup: the user must fix the invocation. */
export const EXIT_USAGE = 2;
/** Exit code when the engine cannot be reached: missing socket, refused, timeout, DNS or TLS failure. */
export const EXIT_UNREACHABLE = 3;
/** Exit code when the engine is there but we may not talk to it (socket permissions, ssh authentication). */
export const EXIT_PERMISSION = 4;
// No code for "not a TTY": without a terminal Porthole prints a snapshot instead of failing.

/** What went wrong talking to the engine, as one human line that says how to fix it. */
export type EngineFailure = {
	kind: 'missing' | 'permission' | 'hostkey' | 'refused' | 'timeout' | 'tls' | 'dns' | 'gone' | 'api' | 'not-docker' | 'unknown';
	message: string;
	exitCode: number;
};

/** A malformed --host, DOCKER_HOST, context or TLS setup, found before any connection is tried. */
export class ConnectionConfigError extends Error {
	/** Always EXIT_USAGE. */
	readonly exitCode = EXIT_USAGE;

	constructor(message: string) {
		super(message);
		this.name = 'ConnectionConfigError';
	}
}

/** An engine call that failed, already classified so callers can show `failure.message` and exit with `failure.exitCode`. */
export class EngineError extends Error {
	/** The classified failure; its message is this error's message. */
	readonly failure: EngineFailure;

	constructor(failure: EngineFailure, options?: ErrorOptions) {
		super(failure.message, options);
		this.name = 'EngineError';
		this.failure = failure;
	}
}

type Loose = {
	code?: unknown;
	message?: unknown;
	name?: unknown;
	statusCode?: unknown;
	json?: unknown;
	reason?: unknown;
	level?: unknown;
	hostname?: unknown;
	timeoutMs?: unknown;
	cause?: unknown;
	errors?: unknown;
};

const tlsCodes = new Set([
	'CERT_HAS_EXPIRED',
	'CERT_NOT_YET_VALID',
	'CERT_REJECTED',
	'CERT_SIGNATURE_FAILURE',
	'CERT_UNTRUSTED',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'EPROTO',
	'HOSTNAME_MISMATCH',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_GET_ISSUER_CERT',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

/** Turns anything thrown by an engine call into a one-line, actionable failure for `target`. */
export function classifyError(err: unknown, target: EngineTarget): EngineFailure {
	if (err instanceof EngineError) return err.failure;
	if (err instanceof ConnectionConfigError) return {kind: 'unknown', message: oneLine(err.message), exitCode: EXIT_USAGE};
	const chain = flatten(err);
	const where = endpoint(target);

	const http = chain.find((e) => typeof e.statusCode === 'number');
	if (http) return classifyHttp(http, where);

	const codes = chain.map((e) => (typeof e.code === 'string' ? e.code : '')).filter(Boolean);
	const has = (...wanted: string[]) => codes.some((code) => wanted.includes(code));
	const path = target.kind === 'unix' ? target.socketPath : where;
	const cannot = 'cannot connect to the Docker engine:';

	const timedOut = chain.find((e) => e.name === 'TimeoutError' || e.level === 'client-timeout');
	if (timedOut || has('ETIMEDOUT', 'ESOCKETTIMEDOUT')) {
		const ms = chain.map((e) => e.timeoutMs).find((v): v is number => typeof v === 'number');
		const waited = ms === undefined ? '' : `no answer within ${formatSeconds(ms)}; `;
		return unreachable('timeout', `${cannot} ${where} is not answering (${waited}is dockerd stuck, or is something else listening there?)`);
	}
	if (chain.some((e) => e.level === 'client-authentication')) {
		return {
			kind: 'permission',
			message: `ssh authentication to ${where} failed: load your key into ssh-agent (ssh-add) and make sure SSH_AUTH_SOCK is set`,
			exitCode: EXIT_PERMISSION,
		};
	}
	if (has('EACCES', 'EPERM')) {
		const fix =
			target.kind !== 'unix'
				? 'check your firewall and the engine\'s access rules'
				: target.source === 'Podman socket'
					? 'run with sudo, or use the rootless Podman socket (systemctl --user enable --now podman.socket)'
					: 'add yourself to the docker group (sudo usermod -aG docker $USER, then log in again) or run with sudo';
		return {kind: 'permission', message: `permission denied on ${path}: ${fix}`, exitCode: EXIT_PERMISSION};
	}
	// Only a socket path can be missing; an ENOENT from ssh (say, a stale SSH_AUTH_SOCK) falls through to unknown.
	if (target.kind === 'unix' && has('ENOENT', 'ENOTDIR')) {
		return unreachable('missing', `${cannot} ${path} does not exist (is dockerd running? ${hint(target)})`);
	}
	if (has('ECONNREFUSED', 'ENOTSOCK')) {
		return unreachable('refused', `${cannot} ${path} refused the connection (is dockerd running?)`);
	}
	if (has('ECONNRESET', 'EPIPE') || chain.some((e) => e.message === 'socket hang up')) {
		return unreachable('refused', `${cannot} ${where} closed the connection (is it really a Docker engine, and does it expect TLS?)`);
	}
	if (has('EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN')) {
		return unreachable('refused', `${cannot} ${where} is unreachable (check the address and your network)`);
	}
	if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL')) {
		const host = target.kind === 'unix' ? where : target.host;
		return unreachable('dns', `cannot resolve the engine host "${oneLine(host)}" (check the spelling in ${target.source}, and your DNS)`);
	}
	const tls = chain.find((e) => typeof e.code === 'string' && isTlsCode(e.code));
	if (tls) {
		const fix = target.source.startsWith('context')
			? `check the certificates of ${target.source}`
			: 'check DOCKER_CERT_PATH and DOCKER_TLS_VERIFY';
		return unreachable('tls', `TLS with ${where} failed: ${tlsReason(tls)} (${fix})`);
	}
	const first = chain[0];
	const text = first && typeof first.message === 'string' && first.message ? first.message : String(err);
	return {kind: 'unknown', message: `cannot talk to the Docker engine at ${where}: ${oneLine(text)}`, exitCode: EXIT_FAILURE};
}

/** The failure for an address whose server answers, but not as a Docker engine does (its `/_ping` did not say OK). */
export function notDockerFailure(target: EngineTarget): EngineFailure {
	return unreachable('not-docker', `${endpoint(target)} is not a Docker engine (its /_ping did not answer OK; check the address and port)`);
}

/** True when `err` is the engine saying the container no longer exists (HTTP 404 "No such container"), e.g. it was removed meanwhile. */
export function isGone(err: unknown): boolean {
	return flatten(err).some((e) => e.statusCode === 404 && /no such container/i.test(`${String(e.reason ?? '')} ${engineMessage(e)}`));
}

/**
 * Collapses whitespace and strips control characters so untrusted text is one
 * safe terminal line. Format characters (bidi overrides and isolates such as
 * U+202E, zero-width joiners, BOM) go as well: they would reorder or hide what
 * the rest of the line says.
 */
export function oneLine(text: string, max = 240): string {
	const flat = text.replace(/\p{Cf}+/gu, '').replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function classifyHttp(e: Loose, where: string): EngineFailure {
	const status = e.statusCode as number;
	if (isWebPage(e.json)) {
		// The engine answers errors in JSON; a page is a web server or a proxy, and the page is no message.
		return unreachable('not-docker', `${where} is not a Docker engine (it answered HTTP ${status} with a web page; check the address and port)`);
	}
	const said = oneLine(engineMessage(e)) || `HTTP ${status}`;
	if (status === 404 && /no such container/i.test(`${String(e.reason ?? '')} ${said}`)) {
		return {kind: 'gone', message: `the container is gone (${said})`, exitCode: EXIT_FAILURE};
	}
	if (status === 400 && /HTTPS server/i.test(said)) {
		return unreachable('tls', `${where} expects TLS (use https://, or set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH)`);
	}
	return {kind: 'api', message: `the Docker engine answered with an error: ${said} (HTTP ${status})`, exitCode: EXIT_FAILURE};
}

/** True when an error body is an HTML page rather than the engine's JSON. */
function isWebPage(body: unknown): boolean {
	const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.subarray(0, 512).toString('utf8') : '';
	return /^\s*<(!doctype|html|head|body|\?xml|h1|title)\b/i.test(text);
}

/**
 * Node's words for a TLS failure, made readable: without its advice about
 * --use-system-ca (a Node flag, not ours), and an OpenSSL error string
 * ("40DD…:error:0A000412:SSL routines:ssl3_read_bytes:ssl/tls alert bad
 * certificate:…") cut to its reason, with what the engine's alert means.
 */
function tlsReason(e: Loose): string {
	const text = oneLine(String(e.message ?? e.code)).replace(/;? *if the root CA is installed locally.*$/i, '');
	const openssl = /^[0-9A-F]+:error:[0-9A-F]+:[^:]*:[^:]*:([^:]+):/.exec(text);
	const reason = (openssl ? openssl[1]!.trim() : text) || String(e.code);
	if (/alert (bad certificate|unknown ca|certificate unknown|unsupported certificate)/i.test(reason)) {
		return `the engine did not accept our client certificate (${reason})`;
	}
	if (/alert certificate required/i.test(reason)) return `the engine wants a client certificate, and we sent none (${reason})`;
	return reason;
}

function isTlsCode(code: string): boolean {
	return tlsCodes.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_') || code.startsWith('ERR_OSSL_');
}

/** The error, its causes and, for AggregateError (Node's happy-eyeballs connect), its members. */
function flatten(err: unknown, depth = 0): Loose[] {
	if (err === null || err === undefined || depth > 4) return [];
	if (typeof err !== 'object') return [{message: String(err)}];
	const e = err as Loose;
	const members = Array.isArray(e.errors) ? e.errors.flatMap((m: unknown) => flatten(m, depth + 1)) : [];
	return [e, ...members, ...flatten(e.cause, depth + 1)];
}

function unreachable(kind: EngineFailure['kind'], message: string): EngineFailure {
	return {kind, message, exitCode: EXIT_UNREACHABLE};
}

function hint(target: EngineTarget): string {
	return target.source === 'default socket' ? 'set DOCKER_HOST or --host' : `check ${target.source}`;
}

function formatSeconds(ms: number): string {
	return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
