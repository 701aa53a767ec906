import {execFileSync, spawnSync} from 'node:child_process';
import {chmodSync, copyFileSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {TestContext} from 'node:test';
import {build} from 'esbuild';

/** How root becomes `nobody` here: setpriv or runuser (util-linux), whichever is installed. */
function dropPrefix(): string[] {
	const dropper = ['setpriv', 'runuser'].find(tool => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0);
	if (!dropper) throw new Error('neither setpriv nor runuser is installed (util-linux), so we cannot run as another user');
	return dropper === 'setpriv'
		? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', '--']
		: ['runuser', '-u', 'nobody', '--'];
}

/**
 * Runs a script as `nobody` (the caller must be root) and returns its stdout.
 * The user may have cloned the checkout below a folder `nobody` cannot enter
 * (a 0700 home, /root, a `mktemp -d` folder), so nothing is read from it:
 * `script` (TypeScript, resolving imports from `resolveDir`) is bundled into
 * one file in a world-readable temp folder, and so is Node itself when
 * `nobody` cannot run the one running the tests. The folder is removed when
 * the test ends.
 */
export async function runAsNobody(t: TestContext, script: string, resolveDir: string, args: string[]): Promise<string> {
	const prefix = dropPrefix();
	const dir = mkdtempSync(join(tmpdir(), 'porthole-nobody-'));
	t.after(() => rmSync(dir, {recursive: true, force: true}));
	chmodSync(dir, 0o755);
	const bundle = join(dir, 'script.cjs');
	await build({
		stdin: {contents: script, resolveDir, loader: 'ts', sourcefile: 'as-nobody-script.ts'},
		outfile: bundle,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node22',
		external: ['cpu-features', '*.node'],
		logLevel: 'error',
	});
	chmodSync(bundle, 0o644);
	let node = process.execPath;
	if (spawnSync(prefix[0]!, [...prefix.slice(1), node, '-e', '0'], {cwd: dir}).status !== 0) {
		node = join(dir, 'node');
		copyFileSync(process.execPath, node);
		chmodSync(node, 0o755);
	}
	return execFileSync(prefix[0]!, [...prefix.slice(1), node, bundle, ...args], {cwd: dir, encoding: 'utf8', timeout: 30_000});
}
