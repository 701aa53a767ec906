import assert from 'node:assert/strict';
import {execa} from 'execa';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {applyPatch, inkCellUpdate, inkFrameCaches, inkMouseReports, inkNoTopLevelAwait, modemLazyHttps, dockerodeLazyTar, patches, PatchError, seaPatches, yogaWithoutFetch, type Patch} from '../../../scripts/build-patches.mjs';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const require = createRequire(join(root, 'package.json'));
// The installed files each patch is written for (Ink's package exports hide its build folder from require).
const targets = new Map<Patch, string>([
	[yogaWithoutFetch, join(dirname(require.resolve('yoga-layout')), '../binaries/yoga-wasm-base64-esm.js')],
	[inkFrameCaches, join(root, 'node_modules/ink/build/output.js')],
	[inkMouseReports, join(root, 'node_modules/ink/build/components/App.js')],
	[inkCellUpdate, join(root, 'node_modules/ink/build/log-update.js')],
	[modemLazyHttps, join(root, 'node_modules/docker-modem/lib/http.js')],
	[dockerodeLazyTar, join(root, 'node_modules/dockerode/lib/util.js')],
	[inkNoTopLevelAwait, join(root, 'node_modules/ink/build/reconciler.js')],
]);

describe('build patches', () => {
	it('every patch has its installed file here', () => {
		assert.deepEqual([...targets.keys()].map(patch => patch.name), [...patches, ...seaPatches].map(patch => patch.name));
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
