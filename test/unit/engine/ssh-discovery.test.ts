import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {createServer, type Server} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {discoveryScript, shellQuote} from '../../../source/engine/ssh-discovery.js';

// The script runs in a real sh, as sshd would run it; `exec cat` ends at once on an empty stdin.
function run(script: string, env: Record<string, string>): string {
	return execFileSync('sh', ['-c', script], {input: '', env: {PATH: process.env.PATH ?? '/usr/bin:/bin', ...env}, encoding: 'utf8'});
}

describe('discoveryScript finds the remote engine socket', () => {
	const dir = mkdtempSync(join(tmpdir(), 'porthole-discovery-'));
	const sockets: Server[] = [];
	const listen = (name: string) => new Promise<string>(resolve => {
		const path = join(dir, name);
		const server = createServer().listen(path, () => resolve(path));
		sockets.push(server);
	});
	let engine = '';
	before(async () => {
		engine = await listen('engine.sock');
	});
	after(() => {
		for (const server of sockets) server.close();
		rmSync(dir, {recursive: true, force: true});
	});

	test('the remote DOCKER_HOST when it is a unix socket that exists', () => {
		assert.equal(run(discoveryScript(), {DOCKER_HOST: `unix://${engine}`}), `porthole-socket:${engine}\n`);
	});
	test('a DOCKER_HOST that is no socket is passed over for the usual places', () => {
		const out = run(discoveryScript(), {DOCKER_HOST: `unix://${join(dir, 'missing.sock')}`, XDG_RUNTIME_DIR: join(dir, 'none')});
		assert.match(out, /^porthole-socket:(\/var\/run\/docker\.sock|\/run\/podman\/podman\.sock|)\n$/);
	});
	test('rootless Podman under XDG_RUNTIME_DIR when nothing else is there', async () => {
		const runtime = join(dir, 'runtime');
		execFileSync('mkdir', ['-p', join(runtime, 'podman')]);
		const podman = await new Promise<string>(resolve => {
			const path = join(runtime, 'podman', 'podman.sock');
			sockets.push(createServer().listen(path, () => resolve(path)));
		});
		const out = run(discoveryScript(), {XDG_RUNTIME_DIR: runtime});
		// The standard socket wins when this machine has one; otherwise Podman's.
		assert.match(out, new RegExp(`^porthole-socket:(/var/run/docker\\.sock|${podman.replace(/[.]/g, '\\.')})\\n$`));
	});
	test('--remote-socket is used as given when it is a socket', () => {
		assert.equal(run(discoveryScript(engine), {DOCKER_HOST: 'unix:///elsewhere.sock'}), `porthole-socket:${engine}\n`);
	});
	test('--remote-socket that is not there prints nothing to forward to', () => {
		assert.equal(run(discoveryScript(join(dir, "it's not.sock")), {}), 'porthole-socket:\n');
	});
});

describe('shellQuote', () => {
	const cases: Array<[string, string]> = [
		['/a/b.sock', `'/a/b.sock'`],
		["it's", `'it'\\''s'`],
		['$(rm -rf /)', `'$(rm -rf /)'`],
	];
	for (const [word, quoted] of cases) {
		test(word, () => {
			assert.equal(shellQuote(word), quoted);
			assert.equal(execFileSync('sh', ['-c', `printf %s ${quoted}`], {encoding: 'utf8'}), word);
		});
	}
});
