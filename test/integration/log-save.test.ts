import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import {save} from '../../source/actions/log-save.js';
import {resolveTarget} from '../../source/engine/connection.js';
import {createEngine, type Engine} from '../../source/engine/engine.js';
import {initialState} from '../../source/store/initial-state.js';
import {createStore, type Store} from '../../source/store/store.js';
import {docker, TestContainers, testHost} from '../helpers/engine.js';
import {waitFor} from '../helpers/wait.js';

/** A store whose logs view shows the one container `id`, as after `l` on it. */
function logsOf(engine: Engine, id: string, name: string): Store {
	const store = createStore(initialState({target: engine.description}), {batchMs: 0});
	store.update(state => ({...state, ui: {...state.ui, view: 'logs'}, logs: {...state.logs, targets: [{id, name, tty: false, status: 'live', colour: 0}]}}));
	return store;
}

/**
 * Issue 10 #1: a save that fails must not wipe the file it was told to
 * overwrite, nor leave an empty file at a new path. Each case saves the
 * complete log (read again from the engine) over an existing file and to a
 * new path, through the same call `s` then y makes.
 */
describe('a failed log save leaves the files as they were (issue 10 #1)', () => {
	const containers = new TestContainers();
	const engine = createEngine(resolveTarget({host: testHost(), env: {}, homeDir: '/nonexistent'}));
	const dir = mkdtempSync(join(tmpdir(), 'porthole-save-'));

	after(async () => {
		await containers.cleanup();
		rmSync(dir, {recursive: true, force: true});
	});

	/** Saves over `kept` (overwrite, as after y) and to a new path; both must be as before, and no temporary file may stay. */
	async function assertNothingWritten(on: Engine, id: string, name: string, why: RegExp): Promise<void> {
		const kept = join(dir, `${name}-kept.log`);
		writeFileSync(kept, 'the user\'s own file\n');
		const store = logsOf(on, id, name);
		await save({engine: on, store, quit: () => {}}, kept, 'complete', true);
		assert.equal(store.getSnapshot().notice?.level, 'error', store.getSnapshot().notice?.text);
		assert.match(store.getSnapshot().notice?.text ?? '', why);
		assert.equal(readFileSync(kept, 'utf8'), 'the user\'s own file\n', 'the existing file is intact');
		const fresh = join(dir, `${name}-new.log`);
		await save({engine: on, store, quit: () => {}}, fresh, 'complete', false);
		assert.equal(store.getSnapshot().notice?.level, 'error');
		assert.equal(existsSync(fresh), false, 'no empty file at a new path');
		assert.deepEqual(readdirSync(dir).filter(file => file.endsWith('.tmp')), [], 'no temporary file left');
	}

	it('the container is gone', async () => {
		const name = containers.name('save-gone');
		const id = await containers.run(name, ['sh', '-c', 'echo hello']);
		await docker('rm', '-f', id);
		await assertNothingWritten(engine, id, name, /failed/);
	});

	it('the container has the none log driver', async () => {
		const name = containers.name('save-none');
		const id = await containers.run(name, ['sh', '-c', 'echo hello; sleep 300'], ['--log-driver', 'none']);
		await assertNothingWritten(engine, id, name, /failed/);
	});

	it('the engine is down', async () => {
		const name = containers.name('save-down');
		const id = await containers.run(name, ['sh', '-c', 'echo hello; sleep 300']);
		const down = createEngine(resolveTarget({host: `unix://${join(dir, 'no-engine.sock')}`, env: {}, homeDir: '/nonexistent'}));
		await assertNothingWritten(down, id, name, /failed/);
	});

	it('a save that works replaces the file whole, and leaves no temporary file', async () => {
		const name = containers.name('save-ok');
		const id = await containers.run(name, ['sh', '-c', 'echo first line; echo second line']);
		await waitFor(async () => (await docker('inspect', '-f', '{{.State.Status}}', id)) === 'exited', {what: 'the container to finish'});
		const path = join(dir, `${name}.log`);
		writeFileSync(path, 'old content that is longer than the new log, so a partial overwrite would show\n');
		const store = logsOf(engine, id, name);
		await save({engine, store, quit: () => {}}, path, 'complete', true);
		assert.equal(store.getSnapshot().notice?.level, 'info', store.getSnapshot().notice?.text);
		assert.equal(readFileSync(path, 'utf8'), 'first line\nsecond line\n');
		assert.deepEqual(readdirSync(dir).filter(file => file.endsWith('.tmp')), []);
	});
});
