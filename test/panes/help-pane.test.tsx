import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {maxHelpScroll} from '../../source/keys/help-lines.js';
import {activeBindings} from '../../source/keys/dispatch.js';
import {keymap} from '../../source/keys/keymap.js';
import {keyLabel} from '../../source/keys/key-labels.js';
import {setStatsSource} from '../../source/store/stats-source-slice.js';
import {seededStore} from '../helpers/fixtures.js';
import {keys, renderApp, type RenderedApp} from '../helpers/render-app.js';

/** How the help pane spells a binding: its keys as people read them, then its description, then whether it asks first. */
const helpLine = (binding: {keys: string[]; description: string}) => new RegExp(`^  ${escapeRegex(binding.keys.map(keyLabel).join(', '))}\\s+${escapeRegex(binding.description)}( \\(asks first: y\\))?$`, 'm');

function escapeRegex(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The help lines on screen: everything between the "Keys" header and the footer. */
function helpBody(text: string): string[] {
	const lines = text.split('\n');
	const start = lines.findIndex(line => line.startsWith('Keys'));
	return start === -1 ? [] : lines.slice(start + 1, -1).filter(line => line.trim() !== '');
}

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe('help pane', () => {
	// Tall enough for the whole keymap on one screen.
	const tall = {columns: 160, rows: 400};

	test('? shows help generated from the keymap, every active binding on one screen', async () => {
		app = await renderApp({store: seededStore(), size: tall});
		app.type('?');
		const text = await app.waitForFrame(t => t.includes('Keys (Esc or ? to go back)'), 'the help pane');
		for (const binding of activeBindings(false)) assert.match(text, helpLine(binding));
		for (const title of ['Everywhere', 'Containers', 'Help']) assert.match(text, new RegExp(`^${title}$`, 'm'));
	});

	test('in a short terminal, scrolling with j reaches every binding', async () => {
		app = await renderApp({store: seededStore(), size: {columns: 100, rows: 14}});
		app.type('?');
		let text = await app.waitForFrame(t => t.includes('Keys'), 'the help pane');
		const seen = new Set(helpBody(text));
		const visible = helpBody(text).length;
		assert.ok(visible < activeBindings(false).length, `the terminal is short enough to need scrolling (${visible} lines)`);
		const last = activeBindings(false).at(-1);
		assert.ok(last);
		// Each j moves the view one line until the last binding is on screen.
		for (let step = 1; !helpLine(last).test(helpBody(text).join('\n')); step++) {
			assert.ok(step < 500, 'the end of the help is reached');
			const first = helpBody(text)[0];
			app.type('j');
			text = await app.waitForFrame(t => helpBody(t)[0] !== first, `scroll step ${step}`);
			for (const line of helpBody(text)) seen.add(line);
		}
		const all = [...seen].join('\n');
		for (const binding of activeBindings(false)) assert.match(all, helpLine(binding));
		assert.ok(text.split('\n').length <= 14);
	});

	test('k scrolls back after scrolling past the end', async () => {
		app = await renderApp({store: seededStore(), size: {columns: 100, rows: 14}});
		app.type('?');
		await app.waitForFrame(t => t.includes('Keys'), 'the help pane');
		const last = activeBindings(false).at(-1);
		assert.ok(last);
		app.type('j'.repeat(500));
		const bottom = await app.waitForFrame(t => helpLine(last).test(helpBody(t).join('\n')), 'the end of the help');
		const state = app.store.getSnapshot();
		assert.equal(state.ui.helpScroll, maxHelpScroll(false, state.ui.pageSize), 'scrolling stops at the end');
		app.type('k');
		await app.waitForFrame(t => helpBody(t)[0] !== helpBody(bottom)[0], 'the view to move up one line', {timeoutMs: 1000});
	});

	test('Esc and ? go back to the containers', async () => {
		app = await renderApp({store: seededStore()});
		app.type('?');
		await app.waitForFrame(t => t.includes('Keys'), 'the help pane');
		app.type(keys.escape);
		await app.waitForFrame(t => t.includes('NAME▲') && !t.includes('Keys ('), 'the table after Esc');
		app.type('?');
		await app.waitForFrame(t => t.includes('Keys'), 'the help pane again');
		app.type('?');
		await app.waitForFrame(t => t.includes('NAME▲'), 'the table after ?');
	});

	test('read-only hides every dangerous command and says why', async () => {
		app = await renderApp({store: seededStore({readOnly: true}), size: tall});
		app.type('?');
		const text = await app.waitForFrame(t => t.includes('Keys'), 'the help pane');
		assert.ok(!text.includes('Remove the container'));
		for (const binding of keymap.filter(b => b.dangerous)) assert.ok(!text.includes(binding.description), binding.description);
		for (const binding of activeBindings(true)) assert.match(text, helpLine(binding));
		assert.match(text, /Read-only: commands that change the engine are disabled\./);
		assert.match(text, /\[read-only\]/);
	});

	test('writable help does list the dangerous commands', async () => {
		app = await renderApp({store: seededStore()});
		app.type('?');
		const text = await app.waitForFrame(t => t.includes('Keys'), 'the help pane');
		assert.match(text, /Remove the container \(asks first: y\)/);
		assert.ok(!text.includes('Read-only'));
	});

	test('the header says where the stats come from, and follows a change of source', async () => {
		const store = seededStore();
		app = await renderApp({store, size: tall});
		app.type('?');
		await app.waitForFrame(t => /^Keys .*Stats from engine API$/m.test(t), 'the API named before any cgroup reading');
		store.update(state => setStatsSource(state, undefined, 'cgroup'));
		await app.waitForFrame(t => /^Keys .*Stats from cgroup files$/m.test(t), 'cgroup files named');
		store.update(state => setStatsSource(state, undefined, 'mixed'));
		await app.waitForFrame(t => /^Keys .*Stats from cgroup files and engine API$/m.test(t), 'both named');
	});
});
