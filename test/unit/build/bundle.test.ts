import assert from 'node:assert/strict';
import {execa} from 'execa';
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Bundles `entry` with the real build step (scripts/bundle.mjs) into `outfile` (and with `laterFile`, the packages loaded on demand there, and the launcher into `launcher`). */
async function bundle(entry: string, outfile: string, split?: {laterFile: string; launcher: string}): Promise<void> {
	const bundleScript = join(root, 'scripts/bundle.mjs');
	const script = `import {bundleLauncher, bundleOrExit} from ${JSON.stringify(bundleScript)};
await bundleOrExit({entry: ${JSON.stringify(entry)}, outfile: ${JSON.stringify(outfile)}, laterFile: ${JSON.stringify(split?.laterFile)}, nodePaths: [${JSON.stringify(join(root, 'node_modules'))}]});
${split ? `await bundleLauncher({outfile: ${JSON.stringify(split.launcher)}, bundleFile: ${JSON.stringify(outfile)}, laterFile: ${JSON.stringify(split.laterFile)}, format: 'esm'});` : ''}`;
	const result = await execa(process.execPath, ['--input-type=module', '-e', script], {reject: false});
	assert.equal(result.exitCode, 0, result.stderr);
}

describe('the bundle', () => {
	let dir = '';
	let app = '';
	let later = '';
	before(async () => {
		dir = mkdtempSync(join(tmpdir(), 'porthole-bundle-'));
		// As scripts/build.mjs builds it; the launcher is an ES module, as dist/porthole.js is.
		writeFileSync(join(dir, 'package.json'), '{"type": "module"}');
		await bundle(join(root, 'scripts/app-entry.mjs'), join(dir, 'app.cjs'), {laterFile: join(dir, 'later.cjs'), launcher: join(dir, 'porthole.js')});
		app = readFileSync(join(dir, 'app.cjs'), 'latin1');
		later = readFileSync(join(dir, 'later.cjs'), 'latin1');
	});
	after(() => rmSync(dir, {recursive: true, force: true}));

	it('is ASCII only: one other byte makes V8 keep the whole source as two-byte text and decode it slowly at every start', () => {
		for (const text of [app, later]) {
			const first = text.search(/[^\x00-\x7F]/);
			assert.equal(first, -1, `non-ASCII at ${first}: ${JSON.stringify(text.slice(Math.max(0, first - 40), first + 10))}`);
		}
	});

	const leftOut: Array<[string, RegExp]> = [
		['ssh2 (docker-modem\'s ssh agent)', /poly1305|node_modules\/ssh2\//],
		['gRPC (dockerode\'s BuildKit session)', /@grpc\/grpc-js/],
		['protobufjs (dockerode\'s BuildKit progress)', /node_modules\/protobufjs\//],
		['zod\'s locales other than English', /Ung\\xFCltig|node_modules\/zod\/v4\/locales\/de\.js/],
		['readable-stream (docker-modem\'s; Node\'s own streams stand in)', /node_modules\/readable-stream\//],
		['debug (docker-modem\'s; with DEBUG set it wrote to the TUI\'s screen)', /node_modules\/debug\//],
	];
	for (const [what, text] of leftOut) {
		it(`leaves out ${what}`, () => assert.doesNotMatch(app, text));
	}

	it('starts without loading https and tls (only TLS hosts need them), crypto (contexts, saves), zlib (dockerode\'s build packer), assert (signal-exit\'s, patched out), child_process (shells, custom commands) or fs/promises (file operations)', async () => {
		const probe = join(dir, 'probe.mjs');
		writeFileSync(probe, "process.on('exit', () => process.stderr.write(JSON.stringify(['https', 'tls', 'crypto', 'zlib', 'assert', 'child_process', 'dgram', 'fs/promises'].filter(name => process.moduleLoadList.includes(`NativeModule ${name}`)))));\n");
		const result = await execa(process.execPath, ['--import', probe, join(dir, 'app.cjs'), '--version'], {reject: false});
		assert.equal(result.exitCode, 0, result.stderr);
		assert.equal(result.stderr, '[]');
	});

	// Some exports of Node's built-ins are lazy getters that load more of Node
	// when read. An ES module bundle read them all through its facades of the
	// built-ins; the CommonJS bundle reads only what it uses.
	it('reads no export of a built-in that it does not use, loading more of Node', async () => {
		const probe = join(dir, 'facades.mjs');
		const loadedByGetters = ['internal/crypto/webcrypto', 'internal/process/report', 'internal/util/parse_args/parse_args', 'internal/util/diff', 'worker_threads', 'internal/util/trace_sigint'];
		writeFileSync(probe, `process.on('exit', () => process.stderr.write(JSON.stringify(${JSON.stringify(loadedByGetters)}.filter(name => process.moduleLoadList.includes(\`NativeModule \${name}\`)))));\n`);
		const result = await execa(process.execPath, ['--import', probe, join(dir, 'app.cjs'), '--version'], {reject: false});
		assert.equal(result.exitCode, 0, result.stderr);
		assert.equal(result.stderr, '[]');
	});

	// The first Intl.Segmenter of a process costs about 10 ms; Ink, wrap-ansi,
	// slice-ansi, ansi-tokenize and our text code each made one as they loaded.
	it('makes no Intl.Segmenter as it loads (source/format/graphemes.ts makes one when text needs it)', async () => {
		const probe = join(dir, 'segmenters.mjs');
		writeFileSync(probe, `const Real = Intl.Segmenter;
let made = 0;
Intl.Segmenter = class extends Real { constructor(...args) { super(...args); made++; } };
process.on('exit', () => process.stderr.write(\`segmenters made: \${made}\`));\n`);
		const result = await execa(process.execPath, ['--import', probe, join(dir, 'app.cjs'), '--version'], {reject: false});
		assert.equal(result.exitCode, 0, result.stderr);
		assert.equal(result.stderr, 'segmenters made: 0');
	});

	// What a start to the first frame never uses, by the folder of its modules: in later.cjs, not app.cjs.
	const offThePath: Array<[string, string]> = [
		['zod (the config schema)', 'node_modules/zod/'],
		['yaml (config and compose files)', 'node_modules/yaml/'],
		['execa (ssh hosts)', 'node_modules/execa/'],
		['tar (archives)', 'node_modules/tar-'],
	];
	for (const [what, prefix] of offThePath) {
		it(`bundles ${what} into later.cjs, not app.cjs, which requires it by name`, () => {
			assert.ok(!app.includes(`"${prefix}`), `app.cjs has ${prefix}`);
			assert.ok(later.includes(`"${prefix}`), `later.cjs lacks ${prefix}`);
		});
	}

	it('gives each package of later.cjs as a require of it would: named exports, and a CommonJS package\'s own object', () => {
		const module = {exports: {} as Record<string, () => Record<string, unknown>>};
		new Function('exports', 'require', 'module', '__filename', '__dirname', later)(module.exports, createRequire(join(dir, 'later.cjs')), module, join(dir, 'later.cjs'), dir);
		const shapes = Object.fromEntries(Object.entries(module.exports).map(([name, load]) => [name, typeof load === 'function' ? Object.getOwnPropertyNames(load()).filter(key => ['__esModule', 'z', 'parseDocument', 'execa', 'pack', 'extract'].includes(key)).sort() : 'not a function']));
		assert.deepEqual(shapes, {
			execa: ['__esModule', 'execa'],
			'tar-fs': ['extract', 'pack'],
			'tar-stream': ['extract', 'pack'],
			yaml: ['__esModule', 'parseDocument'],
			zod: ['__esModule', 'z'],
		});
	});

	/**
	 * Starts the launcher as the TUI would, up to the engine probe (there is
	 * no engine: exit 3), and names the modules whose code ran in either
	 * bundle: V8's coverage counts calls of each module's function, which
	 * esbuild names after the module's path.
	 */
	async function modulesRunAtStart(config?: string, {starts = 1, builtins = [] as string[]} = {}): Promise<Set<string>> {
		const home = mkdtempSync(join(tmpdir(), 'porthole-home-'));
		try {
			if (config !== undefined) {
				mkdirSync(join(home, '.config/porthole'), {recursive: true});
				writeFileSync(join(home, '.config/porthole/config.yaml'), config);
			}
			const coverage = join(home, 'coverage');
			// The starts before the last one only leave what they keep (code caches, the checked config).
			for (let start = 1; start < starts; start++) await execa(process.execPath, [join(dir, 'porthole.js'), '--once'], {reject: false, env: {HOME: home, XDG_CONFIG_HOME: '', XDG_CACHE_HOME: '', DOCKER_HOST: `unix://${home}/no-engine.sock`, PORTHOLE_CONFIG: ''}});
			const probe = join(home, 'builtins.mjs');
			writeFileSync(probe, `process.on('exit', () => process.stderr.write('loaded: ' + JSON.stringify(${JSON.stringify(builtins)}.filter(name => process.moduleLoadList.includes(\`NativeModule \${name}\`)))));\n`);
			const result = await execa(process.execPath, ['--import', probe, join(dir, 'porthole.js'), '--once'], {reject: false, env: {HOME: home, XDG_CONFIG_HOME: '', XDG_CACHE_HOME: '', DOCKER_HOST: `unix://${home}/no-engine.sock`, PORTHOLE_CONFIG: '', NODE_V8_COVERAGE: coverage}});
			assert.equal(result.exitCode, 3, result.stderr);
			assert.match(result.stderr, /loaded: \[\]$/, 'built-ins it should not load');
			const ran = new Set<string>();
			for (const name of readdirSync(coverage)) {
				const report = JSON.parse(readFileSync(join(coverage, name), 'utf8')) as {result: Array<{url: string; functions: Array<{functionName: string; ranges: Array<{count: number}>}>}>};
				for (const script of report.result.filter(each => /\/(app|later)\.cjs$/.test(each.url))) {
					for (const fn of script.functions) if (/^(node_modules|source)\//.test(fn.functionName) && fn.ranges[0]!.count > 0) ran.add(fn.functionName);
				}
			}
			assert.ok(ran.size > 0, 'the coverage names the bundle\'s modules');
			return ran;
		} finally {
			rmSync(home, {recursive: true, force: true});
		}
	}
	const ranOf = (ran: Set<string>, prefix: string) => [...ran].filter(name => name.startsWith(prefix));

	it('runs none of the code a start without a config file, ssh host or archive never needs', async () => {
		const ran = await modulesRunAtStart();
		assert.ok(ranOf(ran, 'node_modules/ink/').length > 0, [...ran].join(' '));
		for (const [what, prefix] of offThePath) assert.deepEqual(ranOf(ran, prefix), [], `${what} ran at start`);
	});

	it('runs the config parser when there is a config file to check', async () => {
		const ran = await modulesRunAtStart('theme: light\n');
		for (const prefix of ['node_modules/zod/', 'node_modules/yaml/']) assert.ok(ranOf(ran, prefix).length > 0, prefix);
	});

	it('runs no config parser, and loads no crypto, for a config file checked by a start before (cli/config-memo.ts)', async () => {
		const ran = await modulesRunAtStart('theme: light\n', {starts: 2, builtins: ['crypto']});
		assert.ok(ranOf(ran, 'source/cli/config-memo.ts').length > 0, [...ran].join(' '));
		for (const prefix of ['node_modules/zod/', 'node_modules/yaml/', 'source/cli/config-parse.ts']) assert.deepEqual(ranOf(ran, prefix), [], `${prefix} ran`);
	});

	it('imports a CommonJS package on first use only for its default export', () => {
		const sources = execFileSync('git', ['ls-files', 'cli.tsx', 'source'], {cwd: root, encoding: 'utf8'}).split('\n').filter(file => /\.tsx?$/.test(file));
		const uses = sources.flatMap(file => [...readFileSync(join(root, file), 'utf8').matchAll(/(.{0,30})import\('([^.'][^']*)'\)(.{0,20})/g)].map(([, before, name, after]) => ({file, name: name!, text: `${before}import('${name}')${after}`})));
		assert.ok(uses.length > 0, 'the source imports some package on first use');
		for (const use of uses) {
			const manifest = JSON.parse(readFileSync(join(root, 'node_modules', use.name, 'package.json'), 'utf8')) as {type?: string};
			if (manifest.type === 'module') continue;
			assert.match(use.text, /\{default: \w+\} = await import\(/, `${use.file}: ${use.text}`);
		}
	});

	it('keeps what it leaves out failing loudly if ever called', () => {
		assert.match(app, /ssh:\/\/ goes through the system ssh, not docker-modem/);
		assert.match(app, /BuildKit sessions are not bundled/);
	});
});

describe('child_process and fs/promises in app.cjs', () => {
	it('load on the first call of one of their functions, which then works as the real one', {timeout: 60_000}, async () => {
		const dir = mkdtempSync(join(tmpdir(), 'porthole-lazy-builtins-'));
		try {
			writeFileSync(join(dir, 'entry.js'), `import {execFileSync} from 'node:child_process';
import {stat} from 'node:fs/promises';
const loaded = () => ['child_process', 'fs/promises'].filter(name => process.moduleLoadList.includes('NativeModule ' + name));
const before = loaded();
const echoed = execFileSync('echo', ['hi'], {encoding: 'utf8'}).trim();
stat(${JSON.stringify(join(dir, 'entry.js'))}).then(stats => console.log(JSON.stringify({before, echoed, size: stats.size > 0, after: loaded()})));
`);
			await bundle(join(dir, 'entry.js'), join(dir, 'out.cjs'), {laterFile: join(dir, 'later.cjs'), launcher: join(dir, 'launcher.mjs')});
			const result = await execa(process.execPath, [join(dir, 'out.cjs')], {reject: false});
			assert.equal(result.exitCode, 0, result.stderr);
			assert.deepEqual(JSON.parse(result.stdout), {before: [], echoed: 'hi', size: true, after: ['child_process', 'fs/promises']});
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});

	it('fails the build for an import of anything but a function of them (a class must be the real one)', {timeout: 60_000}, async () => {
		const dir = mkdtempSync(join(tmpdir(), 'porthole-lazy-builtins-'));
		try {
			writeFileSync(join(dir, 'entry.js'), "import {ChildProcess} from 'node:child_process';\nconsole.log(typeof ChildProcess);\n");
			const script = `import {bundleOrExit} from ${JSON.stringify(join(root, 'scripts/bundle.mjs'))};
await bundleOrExit({entry: ${JSON.stringify(join(dir, 'entry.js'))}, outfile: ${JSON.stringify(join(dir, 'out.cjs'))}, laterFile: ${JSON.stringify(join(dir, 'later.cjs'))}});`;
			const result = await execa(process.execPath, ['--input-type=module', '-e', script], {reject: false});
			assert.notEqual(result.exitCode, 0);
			assert.match(result.stderr, /No matching export in "lazy-builtin:child_process" for import "ChildProcess"/);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});

describe('string-width in the bundle', () => {
	it('measures wide and combined text, and loads the real module only on the first text off the fast path', {timeout: 60_000}, async () => {
		const dir = mkdtempSync(join(tmpdir(), 'porthole-width-'));
		try {
			// The spy is imported first, so it counts every Intl.Segmenter that
			// string-width's top level or its calls create.
			writeFileSync(join(dir, 'spy.js'), 'const Real = Intl.Segmenter; globalThis.segmenters = 0; Intl.Segmenter = class extends Real { constructor(...args) { super(...args); globalThis.segmenters++; } };\n');
			writeFileSync(join(dir, 'entry.js'), `import './spy.js';
import stringWidth from ${JSON.stringify(join(root, 'source/format/string-width.ts'))};
const cases = ['plain', '\\u00b7 \\u2502 \\u2800', '\\u4e16\\u754c', '\\u{1F680}', 'e\\u0301', '\\u001B[1mbold\\u001B[22m'];
const before = globalThis.segmenters;
const widths = cases.map(text => stringWidth(text));
console.log(JSON.stringify({before, widths}));
`);
			await bundle(join(dir, 'entry.js'), join(dir, 'out.cjs'));
			const result = await execa(process.execPath, [join(dir, 'out.cjs')], {reject: false});
			assert.equal(result.exitCode, 0, result.stderr);
			assert.deepEqual(JSON.parse(result.stdout), {before: 0, widths: [5, 5, 4, 2, 1, 4]});
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});

describe('esbuild\'s __toESM in the bundle', () => {
	it('makes one object per CommonJS module for all its imports, and a new one once the module has more exports', {timeout: 60_000}, async () => {
		const dir = mkdtempSync(join(tmpdir(), 'porthole-to-esm-'));
		try {
			writeFileSync(join(dir, 'late.cjs'), 'exports.first = 1;\n');
			writeFileSync(join(dir, 'a.js'), "import * as late from './late.cjs';\nexport const a = late;\n");
			writeFileSync(join(dir, 'b.js'), "import * as late from './late.cjs';\nexport const b = late;\n");
			writeFileSync(join(dir, 'entry.js'), `import {a} from './a.js';
import {b} from './b.js';
const shared = a === b;
require('./late.cjs').second = 2;
import('./c.js').then(({c}) => console.log(JSON.stringify({shared, fresh: c !== a, second: c.second, live: a.first})));
`);
			writeFileSync(join(dir, 'c.js'), "import * as late from './late.cjs';\nexport const c = late;\n");
			await bundle(join(dir, 'entry.js'), join(dir, 'out.cjs'));
			assert.match(readFileSync(join(dir, 'out.cjs'), 'utf8'), /__toESMOnce/);
			const result = await execa(process.execPath, [join(dir, 'out.cjs')], {reject: false});
			assert.equal(result.exitCode, 0, result.stderr);
			assert.deepEqual(JSON.parse(result.stdout.split('\n')[0]!), {shared: true, fresh: true, second: 2, live: 1});
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});
