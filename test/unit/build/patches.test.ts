import assert from 'node:assert/strict';
import {execa} from 'execa';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {applyPatch, inkCellUpdate, inkFrameCaches, inkMouseReports, inkNoTopLevelAwait, inkSanitizeFastPath, lazySegmenters, modemLazyHttps, modemQuietDebug, dockerodeLazyTar, patches, PatchError, signalExitNoAssert, yogaWithoutFetch, type Patch} from '../../../scripts/build-patches.mjs';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const require = createRequire(join(root, 'package.json'));
// The installed files each patch is written for (Ink's package exports hide its build folder from require).
const targets = new Map<Patch, string>([
	[yogaWithoutFetch, join(dirname(require.resolve('yoga-layout')), '../binaries/yoga-wasm-base64-esm.js')],
	[inkFrameCaches, join(root, 'node_modules/ink/build/output.js')],
	[inkMouseReports, join(root, 'node_modules/ink/build/components/App.js')],
	[inkCellUpdate, join(root, 'node_modules/ink/build/log-update.js')],
	[inkSanitizeFastPath, join(root, 'node_modules/ink/build/sanitize-ansi.js')],
	...lazySegmenters.map((patch, index): [Patch, string] => [patch, join(root, 'node_modules', ['@alcalzone/ansi-tokenize/build/tokenize.js', 'ink/build/line-update.js', 'wrap-ansi/index.js', 'slice-ansi/tokenize-ansi.js'][index]!)]),
	[modemLazyHttps, join(root, 'node_modules/docker-modem/lib/http.js')],
	[modemQuietDebug, join(root, 'node_modules/docker-modem/lib/modem.js')],
	[dockerodeLazyTar, join(root, 'node_modules/dockerode/lib/util.js')],
	[inkNoTopLevelAwait, join(root, 'node_modules/ink/build/reconciler.js')],
	[signalExitNoAssert, join(root, 'node_modules/ink/node_modules/signal-exit/index.js')],
]);

describe('build patches', () => {
	it('every patch has its installed file here', () => {
		assert.deepEqual([...targets.keys()].map(patch => patch.name), patches.map(patch => patch.name));
		for (const [patch, path] of targets) assert.match(path, patch.filter, `${patch.name} matches ${path}`);
	});

	for (const [patch, path] of targets) {
		it(`${patch.name} applies to the installed ${path.slice(root.length)}`, () => {
			const source = readFileSync(path, 'utf8');
			const patched = applyPatch(patch, path, source);
			for (const [from, to] of patch.edits) {
				assert.ok(patched.includes(to), `has ${to.slice(0, 40)}`);
				if (!to.includes(from)) assert.ok(!patched.includes(from), `no longer has ${from.slice(0, 40)}`);
			}
		});

		// Each edit's anchor, changed as an update might change it: missing, or found twice.
		for (const [index, [from]] of patch.edits.entries()) {
			const cases: Array<[string, (source: string) => string, RegExp]> = [
				['is missing', source => source.replace(from, `${from.slice(0, -1)}#`), /nowhere/],
				['is there twice', source => `${source}\n${from}\n`, /2 times/],
			];
			for (const [what, change, detail] of cases) {
				it(`${patch.name} fails when the text of edit ${index + 1} ${what}`, () => {
					const source = change(readFileSync(path, 'utf8'));
					assert.throws(() => applyPatch(patch, '/copy/of/file.js', source), (error: unknown) => {
						assert.ok(error instanceof PatchError);
						assert.equal(error.patch, patch.name);
						assert.match(error.message, new RegExp(`^build: patch ${patch.name} does not apply to /copy/of/file\\.js: edit ${index + 1} of ${patch.edits.length} finds `));
						assert.match(error.message, detail);
						assert.doesNotMatch(error.message, /\n/);
						return true;
					});
				});
			}
		}
	}

	it('the build exits 1 with one line naming the patch and the file when Ink has changed', {timeout: 60_000}, async () => {
		// A copy of the app whose Ink output.js lost an anchor: bundled with the
		// real build step, resolving everything else from our node_modules.
		const dir = mkdtempSync(join(tmpdir(), 'porthole-patch-'));
		try {
			const copy = join(dir, 'node_modules/ink/build/output.js');
			mkdirSync(dirname(copy), {recursive: true});
			writeFileSync(copy, readFileSync(targets.get(inkFrameCaches)!, 'utf8').replace('class OutputCaches {', 'class OutputCache2 {'));
			writeFileSync(join(dir, 'entry.js'), "import Output from './node_modules/ink/build/output.js';\nconsole.log(typeof Output);\n");
			const script = `import {bundleOrExit} from ${JSON.stringify(join(root, 'scripts/bundle.mjs'))};
await bundleOrExit({entry: ${JSON.stringify(join(dir, 'entry.js'))}, outfile: ${JSON.stringify(join(dir, 'out.js'))}, nodePaths: [${JSON.stringify(join(root, 'node_modules'))}]});`;
			const result = await execa(process.execPath, ['--input-type=module', '-e', script], {reject: false});
			assert.equal(result.exitCode, 1, result.stderr);
			assert.equal(result.stderr, `build: patch ink-frame-caches does not apply to ${copy}: edit 1 of 11 finds "class OutputCaches {" nowhere (without it, every frame is split into characters afresh: more CPU)`);
			assert.throws(() => readFileSync(join(dir, 'out.js')), /ENOENT/, 'nothing was written');

			// The same entry with the real file builds: the failure is the patch, not the setup.
			writeFileSync(copy, readFileSync(targets.get(inkFrameCaches)!, 'utf8'));
			const good = await execa(process.execPath, ['--input-type=module', '-e', script], {reject: false});
			assert.equal(good.exitCode, 0, good.stderr);
			assert.match(readFileSync(join(dir, 'out.js'), 'utf8'), /frameCaches\(\)/);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});

describe('ink-sanitize-fast-path', () => {
	// Ink's own sanitiser, and the patched one beside a copy of its tokenizer: the same answer for every text.
	const dir = mkdtempSync(join(tmpdir(), 'porthole-sanitize-'));
	const original = join(root, 'node_modules/ink/build/sanitize-ansi.js');
	writeFileSync(join(dir, 'sanitize-ansi.js'), applyPatch(inkSanitizeFastPath, original, readFileSync(original, 'utf8')));
	writeFileSync(join(dir, 'ansi-tokenizer.js'), readFileSync(join(root, 'node_modules/ink/build/ansi-tokenizer.js'), 'utf8'));
	writeFileSync(join(dir, 'package.json'), '{"type": "module"}');
	const cases: Array<[string, string]> = [
		['empty', ''],
		['plain', '  0.0% web-1   running   Up 2 minutes'],
		['tabs and newlines', 'a\tb\nc'],
		['glyphs, wide and braille', '\u25cf \u25b2 \u4e16\u754c \u28ff\u2800 \u{1F680}'],
		['simple colours', '\u001b[32m\u25cf\u001b[39m up \u001b[1m\u001b[36mPorthole\u001b[22m\u001b[39m'],
		['a reset with no parameters', 'a\u001b[mb'],
		['a colour at the end', 'text\u001b[0m'],
		['a colour before a combining mark (moved after it)', 'e\u001b[31m\u0301x'],
		['a combining mark first', '\u0301abc'],
		['colon sub-parameters', '\u001b[38:2::255:0:0mred\u001b[4:3mcurly'],
		['a cursor move and a clear', 'a\u001b[2J\u001b[Hb'],
		['an OSC title', '\u001b]0;title\u0007after'],
		['an OSC 8 link', '\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\'],
		['C1 CSI', 'a\u009b31mb'],
		['a lone ESC', 'a\u001bb'],
		['C0 controls', 'a\u0000b\u0007c\u0008d\re'],
		['DEL and C1', 'a\u007fb\u0085c\u009fd'],
		['an intermediate byte', 'a\u001b[1 mb'],
		['private parameters', 'a\u001b[?25lb'],
	];
	it('gives what Ink gives, for every kind of text', async () => {
		try {
			const ink = (await import(original)) as {default: (text: string) => string};
			const patched = (await import(join(dir, 'sanitize-ansi.js'))) as {default: (text: string) => string};
			for (const [name, text] of cases) assert.equal(patched.default(text), ink.default(text), name);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});

