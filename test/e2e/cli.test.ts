import assert from 'node:assert/strict';
import {execa} from 'execa';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {TestContainers, testHost} from '../helpers/engine.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));
const run = (args: string[], env: Record<string, string> = {}) =>
	execa(process.execPath, [cli, ...args], {reject: false, env: {DOCKER_HOST: '', ...env}, extendEnv: false, stdin: 'ignore'});

/** One line on stderr, starting with "porthole:", and no stack trace. */
function assertOneLineError(stderr: string, pattern: RegExp) {
	const lines = stderr.trim().split('\n');
	assert.equal(lines.length, 1, `one line, got:\n${stderr}`);
	assert.match(lines[0] ?? '', /^porthole: /);
	assert.match(lines[0] ?? '', pattern);
	assert.doesNotMatch(stderr, /\n\s+at /);
}

describe('the CLI without a terminal', () => {
	const containers = new TestContainers();
	const name = containers.name('e2e-snap');
	before(async () => {
		await containers.run(name, ['sleep', '300']);
	});
	after(async () => {
		await containers.cleanup();
	});

	it('piped, prints a plain snapshot table and exits 0', async () => {
		const result = await run(['--host', testHost()]);
		assert.equal(result.exitCode, 0, result.stderr);
		assert.match(result.stdout, /^NAME\s+IMAGE\s+STATE\s+CPU\s+MEM\s+PORTS/);
		assert.match(result.stdout, new RegExp(`${name}\\s+porthole-test/busybox:1\\s+running`));
		assert.doesNotMatch(result.stdout, /\u001b/, 'no escape sequences in a pipe');
	});

	it('--json prints one JSON document with the container and its stats', async () => {
		const result = await run(['--json', '--host', testHost()]);
		assert.equal(result.exitCode, 0, result.stderr);
		const document = JSON.parse(result.stdout) as {containers: Array<{name: string; state: string; stats: {memoryUsage: number} | null}>};
		const mine = document.containers.find(container => container.name === name);
		assert.equal(mine?.state, 'running');
		assert.ok((mine?.stats?.memoryUsage ?? 0) > 0);
	});

	const failures: Array<{what: string; args: string[]; env?: Record<string, string>; code: number; pattern: RegExp}> = [
		{what: 'a malformed DOCKER_HOST', args: ['--once'], env: {DOCKER_HOST: 'tcp://host:notaport'}, code: 2, pattern: /DOCKER_HOST/},
		{what: 'a socket that does not exist', args: ['--once', '--host', 'unix:///tmp/porthole-no-such.sock'], code: 3, pattern: /does not exist/},
		{what: 'an unknown flag', args: ['--frobnicate'], code: 2, pattern: /unknown option --frobnicate/},
		{what: 'an unknown view', args: ['nonsense'], code: 2, pattern: /unknown view/},
	];
	for (const failure of failures) {
		it(`exits ${failure.code} with one line for ${failure.what}`, async () => {
			const result = await run(failure.args, failure.env);
			assert.equal(result.exitCode, failure.code, result.stderr);
			assertOneLineError(result.stderr, failure.pattern);
		});
	}

	it('--help prints usage with the exit codes', async () => {
		const result = await run(['--help']);
		assert.equal(result.exitCode, 0);
		assert.match(result.stdout, /Exit codes/);
	});
});
