import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {EngineTarget} from '../../../source/engine/connection.js';
import {
	ConnectionConfigError,
	EXIT_FAILURE,
	EXIT_PERMISSION,
	EXIT_UNREACHABLE,
	EXIT_USAGE,
	EngineError,
	classifyError,
	isGone,
	oneLine,
	type EngineFailure,
} from '../../../source/engine/connection-errors.js';

const socket: EngineTarget = {kind: 'unix', socketPath: '/var/run/docker.sock', source: 'default socket'};
const envSocket: EngineTarget = {kind: 'unix', socketPath: '/tmp/d.sock', source: 'DOCKER_HOST'};
const podman: EngineTarget = {kind: 'unix', socketPath: '/run/podman/podman.sock', source: 'Podman socket'};
const tcp: EngineTarget = {kind: 'tcp', host: 'engine.lan', port: 2376, tls: {verify: true}, source: 'DOCKER_HOST'};
const ctx: EngineTarget = {kind: 'tcp', host: 'remote', port: 2376, tls: {verify: true}, source: 'context "prod"'};
const ssh: EngineTarget = {kind: 'ssh', host: 'box', username: 'me', source: '--host'};

/** A Node-style errno error, as net.connect would emit it. */
function errno(code: string, extra: Record<string, unknown> = {}): Error {
	return Object.assign(new Error(`connect ${code} somewhere`), {code, errno: -1, syscall: 'connect', ...extra});
}

/** An error shaped like docker-modem's: message, reason, statusCode and the parsed body in json. */
function httpError(statusCode: number, reason: string, json: unknown): Error {
	const cause = json && typeof json === 'object' && 'message' in json ? String(json.message) : '';
	return Object.assign(new Error(`(HTTP code ${statusCode}) ${reason} - ${cause} `), {statusCode, reason, json});
}

type Case = [name: string, err: unknown, target: EngineTarget, kind: EngineFailure['kind'], exit: number, message: string | RegExp];

const cases: Case[] = [
	['ENOENT on the default socket', errno('ENOENT'), socket, 'missing', EXIT_UNREACHABLE,
		'cannot connect to the Docker engine: /var/run/docker.sock does not exist (is dockerd running? set DOCKER_HOST or --host)'],
	['ENOENT names the source that chose the socket', errno('ENOENT'), envSocket, 'missing', EXIT_UNREACHABLE,
		'cannot connect to the Docker engine: /tmp/d.sock does not exist (is dockerd running? check DOCKER_HOST)'],
	['EACCES on the default socket', errno('EACCES'), socket, 'permission', EXIT_PERMISSION,
		'permission denied on /var/run/docker.sock: add yourself to the docker group (sudo usermod -aG docker $USER, then log in again) or run with sudo'],
	['EACCES on the Podman socket', errno('EACCES'), podman, 'permission', EXIT_PERMISSION, /podman\.socket/],
	['ECONNREFUSED on a socket', errno('ECONNREFUSED'), socket, 'refused', EXIT_UNREACHABLE,
		'cannot connect to the Docker engine: /var/run/docker.sock refused the connection (is dockerd running?)'],
	['ECONNREFUSED over tcp', errno('ECONNREFUSED'), tcp, 'refused', EXIT_UNREACHABLE, /tcp:\/\/engine\.lan:2376 refused the connection/],
	['AggregateError from happy eyeballs', Object.assign(new AggregateError([errno('ECONNREFUSED'), errno('ECONNREFUSED')]), {code: 'ECONNREFUSED'}),
		tcp, 'refused', EXIT_UNREACHABLE, /refused/],
	['ECONNRESET', errno('ECONNRESET'), tcp, 'refused', EXIT_UNREACHABLE, /closed the connection/],
	['EHOSTUNREACH', errno('EHOSTUNREACH'), tcp, 'refused', EXIT_UNREACHABLE, /unreachable/],
	['ETIMEDOUT', errno('ETIMEDOUT'), tcp, 'timeout', EXIT_UNREACHABLE, /tcp:\/\/engine\.lan:2376 is not answering/],
	['our own deadline says how long it waited', Object.assign(new Error('x'), {code: 'ETIMEDOUT', timeoutMs: 3000}), socket, 'timeout', EXIT_UNREACHABLE,
		/no answer within 3 s/],
	['an AbortSignal.timeout reason', new DOMException('timed out', 'TimeoutError'), socket, 'timeout', EXIT_UNREACHABLE, /not answering/],
	['an abort caused by a timeout', Object.assign(new Error('aborted'), {name: 'AbortError', cause: new DOMException('t', 'TimeoutError')}),
		socket, 'timeout', EXIT_UNREACHABLE, /not answering/],
	['ssh handshake timeout', Object.assign(new Error('Timed out while waiting for handshake'), {level: 'client-timeout'}), ssh, 'timeout',
		EXIT_UNREACHABLE, /ssh:\/\/me@box is not answering/],
	['ssh authentication', Object.assign(new Error('All configured authentication methods failed'), {level: 'client-authentication'}), ssh,
		'permission', EXIT_PERMISSION, /ssh authentication to ssh:\/\/me@box failed.*ssh-add/],
	['self-signed certificate', errno('DEPTH_ZERO_SELF_SIGNED_CERT', {message: 'self-signed certificate'}), tcp, 'tls', EXIT_UNREACHABLE,
		'TLS with tcp://engine.lan:2376 failed: self-signed certificate (check DOCKER_CERT_PATH and DOCKER_TLS_VERIFY)'],
	['expired certificate from a context', errno('CERT_HAS_EXPIRED', {message: 'certificate has expired'}), ctx, 'tls', EXIT_UNREACHABLE,
		/certificate has expired \(check the certificates of context "prod"\)/],
	['an untrusted engine certificate, without Node\'s --use-system-ca advice', errno('UNABLE_TO_VERIFY_LEAF_SIGNATURE', {
		message: 'unable to verify the first certificate; if the root CA is installed locally, try running Node.js with --use-system-ca',
	}), tcp, 'tls', EXIT_UNREACHABLE, 'TLS with tcp://engine.lan:2376 failed: unable to verify the first certificate (check DOCKER_CERT_PATH and DOCKER_TLS_VERIFY)'],
	['our client certificate from a CA the engine does not trust: OpenSSL\'s string cut to its reason', errno('ERR_SSL_SSL/TLS_ALERT_BAD_CERTIFICATE', {
		message: '40DDE670937F0000:error:0A000412:SSL routines:ssl3_read_bytes:ssl/tls alert bad certificate:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:918:SSL alert number 42\n',
	}), tcp, 'tls', EXIT_UNREACHABLE,
	'TLS with tcp://engine.lan:2376 failed: the engine did not accept our client certificate (ssl/tls alert bad certificate) (check DOCKER_CERT_PATH and DOCKER_TLS_VERIFY)'],
	['no client certificate for an engine that wants one (TLS 1.3)', errno('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', {
		message: 'C0:error:0A00045C:SSL routines:ssl3_read_bytes:tlsv13 alert certificate required:ssl/record/rec_layer_s3.c:1605:SSL alert number 116',
	}), tcp, 'tls', EXIT_UNREACHABLE, /failed: the engine wants a client certificate, and we sent none \(tlsv13 alert certificate required\)/],
	['host name mismatch', errno('ERR_TLS_CERT_ALTNAME_INVALID'), tcp, 'tls', EXIT_UNREACHABLE, /^TLS with/],
	['talking TLS to plain HTTP', errno('EPROTO', {message: 'wrong version number'}), tcp, 'tls', EXIT_UNREACHABLE, /wrong version number/],
	['talking HTTP to a TLS engine', httpError(400, 'unexpected', Buffer.from('Client sent an HTTP request to an HTTPS server.\n')),
		tcp, 'tls', EXIT_UNREACHABLE, /expects TLS/],
	['ENOTFOUND', errno('ENOTFOUND', {hostname: 'engine.lan'}), tcp, 'dns', EXIT_UNREACHABLE,
		'cannot resolve the engine host "engine.lan" (check the spelling in DOCKER_HOST, and your DNS)'],
	['EAI_AGAIN', errno('EAI_AGAIN'), ssh, 'dns', EXIT_UNREACHABLE, /"box".*--host/],
	['404 no such container', httpError(404, 'no such container', {message: 'No such container: abc123'}), socket, 'gone', EXIT_FAILURE,
		'the container is gone (No such container: abc123)'],
	['409 conflict carries the engine message', httpError(409, 'conflict', {message: 'container abc is not running'}), socket, 'api',
		EXIT_FAILURE, 'the Docker engine answered with an error: container abc is not running (HTTP 409)'],
	['500 with multi-line, escape-laden text is one clean line', httpError(500, 'server error', {message: 'boom\n\u001b[31mred\u001b[0m\tend'}),
		socket, 'api', EXIT_FAILURE, 'the Docker engine answered with an error: boom [31mred [0m end (HTTP 500)'],
	['404 from something that is not an engine', httpError(404, 'unexpected', Buffer.alloc(0)), tcp, 'api', EXIT_FAILURE,
		'the Docker engine answered with an error: unexpected (HTTP 404)'],
	['an HTML page is not an engine: exit 3, and no page in the message', httpError(404, 'Not Found', '<html><head><title>404 Not Found</title></head>\n<body>nginx</body></html>'),
		tcp, 'not-docker', EXIT_UNREACHABLE, 'tcp://engine.lan:2376 is not a Docker engine (it answered HTTP 404 with a web page; check the address and port)'],
	['a proxy\'s 502 page, as a Buffer', httpError(502, 'Bad Gateway', Buffer.from('<!DOCTYPE html><p>bad gateway</p>')), tcp, 'not-docker', EXIT_UNREACHABLE, /not a Docker engine/],
	['a timeout of ours says how long it waited', Object.assign(new Error('list containers: no answer within 10000 ms'), {code: 'ETIMEDOUT', timeoutMs: 10_000}), tcp, 'timeout', EXIT_UNREACHABLE,
		'cannot connect to the Docker engine: tcp://engine.lan:2376 is not answering (no answer within 10 s; is dockerd stuck, or is something else listening there?)'],
	['an unknown error keeps its message', new Error('something odd'), socket, 'unknown', EXIT_FAILURE,
		'cannot talk to the Docker engine at /var/run/docker.sock: something odd'],
	['ENOENT over ssh is not a missing socket', errno('ENOENT'), ssh, 'unknown', EXIT_FAILURE, /^cannot talk to the Docker engine at ssh:\/\/me@box/],
	['a thrown string', 'weird', socket, 'unknown', EXIT_FAILURE, /weird/],
	['undefined', undefined, socket, 'unknown', EXIT_FAILURE, /undefined/],
	['a config error keeps exit 2', new ConnectionConfigError('bad'), socket, 'unknown', EXIT_USAGE, 'bad'],
];

describe('classifyError', () => {
	for (const [name, err, target, kind, exitCode, message] of cases) {
		test(name, () => {
			const failure = classifyError(err, target);
			assert.equal(failure.kind, kind);
			assert.equal(failure.exitCode, exitCode);
			if (typeof message === 'string') assert.equal(failure.message, message);
			else assert.match(failure.message, message);
			assert.ok(!/[\n\r]/.test(failure.message), 'one line');
		});
	}

	test('an EngineError is passed through unchanged', () => {
		const failure: EngineFailure = {kind: 'refused', message: 'x', exitCode: EXIT_UNREACHABLE};
		assert.equal(classifyError(new EngineError(failure), socket), failure);
	});
});

describe('isGone', () => {
	const cases: Array<[string, unknown, boolean]> = [
		['404 no such container', httpError(404, 'no such container', {message: 'No such container: x'}), true],
		['404 reason only', httpError(404, 'no such container', Buffer.alloc(0)), true],
		['404 no such image', httpError(404, 'no such image', {message: 'No such image: busybox'}), false],
		['409', httpError(409, 'conflict', {message: 'No such container'}), false],
		['a network error', errno('ECONNREFUSED'), false],
		['null', null, false],
	];
	for (const [name, err, expected] of cases) test(name, () => assert.equal(isGone(err), expected));
});

describe('oneLine', () => {
	const cases: Array<[string, string]> = [
		['a\nb', 'a b'],
		['  padded  ', 'padded'],
		['bell\u0007and\u009bcsi', 'bell and csi'],
		['x'.repeat(300), `${'x'.repeat(239)}…`],
		['evil\u202Etxt.exe', 'eviltxt.exe'],
		['a\u2066b\u2067c\u2068d\u2069e\u200Ef\u200Fg\u061Ch', 'abcdefgh'],
		['zero\u200Bwidth\u200D\uFEFFjoin\u00ADer', 'zerowidthjoiner'],
		['line\u2028para\u2029end', 'line para end'],
	];
	for (const [input, expected] of cases) test(JSON.stringify(input.slice(0, 20)), () => assert.equal(oneLine(input), expected));
});
