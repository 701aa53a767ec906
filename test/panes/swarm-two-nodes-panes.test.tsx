import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {afterEach, describe, test} from 'node:test';
import {nodeFromRaw, serviceFromRaw, taskFromRaw} from '../../source/engine/swarm-api.js';
import {initialState} from '../../source/store/initial-state.js';
import type {UiState} from '../../source/store/state.js';
import {createStore, type Store} from '../../source/store/store.js';
import {replaceNodes, replaceServices, replaceTasks, setSwarm} from '../../source/store/swarm-slice.js';
import {keys, renderApp, type RenderedApp} from '../helpers/render-app.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/engine/swarm-two/${name}.json`, import.meta.url), 'utf8')) as never[];

/**
 * A real store holding what the two-node test swarm (scripts/test-swarm-worker.sh) answered: 2 nodes, a
 * 4-replica service spread 2 and 2; with suffix '-drained', after the worker was drained from Porthole.
 */
function twoNodeStore(ui: Partial<UiState>, suffix = ''): Store {
	let state = initialState({target: 'unix:///fixture.sock', ui});
	const tasks = fixture(`tasks${suffix}`).map(raw => taskFromRaw(raw));
	state = setSwarm(state, {role: 'manager'});
	state = replaceServices(state, fixture(`services${suffix}`).map(raw => serviceFromRaw(raw)));
	state = replaceNodes(state, fixture(`nodes${suffix}`).map(raw => nodeFromRaw(raw)), tasks);
	state = replaceTasks(state, tasks);
	return createStore({...state, connection: {...state.connection, status: 'up'}}, {batchMs: 0});
}

const rows = (text: string, start: RegExp) => text.split('\n').filter(row => start.test(row));

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe('two nodes', () => {
	test('nodes: the manager (leader) and the worker, each with its own hostname and 2 running tasks', async () => {
		app = await renderApp({store: twoNodeStore({view: 'nodes'})});
		const text = await app.waitForFrame(t => t.includes('Nodes ·'), 'the nodes');
		assert.match(text, /Nodes · 2 shown/);
		assert.match(rows(text, /^porthole-manager-/)[0] ?? '', /^porthole-manager-\w+\s+manager\s+leader\s+active\s+ready\s+20\.10\.24\S*\s+2\s+[\d.]+GiB\s+2$/);
		assert.match(rows(text, /^porthole-worker-/)[0] ?? '', /^porthole-worker-\w+\s+worker\s+-\s+active\s+ready\s+20\.10\.24\S*\s+2\s+[\d.]+GiB\s+2$/);
	});

	test('d on the worker asks before draining it, naming it; n leaves the engine alone', async () => {
		app = await renderApp({store: twoNodeStore({view: 'nodes'})});
		await app.waitForFrame(t => t.includes('Nodes ·'), 'the nodes');
		app.type('j');
		app.type('d');
		await app.waitForFrame(t => /Set node porthole-worker-\w+ to drain\?/.test(t), 'the drain question, naming the worker');
		app.type('n');
		await app.waitForFrame(t => !t.includes('to drain?'), 'the dialog gone');
		assert.deepEqual((app.engine as unknown as {calls: string[]}).calls, []);
	});

	test('Enter on the service: its 4 tasks, 2 on each node, named by hostname', async () => {
		app = await renderApp({store: twoNodeStore({view: 'services'})});
		await app.waitForFrame(t => t.includes('Services ·'), 'the services');
		app.type(keys.enter);
		const text = await app.waitForFrame(t => t.includes('Tasks of spread'), 'the tasks view');
		assert.match(text, /Tasks of spread · 4 running of 4/);
		const tasks = rows(text, /^\s+\d porthole-/);
		assert.equal(tasks.length, 4);
		assert.equal(tasks.filter(row => /^\s+\d porthole-manager-\w+\s+running\s+running/.test(row)).length, 2);
		assert.equal(tasks.filter(row => /^\s+\d porthole-worker-\w+\s+running\s+running/.test(row)).length, 2);
	});

	test('after draining the worker: it runs 0 tasks, the manager 4; in each slot the running task on the manager is above the one it replaced', async () => {
		app = await renderApp({store: twoNodeStore({view: 'nodes'}, '-drained')});
		const nodes = await app.waitForFrame(t => t.includes('Nodes ·'), 'the nodes');
		assert.match(rows(nodes, /^porthole-worker-/)[0] ?? '', /\s+worker\s+-\s+drain\s+ready\s.*\s0$/);
		assert.match(rows(nodes, /^porthole-manager-/)[0] ?? '', /\s+manager\s+leader\s+active\s+ready\s.*\s4$/);
		app.type(':services');
		app.type(keys.enter);
		await app.waitForFrame(t => t.includes('Services ·'), 'the services');
		app.type(keys.enter);
		const text = await app.waitForFrame(t => t.includes('Tasks of spread'), 'the tasks view');
		assert.match(text, /Tasks of spread · 4 running of 6/);
		const tasks = rows(text, /^\s+\d porthole-/).map(row => row.trim().split(/\s+/).slice(0, 4).join(' ').replace(/-[0-9a-f]{6} /, ' '));
		assert.deepEqual(tasks, [
			'1 porthole-manager running running',
			'2 porthole-manager running running',
			'2 porthole-worker shutdown shutdown',
			'3 porthole-manager running running',
			'4 porthole-manager running running',
			'4 porthole-worker shutdown shutdown',
		]);
	});
});
