import assert from 'node:assert/strict';
import {execFileSync, spawn} from 'node:child_process';
import {once} from 'node:events';
import {chmodSync, existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {createServer as createHttpsServer} from 'node:https';
import net, {createServer, type Socket} from 'node:net';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {describe, test, type TestContext} from 'node:test';
import {fileURLToPath} from 'node:url';
import {dockerodeFor, EngineError, probe, resolveTarget, type EngineTarget} from '../../source/engine/connection.js';
import type {EngineFailure} from '../../source/engine/connection-errors.js';
import {runAsNobody} from '../helpers/as-nobody.js';

const engineSocket = join(process.env.PORTHOLE_ENGINE_DIR ?? '/tmp/porthole-engine', 'docker.sock');
const repoRoot = resolve(fileURLToPath(import.meta.url), '..', '..', '..');

/** A fresh temp folder, removed when the test ends. */
function tempDir(t: TestContext, mode?: number): string {
	const dir = mkdtempSync(join(tmpdir(), 'porthole-conn-'));
	if (mode !== undefined) chmodSync(dir, mode);
	t.after(() => rmSync(dir, {recursive: true, force: true}));
	return dir;
}

function unix(socketPath: string): EngineTarget {
	return {kind: 'unix', socketPath, source: '--host'};
}

/** Runs probe and returns the classified failure it threw (failing the test if it succeeded). */
async function failureOf(target: EngineTarget, timeoutMs?: number): Promise<EngineFailure> {
	try {
		await probe(target, timeoutMs);
	} catch (error) {
		assert.ok(error instanceof EngineError, `expected EngineError, got ${String(error)}`);
		return error.failure;
	}
	assert.fail('probe succeeded');
}

/** Listens on a unix socket; `onConnection` keeps the peer, the returned close tears everything down. */
async function listenUnix(path: string, onConnection: (socket: Socket) => void = () => {}): Promise<() => Promise<void>> {
	const sockets = new Set<Socket>();
	const server = createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		onConnection(socket);
	});
	server.listen(path);
	await once(server, 'listening');
	return async () => {
		for (const socket of sockets) socket.destroy();
		await new Promise<void>((done) => server.close(() => done()));
	};
}

describe('probe against real sockets', () => {
	test('the private engine answers, resolved from --host', async () => {
		assert.ok(existsSync(engineSocket), `no private engine at ${engineSocket}; start it with npm run engine:start`);
		const target = resolveTarget({host: `unix://${engineSocket}`, env: {}, homeDir: '/nonexistent'});
		await probe(target);
	});

	test('a request to a unix socket works out no TLS server name (net.isIP: 11 ms on first use, slow for hundreds after)', async (t) => {
		const real = net.isIP;
		let calls = 0;
		net.isIP = (input: string) => {
			calls++;
			return real(input);
		};
		t.after(() => {
			net.isIP = real;
		});
		const docker = dockerodeFor(unix(engineSocket));
		await docker.ping();
		await docker.listContainers({limit: 1});
		assert.equal(calls, 0);
	});

	test('a stray DOCKER_HOST / DOCKER_TLS_VERIFY in the environment does not override the target', async (t) => {
		// docker-modem merges its own env-derived defaults into every client; toDockerodeOptions must win over them.
		const saved = {host: process.env.DOCKER_HOST, verify: process.env.DOCKER_TLS_VERIFY};
		t.after(() => {
			for (const [key, value] of [['DOCKER_HOST', saved.host], ['DOCKER_TLS_VERIFY', saved.verify]] as const) {
				if (value === undefined) delete process.env[key];
				else process.env[key] = value;
			}
		});
		process.env.DOCKER_HOST = 'tcp://127.0.0.1:1';
		process.env.DOCKER_TLS_VERIFY = '1';
		await probe(unix(engineSocket));
	});

	test('a path that does not exist is "missing" and the message names it', async (t) => {
		const path = join(tempDir(t), 'nothing-here.sock');
		const failure = await failureOf(unix(path));
		assert.equal(failure.kind, 'missing');
		assert.equal(failure.exitCode, 3);
		assert.ok(failure.message.includes(path), failure.message);
	});

	test('a socket file with no listener is "refused"', async (t) => {
		const path = join(tempDir(t), 'stale.sock');
		// Node unlinks the file when a server closes, so leave a stale socket the way a crashed daemon does: SIGKILL a listener.
		const child = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(path)}, () => console.log('up'))`], {
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		await once(child.stdout, 'data');
		child.kill('SIGKILL');
		await once(child, 'exit');
		assert.ok(existsSync(path), 'the stale socket file is still there');
		const failure = await failureOf(unix(path));
		assert.equal(failure.kind, 'refused');
		assert.match(failure.message, /refused the connection/);
	});

	test('a listener that never answers is a "timeout" within the deadline', async (t) => {
		const path = join(tempDir(t), 'silent.sock');
		const close = await listenUnix(path);
		t.after(close);
		const started = performance.now();
		const failure = await failureOf(unix(path), 300);
		const elapsed = performance.now() - started;
		assert.equal(failure.kind, 'timeout');
		assert.match(failure.message, /not answering \(no answer within 300 ms/);
		assert.ok(elapsed >= 250 && elapsed < 1500, `took ${Math.round(elapsed)} ms`);
	});

	test('a root-only socket gives another user "permission"', async (t) => {
		const dir = tempDir(t, 0o755);
		const path = join(dir, 'root-only.sock');
		const close = await listenUnix(path, (socket) => socket.end());
		t.after(close);
		chmodSync(path, 0o600);
		if (process.getuid?.() !== 0) {
			// Not root: we cannot become another user, but a socket we own without write permission gives a real
			// EACCES from connect(2) too (root would bypass it, which is why root drops to nobody below).
			chmodSync(path, 0o000);
			const failure = await failureOf(unix(path));
			assert.equal(failure.kind, 'permission');
			return;
		}
		// The probe runs as nobody from a bundle in a world-readable temp folder, wherever the checkout lives.
		const child = [
			"import {probe} from './connection.js';",
			'(async () => {',
			'	try { await probe({kind: "unix", socketPath: process.argv[2]!, source: "--host"}, 2000); console.log("null"); }',
			'	catch (error) { console.log(JSON.stringify((error as {failure?: unknown}).failure ?? String(error))); }',
			'})();',
		].join('\n');
		const output = await runAsNobody(t, child, join(repoRoot, 'source', 'engine'), [path]);
		const failure = JSON.parse(output.trim().split('\n').at(-1)!) as EngineFailure;
		assert.equal(failure.kind, 'permission', output);
		assert.equal(failure.exitCode, 4);
		assert.ok(failure.message.startsWith(`permission denied on ${path}: add yourself to the docker group`), failure.message);
	});
});

describe('probe over TLS', () => {

	/** An https server on 127.0.0.1 with a fresh self-signed certificate, answering /_ping like an engine. */
	async function tlsEngine(t: TestContext): Promise<{port: number; cert: Buffer}> {
		const dir = tempDir(t);
		execFileSync('openssl', [
			'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
			'-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
			'-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
		], {stdio: 'ignore'});
		const cert = readFileSync(join(dir, 'cert.pem'));
		const server = createHttpsServer({cert, key: readFileSync(join(dir, 'key.pem'))}, (request, response) => {
			response.writeHead(request.url?.endsWith('/_ping') ? 200 : 404, {'content-type': 'text/plain'});
			response.end('OK');
		});
		server.listen(0, '127.0.0.1');
		await once(server, 'listening');
		t.after(() => new Promise<void>((done) => {
			server.closeAllConnections();
			server.close(() => done());
		}));
		return {port: (server.address() as {port: number}).port, cert};
	}

	test('an unknown self-signed certificate is "tls"', async (t) => {
		const {port} = await tlsEngine(t);
		const failure = await failureOf({kind: 'tcp', host: '127.0.0.1', port, tls: {verify: true}, source: 'DOCKER_HOST'});
		assert.equal(failure.kind, 'tls');
		assert.match(failure.message, /self-signed certificate/);
	});

	test('the same certificate as CA verifies', async (t) => {
		const {port, cert} = await tlsEngine(t);
		await probe({kind: 'tcp', host: '127.0.0.1', port, tls: {ca: cert, verify: true}, source: 'DOCKER_HOST'});
	});

	test('verify: false accepts it', async (t) => {
		const {port} = await tlsEngine(t);
		await probe({kind: 'tcp', host: '127.0.0.1', port, tls: {verify: false}, source: 'context "x"'});
	});

	// dockerd answers 400 "Client sent an HTTP request to an HTTPS server" (unit-tested); Node's server just hangs up.
	test('plain HTTP to a TLS port is unreachable and hints at TLS', async (t) => {
		const {port} = await tlsEngine(t);
		const failure = await failureOf({kind: 'tcp', host: '127.0.0.1', port, source: 'DOCKER_HOST'});
		assert.equal(failure.exitCode, 3, failure.message);
		assert.match(failure.message, /TLS/);
	});
});
