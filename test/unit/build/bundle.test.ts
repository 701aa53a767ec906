import assert from 'node:assert/strict';
import {execa} from 'execa';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
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
		app = readFileSync(join(dir, 'app.js'), 'latin1');
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

	it('starts without loading https and tls (only TLS hosts need them)', async () => {
		const probe = join(dir, 'probe.mjs');
		writeFileSync(probe, "process.on('exit', () => process.stderr.write(JSON.stringify(['https', 'tls'].filter(name => process.moduleLoadList.includes(`NativeModule ${name}`)))));\n");
		writeFileSync(join(dir, 'package.json'), '{"type": "module"}\n');
		const result = await execa(process.execPath, ['--import', probe, join(dir, 'app.js'), '--version'], {reject: false});
		assert.equal(result.exitCode, 0, result.stderr);
		assert.equal(result.stderr, '[]');
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
