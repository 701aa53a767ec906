import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import type {ContainerRow} from '../../source/domain/container.js';
import {recordEvent, selectEvents, bottomIndex} from '../../source/store/events-slice.js';
import {replaceVolumes} from '../../source/store/resources-slice.js';
import {selectedIndex, tableRows} from '../../source/store/resources-selectors.js';
import {selectRows} from '../../source/store/selectors.js';
import type {AppState} from '../../source/store/state.js';
import type {Store} from '../../source/store/store.js';
import {setView} from '../../source/store/ui-slice.js';
import {fixtureRows, seededStore} from '../helpers/fixtures.js';
import {renderApp, type RenderedApp} from '../helpers/render-app.js';
import {resourceFixtures} from '../helpers/resource-fixtures.js';

// Page up/down move by exactly the lines of items the pane shows, counted on
// the screen itself, whatever the pane draws above and below them.

const pageDown = '\u001b[6~';
const pageUp = '\u001b[5~';
const heights = [24, 40];
const numbered = (prefix: string, count: number) => Array.from({length: count}, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

/** The item lines on screen: those that start with (or, for inspect, contain) an item's name. */
function shownItems(text: string, pattern: RegExp): string[] {
	return text.split('\n').map(line => pattern.exec(line)?.[1]).filter((name): name is string => name !== undefined);
}

type Case = {
	name: string;
	/** A store on the view, with far more items than fit. */
	store: () => Store;
	/** Captures the item's name from a line of the frame. */
	item: RegExp;
	/** Where the view stands, as an item index (the selection, or the first or last line shown). */
	position: (state: AppState) => number;
	key: string;
	/** The move expected for a page of `rows` lines: forward or back. */
	sign: 1 | -1;
	/** A scrolling view (not a selection): the next page shares no line with the one before. */
	scrolls?: boolean;
};

const cases: Case[] = [
	{
		name: 'containers (the detail area takes rows at 40 lines)',
		store: () => {
			const [template] = fixtureRows().filter(row => row.state === 'running');
			assert.ok(template);
			const rows: ContainerRow[] = numbered('svc', 300).map((name, i) => ({...template, id: `${String(i).padStart(4, '0')}${template.id.slice(4)}`, name}));
			return seededStore({rows});
		},
		item: /^(svc-\d{3})\s/,
		position: state => Math.max(0, selectRows(state).findIndex(row => row.id === state.ui.selectedId)),
		key: pageDown,
		sign: 1,
	},
	{
		name: 'volumes (a caption above the table)',
		store: () => {
			const [template] = resourceFixtures.volumes();
			assert.ok(template);
			const store = seededStore();
			store.update(state => setView(replaceVolumes(state, numbered('vol', 300).map(name => ({...template, name}))), 'volumes'));
			return store;
		},
		item: /^(vol-\d{3})\s/,
		position: state => selectedIndex(tableRows.volumes(state), state.resources.tables.volumes.selectedKey),
		key: pageDown,
		sign: 1,
	},
	{
		name: 'top (a title above the table)',
		store: () => {
			const store = seededStore();
			const rows = numbered('proc', 300).map((command, i) => ({pid: String(i + 1), user: 'root', cpu: 0, memory: 0, rss: 1024, elapsed: '1:00', time: '0:00', command}));
			store.update(s => setView({...s, top: {containerId: 'x', name: 'web-1', rows, sort: 'pid', selected: 0, status: 'ok', updatedAt: 0}}, 'top'));
			return store;
		},
		item: /\s(proc-\d{3})\s*$/,
		position: state => state.top?.selected ?? -1,
		key: pageDown,
		sign: 1,
	},
	{
		name: 'events (a title and a header; page up goes back in time)',
		store: () => {
			const store = seededStore();
			store.update(s => setView(numbered('ev', 300).map((name, i) => ({type: 'volume', action: 'create', id: `${name}-id`, attributes: {name}, time: i + 1})).reduce(recordEvent, s), 'events'));
			return store;
		},
		item: /\s(ev-\d{3})(\s|$)/,
		position: state => bottomIndex(selectEvents(state), state.events?.anchor),
		key: pageUp,
		sign: -1,
	},
	{
		name: 'inspect of a removed container (a title, a note and the removed line above the document)',
		store: () => {
			const store = seededStore();
			const document = Object.fromEntries(numbered('key', 300).map(name => [name, 0]));
			store.update(s => setView({...s, inspect: {kind: 'container', id: 'abc', name: 'web-1', from: 'containers', status: 'ok', document, reveal: false, scroll: 5, search: ''}}, 'inspect'));
			return store;
		},
		item: /"(key-\d{3})"/,
		position: state => state.inspect?.scroll ?? -1,
		key: pageDown,
		sign: 1,
		scrolls: true,
	},
];

describe('page up/down move by exactly the lines the pane shows', () => {
	for (const {name, store: makeStore, item, position, key, sign, scrolls} of cases) {
		for (const rows of heights) {
			test(`${name}, at ${rows} lines`, async () => {
				const store = makeStore();
				app = await renderApp({store, size: {columns: 120, rows}});
				const text = await app.waitForFrame(t => shownItems(t, item).length > 0, 'the items');
				const shown = shownItems(text, item).length;
				assert.ok(shown > 3 && shown < rows, `${shown} items on screen`);
				const before = position(store.getSnapshot());
				const first = shownItems(text, item)[0];
				app.type(key);
				await app.waitForFrame(() => position(store.getSnapshot()) !== before, 'the page move');
				assert.equal(position(store.getSnapshot()) - before, sign * shown, `moved by the ${shown} lines on screen\n${text}`);
				if (!scrolls) return;
				// The next page is all new lines: none of the page before is on screen.
				const after = await app.waitForFrame(t => shownItems(t, item)[0] !== first, 'the next page drawn');
				assert.equal(shownItems(after, item).filter(line => shownItems(text, item).includes(line)).length, 0, 'no line of the previous page');
			});
		}
	}
});
