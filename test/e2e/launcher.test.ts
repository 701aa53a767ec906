import assert from 'node:assert/strict';
import {execa} from 'execa';
import {chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {after, describe, it} from 'node:test';

const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));

/*
 * The installed command is the launcher run as a program (npm links it into
 * a bin folder), so the kernel reads its first line. It starts the `node` on
 * PATH with one V8 helper thread: each helper held a few MB of malloc arena
 * (RssAnon 62 to 64 MB against 49 to 56 with --v8-pool-size=1, README).
 */
describe('the launcher run as a program', () => {
	const dir = mkdtempSync(join(tmpdir(), 'porthole-launcher-'));
	after(() => rmSync(dir, {recursive: true, force: true}));
	const record = join(dir, 'node-args');
	const arenaAtStart = join(dir, 'arena-at-start');
	const arenaAtExit = join(dir, 'arena-at-exit');
	const maglevAtExit = join(dir, 'maglev-at-exit');
	// What Porthole's own children would inherit (its environment as it exits),
	// and whether V8 still had Maglev on (a runtime function, hence natives syntax).
	const atExit = join(dir, 'at-exit.mjs');
	writeFileSync(atExit, `import {writeFileSync} from 'node:fs';\nprocess.on('exit', () => {\n\twriteFileSync(${JSON.stringify(arenaAtExit)}, \`\${process.env.MALLOC_ARENA_MAX ?? 'unset'} \${process.env.PORTHOLE_ARENA_CAP ?? 'unset'}\`);\n\twriteFileSync(${JSON.stringify(maglevAtExit)}, String(new Function('return %IsMaglevEnabled()')()));\n});\n`);
	// A `node` first on PATH that writes down how it was called and the
	// malloc cap it was given, then runs the real one.
	writeFileSync(join(dir, 'node'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\nprintf '%s' "\${MALLOC_ARENA_MAX-unset}" > '${arenaAtStart}'\nexec '${process.execPath}' --allow-natives-syntax --import '${atExit}' "$@"\n`);
	chmodSync(join(dir, 'node'), 0o755);
	const env = {PATH: `${dir}:/usr/bin:/bin`, DOCKER_HOST: ''};

	it('starts the node on PATH with one V8 helper thread, and passes the arguments on', async () => {
		const result = await execa(cli, ['--version'], {reject: false, env, extendEnv: false, stdin: 'ignore'});
		assert.equal(result.exitCode, 0, result.stderr);
		assert.match(result.stdout, /^\d+\.\d+\.\d+$/);
		assert.equal(result.stderr, '');
		const args = readFileSync(record, 'utf8').trim().split('\n');
		assert.deepEqual(args, ['--v8-pool-size=1', cli, '--version']);
	});

	// Maglev's compiles left 6 to 16 MB of malloc heap behind (README). The
	// bundle turns it off after its version check, so `node dist/porthole.js`
	// gets it too, and a Node too old to know the flag still says which it needs.
	const maglevCases: Array<{name: string; file: string; args: string[]}> = [
		{name: 'run as a program', file: cli, args: []},
		{name: 'run by node itself', file: process.execPath, args: ['--allow-natives-syntax', '--import', atExit, cli]},
	];
	for (const {name, file, args} of maglevCases) {
		it(`turns Maglev off, ${name}`, async () => {
			rmSync(maglevAtExit, {force: true});
			const result = await execa(file, [...args, '--version'], {reject: false, env, extendEnv: false, stdin: 'ignore'});
			assert.equal(result.exitCode, 0, result.stderr);
			assert.equal(readFileSync(maglevAtExit, 'utf8'), 'false');
		});
	}

	// V8 takes a code cache only under the flags that made it. Node's cache of its own
	// modules was made under none, so a flag set before the bundle loaded made every
	// built-in it loads compile from source (about 10 ms of each start). The flags are
	// set once the bundle has loaded; Node says, per module, whether it took the cache.
	it('leaves Node its code cache of its own modules', async () => {
		const result = await execa(process.execPath, [cli, '--version'], {reject: false, env: {...env, NODE_DEBUG_NATIVE: 'CODE_CACHE'}, extendEnv: false, stdin: 'ignore'});
		assert.equal(result.exitCode, 0, result.stderr);
		const accepted = result.stderr.split('\n').filter(line => / is accepted$/.test(line));
		const rejected = result.stderr.split('\n').filter(line => / is rejected$/.test(line));
		assert.ok(accepted.some(line => /^Code cache of http /.test(line)), `Node's debug output named no accepted module: ${result.stderr.slice(0, 300)}`);
		assert.deepEqual(rejected, []);
	});

	// glibc reads the cap only as a process starts, so sh sets it (about 6 MB
	// less private memory, README); children get the user's environment back.
	const arenaCases: Array<{name: string; given?: string; atStart: string; atExit: string}> = [
		{name: 'caps the malloc arenas at two for node alone', atStart: '2', atExit: 'unset unset'},
		{name: 'keeps a cap the user set', given: '4', atStart: '4', atExit: '4 unset'},
		{name: 'keeps a cap the user set empty', given: '', atStart: '', atExit: ' unset'},
	];
	for (const {name, given, atStart, atExit} of arenaCases) {
		it(name, async () => {
			const result = await execa(cli, ['--version'], {reject: false, env: given === undefined ? env : {...env, MALLOC_ARENA_MAX: given}, extendEnv: false, stdin: 'ignore'});
			assert.equal(result.exitCode, 0, result.stderr);
			assert.equal(readFileSync(arenaAtStart, 'utf8'), atStart);
			assert.equal(readFileSync(arenaAtExit, 'utf8'), atExit);
		});
	}

	it('through a symbolic link (as npm installs it), still finds its bundle', async () => {
		const link = join(dir, 'porthole');
		symlinkSync(cli, link);
		const result = await execa(link, ['--version'], {reject: false, env, extendEnv: false, stdin: 'ignore'});
		assert.equal(result.exitCode, 0, result.stderr);
		assert.match(result.stdout, /^\d+\.\d+\.\d+$/);
	});

});

/*
 * The launcher reads the bundle's source and hands V8 a copy of it with the
 * module wrapper around; the require it gives the app lives as long as the
 * app. Were that require to hold the launcher's own copy (as one version
 * did, through the later.cjs loader), the process would carry the 1.4 MB
 * source twice for its whole life.
 */
describe('the launcher, once the app runs', () => {
	it('keeps one copy of the bundle\'s source: V8\'s', {timeout: 60_000}, async () => {
		const dir = mkdtempSync(join(tmpdir(), 'porthole-launcher-heap-'));
		try {
			const snapshot = join(dir, 'heap.heapsnapshot');
			const probe = join(dir, 'probe.mjs');
			writeFileSync(probe, `import {writeHeapSnapshot} from 'node:v8';\nprocess.on('exit', () => writeHeapSnapshot(${JSON.stringify(snapshot)}));\n`);
			const result = await execa(process.execPath, ['--import', probe, cli, '--version'], {reject: false, env: {XDG_CACHE_HOME: join(dir, 'cache')}});
			assert.equal(result.exitCode, 0, result.stderr);
			const heap = JSON.parse(readFileSync(snapshot, 'utf8')) as {snapshot: {meta: {node_fields: string[]; node_types: [string[]]}}; nodes: number[]};
			const fields = heap.snapshot.meta.node_fields;
			const typeNames = heap.snapshot.meta.node_types[0];
			const [typeAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('self_size')];
			const source = readFileSync(join(cli, '../app.cjs')).length;
			let copies = 0;
			for (let at = 0; at < heap.nodes.length; at += fields.length) {
				if (/string/.test(typeNames[heap.nodes[at + typeAt]!]!) && heap.nodes[at + sizeAt]! >= source) copies++;
			}
			assert.equal(copies, 1);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});
