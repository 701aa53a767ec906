import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {TestContainers, testHost} from '../helpers/engine.js';
import {TmuxSession} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));

/*
 * A custom command from the config file, run by its key in the built CLI:
 * the command starts a process (child_process, which app.cjs loads on the
 * first call, scripts/bundle.mjs), and the second start takes the command
 * from the check the first one kept (cli/config-memo.ts).
 */
describe('a custom command of the config file, in a real terminal', () => {
	const containers = new TestContainers();
	const name = containers.name('e2e-custom');
	const home = mkdtempSync(join(tmpdir(), 'porthole-custom-'));
	const config = join(home, 'config.yaml');
	const marks = join(home, 'marks');
	const tmux = new TmuxSession();

	before(async () => {
		testHost();
		await containers.run(name, ['sleep', '300']);
		writeFileSync(config, `commands:\n  - name: mark it\n    key: ctrl+t\n    argv: [touch, "${marks}-{name}"]\n`);
	});
	after(async () => {
		await tmux.kill();
		await containers.cleanup();
		rmSync(home, {recursive: true, force: true});
	});

	for (const start of ['first', 'second']) {
		it(`runs by its key on the selected container (the ${start} start)`, {timeout: 60_000}, async () => {
			rmSync(`${marks}-${name}`, {force: true});
			await tmux.kill();
			await tmux.start([process.execPath, cli, '--host', testHost(), '--filter', `name=${name}`], {env: {PORTHOLE_CONFIG: config, XDG_CACHE_HOME: join(home, 'cache')}});
			await tmux.waitFor(name, 20_000);
			await tmux.send('C-t');
			await tmux.waitFor(`Output of mark it in ${name} · exit code 0`, 10_000);
			assert.ok(existsSync(`${marks}-${name}`), 'the command ran');
			await tmux.send('Escape');
			await tmux.waitFor('q quit', 10_000);
			await tmux.send('q');
			await tmux.waitFor('PORTHOLE-EXIT=0', 10_000);
			assert.ok(readdirSync(join(home, 'cache/porthole')).some(file => file.startsWith('config-')), 'the check is kept');
		});
	}
});
