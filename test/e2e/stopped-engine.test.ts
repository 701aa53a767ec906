import assert from 'node:assert/strict';
import {execa} from 'execa';
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {after, describe, it} from 'node:test';
import {testHost, testSocket} from '../helpers/engine.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));

/** The real private dockerd, frozen with SIGSTOP: its socket still accepts connections, and nothing answers. */
describe('--once against a SIGSTOPped dockerd', () => {
	const pid = Number(readFileSync(join(dirname(testSocket()), 'docker.pid'), 'utf8').trim());
	const resume = () => {
		try {
			process.kill(pid, 'SIGCONT');
		} catch {
			// Already gone: nothing to resume.
		}
	};
	after(resume);

	it('exits 3 with one line within its deadlines, and the engine works again after SIGCONT', {timeout: 30_000}, async () => {
		assert.ok(pid > 0, 'the private engine writes its pid file');
		process.kill(pid, 'SIGSTOP');
		let result;
		try {
			result = await execa(process.execPath, [cli, '--once', '--host', testHost()], {reject: false, env: {DOCKER_HOST: ''}, extendEnv: false, stdin: 'ignore', timeout: 25_000});
		} finally {
			resume();
		}
		assert.equal(result.timedOut, false, 'it did not hang');
		assert.equal(result.exitCode, 3, result.stderr);
		const lines = result.stderr.trim().split('\n');
		assert.equal(lines.length, 1, result.stderr);
		assert.match(lines[0] ?? '', /^porthole: .*is not answering/);
		const again = await execa(process.execPath, [cli, '--once', '--host', testHost()], {reject: false, env: {DOCKER_HOST: ''}, extendEnv: false, stdin: 'ignore'});
		assert.equal(again.exitCode, 0, again.stderr);
	});
});
