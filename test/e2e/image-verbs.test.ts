import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {docker, testHost, testImage, TestContainers} from '../helpers/engine.js';
import {TmuxSession} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));

describe('tag, untag, build and cp through the keys in a real terminal', () => {
	const term = new TmuxSession();
	const containers = new TestContainers();
	const suffix = randomBytes(3).toString('hex');
	const repo = `porthole-test/e2e-tag-${suffix}`;

	before(async () => {
		await term.start([process.execPath, cli, '--host', testHost()], {columns: 160, rows: 45});
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
		await docker('rmi', `${repo}:one`).catch(() => undefined);
		await docker('rmi', `${repo}:two`).catch(() => undefined);
		await docker('rmi', `${repo}:built`).catch(() => undefined);
	});

	it('tags the selected image with t, and the engine has the tag', async () => {
		await term.send(':');
		await term.type('images');
		await term.send('Enter');
		await term.waitFor(testImage, 20000);
		await term.send('/');
		await term.type(testImage);
		await term.send('Enter');
		await term.waitFor(`filter: ${testImage}`);
		await term.send('t');
		await term.waitFor(`tag ${testImage} as`);
		await term.type(`${repo}:one`);
		await term.send('Enter');
		await term.waitFor(new RegExp(`tagged [0-9a-f]{12} as ${repo}:one`));
		const id = (await docker('image', 'inspect', '-f', '{{.Id}}', testImage)).trim();
		assert.equal((await docker('image', 'inspect', '-f', '{{.Id}}', `${repo}:one`)).trim(), id);
		await term.send('t');
		await term.waitFor(`tag ${testImage} as`);
		await term.type(`${repo}:two`);
		await term.send('Enter');
		await term.waitFor(new RegExp(`tagged [0-9a-f]{12} as ${repo}:two`));
	});

	it('untags one tag with u after a yes, and the image keeps its others', async () => {
		await term.send('/');
		await term.send('C-u');
		await term.type(`${repo}:one`);
		await term.send('Enter');
		await term.waitFor(new RegExp(`^${repo}:one\\s`, 'm'), 20000);
		await term.send('u');
		const dialog = await term.waitFor('Remove the tag');
		assert.ok(dialog.includes(`${repo}:one`), dialog);
		await term.send('y');
		await term.waitFor(`untagged ${repo}:one`);
		await assert.rejects(docker('image', 'inspect', `${repo}:one`), 'the tag is gone');
		assert.match(await docker('image', 'inspect', '-f', '{{.Id}}', `${repo}:two`), /^sha256:/);
	});

	it('builds a folder with B, following the log, and the engine has the image', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'porthole-e2e-build-'));
		try {
			await writeFile(join(dir, 'Dockerfile'), `FROM ${testImage}\nCOPY kept.txt /kept.txt\nRUN echo built-in-e2e\n`);
			await writeFile(join(dir, 'kept.txt'), 'kept');
			await writeFile(join(dir, 'ignored.txt'), 'ignored');
			await writeFile(join(dir, '.dockerignore'), 'ignored.txt\n');
			await term.send('B');
			await term.waitFor('build ');
			await term.sendText(`${dir} -t ${repo}:built`);
			await term.send('Enter');
			const screen = await term.waitFor(new RegExp(`built ${repo}:built \\(`), 60000);
			assert.match(screen, /Step 3\/3 : RUN echo built-in-e2e/);
			assert.match(screen, /context 3 files, .*1 left out by \.dockerignore/);
			assert.equal((await docker('run', '--rm', `${repo}:built`, 'cat', '/kept.txt')).trim(), 'kept');
			// The log view's search and save, as in the logs view: / finds the COPY step, s writes the log.
			await term.send('/');
			await term.sendText('COPY kept');
			await term.send('Enter');
			await term.waitFor(/ · 1 match · Esc clears the search · Step 3\/3 : RUN echo built-in-e2e/);
			await term.send('s');
			await term.waitFor('save lines to: ');
			await term.send('C-u');
			await term.sendText(join(dir, 'saved-build.log'));
			await term.send('Enter');
			await term.waitFor(/saved \d+ lines to /);
			assert.match(await readFile(join(dir, 'saved-build.log'), 'utf8'), /^Step 2\/3 : COPY kept\.txt \/kept\.txt\n/m);
			await term.send('Escape');
			await term.waitFor(/Esc goes back/);
			await term.send('Escape');
			await term.waitFor(`filter: ${repo}`);
		} finally {
			await rm(dir, {recursive: true, force: true});
		}
	});

	it('copies a file out of a stopped container with y', async () => {
		const name = containers.name('e2e-cp');
		await containers.run(name, ['sh', '-c', 'echo copied-through-the-keys > /note.txt']);
		await docker('wait', name);
		const dir = await mkdtemp(join(tmpdir(), 'porthole-e2e-cp-'));
		try {
			await term.send(':');
			await term.type('containers');
			await term.send('Enter');
			await term.send('/');
			await term.send('C-u');
			await term.sendText(name);
			await term.send('Enter');
			await term.waitFor(new RegExp(`${name}\\s`), 20000);
			await term.send('y');
			await term.waitFor(`copy out of ${name}:`);
			await term.sendText(`/note.txt ${dir}`);
			await term.send('Enter');
			await term.waitFor(new RegExp(`copied ${name}:/note.txt to .*: 1 file`), 20000);
			assert.equal(await readFile(join(dir, 'note.txt'), 'utf8'), 'copied-through-the-keys\n');
		} finally {
			await rm(dir, {recursive: true, force: true});
		}
	});
});
