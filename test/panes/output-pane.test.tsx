import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, describe, test} from 'node:test';
import {finishOutput, openLiveOutput, outputLineRows, setOutputLines} from '../../source/store/output-slice.js';
import type {Store} from '../../source/store/store.js';
import {seededStore} from '../helpers/fixtures.js';
import {keys, renderApp, type RenderedApp} from '../helpers/render-app.js';
import {waitFor} from '../helpers/wait.js';

const ctrlU = '\u0015';
const size = {columns: 120, rows: 16};
/** Rows the output view gives to lines at this size (the body less its header), as the build action computes them. */
const visible = (store: Store) => outputLineRows(store.getSnapshot());

/** A classic build's log: four steps, the second from cache, and enough lines to scroll. */
function buildLog(extra = 0): string[] {
	return [
		'Step 1/4 : FROM porthole-test/busybox:1',
		' ---> 0123456789ab',
		'Step 2/4 : COPY . /app',
		' ---> Using cache',
		' ---> 1111111111aa',
		'Step 3/4 : RUN echo needle-one && echo hi',
		' ---> Running in 22222222bb',
		'needle-one',
		...Array.from({length: 20}, (_, index) => `filler ${index}`),
		'Step 4/4 : RUN echo needle-two',
		'needle-two',
		...Array.from({length: extra}, (_, index) => `later ${index}`),
	];
}

function buildStore(cancel: () => void = () => undefined): Store {
	const store = seededStore();
	store.update(state => openLiveOutput(state, 'build-1', 'Build of /ctx as app:1 (classic builder; context 2 files, 40 B)', cancel, true));
	return store;
}

const show = (store: Store, lines: string[], step: string, cached: number) => store.update(state => setOutputLines(state, 'build-1', lines, visible(store), {build: {step, cached}}));

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe('the output view as a build log: the logs view\'s follow, search and save', () => {
	const dir = mkdtempSync(join(tmpdir(), 'porthole-output-pane-'));
	after(() => rmSync(dir, {recursive: true, force: true}));

	test('follows new lines, says the step and cache hits, and draws steps and cache hits apart', async () => {
		const store = buildStore();
		app = await renderApp({store, size});
		show(store, buildLog(), 'Step 4/4 : RUN echo needle-two', 1);
		let text = await app.waitForFrame(t => t.includes('needle-two'), 'the newest lines');
		assert.match(text, /\nlines \d+-30 of 30 · following · Esc cancels · 1 step from cache · Step 4\/4 : RUN echo needle-two\n/);
		show(store, buildLog(3), 'Step 4/4 : RUN echo needle-two', 1);
		text = await app.waitForFrame(t => t.includes('later 2'), 'a new line followed');
		// The step line is bold cyan and the cache hit green: visible at a glance, by SGR in the frame.
		store.update(state => ({...state, output: {...state.output!, scroll: 0, follow: false}}));
		await app.waitForFrame(t => t.includes('Using cache'), 'the top of the log');
		const frame = app.lastFrame();
		assert.match(frame, /\u001b\[1m(\u001b\[[0-9;]*m)*\u001b\[36m(\u001b\[[0-9;]*m)*Step 2\/4 : COPY \. \/app/);
		assert.match(frame, /\u001b\[32m ---> Using cache/);
		assert.doesNotMatch(frame, /\u001b\[[0-9;]*m ---> 0123456789ab/, 'other lines stay plain');
	});

	test('scrolling up pauses the follow; new lines then stay below; G follows again', async () => {
		const store = buildStore();
		app = await renderApp({store, size});
		show(store, buildLog(), 'Step 4/4 : RUN echo needle-two', 1);
		await app.waitForFrame(t => t.includes('following'), 'following');
		app.type('k');
		await app.waitForFrame(t => t.includes('lines 19-29 of 30 · PAUSED, 1 newer line below (G or End follows)'), 'paused a line up');
		show(store, buildLog(5), 'Step 4/4 : RUN echo needle-two', 1);
		const text = await app.waitForFrame(t => t.includes('lines 19-29 of 35 · PAUSED, 6 newer lines below'), 'the same lines, the new ones counted below');
		assert.ok(!text.includes('later 4'));
		app.type('G');
		await app.waitForFrame(t => t.includes('later 4') && t.includes('following'), 'following again');
		app.type(' ');
		await app.waitForFrame(t => t.includes('PAUSED'), 'Space pauses');
		app.type(' ');
		await app.waitForFrame(t => t.includes('following'), 'Space resumes');
	});

	test('/ highlights the matches, Enter jumps to the newest, n to older ones, Esc clears then cancels the build', async () => {
		let cancelled = 0;
		const store = buildStore(() => void cancelled++);
		app = await renderApp({store, size});
		show(store, buildLog(30), 'Step 4/4 : RUN echo needle-two', 1);
		await app.waitForFrame(t => t.includes('later 29'), 'the end');
		app.type('/needle-');
		let text = await app.waitForFrame(t => t.includes('4 matches'), 'the matches counted as typed');
		app.type(keys.enter);
		text = await app.waitForFrame(t => t.includes('Step 4/4 : RUN echo needle-two') && !t.includes('later 29'), 'the newest match brought on screen');
		assert.match(text, /PAUSED/);
		// Matches are inverse (yellow): the highlight, by SGR.
		assert.match(app.lastFrame(), /\u001b\[7m(\u001b\[[0-9;]*m)*needle-/);
		assert.equal(store.getSnapshot().output?.lines[store.getSnapshot().output!.match!], 'needle-two');
		app.type('n');
		await waitFor(() => store.getSnapshot().output?.lines[store.getSnapshot().output!.match!] === 'Step 4/4 : RUN echo needle-two', {what: 'n: the next older match'});
		app.type('nn');
		text = await app.waitForFrame(t => t.includes('needle-one') && t.includes('Step 3/4'), 'n again: the step 3 matches');
		assert.equal(store.getSnapshot().output?.lines[store.getSnapshot().output!.match!], 'Step 3/4 : RUN echo needle-one && echo hi');
		app.type('N');
		await waitFor(() => store.getSnapshot().output?.lines[store.getSnapshot().output!.match!] === 'needle-one', {what: 'N: back to a newer one'});
		app.type(keys.escape);
		await app.waitForFrame(t => !t.includes('matches') && !t.includes('clears the search'), 'the search cleared first');
		assert.equal(store.getSnapshot().output?.search, '');
		assert.equal(cancelled, 0);
		app.type(keys.escape);
		await waitFor(() => cancelled === 1, {what: 'the second Esc cancels the build'});
	});

	test('s saves the lines to a file; an existing one only after a yes', async () => {
		const store = buildStore();
		app = await renderApp({store, size});
		const lines = buildLog(2);
		show(store, lines, 'Step 4/4 : RUN echo needle-two', 1);
		store.update(state => finishOutput(state, 'build-1', {status: 'done', message: 'built app:1'}));
		await app.waitForFrame(t => t.includes('built app:1'), 'the finished build');
		app.type('s');
		await app.waitForFrame(t => /save lines to: build-\d{8}-\d{6}\.log/.test(t), 'the path offered');
		const path = join(dir, 'build.log');
		app.type(`${ctrlU}${path}\r`);
		await app.waitForFrame(t => t.includes(`saved ${lines.length} lines to ${path}`), 'the save said');
		assert.equal(readFileSync(path, 'utf8'), lines.join('\n') + '\n');
		writeFileSync(path, 'keep me\n');
		app.type(`s${ctrlU}${path}\r`);
		await app.waitForFrame(t => t.includes('build.log already exists.'), 'the overwrite question');
		app.type('n');
		await app.waitForFrame(t => !t.includes('Overwrite?'), 'the dialog gone');
		assert.equal(readFileSync(path, 'utf8'), 'keep me\n');
		app.type(`s${ctrlU}${path}\r`);
		await app.waitForFrame(t => t.includes('build.log already exists.'), 'the question again');
		app.type('y');
		await waitFor(() => readFileSync(path, 'utf8') === lines.join('\n') + '\n', {what: 'the file overwritten after y'});
	});
});
