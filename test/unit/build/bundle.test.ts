import assert from 'node:assert/strict';
import {execa} from 'execa';
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Bundles `entry` with the real build step (scripts/bundle.mjs) into `outfile`. */
async function bundle(entry: string, outfile: string): Promise<void> {
	const script = `import {bundleOrExit} from ${JSON.stringify(join(root, 'scripts/bundle.mjs'))};
await bundleOrExit({entry: ${JSON.stringify(entry)}, outfile: ${JSON.stringify(outfile)}, nodePaths: [${JSON.stringify(join(root, 'node_modules'))}]});`;
	const result = await execa(process.execPath, ['--input-type=module', '-e', script], {reject: false});
	assert.equal(result.exitCode, 0, result.stderr);
}

describe('the bundle', () => {
	let dir = '';
	let app = '';
	before(async () => {
		dir = mkdtempSync(join(tmpdir(), 'porthole-bundle-'));
		await bundle(join(root, 'cli.tsx'), join(dir, 'app.js'));
		// The entry and its chunks (scripts/bundle.mjs splits off what loads on first use).
		app = readdirSync(dir).filter(name => name.endsWith('.js')).map(name => readFileSync(join(dir, name), 'latin1')).join('\n');
	});
	after(() => rmSync(dir, {recursive: true, force: true}));

	it('is ASCII only: one other byte makes V8 keep the whole source as two-byte text and decode it slowly at every start', () => {
		const first = app.search(/[^\x00-\x7F]/);
		assert.equal(first, -1, `non-ASCII at ${first}: ${JSON.stringify(app.slice(Math.max(0, first - 40), first + 10))}`);
	});

	const leftOut: Array<[string, RegExp]> = [
		['ssh2 (docker-modem\'s ssh agent)', /poly1305|node_modules\/ssh2\//],
		['gRPC (dockerode\'s BuildKit session)', /@grpc\/grpc-js/],
		['protobufjs (dockerode\'s BuildKit progress)', /node_modules\/protobufjs\//],
		['zod\'s locales other than English', /Ung\\xFCltig|node_modules\/zod\/v4\/locales\/de\.js/],
	];
	for (const [what, text] of leftOut) {
		it(`leaves out ${what}`, () => assert.doesNotMatch(app, text));
	}

	it('starts without loading https and tls (only TLS hosts need them), crypto (contexts, saves) or zlib (dockerode\'s build packer)', async () => {
		const probe = join(dir, 'probe.mjs');
		writeFileSync(probe, "process.on('exit', () => process.stderr.write(JSON.stringify(['https', 'tls', 'crypto', 'zlib'].filter(name => process.moduleLoadList.includes(`NativeModule ${name}`)))));\n");
		writeFileSync(join(dir, 'package.json'), '{"type": "module"}\n');
		const result = await execa(process.execPath, ['--import', probe, join(dir, 'app.js'), '--version'], {reject: false});
		assert.equal(result.exitCode, 0, result.stderr);
		assert.equal(result.stderr, '[]');
	});

	// A built-in's lazy getter becomes a plain value once read, so the build's own process
	// (which had read util.parseArgs, util.diff, util.setTraceSigInt) made them look plain: each
	// facade now reads only what the bundle imports by name.
	it('takes Node\'s built-ins through require: no facade reads an export the bundle does not import, loading more of Node', async () => {
		const probe = join(dir, 'facades.mjs');
		const loadedByGetters = ['internal/crypto/webcrypto', 'internal/process/report', 'internal/util/parse_args/parse_args', 'internal/util/diff', 'worker_threads', 'internal/util/trace_sigint'];
		writeFileSync(probe, `process.on('exit', () => process.stderr.write(JSON.stringify(${JSON.stringify(loadedByGetters)}.filter(name => process.moduleLoadList.includes(\`NativeModule \${name}\`)))));\n`);
		const result = await execa(process.execPath, ['--import', probe, join(dir, 'app.js'), '--version'], {reject: false});
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
		const result = await execa(process.execPath, ['--import', probe, join(dir, 'app.js'), '--version'], {reject: false});
		assert.equal(result.exitCode, 0, result.stderr);
		assert.equal(result.stderr, 'segmenters made: 0');
	});

	// What a start to the first frame never uses, each known by a text only its code holds.
	const offThePath: Array<[string, string]> = [
		['zod (the config schema)', '__zod_globalConfig'],
		['yaml (config and compose files)', 'yaml.alias'],
		['execa (ssh hosts)', 'Command failed with'],
	];
	/** Starts the bundle as the TUI would, up to the engine probe (there is no engine: exit 3), and lists the files it loaded. */
	async function filesLoadedAtStart(config?: string): Promise<string[]> {
		const home = mkdtempSync(join(tmpdir(), 'porthole-home-'));
		try {
			if (config !== undefined) {
				mkdirSync(join(home, '.config/porthole'), {recursive: true});
				writeFileSync(join(home, '.config/porthole/config.yaml'), config);
			}
			const probe = join(dir, 'loaded.mjs');
			writeFileSync(probe, "import {registerHooks} from 'node:module'; const seen = []; registerHooks({load(url, context, next) { seen.push(url); return next(url, context); }}); process.on('exit', () => process.stderr.write('\\n' + JSON.stringify(seen)));\n");
			const result = await execa(process.execPath, ['--import', probe, join(dir, 'app.js'), '--once'], {reject: false, env: {HOME: home, XDG_CONFIG_HOME: '', DOCKER_HOST: `unix://${home}/no-engine.sock`, PORTHOLE_CONFIG: ''}});
			assert.equal(result.exitCode, 3, result.stderr);
			return (JSON.parse(result.stderr.split('\n').at(-1)!) as string[]).filter(url => url.startsWith('file:')).map(url => fileURLToPath(url));
		} finally {
			rmSync(home, {recursive: true, force: true});
		}
	}
	const holding = (marker: string) => readdirSync(dir).filter(name => name.endsWith('.js') && readFileSync(join(dir, name), 'latin1').includes(marker)).map(name => join(dir, name));

	it('loads none of the code a start without a config file, ssh host or archive never runs', async () => {
		const loaded = await filesLoadedAtStart();
		assert.ok(loaded.includes(join(dir, 'app.js')), loaded.join(' '));
		for (const [what, marker] of offThePath) {
			const files = holding(marker);
			assert.equal(files.length, 1, `${what}: one file holds ${marker}`);
			assert.ok(!loaded.includes(files[0]!), `${what} was loaded at start`);
		}
	});

	it('loads the config parser when there is a config file to check', async () => {
		const loaded = await filesLoadedAtStart('theme: light\n');
		for (const marker of ['__zod_globalConfig', 'yaml.alias']) assert.ok(loaded.includes(holding(marker)[0]!), marker);
	});

	it('imports a CommonJS package on first use only for its default export (the one a split chunk has)', () => {
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
			await bundle(join(dir, 'entry.js'), join(dir, 'out.mjs'));
			const result = await execa(process.execPath, [join(dir, 'out.mjs')], {reject: false});
			assert.equal(result.exitCode, 0, result.stderr);
			assert.deepEqual(JSON.parse(result.stdout), {before: 0, widths: [5, 5, 4, 2, 1, 4]});
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});
