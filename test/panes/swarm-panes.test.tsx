import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {afterEach, describe, test} from 'node:test';
import type {SwarmRole} from '../../source/domain/swarm.js';
import {nodeFromRaw, serviceFromRaw, taskFromRaw} from '../../source/engine/swarm-api.js';
import {rowFromInspect} from '../../source/engine/container-mapping.js';
import {replaceContainers} from '../../source/store/containers-slice.js';
import {initialState} from '../../source/store/initial-state.js';
import {appendLogLines} from '../../source/store/logs-slice.js';
import type {UiState} from '../../source/store/state.js';
import {createStore, type Store} from '../../source/store/store.js';
import {replaceNodes, replaceServices, replaceTasks, setSwarm} from '../../source/store/swarm-slice.js';
import {keys, renderApp, type RenderedApp} from '../helpers/render-app.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/engine/swarm/${name}.json`, import.meta.url), 'utf8')) as never[];

/** A real store holding the services, tasks and nodes captured from the swarm test engine. */
function swarmStore(ui: Partial<UiState>, {role = 'manager', readOnly = false}: {role?: SwarmRole; readOnly?: boolean} = {}): Store {
	let state = initialState({target: 'unix:///fixture.sock', readOnly, ui});
	const tasks = fixture('tasks').map(raw => taskFromRaw(raw));
	state = setSwarm(state, {role});
	state = replaceServices(state, fixture('services').map(raw => serviceFromRaw(raw)));
	state = replaceNodes(state, fixture('nodes').map(raw => nodeFromRaw(raw)), tasks);
	state = replaceTasks(state, tasks);
	state = {...state, connection: {...state.connection, status: 'up'}};
	return createStore(state, {batchMs: 0});
}

const line = (text: string, start: string) => text.split('\n').find(row => row.startsWith(start)) ?? '';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe('services pane', () => {
	test('one row per service: stack, mode, running/desired, image, update state, age', async () => {
		app = await renderApp({store: swarmStore({view: 'services'})});
		const text = await app.waitForFrame(t => t.includes('Services ·'), 'the services');
		assert.match(text, /NAME\s+STACK\s+MODE\s+REPLICAS\s+IMAGE\s+PORTS\s+UPDATE\s+AGE/);
		assert.match(line(text, 'bad '), /^bad\s+-\s+replicated\s+0\/1\s+porthole-test\/busybox:1\s+-\s+-\s+\S+ ago/);
		assert.match(line(text, 't1 '), /^t1\s+-\s+replicated\s+1\/2\s+porthole-test\/busybox:1\s+-\s+updating/);
		assert.match(line(text, 'web '), /^web\s+shop\s+replicated\s+3\/3/);
		assert.match(text, /Services · 3 shown · 4 tasks running/);
		assert.match(text, /s scale/, 'the footer offers scale');
	});

	test('the filter keeps matching services (by stack here)', async () => {
		app = await renderApp({store: swarmStore({view: 'services'})});
		await app.waitForFrame(t => t.includes('Services ·'), 'the services');
		app.type('/');
		app.type('shop');
		app.type(keys.enter);
		const text = await app.waitForFrame(t => t.includes('1 shown'), 'one service left');
		assert.equal(line(text, 'bad '), '');
		assert.notEqual(line(text, 'web '), '');
	});

	test('Enter lists the tasks of the service: a failed task keeps its error; Esc goes back', async () => {
		app = await renderApp({store: swarmStore({view: 'services'})});
		await app.waitForFrame(t => t.includes('Services ·'), 'the services');
		app.type(keys.enter);
		const text = await app.waitForFrame(t => t.includes('Tasks of bad'), 'the tasks view');
		assert.match(text, /SLOT\s+NODE\s+DESIRED\s+STATE\s+SINCE\s+ERROR\s+CONTAINER/);
		assert.match(text, /\s1 vm\s+shutdown\s+failed\s+\S+ ago task: non-zero exit \(1\)/);
		app.type(keys.escape);
		await app.waitForFrame(t => t.includes('Services ·'), 'back to services');
	});

	test('s asks for the replica count with the current one typed in; Esc cancels and the engine is not called', async () => {
		app = await renderApp({store: swarmStore({view: 'services'})});
		await app.waitForFrame(t => t.includes('Services ·'), 'the services');
		app.type('G');
		app.type('s');
		await app.waitForFrame(t => /scale web to 3/.test(t), 'the scale prompt');
		app.type(keys.escape);
		await app.waitForFrame(t => !t.includes('scale web to'), 'the prompt gone');
		assert.deepEqual((app.engine as unknown as {calls: string[]}).calls, []);
	});

	test('D asks before removing, naming the service and its running tasks', async () => {
		app = await renderApp({store: swarmStore({view: 'services'})});
		await app.waitForFrame(t => t.includes('Services ·'), 'the services');
		app.type('G');
		app.type('D');
		await app.waitForFrame(t => t.includes('Remove service web? Its 3 running tasks stop and are removed.'), 'the question');
		app.type('n');
		await app.waitForFrame(t => t.includes('Services ·'), 'the dialog gone');
		assert.deepEqual((app.engine as unknown as {calls: string[]}).calls, []);
	});

	test('read-only: no swarm action is offered, and their keys do nothing', async () => {
		app = await renderApp({store: swarmStore({view: 'services'}, {readOnly: true})});
		const text = await app.waitForFrame(t => t.includes('Services ·'), 'the services');
		assert.doesNotMatch(text, /scale|restart|remove/);
		for (const key of ['s', 'r', 'b', 'D']) app.type(key);
		// A key typed after them is handled after them: once help shows, they were all dispatched.
		app.type('?');
		const after = await app.waitForFrame(t => t.includes('Swarm services'), 'the help pane');
		assert.doesNotMatch(after, /scale web|Rolling restart|Remove service|Roll back/);
		assert.deepEqual((app.engine as unknown as {calls: string[]}).calls, []);
	});
});

describe('service logs', () => {
	test('l on a service opens the service\'s own log, each line prefixed with its task\'s slot', async () => {
		let state = initialState({target: 'unix:///fixture.sock', ui: {view: 'services'}});
		state = setSwarm(state, {role: 'manager'});
		state = replaceServices(state, fixture('services-chat').map(raw => serviceFromRaw(raw)));
		// No task container on this engine: the service's log reaches tasks on every node.
		const store = createStore({...state, connection: {...state.connection, status: 'up'}}, {batchMs: 0});
		app = await renderApp({store});
		await app.waitForFrame(t => /^chat\s+-\s+replicated\s+2\/2/m.test(t), 'the chat service at 2/2');
		app.type('l');
		await app.waitForFrame(t => t.includes('Logs chat'), 'the logs of the service');
		const [target] = store.getSnapshot().logs.targets;
		assert.deepEqual([target!.name, target!.service], ['chat', true]);
		// Lines as the log streams hand them over: the task's label set from the service log's details.
		const at = (second: number) => `2026-12-02T02:30:0${second}.000000000Z`;
		store.update(s => appendLogLines(s, [
			{source: target!.id, stream: 'stdout', time: at(1), text: 'from one', plain: 'from one', cut: 0, label: 'chat.1'},
			{source: target!.id, stream: 'stdout', time: at(2), text: 'from two', plain: 'from two', cut: 0, label: 'chat.2'},
		]));
		const text = await app.waitForFrame(t => t.includes('from two'), 'the lines');
		assert.match(text, /chat\.1\s+│ from one/);
		assert.match(text, /chat\.2\s+│ from two/);
		app.type(keys.escape);
		await app.waitForFrame(t => t.includes('Services ·'), 'back to services');
	});
});

describe('stacks pane', () => {
	test('services grouped by stack, with how many run at full strength; Enter shows the stack\'s services; D asks', async () => {
		app = await renderApp({store: swarmStore({view: 'stacks'})});
		const text = await app.waitForFrame(t => t.includes('Stacks ·'), 'the stacks');
		assert.match(text, /STACK\s+SERVICES\s+AT FULL\s+TASKS/);
		assert.match(line(text, 'shop '), /^shop\s+1\s+1\/1\s+3\/3$/);
		assert.match(text, /Stacks · 1 shown/, 'services outside a stack are not a stack');
		app.type('D');
		await app.waitForFrame(t => t.includes('Remove the 1 service of stack shop? Their 3 running tasks stop'), 'the question, naming the stack, its services and tasks');
		app.type('n');
		await app.waitForFrame(t => t.includes('Stacks ·'), 'the dialog gone');
		app.type(keys.enter);
		const services = await app.waitForFrame(t => t.includes('Services · 1 shown'), 'the services of the stack');
		assert.match(line(services, 'web '), /^web\s+shop/);
		assert.deepEqual((app.engine as unknown as {calls: string[]}).calls, []);
	});
});

describe('nodes pane', () => {
	test('hostname, role, manager status, availability, state, engine, CPU, memory and running tasks', async () => {
		app = await renderApp({store: swarmStore({view: 'nodes'})});
		const text = await app.waitForFrame(t => t.includes('Nodes ·'), 'the nodes');
		assert.match(text, /HOSTNAME\s+ROLE\s+MANAGER\s+AVAILABILITY\s+STATE\s+ENGINE\s+CPU\s+MEMORY\s+TASKS/);
		assert.match(line(text, 'vm '), /^vm\s+manager\s+leader\s+active\s+ready\s+20\.10\.24\S*\s+\d+\s+[\d.]+GiB\s+4$/);
	});
});

describe('outside a manager', () => {
	const cases: Array<{role: SwarmRole; view: UiState['view']; text: string}> = [
		{role: 'worker', view: 'services', text: 'this engine is a swarm worker'},
		{role: 'none', view: 'nodes', text: 'this engine is not in a swarm'},
		{role: 'none', view: 'tasks', text: 'this engine is not in a swarm'},
	];
	for (const {role, view, text} of cases) test(`${role}: ${view} says so in one line`, async () => {
		app = await renderApp({store: swarmStore({view}, {role})});
		const frame = await app.waitForFrame(t => t.includes(text), 'the one line');
		assert.doesNotMatch(frame, /NAME|HOSTNAME|SLOT/);
	});
});
