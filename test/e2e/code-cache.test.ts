import assert from 'node:assert/strict';
import {execa} from 'execa';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, beforeEach, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {TestContainers, testHost} from '../helpers/engine.js';
import {waitFor} from '../helpers/wait.js';
import {TmuxSession} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));

/*
 * The launcher compiles the bundle with V8's code cache of the starts before
 * (source/cli/code-cache.ts): the TUI writes one once its first frame is out,
 * and a later start hands it to V8. The start-up trace says what happened.
 */
describe('the code cache between starts', () => {
	const containers = new TestContainers();
	const name = containers.name('e2e-cache');
	const home = mkdtempSync(join(tmpdir(), 'porthole-cache-home-'));
	const cacheHome = join(home, 'cache');
	const dir = join(cacheHome, 'porthole');
	const tmux = new TmuxSession();
	let traces = 0;

	before(async () => {
		testHost();
		await containers.run(name, ['sleep', '300']);
	});
	beforeEach(() => rmSync(dir, {recursive: true, force: true}));
	after(async () => {
		await tmux.kill();
		await containers.cleanup();
		rmSync(home, {recursive: true, force: true});
	});

	const caches = () => (existsSync(dir) ? readdirSync(dir).sort() : []);
	const cacheOf = (kind: string) => caches().find(file => file.endsWith(`.${kind}.v8cache`));

	/** Starts the TUI, waits for its first frame and for `ready`, quits with q, and returns its start-up trace's first line. */
	async function tui(ready: () => boolean | Promise<boolean> = () => true, env: Record<string, string> = {}): Promise<string> {
		const trace = join(home, `trace-${traces++}.txt`);
		await tmux.kill();
		await tmux.start([process.execPath, cli, '--host', testHost()], {env: {XDG_CACHE_HOME: cacheHome, PORTHOLE_TRACE_STARTUP: trace, ...env}});
		await tmux.waitFor(name, 20_000);
		await waitFor(ready, {timeoutMs: 10_000, what: 'the code cache to be written'});
		await tmux.send('q');
		await tmux.waitFor('PORTHOLE-EXIT=0', 10_000);
		return readFileSync(trace, 'utf8').split('\n')[0]!;
	}

	it('the first start writes one once it has drawn, private to the user; the next start uses it', {timeout: 60_000}, async () => {
		const first = await tui(() => cacheOf('tui') !== undefined);
		assert.match(first, /; code cache: none; code cache written: tui, [\d.]+ MB\)/);
		assert.equal(statSync(dir).mode & 0o777, 0o700);
		assert.equal(statSync(join(dir, cacheOf('tui')!)).mode & 0o777, 0o600);
		const second = await tui();
		assert.match(second, /; code cache: used: tui, [\d.]+ MB\)/);
		assert.doesNotMatch(second, /written/);
	});

	it('a quit typed before the first frame still keeps one', {timeout: 60_000}, async () => {
		const trace = join(home, `trace-${traces++}.txt`);
		await tmux.kill();
		await tmux.start(['sh', '-c', `sleep 0.3; exec "$0" "$@"`, process.execPath, cli, '--host', testHost()], {env: {XDG_CACHE_HOME: cacheHome, PORTHOLE_TRACE_STARTUP: trace}});
		// Typed while the shell waits: the terminal holds it until Porthole reads its first key.
		await tmux.send('q');
		await tmux.waitFor('PORTHOLE-EXIT=0', 20_000);
		assert.match(readFileSync(trace, 'utf8').split('\n')[0]!, /; code cache written: tui, [\d.]+ MB\)/);
		assert.ok(cacheOf('tui'), caches().join(' '));
	});

	it('a cache V8 refuses is written again, and the start is as before', {timeout: 60_000}, async () => {
		await tui(() => cacheOf('tui') !== undefined);
		const file = join(dir, cacheOf('tui')!);
		writeFileSync(file, Buffer.alloc(4096, 7));
		const trace = await tui(() => readFileSync(file).length !== 4096);
		assert.match(trace, /; code cache: refused by V8: tui, 0\.0 MB; code cache written: tui, [\d.]+ MB\)/);
	});

	it('a cache others could have written is not used, and is replaced', {timeout: 60_000}, async () => {
		mkdirSync(dir, {recursive: true, mode: 0o700});
		await tui(() => cacheOf('tui') !== undefined);
		const file = join(dir, cacheOf('tui')!);
		writeFileSync(file, Buffer.alloc(4096, 7));
		chmodSync(file, 0o666);
		const trace = await tui(() => (statSync(file).mode & 0o777) === 0o600);
		assert.match(trace, /; code cache: none; code cache written: tui/);
	});

	it('--once writes one when there is none, and the TUI\'s then takes its place', {timeout: 60_000}, async () => {
		const once = await execa(process.execPath, [cli, '--once', '--host', testHost()], {reject: false, env: {XDG_CACHE_HOME: cacheHome}});
		assert.equal(once.exitCode, 0, once.stderr);
		assert.equal(once.stderr, '');
		assert.ok(cacheOf('cli'), caches().join(' '));
		assert.equal(cacheOf('tui'), undefined);
		const trace = await tui(() => cacheOf('tui') !== undefined);
		assert.match(trace, /; code cache: used: cli, [\d.]+ MB; code cache written: tui/);
		assert.deepEqual(caches().filter(file => file.endsWith('.v8cache')).map(file => file.split('.').at(-2)), ['tui']);
	});

	it('a start with a config file loads later.cjs (its parser) with a cache of its own, written beside the app\'s and used the next time', {timeout: 60_000}, async () => {
		const config = join(home, 'config.yaml');
		writeFileSync(config, 'theme: light\n');
		const first = await tui(() => caches().filter(file => file.endsWith('.tui.v8cache')).length === 2, {PORTHOLE_CONFIG: config});
		assert.match(first, /; code cache: none; config: checked; later code cache: none; code cache written: tui, [\d.]+ MB; later code cache written: tui, [\d.]+ MB\)/);
		assert.deepEqual(caches().filter(file => file.endsWith('.v8cache')).map(file => file.replace(/-.*\./, '-.')), ['app-.v8cache', 'later-.v8cache']);
		// A changed file is checked again (the check of the one before is kept, cli/config-memo.ts).
		writeFileSync(config, 'theme: light\n# changed\n');
		const second = await tui(() => true, {PORTHOLE_CONFIG: config});
		assert.match(second, /; code cache: used: tui, [\d.]+ MB; config: checked; later code cache: used: tui, [\d.]+ MB\)/);
		// Without a file, nothing of later.cjs is loaded: the trace names no cache of it.
		const without = await tui();
		assert.match(without, /; code cache: used: tui, [\d.]+ MB\)/);
		assert.doesNotMatch(without, /later/);
	});

	it('a config file checked once is not parsed again until it changes: no parser loaded, and a change takes effect', {timeout: 90_000}, async () => {
		const config = join(home, 'columns.yaml');
		writeFileSync(config, 'containers:\n  columns: [name, state]\n');
		const header = async () => (await tmux.screen()).split('\n').find(line => /^\s*NAME/.test(line)) ?? '';
		const first = await tui(() => caches().some(file => file.startsWith('config-')), {PORTHOLE_CONFIG: config});
		assert.match(first, /; config: checked;/);
		const memo = caches().find(file => file.startsWith('config-'))!;
		assert.equal(statSync(join(dir, memo)).mode & 0o777, 0o600);
		let columns = '';
		const second = await tui(async () => (columns = await header()) !== '', {PORTHOLE_CONFIG: config});
		assert.match(second, /; config: checked before[;)]/);
		assert.doesNotMatch(second, /later code cache/, 'the parser (later.cjs) is not loaded');
		assert.match(columns, /NAME.*STATE/);
		assert.doesNotMatch(columns, /IMAGE/);
		writeFileSync(config, 'containers:\n  columns: [name, image, state]\n');
		const changed = await tui(async () => /IMAGE/.test(columns = await header()), {PORTHOLE_CONFIG: config});
		assert.match(changed, /; config: checked;/);
		// A kept check others could have written is not used.
		for (const file of caches().filter(each => each.startsWith('config-'))) chmodSync(join(dir, file), 0o666);
		const tampered = await tui(() => true, {PORTHOLE_CONFIG: config});
		assert.match(tampered, /; config: checked;/);
	});

	it('NODE_DISABLE_COMPILE_CACHE turns it off: nothing is read or written', async () => {
		const once = await execa(process.execPath, [cli, '--once', '--host', testHost()], {reject: false, env: {XDG_CACHE_HOME: cacheHome, NODE_DISABLE_COMPILE_CACHE: '1'}});
		assert.equal(once.exitCode, 0, once.stderr);
		assert.equal(existsSync(dir), false);
	});
});
