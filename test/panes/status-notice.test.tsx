import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {seededStore} from '../helpers/fixtures.js';
import {renderApp, type RenderedApp} from '../helpers/render-app.js';
import {noticeLifetimeMs, notify, visibleNotice} from '../../source/store/ui-slice.js';
import type {Notice} from '../../source/store/state.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

/** The message line: the second line of the screen. */
const messageLine = (frame: string) => frame.split('\n')[1] ?? '';

describe('status messages expire (issue 10, smaller things)', () => {
	const cases: Array<[Notice['level'], number]> = [['info', 5000], ['error', 10_000]];
	for (const [level, lifetime] of cases) {
		test(`an ${level} message leaves after ${lifetime / 1000} s`, async () => {
			assert.equal(noticeLifetimeMs[level], lifetime);
			const store = seededStore();
			app = await renderApp({store});
			// Raised almost a lifetime ago, so the test waits a moment, not the whole lifetime.
			store.update(state => {
				const next = notify(state, `hello ${level}`, level);
				return {...next, notice: {...next.notice!, at: Date.now() - lifetime + 300}};
			});
			await app.waitForFrame(frame => messageLine(frame).includes(`hello ${level}`), 'the message');
			await app.waitForFrame(frame => !messageLine(frame).includes(`hello ${level}`), 'the message gone', {timeoutMs: 3000});
			assert.equal(store.getSnapshot().notice, undefined, 'cleared from the store, so nothing waits on it');
		});
	}

	test('a message stays in the view it was raised in', async () => {
		const store = seededStore();
		app = await renderApp({store});
		store.update(state => notify(state, 'said in containers'));
		await app.waitForFrame(frame => messageLine(frame).includes('said in containers'), 'the message');
		app.type(':');
		app.type('images\r');
		await app.waitForFrame(frame => frame.includes('Images ·') && !messageLine(frame).includes('said in containers'), 'images without the message');
	});

	const visible: Array<[string, Notice | undefined, Parameters<typeof visibleNotice>[1], number, boolean]> = [
		['no notice', undefined, 'containers', 0, false],
		['same view, fresh', {text: 'x', level: 'info', at: 1000, view: 'containers'}, 'containers', 2000, true],
		['same view, expired', {text: 'x', level: 'info', at: 1000, view: 'containers'}, 'containers', 6000, false],
		['error lives longer', {text: 'x', level: 'error', at: 1000, view: 'containers'}, 'containers', 6000, true],
		['another view', {text: 'x', level: 'info', at: 1000, view: 'containers'}, 'images', 2000, false],
		['help shows what the view under it said', {text: 'x', level: 'info', at: 1000, view: 'logs'}, 'help', 2000, true],
	];
	for (const [name, notice, view, now, shown] of visible) {
		test(`visibleNotice: ${name}`, () => assert.equal(visibleNotice(notice, view, now) !== undefined, shown));
	}
});
