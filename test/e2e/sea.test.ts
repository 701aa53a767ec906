import assert from 'node:assert/strict';
import {execa} from 'execa';
import {copyFileSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {TestContainers, testHost} from '../helpers/engine.js';
import {waitFor} from '../helpers/wait.js';
import {TmuxSession} from './tmux.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {version: string};

/** Pids of the processes whose executable is `path`. */
function processesOf(path: string): number[] {
	return readdirSync('/proc').filter(name => /^\d+$/.test(name)).map(Number).filter(pid => {
		try {
			return readlinkSync(`/proc/${pid}/exe`) === path;
		} catch {
			return false;
		}
	});
}

// The single executable, built here from the current source (as CI builds it),
// copied alone into an empty folder and run with that folder as the whole
// PATH: no node anywhere it could find one.
describe('the single executable, where there is no node', () => {
	const containers = new TestContainers();
	const name = containers.name('e2e-sea');
	let folder = '';
	let exe = '';
	// Its own cache folder too: the test run's XDG_CACHE_HOME (scripts/test.sh) would reach the TUI through tmux.
	const env = () => ({PATH: folder, HOME: folder, XDG_CACHE_HOME: join(folder, '.cache'), TERM: 'xterm-256color'});
	const tmux = new TmuxSession();

	before(async () => {
		testHost();
		const build = await execa(process.execPath, ['scripts/build-sea.mjs'], {cwd: root, reject: false});
		assert.equal(build.exitCode, 0, `npm run build:sea failed:\n${build.stderr}`);
		folder = mkdtempSync(join(tmpdir(), 'porthole-sea-'));
		exe = join(folder, 'porthole');
		copyFileSync(join(root, `dist/porthole-linux-x64`), exe);
		await execa('chmod', ['755', exe]);
		await containers.run(name, ['sleep', '300']);
	}, {timeout: 180_000});

	after(async () => {
		await tmux.kill();
		await containers.cleanup();
		if (folder) rmSync(folder, {recursive: true, force: true});
	});

	it('has no node on its PATH', async () => {
		const lookup = await execa('/bin/sh', ['-c', 'command -v node'], {env: env(), extendEnv: false, reject: false});
		assert.notEqual(lookup.exitCode, 0, `node found: ${lookup.stdout}`);
	});

	it('--version prints the version', async () => {
		const result = await execa(exe, ['--version'], {env: env(), extendEnv: false, reject: false});
		assert.equal(result.exitCode, 0, result.stderr);
		assert.equal(result.stdout, pkg.version);
		assert.equal(result.stderr, '', 'no experimental-feature warning');
	});

	it('--once prints the private engine\'s containers', async () => {
		const result = await execa(exe, ['--once', '--host', testHost()], {env: env(), extendEnv: false, reject: false});
		// Started from the code cache built into the executable, it leaves one of its own.
		assert.deepEqual(readdirSync(join(folder, '.cache/porthole')).map(file => file.replace(/^app-.*\.(\w+)\.v8cache$/, '$1')), ['cli']);
		assert.equal(result.exitCode, 0, result.stderr);
		assert.match(result.stdout, /^NAME\s+IMAGE\s+STATE/);
		assert.match(result.stdout, new RegExp(`${name}\\s+porthole-test/busybox:1\\s+running`));
	});

	it('checks a config file with the parser it carries (its asset later.cjs), with nothing beside it', async () => {
		const bad = join(folder, 'bad.yaml');
		writeFileSync(bad, 'theme: 5\n');
		const refused = await execa(exe, ['--once', '--config', bad, '--host', testHost()], {env: env(), extendEnv: false, reject: false});
		assert.equal(refused.exitCode, 2);
		assert.equal(refused.stderr, `porthole: ${bad}:1:8: theme: expected one of "dark"|"light"|"high-contrast", not 5`);
		const good = join(folder, 'good.yaml');
		writeFileSync(good, 'theme: light\n');
		const result = await execa(exe, ['--once', '--config', good, '--host', testHost()], {env: env(), extendEnv: false, reject: false});
		assert.equal(result.exitCode, 0, result.stderr);
		assert.ok(readdirSync(join(folder, '.cache/porthole')).some(file => /^later-.*\.cli\.v8cache$/.test(file)), 'later.cjs\'s cache is written');
	});

	it('a bad flag is one line and exit 2, as with the npm CLI', async () => {
		const result = await execa(exe, ['--frobnicate'], {env: env(), extendEnv: false, reject: false});
		assert.equal(result.exitCode, 2);
		assert.match(result.stderr, /^porthole: unknown option --frobnicate[^\n]*$/);
	});

	it('draws the TUI in a terminal, as its own process, and q quits with 0', {timeout: 60_000}, async () => {
		const trace = join(folder, 'start-up.txt');
		await tmux.start([exe, '--host', testHost()], {env: {...env(), PORTHOLE_TRACE_STARTUP: trace}});
		const screen = await tmux.waitFor(name, 20_000);
		assert.match(screen, /Porthole/);
		assert.ok(processesOf(exe).length > 0, 'the executable itself is running, not a node');
		await tmux.send('q');
		await tmux.waitFor('PORTHOLE-EXIT=0', 10_000);
		await waitFor(() => processesOf(exe).length === 0, {timeoutMs: 5000, what: 'the executable to be gone'});
		// Its node flags come from the blob (execArgv), as the npm launcher passes them; V8's
		// are set by the app once loaded, not on the command line, where they would keep Node
		// from using its code cache of its own modules.
		assert.match(readFileSync(trace, 'utf8'), /node flags: --v8-pool-size=1; V8 flags set once loaded: --semi-space-growth-factor=1 --no-maglev[;)]/);
		// The first start on a machine has the code cache built into the executable (what
		// V8 compiles up front; the --once above wrote one of its own, more complete), and
		// writes the user's own once it has drawn.
		assert.match(readFileSync(trace, 'utf8'), /; code cache: used: (built|cli), [\d.]+ MB; code cache written: tui, [\d.]+ MB\)/);
	});

	it('starts the next time from the code cache the first start wrote', {timeout: 60_000}, async () => {
		const trace = join(folder, 'start-up-2.txt');
		await tmux.kill();
		await tmux.start([exe, '--host', testHost()], {env: {...env(), PORTHOLE_TRACE_STARTUP: trace}});
		await tmux.waitFor(name, 20_000);
		await tmux.send('q');
		await tmux.waitFor('PORTHOLE-EXIT=0', 10_000);
		assert.match(readFileSync(trace, 'utf8'), /; code cache: used: tui, [\d.]+ MB\)/);
	});
});
