import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import type {ContainerRow} from '../../source/domain/container.js';
import {computeSample, type RawStats} from '../../source/domain/stats-calc.js';
import {formatPercent} from '../../source/format/bytes.js';
import {fixtureRows, loadJson, seededStore} from '../helpers/fixtures.js';
import {keys, plain, renderApp, type RenderedApp} from '../helpers/render-app.js';

const allNames = ['burner', 'created-one', 'demo-1', 'evil-labels', 'job-failed', 'paused-one', 'web-healthy'];
const idOf = (name: string) => fixtureRows().find(row => row.name === name)?.id;
/** The frame line that shows a container's table row. */
const rowLine = (text: string, name: string) => text.split('\n').find(line => line.startsWith(`${name} `)) ?? '';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe('containers pane', () => {
	test('shows every fixture container', async () => {
		app = await renderApp({store: seededStore()});
		const text = await app.waitForFrame(t => allNames.every(name => rowLine(t, name) !== ''), 'every container row');
		assert.match(text, /7 containers, 3 running/);
		assert.match(text.split('\n')[2] ?? '', /^NAME▲\s+IMAGE\s+STATE\s+CPU.*BLOCK R\/W/);
	});

	test('exited (3) shows for job-failed, healthy for web-healthy, paused for paused-one', async () => {
		app = await renderApp({store: seededStore()});
		const text = await app.waitForFrame(t => rowLine(t, 'job-failed') !== '', 'job-failed');
		assert.match(rowLine(text, 'job-failed'), /exited \(3\)/);
		assert.match(rowLine(text, 'web-healthy'), /running \(healthy\)/);
		assert.match(rowLine(text, 'paused-one'), /paused/);
		assert.match(rowLine(text, 'created-one'), /created/);
	});

	test('the compose project shows when the terminal is wide enough for its column', async () => {
		// PROJECT is the first column dropped when space runs short (it needs ~178 columns).
		app = await renderApp({store: seededStore(), size: {columns: 200, rows: 40}});
		const text = await app.waitForFrame(t => t.includes('PROJECT'), 'the PROJECT column');
		assert.match(rowLine(text, 'demo-1'), /^demo-1\s+demo\s/);
		assert.match(rowLine(text, 'web-healthy'), /^web-healthy\s+shop\s/);
		assert.match(rowLine(text, 'burner'), /^burner\s+-\s/);
	});

	test('the CPU figure from the stats fixture shows for running rows only', async () => {
		const frames = loadJson<RawStats[]>('stats/busy-stream.json');
		const last = frames.at(-1);
		assert.ok(last);
		const cpu = formatPercent(computeSample(last).cpuPercent);
		app = await renderApp({store: seededStore()});
		const text = await app.waitForFrame(t => rowLine(t, 'burner').includes(cpu), `burner's CPU ${cpu}`);
		const cpuAt = (text.split('\n')[2] ?? '').indexOf('CPU');
		for (const name of ['burner', 'demo-1', 'web-healthy']) assert.ok(rowLine(text, name).includes(cpu), `${name} shows ${cpu}`);
		for (const name of ['created-one', 'evil-labels', 'job-failed', 'paused-one']) {
			assert.equal(rowLine(text, name).slice(cpuAt, cpuAt + 3).trim(), '-', `${name} has no CPU figure`);
		}
	});

	test('hostile labels and commands render inert: only SGR escapes reach the frame', async () => {
		app = await renderApp({store: seededStore({ui: {selectedId: idOf('evil-labels')}})});
		const text = await app.waitForFrame(t => t.includes('title=xy'), 'the evil label, sanitised, in the detail');
		assert.match(text, /command sh -c echo/);
		const frame = app.lastFrame();
		for (const needle of ['\u001b]', 'pwned\u0007', '\u001b[2J', '\u001b[H', '\u0007', '\u009b', '\u009d']) {
			assert.ok(!frame.includes(needle), `frame contains ${JSON.stringify(needle)}`);
		}
		assert.ok(!text.includes('pwned'), 'the OSC payload is dropped, not shown');
		const escapes = frame.match(/\u001b[^a-zA-Z]*[a-zA-Z]?/g) ?? [];
		assert.ok(escapes.length > 0, 'colour is on (force-color.ts), so the check below is not vacuous');
		for (const escape of escapes) assert.match(escape, /^\u001b\[[0-9;]*m$/, `non-SGR escape ${JSON.stringify(escape)}`);
		assert.doesNotMatch(frame, /[\u0000-\u0009\u000b-\u001a\u001c-\u001f\u007f-\u009f]/, 'no other control characters');
	});

	test('the detail area masks secret-looking labels and command arguments, by the rule inspect uses', async () => {
		const rows = fixtureRows().map(row => row.name === 'demo-1'
			? {...row, labels: {DB_PASSWORD: 'hunter2', 'api.token': 'tok-123', tier: 'web'}, command: 'server --api-key=sk-live-1 --port=80'}
			: row);
		app = await renderApp({store: seededStore({rows, ui: {selectedId: idOf('demo-1')}}), size: {columns: 200, rows: 40}});
		const text = await app.waitForFrame(t => t.includes('tier=web'), 'the labels in the detail area');
		assert.match(text, /DB_PASSWORD=••••••••, api\.token=••••••••, tier=web/);
		assert.match(text, /server --api-key=•••••••• --port=80/);
		assert.doesNotMatch(text, /hunter2|tok-123|sk-live-1/);
	});

	test('/ then "demo" filters to one row', async () => {
		app = await renderApp({store: seededStore()});
		await app.waitForFrame(t => rowLine(t, 'burner') !== '', 'the table');
		app.type('/');
		await app.waitForFrame(t => t.split('\n').at(-1)?.startsWith('/') ?? false, 'the filter prompt');
		app.type('demo');
		const text = await app.waitForFrame(t => allNames.filter(name => name !== 'demo-1').every(name => !t.includes(name)), 'only demo-1 left');
		assert.notEqual(rowLine(text, 'demo-1'), '');
		assert.match(text.split('\n').at(-1) ?? '', /^\/demo/);
		app.type(keys.escape);
		await app.waitForFrame(t => allNames.every(name => rowLine(t, name) !== ''), 'every row back after Esc');
	});

	test('a filter that matches nothing says so', async () => {
		app = await renderApp({store: seededStore()});
		app.type('/');
		app.type('zzz');
		await app.waitForFrame(t => t.includes('no container matches "zzz"'), 'the empty message');
	});

	test('h hides stopped containers and shows them again', async () => {
		app = await renderApp({store: seededStore()});
		await app.waitForFrame(t => rowLine(t, 'job-failed') !== '', 'job-failed');
		app.type('h');
		const text = await app.waitForFrame(t => rowLine(t, 'job-failed') === '' && rowLine(t, 'created-one') === '', 'stopped rows gone');
		assert.equal(rowLine(text, 'evil-labels'), '');
		for (const name of ['burner', 'demo-1', 'paused-one', 'web-healthy']) assert.notEqual(rowLine(text, name), '', name);
		app.type('h');
		await app.waitForFrame(t => rowLine(t, 'job-failed') !== '', 'job-failed back');
	});

	test('the detail area shows the selected row\'s command and labels', async () => {
		app = await renderApp({store: seededStore()});
		await app.waitForFrame(t => t.includes('command sh -c yes > /dev/null'), 'burner\'s detail');
		app.type('G');
		const text = await app.waitForFrame(t => t.includes('command sleep 100000'), 'web-healthy\'s command');
		assert.match(text, /labels\s+com\.docker\.compose\.project=shop, com\.docker\.compose\.service=web/);
		assert.match(text, /│ CPU \d/);
		app.type('k');
		app.type('k');
		await app.waitForFrame(t => t.includes('mounts  -') && /│.*job-failed/.test(t) && t.includes('command sh -c exit 3'), 'job-failed\'s detail');
		app.type('kkk');
		await app.waitForFrame(t => t.includes('mounts  data1:/data'), 'created-one\'s volume');
	});

	test('the detail box keeps its right border on the terminal\'s last column', async () => {
		app = await renderApp({store: seededStore()});
		const text = await app.waitForFrame(t => t.includes('┌'), 'the detail box');
		const lines = text.split('\n');
		const top = lines.findIndex(line => line.startsWith('┌'));
		const bottom = lines.findIndex(line => line.startsWith('└'));
		for (const line of lines.slice(top, bottom + 1)) {
			assert.equal([...line].length, 160, `line is not 160 wide: ${line}`);
			assert.match(line.at(-1) ?? '', /[┐│┘]/);
		}
	});

	test('Enter hides the detail area', async () => {
		app = await renderApp({store: seededStore()});
		await app.waitForFrame(t => t.includes('┌'), 'the detail box');
		app.type(keys.enter);
		await app.waitForFrame(t => !t.includes('┌') && rowLine(t, 'burner') !== '', 'no detail box');
	});

	test('500 rows: the frame stays within the terminal and G selects the last', async () => {
		const [template] = fixtureRows().filter(row => row.state === 'running');
		assert.ok(template);
		const rows: ContainerRow[] = Array.from({length: 500}, (_, i) => ({...template, id: `${String(i).padStart(4, '0')}${template.id.slice(4)}`, name: `svc-${String(i).padStart(3, '0')}`}));
		app = await renderApp({store: seededStore({rows}), size: {columns: 160, rows: 40}});
		let text = await app.waitForFrame(t => rowLine(t, 'svc-000') !== '', 'the first synthetic row');
		assert.ok(text.split('\n').length <= 40, `${text.split('\n').length} lines`);
		assert.equal(rowLine(text, 'svc-499'), '');
		app.type('G');
		text = await app.waitForFrame(t => rowLine(t, 'svc-499') !== '', 'the last row');
		assert.ok(text.split('\n').length <= 40, `${text.split('\n').length} lines`);
		assert.equal(rowLine(text, 'svc-000'), '');
		assert.equal(app.store.getSnapshot().ui.selectedId, rows[499]?.id);
		const selected = app.lastFrame().split('\n').find(line => plain(line).startsWith('svc-499 '));
		assert.match(selected ?? '', /\u001b\[7m/, 'the last row is drawn inverse (selected)');
		app.type('g');
		await app.waitForFrame(t => rowLine(t, 'svc-000') !== '' && rowLine(t, 'svc-499') === '', 'back to the first row');
	});
});

describe('containers pane clock', () => {
	test('"<1m ago" moves on to "1m ago" by itself when nothing else changes', {timeout: 30_000}, async () => {
		const store = seededStore();
		const id = idOf('job-failed');
		assert.ok(id);
		// Drawn first, so the time the first frame takes (long on a busy machine) does not eat the margin.
		app = await renderApp({store});
		store.update(state => {
			const row = state.containers.get(id)!;
			const containers = new Map(state.containers).set(id, {...row, finishedAt: Date.now() - 55_000});
			return {...state, containers};
		});
		await app.waitForFrame(t => /exited \(3\) · <1m ago/.test(rowLine(t, 'job-failed')), 'job-failed under a minute');
		// 5 s before the minute; redraws go on 10 s boundaries, so the minute can take up to 15 s.
		const text = await app.waitForFrame(t => /exited \(3\) · 1m ago/.test(rowLine(t, 'job-failed')), 'job-failed at a minute, with no store change', {timeoutMs: 20_000});
		assert.match(rowLine(text, 'job-failed'), /1m ago/);
	});
});
