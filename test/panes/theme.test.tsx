import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {Chalk} from 'chalk';
import {afterEach, describe, test} from 'node:test';
import {resolveTheme, themes} from '../../source/format/theme.js';
import {seededStore} from '../helpers/fixtures.js';
import {plain, renderApp, type RenderedApp} from '../helpers/render-app.js';

// force-color.ts sets FORCE_COLOR=1: the 16 colours of TERM=xterm or TERM=linux.
const ansi16 = new Chalk({level: 1});
const open = (painted: string) => painted.slice(0, painted.indexOf('x'));

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

/** The raw line (escapes kept) whose plain text matches. */
function rawLine(frame: string, pattern: RegExp): string {
	return frame.split('\n').find(line => pattern.test(plain(line))) ?? '';
}

describe('themes in the tables, on a 16-colour terminal', () => {
	test('dark (the default) draws the selection inverse and the titles bold, as always', async () => {
		app = await renderApp({store: seededStore(), theme: themes.dark});
		await app.waitForFrame(t => t.includes('NAME▲'), 'the table');
		const frame = app.lastFrame();
		assert.match(rawLine(frame, /NAME▲/), /^\u001b\[1mNAME/);
		assert.ok(frame.split('\n').some(line => line.startsWith('\u001b[7m')), 'a row is drawn inverse');
	});

	test('light: titles, selection and states in its colours, mapped down to 16, never truecolor', async () => {
		const light = themes.light;
		app = await renderApp({store: seededStore(), theme: light});
		await app.waitForFrame(t => t.includes('NAME▲'), 'the table');
		const frame = app.lastFrame();
		assert.ok(rawLine(frame, /NAME▲/).includes(open(ansi16.hex(light.header!)('x'))), 'the header in the theme\'s colour');
		const background = open(ansi16.bgHex(light.selection!)('x'));
		assert.ok(frame.split('\n').some(line => line.includes(background)), `the selected row on ${JSON.stringify(background)}`);
		assert.ok(!frame.split('\n').some(line => line.startsWith('\u001b[7m')), 'no inverse row: the selection is a background');
		const running = rawLine(frame, /running · /);
		assert.ok(running.includes(`${open(ansi16.hex(light.running)('x'))}running`), `running in its colour: ${JSON.stringify(running)}`);
		assert.doesNotMatch(frame, /\u001b\[[34]8;2;/, 'no truecolor escape on a 16-colour terminal');
	});

	test('the sparkline role colours the table\'s sparklines and the detail\'s CPU chart', async () => {
		app = await renderApp({store: seededStore(), theme: resolveTheme('dark', {sparkline: 'magentaBright'})});
		await app.waitForFrame(t => t.includes('CPU') && /[\u2800-\u28ff]/.test(t), 'the table and the detail chart');
		assert.match(app.lastFrame(), /\u001b\[95m[\u2800-\u28ff]/, 'the chart');
		assert.match(app.lastFrame(), /\u001b\[95m[▁▂▃▄▅▆▇█ ]+/, 'the table\'s sparkline');
	});

	test('a colour by role from the config wins over the theme', async () => {
		app = await renderApp({store: seededStore(), theme: resolveTheme('light', {running: 'magenta'})});
		await app.waitForFrame(t => t.includes('NAME▲'), 'the table');
		assert.ok(rawLine(app.lastFrame(), /running · /).includes('\u001b[35mrunning'));
	});
});
