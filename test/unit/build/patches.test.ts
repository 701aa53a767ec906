import assert from 'node:assert/strict';
import {execa} from 'execa';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {applyPatch, inkCellUpdate, inkFrameCaches, inkMouseReports, inkNoTopLevelAwait, inkSanitizeFastPath, inkTextWidth, lazySegmenters, modemLazyHttps, modemQuietDebug, dockerodeLazyTar, patches, PatchError, signalExitNoAssert, yogaWithoutFetch, type Patch} from '../../../scripts/build-patches.mjs';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const require = createRequire(join(root, 'package.json'));
// The installed files each patch is written for (Ink's package exports hide its build folder from require).
const targets = new Map<Patch, string>([
	[yogaWithoutFetch, join(dirname(require.resolve('yoga-layout')), '../binaries/yoga-wasm-base64-esm.js')],
	[inkFrameCaches, join(root, 'node_modules/ink/build/output.js')],
	[inkMouseReports, join(root, 'node_modules/ink/build/components/App.js')],
	[inkCellUpdate, join(root, 'node_modules/ink/build/log-update.js')],
	[inkSanitizeFastPath, join(root, 'node_modules/ink/build/sanitize-ansi.js')],
	[inkTextWidth, join(root, 'node_modules/ink/build/render-node-to-output.js')],
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


describe('ink-frame-caches', () => {
	// Ink's own Output and the patched one, side by side: the same frames, byte for byte, for every kind of write.
	const dir = mkdtempSync(join(tmpdir(), 'porthole-output-'));
	const original = join(root, 'node_modules/ink/build/output.js');
	writeFileSync(join(dir, 'output.js'), applyPatch(inkFrameCaches, original, readFileSync(original, 'utf8')));
	writeFileSync(join(dir, 'package.json'), '{"type": "module"}');
	// Its imports (string-width, ansi-tokenize) resolve from the project's node_modules.
	symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
	type Op = {x: number; y: number; text: string; transformers?: Array<(line: string, index: number) => string>} | {clip: {x1?: number; x2?: number; y1?: number; y2?: number}} | 'unclip';
	type OutputClass = new (options: {width: number; height: number}) => {write(x: number, y: number, text: string, options: {transformers: Array<(line: string, index: number) => string>}): void; clip(clip: object): void; unclip(): void; get(): {output: string; height: number}};

	it('draws what Ink draws, frame after frame', async () => {
		try {
			const {default: chalk} = await import('chalk');
			chalk.level = 3;
			const inverse = (line: string) => chalk.inverse(line);
			const selection = (line: string) => chalk.bgHex('#334455')(line);
			const bold = (line: string) => chalk.bold(chalk.cyan(line));
			const row = (name: string, cpu: string) => `${name.padEnd(12)} ${chalk.green('running')} ${chalk.hex('#ff8800')(cpu)} ${chalk.dim('\u2581\u2582\u2583')}`;
			const frames: Op[][] = [
				[
					{x: 0, y: 0, text: `Porthole ${chalk.green('\u25cf')} connected`, transformers: [bold]},
					{x: 0, y: 1, text: 'NAME         STATE   CPU', transformers: [bold]},
					{x: 0, y: 2, text: row('web-1', '12.5%'), transformers: [inverse]},
					{x: 0, y: 3, text: row('db', '0.0%'), transformers: []},
					{x: 0, y: 4, text: row('\u4e16\u754c-wide', '1.0%'), transformers: [selection]},
					{x: 2, y: 5, text: 'e\u0301 combining, \u{1F680} emoji, zero\u200bwidth, tab\there'},
					{x: 0, y: 6, text: 'two\nlines', transformers: [inverse]},
					{x: 30, y: 2, text: chalk.red('over')},
				],
				[
					{x: 0, y: 0, text: `Porthole ${chalk.green('\u25cf')} connected`, transformers: [bold]},
					{x: 0, y: 2, text: row('web-1', '13.0%'), transformers: [inverse]},
					{x: 0, y: 3, text: row('db', '0.0%'), transformers: []},
					{clip: {x1: 2, x2: 20, y1: 3, y2: 8}},
					{x: 0, y: 4, text: row('clipped-row', '99.9%'), transformers: [selection]},
					{x: 1, y: 5, text: '\u4e16\u754c\u4e16\u754c across the clip edge'},
					'unclip',
					{x: 0, y: 7, text: `${chalk.bold('bold')} ${chalk.underline('under')} ${chalk.italic('it')}${chalk.reset('')}`},
				],
				[
					{x: 0, y: 2, text: row('web-1', '13.0%'), transformers: [inverse]},
					{x: 0, y: 8, text: '\u001b[38;2;1;2;3mtruecolour\u001b[0m and \u001b[7minverse\u001b[27m', transformers: [(line, index) => `${index}:${line}`]},
				],
			];
			const ink = (await import(original)) as {default: OutputClass};
			const patched = (await import(join(dir, 'output.js'))) as {default: OutputClass};
			const draw = (Output: OutputClass, ops: Op[]) => {
				const output = new Output({width: 40, height: 10});
				for (const op of ops) {
					if (op === 'unclip') output.unclip();
					else if ('clip' in op) output.clip(op.clip);
					else output.write(op.x, op.y, op.text, {transformers: op.transformers ?? []});
				}
				return output.get();
			};
			for (const [index, frame] of frames.entries()) assert.deepEqual(draw(patched.default, frame), draw(ink.default, frame), `frame ${index + 1}`);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});
