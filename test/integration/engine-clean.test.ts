import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {after, describe, it} from 'node:test';
import {docker, testHost, testImage} from '../helpers/engine.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

/**
 * `scripts/test-engine.sh clean`, which `npm test` runs first: a CI run once failed
 * 24 terminal tests because a bench cut off mid-run had left 50 containers on the
 * private engine, and they pushed each test's own row off the screen.
 */
describe('test-engine.sh clean on the real engine', () => {
	const tag = randomBytes(3).toString('hex');
	const names = {bench: `clean-${tag}-bench`, test: `clean-${tag}-test`, other: `clean-${tag}-other`};

	after(async () => {
		await docker('rm', '-f', ...Object.values(names)).catch(() => undefined);
	});

	it('removes what a cut-off test or bench left, and nothing else', async () => {
		testHost();
		await docker('create', '--name', names.bench, '--label', `porthole.bench=${tag}`, testImage, 'true');
		await docker('run', '-d', '--name', names.test, '--label', `porthole.test=${tag}`, testImage, 'sleep', '600');
		await docker('create', '--name', names.other, testImage, 'true');
		const {stderr} = await run('bash', ['scripts/test-engine.sh', 'clean'], {cwd: root});
		assert.match(stderr, /removed \d+ container\(s\) an earlier run left/);
		const left = (await docker('ps', '-a', '--format', '{{.Names}}', '--filter', `name=clean-${tag}`)).split('\n').filter(Boolean);
		assert.deepEqual(left, [names.other]);
	});
});
