// `npm run build:sea`: dist/porthole-linux-x64, one file that runs Porthole
// on a machine without Node. Node's single-executable-application support:
// the launcher (source/cli/launcher.ts) as the main script, with the app's
// CommonJS bundle (scripts/app-entry.mjs, which loads cli.tsx) and a V8 code
// cache of it as assets, go into a blob, and postject injects the blob into a
// copy of the Node binary running this script (Node 24 through
// scripts/node.sh). Symbols are stripped from the copy when `strip` is
// installed (18 MB of its 127).
import {execFileSync} from 'node:child_process';
import {chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {Script, constants as vmConstants} from 'node:vm';
import {bundleLauncher, bundleOrExit, wrapBundle} from './bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, 'dist/sea');
const output = join(root, `dist/porthole-${process.platform}-${process.arch}`);
const fuse = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

function fail(message) {
	process.stderr.write(`build-sea: ${message}\n`);
	process.exit(1);
}

if (process.platform !== 'linux') fail(`only Linux is built here (this is ${process.platform})`);
const base = process.execPath;
if (!readFileSync(base).includes(fuse)) fail(`${base} (Node ${process.version}) has no single-executable support; use an official Node 24 build (scripts/node.sh installs one)`);

rmSync(work, {recursive: true, force: true});
mkdirSync(work, {recursive: true});
// The main script is the launcher (source/cli/launcher.ts), as for the npm
// CLI; the app bundle is an asset it compiles with the user's code cache, or
// with the one made here, of what V8 compiles up front, before there is one.
const app = join(work, 'app.cjs');
const later = join(work, 'later.cjs');
await bundleOrExit({outfile: app, laterFile: later});
const main = join(work, 'main.cjs');
await bundleLauncher({outfile: main, bundleFile: app, laterFile: later, format: 'cjs'});
const builtCache = join(work, 'app.v8cache');
// Made under no V8 flags, as the executable starts (its execArgv has none of V8's).
writeFileSync(builtCache, new Script(wrapBundle(readFileSync(app, 'latin1')), {filename: 'porthole', importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER}).createCachedData());

const blob = join(work, 'sea.blob');
const config = join(work, 'sea-config.json');
// One V8 helper thread, as the npm launcher has (scripts/build.mjs). V8's own
// flags are set by the app once loaded (source/cli/v8-flags.ts): given here,
// they would keep Node from using its code cache of its own modules.
const execArgv = ['--v8-pool-size=1'];
writeFileSync(config, JSON.stringify({main, output: blob, disableExperimentalSEAWarning: true, useCodeCache: true, execArgv, assets: {'app.cjs': app, 'app.v8cache': builtCache, 'later.cjs': later}}));
/** Runs a step quietly; its output is shown only when it fails. */
function step(what, file, args) {
	try {
		execFileSync(file, args, {cwd: root, stdio: 'pipe', encoding: 'utf8'});
	} catch (error) {
		fail(`${what} failed: ${`${error.stderr ?? ''}${error.stdout ?? ''}`.trim() || error.message}`);
	}
}

// V8 accepts a code cache only under the flags that made it: the blob's is
// made under the ones the executable runs with (else "Code cache data rejected").
step('the blob', base, [...execArgv, '--experimental-sea-config', config]);

mkdirSync(dirname(output), {recursive: true});
rmSync(output, {force: true});
copyFileSync(base, output);
chmodSync(output, 0o755);
try {
	execFileSync('strip', [output], {stdio: 'ignore'});
} catch {
	// No binutils: the executable keeps Node's symbols and is larger.
}
// postject's ELF library warns about Node's note sections on every run; harmless.
step('postject', base, [join(root, 'node_modules/postject/dist/cli.js'), output, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', fuse]);
rmSync(work, {recursive: true, force: true});
process.stderr.write(`build-sea: ${output.slice(root.length)} (${(statSync(output).size / 2 ** 20).toFixed(1)} MB, Node ${process.version})\n`);
