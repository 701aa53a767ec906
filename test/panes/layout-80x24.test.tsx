import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {hints} from '../../source/keys/dispatch.js';
import {seededStore} from '../helpers/fixtures.js';
import {renderApp, type RenderedApp} from '../helpers/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const lines = (frame: string) => frame.split('\n');

describe('at 80×24 (issue 10, smaller things)', () => {
	test('the header keeps its counts and the footer shows whole hints only', async () => {
		const store = seededStore({readOnly: true});
		// A rootless engine's socket: long enough to push the counts off an 80-column line.
		store.update(state => ({...state, connection: {...state.connection, target: 'unix:///run/user/1000/docker/rootless/docker.sock'}}));
		app = await renderApp({store, size: {columns: 80, rows: 24}});
		const frame = await app.waitForFrame(text => text.includes('burner'), 'the table');
		const header = lines(frame)[0] ?? '';
		assert.match(header, /\[read-only\] 7 containers, 3 running$/, header);
		assert.match(header, /unix:\/\/\/run\/user\//, 'the target gives way, but still shows where');
		const footer = lines(frame).at(-1) ?? '';
		assert.ok(footer.trimEnd().length <= 80);
		assert.doesNotMatch(footer, /…/);
		// Every hint on the line is whole: the footer ends with a complete "key label".
		const shown = hints('containers', true).filter(hint => footer.includes(`${hint.key} ${hint.label}`));
		assert.ok(shown.length >= 5, footer);
		assert.match(footer.trimEnd(), new RegExp(`${shown.at(-1)!.label.replace('/', '\\/')}$`), footer);
	});

	test('the detail area stays closed by default, leaving the table its rows; Enter opens it', async () => {
		app = await renderApp({store: seededStore(), size: {columns: 80, rows: 24}});
		const frame = await app.waitForFrame(text => text.includes('burner'), 'the table');
		assert.doesNotMatch(frame, /┌/, 'no detail box');
		app.type('\r');
		await app.waitForFrame(text => text.includes('┌'), 'the detail after Enter');
		app.type('\r');
		await app.waitForFrame(text => !text.includes('┌'), 'closed again');
	});

	test('at 160×40 the detail opens by default, as before', async () => {
		app = await renderApp({store: seededStore(), size: {columns: 160, rows: 40}});
		await app.waitForFrame(text => text.includes('┌'), 'the detail');
	});

	test('after h the header says how many stopped containers are hidden', async () => {
		// At 80 columns, read-only, the longest header there is: the counts still show whole.
		app = await renderApp({store: seededStore({readOnly: true}), size: {columns: 80, rows: 24}});
		await app.waitForFrame(text => text.includes('burner'), 'the table');
		app.type('h');
		const frame = await app.waitForFrame(text => !text.includes('job-failed '), 'stopped rows gone');
		assert.match(lines(frame)[0] ?? '', /7 containers, 3 running, 3 stopped hidden$/);
		app.type('h');
		await app.waitForFrame(text => /7 containers, 3 running$/.test(lines(text)[0] ?? ''), 'shown again, and the header says nothing more');
	});
});

describe('sorting (issue 10, smaller things)', () => {
	test('o walks every column, PROJECT, uptime, block IO, PIDS and RST included, and RST keeps its title beside the arrow', async () => {
		app = await renderApp({store: seededStore(), size: {columns: 160, rows: 40}});
		await app.waitForFrame(text => text.includes('NAME▲'), 'the table');
		const seen: string[] = [];
		for (let step = 0; step < 11; step++) {
			app.type('o');
			const frame = await app.waitForFrame(text => (lines(text)[1] ?? '').includes('sorted by') && !seen.includes(lines(text)[1]!.trim()), `sort step ${step}`);
			seen.push(lines(frame)[1]!.trim());
			if (seen.at(-1)!.startsWith('sorted by restarts')) assert.match(lines(frame)[2] ?? '', /RST▼/);
			if (seen.at(-1)!.startsWith('sorted by uptime')) assert.match(lines(frame)[2] ?? '', /STATE▼/);
		}
		for (const column of ['project', 'uptime', 'block', 'pids', 'restarts', 'created']) assert.ok(seen.some(line => line.startsWith(`sorted by ${column}`)), `${column}: ${seen.join(' | ')}`);
	});
});

describe('the footer names only the filter of the view on screen (issue 10, logs view)', () => {
	const cases: Array<[string, boolean]> = [['containers', true], ['logs', false], ['disk', false], ['help', false]];
	for (const [view, shown] of cases) {
		test(`${view}: ${shown ? 'shows' : 'hides'} the containers filter`, async () => {
			const store = seededStore({ui: {filter: 'burner'}});
			app = await renderApp({store, size: {columns: 120, rows: 30}});
			await app.waitForFrame(text => text.includes('burner'), 'the table');
			store.update(state => ({...state, ui: {...state.ui, view: view as 'containers'}}));
			const frame = await app.waitForFrame(text => view === 'containers' || !text.includes('NAME▲'), view);
			assert.equal((lines(frame).at(-1) ?? '').includes('filter: burner'), shown, lines(frame).at(-1));
		});
	}
});
