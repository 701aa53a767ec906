import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {resolveTarget, type ResolveInput} from '../../../source/engine/connection.js';
import {ConnectionConfigError} from '../../../source/engine/connection-errors.js';

let home = '';
let certDir = '';

/** Writes a context the way `docker context create` lays it out: meta and TLS folders named by sha256(name). */
function writeContext(configDir: string, name: string, host: string, options: {skip?: boolean; tls?: string[]} = {}): void {
	const digest = createHash('sha256').update(name).digest('hex');
	const metaDir = join(configDir, 'contexts', 'meta', digest);
	mkdirSync(metaDir, {recursive: true});
	const meta = {Name: name, Metadata: {}, Endpoints: {docker: {Host: host, SkipTLSVerify: options.skip ?? false}}};
	writeFileSync(join(metaDir, 'meta.json'), JSON.stringify(meta));
	if (options.tls) {
		const tlsDir = join(configDir, 'contexts', 'tls', digest, 'docker');
		mkdirSync(tlsDir, {recursive: true});
		for (const file of options.tls) writeFileSync(join(tlsDir, `${file}.pem`), `context ${file}`);
	}
}

before(() => {
	home = mkdtempSync(join(tmpdir(), 'porthole-resolve-'));
	const config = join(home, '.docker');
	mkdirSync(config, {recursive: true});
	writeFileSync(join(config, 'config.json'), JSON.stringify({auths: {}, currentContext: 'current'}));
	writeContext(config, 'current', 'tcp://current-host:2375');
	writeContext(config, 'picked', 'ssh://me@picked-host');
	writeContext(config, 'secure', 'tcp://secure-host', {tls: ['ca', 'cert', 'key']});
	writeContext(config, 'insecure', 'tcp://insecure-host:2376', {skip: true});
	writeContext(config, 'socket', 'unix:///run/ctx.sock');
	writeContext(config, 'broken', 'tcp://');
	certDir = join(home, 'certs');
	mkdirSync(certDir);
	for (const file of ['ca', 'cert', 'key']) writeFileSync(join(certDir, `${file}.pem`), `dummy ${file}`);
});

after(() => rmSync(home, {recursive: true, force: true}));

function resolve(input: Partial<ResolveInput>, existing: string[] = []): ReturnType<typeof resolveTarget> {
	return resolveTarget({env: {}, homeDir: home, exists: (path) => existing.includes(path), ...input});
}

describe('precedence', () => {
	const cases: Array<[string, Partial<ResolveInput>, string, string]> = [
		// [name, input, expected source, expected host or socket]
		['--host beats everything in the environment', {host: 'tcp://flag:1', env: {DOCKER_HOST: 'tcp://env:1', DOCKER_CONTEXT: 'picked'}}, '--host', 'flag'],
		['--context beats DOCKER_HOST', {context: 'picked', env: {DOCKER_HOST: 'tcp://env:1'}}, 'context "picked"', 'picked-host'],
		['DOCKER_HOST beats DOCKER_CONTEXT (as in the docker CLI)', {env: {DOCKER_HOST: 'tcp://env:1', DOCKER_CONTEXT: 'picked'}}, 'DOCKER_HOST', 'env'],
		['DOCKER_CONTEXT beats currentContext', {env: {DOCKER_CONTEXT: 'picked'}}, 'context "picked"', 'picked-host'],
		['currentContext when nothing else is set', {}, 'context "current"', 'current-host'],
		['--context default means DOCKER_HOST', {context: 'default', env: {DOCKER_HOST: 'tcp://env:1'}}, 'DOCKER_HOST', 'env'],
		['--context default skips currentContext', {context: 'default'}, 'default socket', '/var/run/docker.sock'],
		['DOCKER_CONTEXT=default skips currentContext', {env: {DOCKER_CONTEXT: 'default'}}, 'default socket', '/var/run/docker.sock'],
		['DOCKER_CONFIG moves the config folder', {env: {DOCKER_CONFIG: join('/nonexistent', 'cfg')}}, 'default socket', '/var/run/docker.sock'],
	];
	for (const [name, input, source, where] of cases) {
		test(name, () => {
			const target = resolve(input);
			assert.equal(target.source, source);
			assert.equal(target.kind === 'unix' ? target.socketPath : target.host, where);
		});
	}

	test('--host and --context together are a usage error', () => {
		assert.throws(() => resolve({host: 'tcp://a:1', context: 'picked'}), (error: unknown) =>
			error instanceof ConnectionConfigError && /either --host or --context/.test(error.message));
	});
});

describe('default sockets and Podman', () => {
	const rootless = '/run/user/1000/podman/podman.sock';
	const cases: Array<[string, string[], string, string]> = [
		['the standard socket when it exists', ['/var/run/docker.sock', rootless], '/var/run/docker.sock', 'default socket'],
		['rootless Podman next', [rootless, '/run/podman/podman.sock'], rootless, 'Podman socket'],
		['rootful Podman after that', ['/run/podman/podman.sock'], '/run/podman/podman.sock', 'Podman socket'],
		['the standard path when nothing exists, so the error names it', [], '/var/run/docker.sock', 'default socket'],
	];
	for (const [name, existing, socketPath, source] of cases) {
		test(name, () => {
			const env = {DOCKER_CONTEXT: 'default', XDG_RUNTIME_DIR: '/run/user/1000'};
			// What was tried when nothing was found is checked in no-engine.test.ts.
			const {tried: _tried, ...target} = resolve({env}, existing) as {tried?: string[]};
			assert.deepEqual(target, {kind: 'unix', socketPath, source});
		});
	}

	test('no XDG_RUNTIME_DIR: only the rootful Podman socket is looked for', () => {
		const seen: string[] = [];
		resolveTarget({env: {DOCKER_CONTEXT: 'default'}, homeDir: home, exists: (path) => (seen.push(path), false)});
		assert.deepEqual(seen, ['/var/run/docker.sock', '/run/podman/podman.sock']);
	});
});

describe('TLS from the environment', () => {
	test('DOCKER_TLS_VERIFY reads the three PEMs from DOCKER_CERT_PATH and defaults the port to 2376', () => {
		const target = resolve({env: {DOCKER_HOST: 'tcp://h', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certDir}});
		assert.equal(target.kind === 'tcp' && target.port, 2376);
		assert.ok(target.kind === 'tcp' && target.tls);
		assert.equal(target.tls.verify, true);
		assert.deepEqual([target.tls.ca, target.tls.cert, target.tls.key].map(String), ['dummy ca', 'dummy cert', 'dummy key']);
	});

	test('DOCKER_CERT_PATH defaults to ~/.docker', () => {
		assert.throws(() => resolve({env: {DOCKER_HOST: 'tcp://h', DOCKER_TLS_VERIFY: '1'}}), (error: unknown) =>
			error instanceof ConnectionConfigError && error.message.includes(join(home, '.docker', 'ca.pem')));
	});

	const offOrOn: Array<[string | undefined, boolean]> = [[undefined, false], ['', false], ['0', false], ['1', true], ['yes', true]];
	for (const [value, on] of offOrOn) {
		test(`DOCKER_TLS_VERIFY=${JSON.stringify(value)} -> TLS ${on ? 'on' : 'off'}`, () => {
			const target = resolve({env: {DOCKER_HOST: 'tcp://h:1', DOCKER_TLS_VERIFY: value, DOCKER_CERT_PATH: certDir}});
			assert.equal(target.kind === 'tcp' && target.tls !== undefined, on);
		});
	}

	test('a missing PEM names the file and DOCKER_CERT_PATH', () => {
		const partial = join(home, 'partial');
		mkdirSync(partial, {recursive: true});
		writeFileSync(join(partial, 'ca.pem'), 'ca');
		assert.throws(() => resolve({env: {DOCKER_HOST: 'tcp://h', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: partial}}), (error: unknown) =>
			error instanceof ConnectionConfigError
			&& error.message.includes(join(partial, 'cert.pem'))
			&& error.message.includes('DOCKER_CERT_PATH'));
	});

	test('DOCKER_TLS without verify: TLS on, verification off, PEMs optional', () => {
		const target = resolve({env: {DOCKER_HOST: 'tcp://h', DOCKER_TLS: '1', DOCKER_CERT_PATH: '/nonexistent'}});
		assert.deepEqual(target, {kind: 'tcp', host: 'h', port: 2376, tls: {verify: false}, source: 'DOCKER_HOST'});
	});

	test('TLS settings do not matter for a unix DOCKER_HOST', () => {
		const target = resolve({env: {DOCKER_HOST: 'unix:///x.sock', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/nonexistent'}});
		assert.deepEqual(target, {kind: 'unix', socketPath: '/x.sock', source: 'DOCKER_HOST'});
	});
});

describe('contexts', () => {
	test('TLS files in the context turn on verified TLS with port 2376', () => {
		const target = resolve({context: 'secure'});
		assert.ok(target.kind === 'tcp' && target.tls);
		assert.equal(target.port, 2376);
		assert.equal(target.tls.verify, true);
		assert.deepEqual([target.tls.ca, target.tls.cert, target.tls.key].map(String), ['context ca', 'context cert', 'context key']);
	});

	test('SkipTLSVerify turns on unverified TLS', () => {
		const target = resolve({context: 'insecure'});
		assert.ok(target.kind === 'tcp' && target.tls);
		assert.equal(target.tls.verify, false);
	});

	test('a unix context', () => {
		assert.deepEqual(resolve({env: {DOCKER_CONTEXT: 'socket'}}), {kind: 'unix', socketPath: '/run/ctx.sock', source: 'context "socket"'});
	});

	test('an unknown context names where the name came from', () => {
		const message = (origin: string) => ({name: 'ConnectionConfigError', message: new RegExp(`^${origin}: docker context "nope" does not exist`)});
		assert.throws(() => resolve({env: {DOCKER_CONTEXT: 'nope'}}), message('DOCKER_CONTEXT'));
		assert.throws(() => resolve({context: 'nope'}), message('--context'));
	});

	test('a malformed context endpoint names the context', () => {
		assert.throws(() => resolve({context: 'broken'}), {
			name: 'ConnectionConfigError',
			message: /^invalid context "broken" endpoint "tcp:\/\/": missing host/,
		});
	});
});
