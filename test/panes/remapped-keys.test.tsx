import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {parseConfig} from '../../source/cli/config-parse.js';
import {defaultKeymap, installKeymap} from '../../source/keys/keymap.js';
import {refusal} from '../../source/actions/exec-actions.js';
import {fixtureRows, seededStore} from '../helpers/fixtures.js';
import {renderApp, type RenderedApp} from '../helpers/render-app.js';
import {forbiddenEngine} from '../helpers/forbidden-engine.js';

const remap = `keys:
  containers:
    restart: R
    start-stop: [S]
    logs: L
    logs-project: ctrl+l
  confirm:
    yes: Y
`;

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
	installKeymap(defaultKeymap);
});

describe('a config that remaps keys: what the user sees follows it', () => {
	test('the footer shows the new keys', async () => {
		installKeymap(parseConfig(remap, 'c.yaml').keymap);
		app = await renderApp({store: seededStore()});
		const text = await app.waitForFrame(t => t.includes('burner'), 'the table');
		const footer = text.split('\n').at(-1) ?? '';
		assert.match(footer, /S start\/stop/);
		assert.match(footer, /R restart/);
		assert.match(footer, /L logs/);
		assert.doesNotMatch(footer, /\br restart|\bs start/);
	});

	test('help lists the new keys, and says the dialog answers with the new yes', async () => {
		installKeymap(parseConfig(remap, 'c.yaml').keymap);
		app = await renderApp({store: seededStore(), size: {columns: 160, rows: 400}});
		app.type('?');
		const text = await app.waitForFrame(t => t.includes('Keys ('), 'the help pane');
		assert.match(text, /^ {2}R\s+Restart the container \(asks first: Y\)$/m);
		assert.match(text, /^ {2}S\s+Start the container, or stop it \(asks first: Y\)$/m);
		assert.match(text, /^ {2}Ctrl-L\s+Logs of the whole compose project/m);
		assert.match(text, /^ {2}Y\s+Yes: do it/m);
	});

	test('the new key acts, the old one no longer does, and the dialog takes the new yes', async () => {
		installKeymap(parseConfig(remap, 'c.yaml').keymap);
		const engine = forbiddenEngine();
		app = await renderApp({store: seededStore(), engine});
		await app.waitForFrame(t => t.includes('burner'), 'the table');
		app.type('r');
		app.type('R');
		const dialog = await app.waitForFrame(t => t.includes('Restart'), 'the restart dialog');
		assert.match(dialog, /Y yes\s+any other key \(Enter too\) no/);
		// The old key did nothing: the dialog came from R, and y is no longer yes.
		app.type('y');
		await app.waitForFrame(t => t.includes('restart cancelled'), 'y to cancel now');
		assert.deepEqual(engine.calls, []);
	});

	test('messages that name a key name the new one', () => {
		installKeymap(parseConfig(remap, 'c.yaml').keymap);
		const row = fixtureRows().find(each => each.name === 'job-failed')!;
		assert.match(refusal(row, 'open a shell') ?? '', /start it \(S\) to open a shell/);
	});
});
