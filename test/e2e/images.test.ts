import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {docker, testHost, testImage, TestContainers} from '../helpers/engine.js';
import {testRegistry} from '../helpers/registry.js';
import {TmuxSession} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));

describe('images and volumes in a real terminal', () => {
	const containers = new TestContainers();
	const term = new TmuxSession();
	const volume = containers.name('e2e-vol');
	const user = containers.name('e2e-vol-user');
	let reference: string;

	before(async () => {
		reference = `${testRegistry()}/busybox:layered`;
		await docker('rmi', reference).catch(() => undefined);
		await docker('volume', 'create', '--label', containers.label, volume);
		await containers.create(user, ['true'], ['-v', `${volume}:/data`]);
		await term.start([process.execPath, cli, '--host', testHost()], {columns: 160, rows: 45});
		// Not 'connected': that waits for every container to be inspected, slow on a busy shared engine; the views do not need it.
		// Help opening proves the app reads keys, so nothing typed next is lost to start-up.
		await term.waitFor('Porthole');
		await term.send('?');
		// The help's title line, not a section title: the Containers section grows with the keymap and pushes later titles off a 45-row screen.
		await term.waitFor('Keys (Esc or ? to go back)');
		await term.send('?');
		await term.waitFor('NAME▲');
	});

	after(async () => {
		await term.kill();
		await containers.cleanup();
		await docker('volume', 'rm', '-f', volume).catch(() => undefined);
		await docker('rmi', reference).catch(() => undefined);
	});

	it('switches to images with :images', async () => {
		await term.send(':');
		await term.type('images');
		await term.send('Enter');
		const screen = await term.waitFor(testImage, 20000);
		assert.ok(screen.includes(testImage), screen);
	});

	it('pulls from the local registry and the bar completes', async () => {
		await term.send('P');
		await term.waitFor('pull ');
		await term.type(reference);
		await term.send('Enter');
		const screen = await term.waitFor(new RegExp(`pulled ${reference.replaceAll('.', '\\.')} █+ 100%`), 20000);
		assert.match(screen, /pull complete/);
		assert.match(await docker('image', 'inspect', '-f', '{{.Id}}', reference), /^sha256:/);
		await term.waitFor(new RegExp(`^${reference.replaceAll('.', '\\.')}\\s+[0-9a-f]{12}`, 'm'));
	});

	it('removes the pulled image after confirming', async () => {
		await term.send('Escape');
		await term.send('/');
		await term.type('layered');
		await term.send('Enter');
		await term.waitFor('filter: layered');
		await term.send('D');
		const dialog = await term.waitFor('Remove image');
		assert.ok(dialog.includes(`Remove image ${reference}`), dialog);
		await term.send('y');
		await term.waitFor(`removed ${reference}`);
		await assert.rejects(docker('image', 'inspect', reference), 'gone from the engine');
		await term.waitFor(/no image matches "layered"/);
	});

	it('switches to volumes and shows a known volume with its user', async () => {
		await term.send(':');
		await term.type('vol');
		await term.send('Enter');
		await term.waitFor('USED BY');
		await term.send('/');
		await term.type(volume);
		await term.send('Enter');
		const screen = await term.waitFor(new RegExp(`^${volume}\\s+local\\s+.*${user}`, 'm'));
		assert.match(screen, /Volumes · 1 shown, 1 in use/);
	});
});
