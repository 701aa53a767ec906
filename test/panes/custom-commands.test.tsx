import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, describe, test} from 'node:test';
import type {CustomCommand} from '../../source/domain/command-template.js';
import {backgroundCommandsRunning, stopBackgroundCommands} from '../../source/actions/custom-commands.js';
import {seededStore} from '../helpers/fixtures.js';
import {keys, renderApp, type RenderedApp} from '../helpers/render-app.js';
import {waitFor} from '../helpers/wait.js';

const dir = mkdtempSync(join(tmpdir(), 'porthole-custom-pane-'));
after(() => rmSync(dir, {recursive: true, force: true}));

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

/** The fixture store with the user's commands, as the config file gives them. */
function withCommands(commands: CustomCommand[]) {
	const store = seededStore();
	store.update(state => ({...state, customCommands: commands}));
	return store;
}

describe('custom commands in the app', () => {
	test('a background command\'s output is shown in a view, with how it ended; Esc goes back to the table', async () => {
		const selected = () => app!.store.getSnapshot().ui.selectedId;
		app = await renderApp({store: withCommands([{name: 'hello', scopes: ['containers'], argv: ['printf', 'first line\\n%s\\n', '{name}']}])});
		await app.waitForFrame(t => t.includes('burner'), 'the table');
		const name = app.store.getSnapshot().containers.get(selected() ?? '')?.name ?? [...app.store.getSnapshot().containers.values()][0]?.name ?? '';
		app.type('!');
		await app.waitForFrame(t => t.split('\n').at(-1)?.startsWith('run ') ?? false, 'the command line');
		app.type('hello');
		app.type(keys.enter);
		const text = await app.waitForFrame(t => /Output of hello in \S+ · exit code 0/.test(t), 'the output view, finished');
		assert.match(text, /^first line$/m);
		assert.match(text, new RegExp(`^${name}$`, 'm'), 'the template was filled in with the selected container');
		app.type(keys.escape);
		await app.waitForFrame(t => !t.includes('Output of hello') && t.includes('burner'), 'back to the table');
	});

	test('a command that asks first runs nothing on n, and runs on y', async () => {
		const made = join(dir, 'made');
		app = await renderApp({store: withCommands([{name: 'careful', scopes: ['containers'], argv: ['touch', made], confirm: true}])});
		await app.waitForFrame(t => t.includes('burner'), 'the table');
		const ask = async () => {
			app!.type('!');
			await app!.waitForFrame(t => t.split('\n').at(-1)?.startsWith('run ') ?? false, 'the command line');
			app!.type('careful');
			app!.type(keys.enter);
			await app!.waitForFrame(t => t.includes('Run careful'), 'the question');
		};
		await ask();
		app.type('n');
		await app.waitForFrame(t => !t.includes('Run careful'), 'cancelled');
		assert.equal(existsSync(made), false, 'n ran nothing');
		await ask();
		app.type('y');
		await waitFor(() => existsSync(made), {what: 'the command ran after y'});
	});

	test('a background command still running when the app closes is killed, not left behind', async () => {
		const pidFile = join(dir, 'sleeper.pid');
		app = await renderApp({store: withCommands([{name: 'sleeper', scopes: ['containers'], argv: ['sh', '-c', `echo $$ > ${pidFile}; exec sleep 600`]}])});
		await app.waitForFrame(t => t.includes('burner'), 'the table');
		app.type('!');
		await app.waitForFrame(t => t.split('\n').at(-1)?.startsWith('run ') ?? false, 'the command line');
		app.type('sleeper');
		app.type(keys.enter);
		await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() !== '', {what: 'the command started'});
		const pid = Number(readFileSync(pidFile, 'utf8'));
		assert.equal(backgroundCommandsRunning(), 1);
		await stopBackgroundCommands();
		assert.equal(backgroundCommandsRunning(), 0);
		assert.throws(() => process.kill(pid, 0), /ESRCH/, 'the sleep is gone');
	});
});
