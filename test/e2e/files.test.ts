import assert from 'node:assert/strict';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {docker, testHost, TestContainers} from '../helpers/engine.js';
import {TmuxSession} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));

describe('the file browser through the keys in a real terminal', () => {
	const term = new TmuxSession();
	const containers = new TestContainers();
	let dir: string;

	before(async () => {
		dir = await mkdtemp(join(tmpdir(), 'porthole-e2e-files-'));
		await term.start([process.execPath, cli, '--host', testHost()], {columns: 140, rows: 35});
		await term.waitFor('NAME▲', 20000);
	});

	after(async () => {
		await term.kill();
		await containers.cleanup();
		await rm(dir, {recursive: true, force: true});
	});

	it('F on a stopped container, Enter into a folder, y copies a file out, and it is on disk', async () => {
		const name = containers.name('e2e-files');
		await containers.run(name, ['sh', '-c', 'mkdir -p /data/inner && echo browsed-through-the-keys > /data/note.txt && head -c 4321 /dev/zero > /data/inner/zeros']);
		await docker('wait', name);
		await term.send('/');
		await term.sendText(name);
		await term.send('Enter');
		await term.waitFor(new RegExp(`${name}\\s`), 20000);
		await term.send('F');
		await term.waitFor(new RegExp(`${name}:/ · \\d+ entries`), 20000);
		await term.waitFor(/data\/\s+4\.35kB drwxr-xr-x/);
		await term.send('/');
		await term.sendText('^data$');
		await term.send('Enter');
		await term.waitFor('filter: ^data$');
		await term.send('Enter');
		await term.waitFor(`${name}:/data · 2 entries`);
		const screen = await term.waitFor(/note\.txt\s+25B -rw-r--r--/);
		assert.match(screen, /inner\/\s+4\.32kB drwxr-xr-x/);
		// Folders come first: the file is the second row.
		await term.send('j');
		await term.send('y');
		await term.waitFor('copy note.txt out to local folder:');
		await term.sendText(dir);
		await term.send('Enter');
		await term.waitFor(new RegExp(`copied ${name}:/data/note.txt to .*: 1 file`), 20000);
		assert.equal(await readFile(join(dir, 'note.txt'), 'utf8'), 'browsed-through-the-keys\n');
		await term.send('BSpace');
		await term.waitFor(`${name}:/ ·`);
		await term.send('Escape');
		await term.waitFor('NAME▲');
	});
});
