import assert from 'node:assert/strict';
import {execa} from 'execa';
import {chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {after, describe, it} from 'node:test';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));

/*
 * The installed command is the launcher run as a program (npm links it into
 * a bin folder), so the kernel reads its first line. It starts the `node` on
 * PATH with one V8 helper thread: each helper held a few MB of malloc arena
 * (RssAnon 62 to 64 MB against 49 to 56 with --v8-pool-size=1, README).
 */
describe('the launcher run as a program', () => {
	const dir = mkdtempSync(join(tmpdir(), 'porthole-launcher-'));
	after(() => rmSync(dir, {recursive: true, force: true}));
	const record = join(dir, 'node-args');
	// A `node` first on PATH that writes down how it was called, then runs the real one.
	writeFileSync(join(dir, 'node'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\nexec '${process.execPath}' "$@"\n`);
	chmodSync(join(dir, 'node'), 0o755);
	const env = {PATH: `${dir}:/usr/bin:/bin`, DOCKER_HOST: ''};

	it('starts the node on PATH with one V8 helper thread, and passes the arguments on', async () => {
		const result = await execa(cli, ['--version'], {reject: false, env, extendEnv: false, stdin: 'ignore'});
		assert.equal(result.exitCode, 0, result.stderr);
		assert.match(result.stdout, /^\d+\.\d+\.\d+$/);
		assert.equal(result.stderr, '');
		const args = readFileSync(record, 'utf8').trim().split('\n');
		assert.deepEqual(args, ['--v8-pool-size=1', cli, '--version']);
	});

	it('through a symbolic link (as npm installs it), still finds its bundle', async () => {
		const link = join(dir, 'porthole');
		symlinkSync(cli, link);
		const result = await execa(link, ['--version'], {reject: false, env, extendEnv: false, stdin: 'ignore'});
		assert.equal(result.exitCode, 0, result.stderr);
		assert.match(result.stdout, /^\d+\.\d+\.\d+$/);
	});

});
