import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {dispatchKey} from '../../../source/actions/dispatch.js';
import {runContainerAction} from '../../../source/actions/container-actions.js';
import {keymap} from '../../../source/keys/keymap.js';
import {selectRows, selectSelected} from '../../../source/store/selectors.js';
import type {AppState, UiState} from '../../../source/store/state.js';
import type {Store} from '../../../source/store/store.js';
import {fixtureRows, seededStore} from '../../helpers/fixtures.js';
import {forbiddenEngine, type ForbiddenEngine} from '../../helpers/forbidden-engine.js';
import {setBodyRows} from '../../../source/store/body-rows.js';

type Harness = {store: Store; engine: ForbiddenEngine; quits: () => number; press: (...keys: string[]) => void; state: () => AppState};

/**
 * A seeded store and the one dispatcher. Keys are given as keymap names; a
 * plain character is also its own input, as Ink reports it.
 */
function harness({ui, readOnly}: {ui?: Partial<UiState>; readOnly?: boolean} = {}): Harness {
	const store = seededStore({ui, readOnly});
	const engine = forbiddenEngine();
	let quits = 0;
	const context = {engine, store, quit: () => quits++};
	return {
		store,
		engine,
		quits: () => quits,
		press: (...keys) => {
			for (const key of keys) dispatchKey(key, key.length === 1 ? key : '', context);
		},
		state: () => store.getSnapshot(),
	};
}

/** Types text into an open prompt, one key per character. */
function typeText(h: Harness, text: string): void {
	h.press(...text);
}

const selectedName = (h: Harness) => selectSelected(h.state())?.name;
const idOf = (name: string) => fixtureRows().find(row => row.name === name)?.id;
/** Lets any action that a key started run to its first await and beyond. */
const settle = () => new Promise(resolve => setImmediate(resolve));

describe('navigation', () => {
	const cases: Array<[string, string[], string]> = [
		['starts on the first row', [], 'burner'],
		['j moves down', ['j'], 'created-one'],
		['j twice', ['j', 'j'], 'demo-1'],
		['k moves back up', ['j', 'j', 'k'], 'created-one'],
		['k at the top stays', ['k'], 'burner'],
		['G goes to the last row', ['G'], 'web-healthy'],
		['j at the bottom stays', ['G', 'j'], 'web-healthy'],
		['g goes back to the first', ['G', 'g'], 'burner'],
		['arrow keys', ['down', 'down', 'up'], 'created-one'],
		['end and home', ['end', 'home', 'down'], 'created-one'],
		['page down clamps to the last row', ['pagedown'], 'web-healthy'],
		['page up clamps to the first row', ['G', 'pageup'], 'burner'],
	];
	for (const [name, keys, expected] of cases) {
		test(`${name}: ${keys.join(' ') || '(none)'}`, () => {
			const h = harness();
			h.press(...keys);
			assert.equal(selectedName(h), expected);
		});
	}

	test('page down moves by the rows the containers pane published, not by a guess from the page size', () => {
		for (const [rows, expected] of [[2, 'demo-1'], [1, 'created-one']] as const) {
			const h = harness({ui: {pageSize: 30}});
			h.store.update(state => setBodyRows(setBodyRows(state, 'containers', rows), 'images', 7));
			h.press('pagedown');
			assert.equal(selectedName(h), expected, `${rows} rows shown`);
		}
	});

	test('moves follow the visible (filtered) rows', () => {
		const h = harness({ui: {hideStopped: true}});
		h.press('j', 'j');
		assert.equal(selectedName(h), 'paused-one');
	});

	test('navigation never touches the engine', async () => {
		const h = harness();
		h.press('j', 'k', 'G', 'g', 'pagedown', 'pageup', 'h', 'o', 'O', 'N', 'C', 'M', 'return');
		await settle();
		assert.deepEqual(h.engine.calls, []);
	});
});

describe('filter prompt', () => {
	test('/ opens the prompt, typing filters as you go', () => {
		const h = harness();
		h.press('/');
		assert.deepEqual({...h.state().ui.prompt, help: undefined}, {kind: 'filter', text: '', help: undefined});
		typeText(h, 'demo');
		assert.equal(h.state().ui.filter, 'demo');
		assert.deepEqual({...h.state().ui.prompt, help: undefined}, {kind: 'filter', text: 'demo', help: undefined});
		assert.deepEqual(selectRows(h.state()).map(row => row.name), ['demo-1']);
	});

	test('backspace and ctrl+u edit the text', () => {
		const h = harness();
		h.press('/');
		typeText(h, 'demox');
		h.press('backspace');
		assert.equal(h.state().ui.filter, 'demo');
		h.press('ctrl+u');
		assert.equal(h.state().ui.filter, '');
	});

	test('Esc closes the prompt and clears the filter', () => {
		const h = harness();
		h.press('/');
		typeText(h, 'demo');
		h.press('escape');
		assert.equal(h.state().ui.prompt, undefined);
		assert.equal(h.state().ui.filter, '');
		assert.equal(selectRows(h.state()).length, fixtureRows().length);
	});

	test('Enter keeps the filter and closes the prompt; Esc afterwards clears it', () => {
		const h = harness();
		h.press('/');
		typeText(h, 'shop');
		h.press('return');
		assert.equal(h.state().ui.prompt, undefined);
		assert.equal(h.state().ui.filter, 'shop');
		h.press('escape');
		assert.equal(h.state().ui.filter, '');
	});

	test('/ again reopens with the current filter', () => {
		const h = harness({ui: {filter: 'demo'}});
		h.press('/');
		assert.deepEqual({...h.state().ui.prompt, help: undefined}, {kind: 'filter', text: 'demo', help: undefined});
	});

	test('the prompt takes every printable key, even bound ones', async () => {
		const h = harness();
		h.press('/');
		typeText(h, 'qDK?:G');
		await settle();
		assert.equal(h.state().ui.filter, 'qDK?:G');
		assert.equal(h.quits(), 0);
		assert.equal(h.state().ui.confirm, undefined);
		assert.equal(h.state().ui.view, 'containers');
		assert.deepEqual(h.engine.calls, []);
	});

	test('control keys are not typed into the prompt', () => {
		const h = harness();
		h.press('/');
		dispatchKey('tab', '\t', {engine: h.engine, store: h.store, quit: () => {}});
		dispatchKey('up', '', {engine: h.engine, store: h.store, quit: () => {}});
		dispatchKey('x', '\u001b[2J', {engine: h.engine, store: h.store, quit: () => {}});
		assert.equal(h.state().ui.filter, '');
	});
});

describe('command line', () => {
	const cases: Array<[string, string, AppState['ui']['view']]> = [
		['help', 'help', 'help'],
		['alias h', 'h', 'help'],
		['with spaces and case', '  HELP ', 'help'],
		['containers from help', 'co', 'containers'],
	];
	for (const [name, text, view] of cases) {
		test(`:${text} -> ${view} (${name})`, () => {
			const h = harness({ui: {view: view === 'help' ? 'containers' : 'help'}});
			h.press(':');
			// The prompt also carries its hint (the : names), generated from the keymap.
			assert.deepEqual({...h.state().ui.prompt, help: undefined}, {kind: 'command', text: '', help: undefined});
			typeText(h, text);
			h.press('return');
			assert.equal(h.state().ui.prompt, undefined);
			assert.equal(h.state().ui.view, view);
		});
	}

	test('an unknown view leaves the view and says so', () => {
		const h = harness();
		h.press(':');
		typeText(h, 'nosuchview');
		h.press('return');
		assert.equal(h.state().ui.view, 'containers');
		assert.equal(h.state().notice?.level, 'error');
		assert.match(h.state().notice?.text ?? '', /unknown view: nosuchview/);
	});

	test('an empty line does nothing', () => {
		const h = harness();
		h.press(':', 'return');
		assert.equal(h.state().notice, undefined);
		assert.equal(h.state().ui.prompt, undefined);
	});

	test('Esc cancels without running and keeps the filter', () => {
		const h = harness({ui: {filter: 'demo'}});
		h.press(':');
		typeText(h, 'help');
		h.press('escape');
		assert.equal(h.state().ui.view, 'containers');
		assert.equal(h.state().ui.filter, 'demo');
	});
});

describe('confirmation', () => {
	test('K asks to kill the selected container, naming it', () => {
		const h = harness();
		h.press('j', 'j', 'K');
		const confirm = h.state().ui.confirm;
		assert.equal(confirm?.title, 'Kill');
		assert.equal(confirm?.target, 'demo-1');
		assert.equal(confirm?.question, 'Kill container demo-1? It gets SIGKILL and no time to clean up.');
	});

	test('D asks to remove, and knows whether the container is running', () => {
		const h = harness({ui: {selectedId: idOf('job-failed')}});
		h.press('D');
		assert.equal(h.state().ui.confirm?.question, 'Remove container job-failed?');
		const paused = harness({ui: {selectedId: idOf('paused-one')}});
		paused.press('ctrl+d');
		assert.equal(paused.state().ui.confirm?.question, 'Remove container paused-one? It is running and will be killed first.');
	});

	for (const key of ['n', 'escape', 'q', 'x', 'j']) {
		test(`"${key}" cancels with a notice and reaches neither the engine nor its own binding`, async () => {
			const h = harness();
			h.press('K', key);
			await settle();
			assert.equal(h.state().ui.confirm, undefined);
			assert.equal(h.state().notice?.text, 'kill cancelled');
			assert.equal(h.quits(), 0);
			assert.equal(selectedName(h), 'burner');
			assert.deepEqual(h.engine.calls, []);
		});
	}

	test('confirming a container that vanished meanwhile reports it and calls nothing', async () => {
		const h = harness();
		h.press('D');
		h.store.update(state => ({...state, containers: new Map([...state.containers].filter(([id]) => id !== idOf('burner')))}));
		h.press('y');
		await settle();
		assert.equal(h.state().notice?.text, 'burner no longer exists');
		assert.equal(h.state().notice?.level, 'error');
		assert.deepEqual(h.engine.calls, []);
	});

	test('nothing to confirm when no row is visible', () => {
		const h = harness({ui: {filter: 'zzz'}});
		h.press('K', 'D');
		assert.equal(h.state().ui.confirm, undefined);
	});
});

describe('views and quitting', () => {
	test('? toggles help, and back', () => {
		const h = harness();
		h.press('?');
		assert.equal(h.state().ui.view, 'help');
		h.press('?');
		assert.equal(h.state().ui.view, 'containers');
	});

	test('Esc leaves help', () => {
		const h = harness();
		h.press('?', 'escape');
		assert.equal(h.state().ui.view, 'containers');
	});

	test('j and k scroll help instead of moving the selection', () => {
		const h = harness();
		h.press('?', 'j', 'j', 'j', 'k');
		assert.equal(h.state().ui.helpScroll, 2);
		h.press('k', 'k', 'k');
		assert.equal(h.state().ui.helpScroll, 0);
		assert.equal(h.state().ui.selectedId, undefined);
	});

	test('container keys do nothing in help', async () => {
		const h = harness();
		h.press('?', 'K', 'D', 's', 'G', '/');
		await settle();
		assert.equal(h.state().ui.confirm, undefined);
		assert.equal(h.state().ui.prompt, undefined);
		assert.deepEqual(h.engine.calls, []);
	});

	for (const key of ['q', 'ctrl+c']) {
		test(`${key} quits`, () => {
			const h = harness();
			h.press(key);
			assert.equal(h.quits(), 1);
		});
	}

	test('h hides and shows stopped containers; Enter toggles the detail', () => {
		// Tall enough that the detail shows by default (issue 10: not below 12 table rows).
		const h = harness({ui: {pageSize: 30}});
		h.press('h');
		assert.equal(h.state().ui.hideStopped, true);
		h.press('h', 'return');
		assert.equal(h.state().ui.hideStopped, false);
		assert.equal(h.state().ui.showDetail, false);
	});

	test('o walks the sort columns; O reverses; C and N jump', () => {
		const h = harness();
		h.press('o');
		assert.deepEqual(h.state().ui.sort, {column: 'project', descending: false});
		h.press('O');
		assert.deepEqual(h.state().ui.sort, {column: 'project', descending: true});
		h.press('C');
		assert.deepEqual(h.state().ui.sort, {column: 'cpu', descending: true});
		h.press('N');
		assert.deepEqual(h.state().ui.sort, {column: 'name', descending: false});
	});

	test('unbound keys change nothing', () => {
		const h = harness();
		const before = h.state();
		h.press('x', 'z', 'tab', 'left');
		assert.equal(h.state(), before);
	});
});

describe('read-only', () => {
	const dangerousKeys = keymap.filter(binding => binding.dangerous).flatMap(binding => binding.keys);
	const targets = ['burner', 'paused-one', 'job-failed', 'created-one'];

	test('the keymap has dangerous keys to press', () => {
		assert.deepEqual([...new Set(dangerousKeys)].sort(), ['B', 'D', 'E', 'K', 'L', 'P', 'W', 'X', 'Y', 'a', 'b', 'c', 'ctrl+d', 'd', 'e', 'p', 'r', 's', 't', 'u', 'x']);
	});

	for (const name of targets) {
		test(`every dangerous key on ${name} leaves the engine alone and opens nothing`, async () => {
			const h = harness({readOnly: true, ui: {selectedId: idOf(name)}});
			for (const key of dangerousKeys) {
				h.press(key);
				assert.equal(h.state().ui.confirm, undefined, `${key} opened a confirmation`);
			}
			await settle();
			assert.deepEqual(h.engine.calls, []);
		});
	}

	test('dangerous keys in the help view also do nothing', async () => {
		const h = harness({readOnly: true, ui: {view: 'help'}});
		h.press(...dangerousKeys);
		await settle();
		assert.deepEqual(h.engine.calls, []);
		assert.equal(h.state().ui.confirm, undefined);
	});

	test('the action runner itself refuses in read-only mode', async () => {
		const h = harness({readOnly: true});
		const row = h.state().containers.get(idOf('burner') ?? '');
		assert.ok(row);
		await runContainerAction(h.engine, h.store, row, 'remove');
		await settle();
		assert.deepEqual(h.engine.calls, []);
		assert.equal(h.state().notice?.text, 'read-only: remove is disabled');
	});

	test('safe keys still work', () => {
		const h = harness({readOnly: true});
		h.press('j', '/', 'd', 'e', 'm', 'o', 'return', '?');
		assert.equal(h.state().ui.filter, 'demo');
		assert.equal(h.state().ui.view, 'help');
	});
});

describe('the file browser', () => {
	test('F opens the selected container\'s files at /, and Esc closes it (its listing stopped)', async () => {
		const h = harness({ui: {selectedId: idOf('demo-1')}});
		h.press('F');
		assert.equal(h.state().ui.view, 'files');
		assert.equal(h.state().files?.path, '/');
		assert.equal(h.state().files?.container.id, idOf('demo-1'));
		await settle();
		assert.deepEqual(h.engine.calls, ['listContainerFolder']);
		// The forbidden engine throws: the view says so instead of throwing into React.
		assert.equal(h.state().files?.status, 'error');
		h.press('escape');
		assert.equal(h.state().ui.view, 'containers');
		assert.equal(h.state().files, undefined);
	});

	test('read-only: Y in the browser asks nothing and copies nothing; y still asks where to copy out', async () => {
		const h = harness({readOnly: true, ui: {selectedId: idOf('demo-1')}});
		h.press('F');
		await settle();
		h.store.update(state => ({...state, files: {...state.files!, status: 'done', rows: [{name: 'etc', raw: 'etc', kind: 'dir', size: 0, mode: 0o755}]}}));
		h.press('Y');
		await settle();
		assert.equal(h.state().ui.prompt, undefined);
		assert.deepEqual(h.engine.calls, ['listContainerFolder']);
		h.press('y');
		assert.match(h.state().ui.prompt?.label ?? '', /^copy etc out to local folder/);
	});
});
