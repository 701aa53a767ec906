import assert from 'node:assert/strict';
import {execa} from 'execa';
import {randomBytes} from 'node:crypto';
import {copyFileSync, mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {testImage} from '../helpers/engine.js';
import {dockerTls, tlsEngine} from '../helpers/tls-engine.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));
/** The built CLI with only PATH and `env`: nothing of the test runner's environment leaks in. */
const run = (env: Record<string, string>, args: string[] = ['--once']) =>
	execa(process.execPath, [cli, ...args], {reject: false, env: {PATH: process.env.PATH ?? '', ...env}, extendEnv: false, stdin: 'ignore'});

/** A failure is exactly one line on stderr: no stack trace, no Node warning. */
function oneLineError(stderr: string, pattern: RegExp): void {
	const lines = stderr.trim().split('\n');
	assert.equal(lines.length, 1, `one line, got: ${stderr}`);
	assert.match(lines[0]!, pattern);
	assert.doesNotMatch(stderr, /\n\s+at |Warning|node:internal/);
}

describe('--once over TLS, end to end', () => {
	const tls = tlsEngine();
	const label = `porthole.test=${randomBytes(4).toString('hex')}`;
	const name = `e2e-tls-${randomBytes(3).toString('hex')}`;
	const scratch = mkdtempSync(join(tmpdir(), 'porthole-tls-'));
	const address = tls.host.replace(/^tcp:\/\//, '');

	before(async () => {
		await dockerTls('run', '-d', '--name', name, '--label', label, testImage, 'sleep', '300');
	});

	after(async () => {
		rmSync(scratch, {recursive: true, force: true});
		const ids = (await dockerTls('ps', '-aq', '--filter', `label=${label}`)).split('\n').filter(Boolean);
		if (ids.length > 0) await dockerTls('rm', '-f', ...ids);
	});

	it('lists the containers through DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH', async () => {
		const result = await run(tls.env);
		assert.equal(result.exitCode, 0, result.stderr);
		assert.equal(result.stderr, '');
		assert.match(result.stdout, new RegExp(`^${name}\\s+porthole-test/busybox:1\\s+running`, 'm'));
	});

	it('--host tcp://… with the TLS variables works the same', async () => {
		const result = await run({DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: tls.certPath}, ['--host', tls.host, '--json']);
		assert.equal(result.exitCode, 0, result.stderr);
		assert.ok((JSON.parse(result.stdout) as {containers: Array<{name: string}>}).containers.some(c => c.name === name));
	});

	it('a CA that did not sign the engine\'s certificate: exit 3, one line', async () => {
		const result = await run({...tls.env, DOCKER_CERT_PATH: tls.otherCaPath});
		assert.equal(result.exitCode, 3);
		assert.equal(result.stdout, '');
		oneLineError(result.stderr, new RegExp(`^porthole: TLS with tcp://${address} failed: unable to verify the first certificate \\(check DOCKER_CERT_PATH and DOCKER_TLS_VERIFY\\)$`));
	});

	it('a client certificate the engine does not trust: exit 3, one line', async () => {
		const dir = join(scratch, 'foreign-client');
		copyPems(dir, [[tls.certPath, 'ca.pem'], [tls.otherCaPath, 'cert.pem'], [tls.otherCaPath, 'key.pem']]);
		const result = await run({...tls.env, DOCKER_CERT_PATH: dir});
		assert.equal(result.exitCode, 3);
		oneLineError(result.stderr, /^porthole: TLS with .* failed: the engine did not accept our client certificate \(ssl\/tls alert bad certificate\)/);
	});

	it('no client certificate at all (https:// with only the CA): exit 3, one line', async () => {
		const dir = join(scratch, 'ca-only');
		copyPems(dir, [[tls.certPath, 'ca.pem']]);
		const result = await run({DOCKER_HOST: `https://${address}`, DOCKER_CERT_PATH: dir});
		assert.equal(result.exitCode, 3);
		oneLineError(result.stderr, /^porthole: TLS with .* failed: the engine (did not accept our client certificate|wants a client certificate)/);
	});

	it('DOCKER_TLS_VERIFY with a folder missing cert.pem is a setup error: exit 2, one line naming the file', async () => {
		const dir = join(scratch, 'ca-only-verify');
		copyPems(dir, [[tls.certPath, 'ca.pem']]);
		const result = await run({...tls.env, DOCKER_CERT_PATH: dir});
		assert.equal(result.exitCode, 2);
		oneLineError(result.stderr, new RegExp(`^porthole: DOCKER_TLS_VERIFY is set but ${dir}/cert.pem does not exist`));
	});
});

/** Makes `dir` afresh, holding copies of the named PEM files, each from its folder. */
function copyPems(dir: string, files: Array<[from: string, name: string]>): void {
	rmSync(dir, {recursive: true, force: true});
	mkdirSync(dir, {recursive: true});
	for (const [from, name] of files) copyFileSync(join(from, name), join(dir, name));
}
