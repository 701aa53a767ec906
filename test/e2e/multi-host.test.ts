import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {basename, dirname} from 'node:path';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {testHost, testImage} from '../helpers/engine.js';
import {dockerOn, secondHost} from '../helpers/second-engine.js';
import {waitFor} from '../helpers/wait.js';
import {TmuxSession} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));

describe('two --host flags in a real terminal', () => {
	const term = new TmuxSession();
	const label = `porthole.test=${randomBytes(4).toString('hex')}`;
	const one = testHost();
	const two = secondHost();
	// Hosts are named by their socket's folder (see source/engine/targets.ts).
	const hostName = (host: string) => basename(dirname(host.replace(/^unix:\/\//, '')));
	const names = {one: `e2e-mh1-${randomBytes(3).toString('hex')}`, two: `e2e-mh2-${randomBytes(3).toString('hex')}`};

	before(async () => {
		await dockerOn(one, 'run', '-d', '--name', names.one, '--label', label, testImage, 'sleep', '300');
		await dockerOn(two, 'run', '-d', '--name', names.two, '--label', label, '--stop-timeout', '1', testImage, 'sleep', '300');
		await term.start([process.execPath, cli, '--host', one, '--host', two], {columns: 160, rows: 40});
	});

	after(async () => {
		await term.kill();
		for (const host of [one, two]) {
			const ids = (await dockerOn(host, 'ps', '-aq', '--filter', `label=${label}`)).split('\n').filter(Boolean);
			if (ids.length > 0) await dockerOn(host, 'rm', '-f', ...ids);
		}
	});

	it('shows the containers of both hosts, each with its host, and both hosts in the status bar', async () => {
		await term.waitFor(new RegExp(`${hostName(two)}\\s+${names.two}`));
		const screen = await term.waitFor(new RegExp(`${hostName(one)}\\s+${names.one}`));
		assert.match(screen.split('\n')[0] ?? '', new RegExp(`Porthole ● ${hostName(one)} ● ${hostName(two)}`));
		assert.match(screen, /HOST\s+NAME/);
	});

	it('stops a container of the second host on the second engine', async () => {
		await term.send('/');
		await term.type(names.two);
		await term.send('Enter');
		await term.waitFor(`filter: ${names.two}`);
		await term.send('s');
		// Stop asks first (issue 10): wait for the dialog, then answer y.
		await term.waitFor(/Stop container/);
		await term.send('y');
		await waitFor(async () => (await dockerOn(two, 'inspect', '-f', '{{.State.Status}}', names.two)) === 'exited', {timeoutMs: 10_000, what: 'the container stopped on the second engine'});
		assert.equal(await dockerOn(one, 'inspect', '-f', '{{.State.Status}}', names.one), 'running');
		await term.waitFor(new RegExp(`${names.two} .*exited`));
	});

	it(':host filters to one host, :host alone shows all again', async () => {
		await term.send('/', 'C-u');
		await term.send('Escape');
		// Both rows again: the filter is gone (an Esc sent with the next key would read as Alt).
		await term.waitFor(new RegExp(`${names.one}[^]*\n.*${names.two}|${names.two}[^]*\n.*${names.one}`));
		// And the prompt closed: the footer shows its hints again (both rows show while the prompt is still open).
		await term.waitFor('? help');
		await term.send(':');
		await term.type(`host ${hostName(one)}`);
		await term.send('Enter');
		await term.waitFor(`showing host ${hostName(one)} only`);
		const screen = await term.screen();
		assert.ok(screen.includes(names.one) && !screen.includes(names.two));
		await term.send(':');
		await term.type('host');
		await term.send('Enter');
		await term.waitFor(names.two);
	});
});
