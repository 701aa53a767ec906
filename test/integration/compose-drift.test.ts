import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {projectKey} from '../../source/store/project-groups.js';
import {projectDrift} from '../../source/store/project-files.js';
import {setUi} from '../../source/store/ui-slice.js';
import {ComposeFiles} from '../../source/sync/compose-files.js';
import {docker, TestContainers} from '../helpers/engine.js';
import {startLiveSync, type LiveSync} from '../helpers/live-sync.js';
import {renderApp, type RenderedApp} from '../helpers/render-app.js';
import {waitFor} from '../helpers/wait.js';

/**
 * A compose-labelled project on the real engine (made with the labels compose
 * writes, no compose binary), its file written here: the header is marked
 * when the file changes under it and when one of its containers goes.
 */
describe('compose drift on the real engine', () => {
	const containers = new TestContainers();
	const project = containers.name('cmpd');
	const dir = mkdtempSync(join(tmpdir(), 'porthole-drift-'));
	const file = join(dir, 'compose.yaml');
	let live: LiveSync;
	let stopFiles: () => void = () => undefined;
	let app: RenderedApp | undefined;
	const ids: Record<string, string> = {};
	// The name may be cut short to keep the mark: the header is the line that starts with the project's prefix.
	const header = (text: string) => text.split('\n').find(line => line.startsWith('▾ cmpd-')) ?? '';

	before(async () => {
		writeFileSync(file, 'services:\n  web:\n    image: busybox\n  db:\n    image: busybox\n');
		const labels = (service: string) => ['--label', `com.docker.compose.project=${project}`, '--label', `com.docker.compose.service=${service}`,
			'--label', `com.docker.compose.project.working_dir=${dir}`, '--label', `com.docker.compose.project.config_files=${file}`, '--stop-timeout', '1'];
		ids.web = await containers.run(`${project}-web-1`, ['sleep', '300'], labels('web'));
		ids.db = await containers.run(`${project}-db-1`, ['sleep', '300'], labels('db'));
		live = await startLiveSync();
		await waitFor(() => Object.values(ids).every(id => live.store.getSnapshot().containers.get(id)?.composeProject === project), {what: 'the project in the store'});
		live.store.update(state => setUi(state, {grouped: true, selectedId: projectKey(project)}));
		stopFiles = new ComposeFiles(live.store, 100).start();
		app = await renderApp({store: live.store, engine: live.engine, size: {columns: 160, rows: 60}});
	});

	after(async () => {
		app?.unmount();
		stopFiles();
		await live?.stop();
		await containers.cleanup();
		rmSync(dir, {recursive: true, force: true});
	});

	it('in step with its file: no mark, and the header says it matches', async () => {
		const text = await app!.waitForFrame(t => t.includes('matches its compose files: 2 services (db, web)'), 'the project in step');
		assert.ok(header(text) !== '', 'the header is on screen');
		assert.ok(!header(text).includes('drift'), header(text));
	});

	it('the file gains a service: marked, and the header names it', async () => {
		writeFileSync(file, 'services:\n  web:\n    image: busybox\n  db:\n    image: busybox\n  cache:\n    image: busybox\n');
		const text = await app!.waitForFrame(t => t.includes('drift: in the files, no container: cache'), 'the new service as drift', {timeoutMs: 10_000});
		assert.match(header(text), / · drift/);
	});

	it('the file drops a service that still runs, and a container goes: both named', async () => {
		writeFileSync(file, 'services:\n  web:\n    image: busybox\n  cache:\n    image: busybox\n');
		await docker('rm', '-f', ids.web ?? '');
		await waitFor(() => !live.store.getSnapshot().containers.has(ids.web ?? ''), {what: 'web gone from the store'});
		const text = await app!.waitForFrame(t => t.includes('drift: containers of services not in the files: db'), 'db as drift', {timeoutMs: 10_000});
		assert.match(text, /drift: in the files, no container: cache, web/);
		assert.deepEqual(projectDrift(live.store.getSnapshot(), project), {kind: 'read', files: [file], services: ['cache', 'web'], drift: {missing: ['cache', 'web'], extra: ['db']}});
	});

	it('the file goes: the header says it cannot be read, and claims no drift', async () => {
		rmSync(file);
		const text = await app!.waitForFrame(t => t.includes('compose files cannot be read here'), 'the unreadable file', {timeoutMs: 10_000});
		assert.match(text, new RegExp(`so drift is not judged: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: no such file here`));
		assert.ok(!header(text).includes('drift'), header(text));
	});
});
