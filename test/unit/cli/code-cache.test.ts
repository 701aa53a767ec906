import assert from 'node:assert/strict';
import {chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import {codeCacheDir, codeCacheFile, readCodeCache, shouldWriteCodeCache, trustedCache, writeCodeCache, type CodeCacheKind} from '../../../source/cli/code-cache.js';

describe('where the code cache lives', () => {
	const cases: Array<[string, NodeJS.ProcessEnv, string | undefined]> = [
		['XDG_CACHE_HOME first', {XDG_CACHE_HOME: '/x/cache', HOME: '/home/u'}, '/x/cache/porthole'],
		['else ~/.cache', {HOME: '/home/u'}, '/home/u/.cache/porthole'],
		['a relative XDG_CACHE_HOME is ignored, as the spec says', {XDG_CACHE_HOME: 'cache', HOME: '/home/u'}, '/home/u/.cache/porthole'],
		['no home at all: no cache', {}, undefined],
		['a relative HOME: no cache', {HOME: 'u'}, undefined],
		['Node\'s switch for its compile cache turns ours off too', {HOME: '/home/u', NODE_DISABLE_COMPILE_CACHE: '1'}, undefined],
	];
	for (const [name, env, expected] of cases) it(name, () => assert.equal(codeCacheDir(env), expected));
});

describe('which cache file is trusted', () => {
	const file = (over: Partial<{file: boolean; uid: number; mode: number; size: number}>) => {
		const stats = {file: true, uid: 1000, mode: 0o100600, size: 1000, ...over};
		return {isFile: () => stats.file, uid: stats.uid, mode: stats.mode, size: stats.size};
	};
	const cases: Array<[string, ReturnType<typeof file>, number | undefined, boolean]> = [
		['the user\'s own, private', file({}), 1000, true],
		['readable by others but not writable', file({mode: 0o100644}), 1000, true],
		['someone else\'s', file({uid: 0}), 1000, false],
		['writable by the group', file({mode: 0o100620}), 1000, false],
		['writable by anyone', file({mode: 0o100666}), 1000, false],
		['not a regular file', file({file: false}), 1000, false],
		['empty', file({size: 0}), 1000, false],
		['larger than any cache of ours', file({size: 65 * 2 ** 20}), 1000, false],
		['no uids on this system', file({uid: 0}), undefined, true],
	];
	for (const [name, stats, uid, expected] of cases) it(name, () => assert.equal(trustedCache(stats, uid), expected));
});

describe('which run writes a cache', () => {
	const cases: Array<[string, CodeCacheKind | 'built' | undefined, boolean, CodeCacheKind, boolean]> = [
		['the TUI, with none', undefined, false, 'tui', true],
		['the TUI, with its own taken', 'tui', false, 'tui', false],
		['the TUI, with its own refused', 'tui', true, 'tui', true],
		['the TUI, with a one-shot run\'s taken (it holds no drawing)', 'cli', false, 'tui', true],
		['a one-shot run, with none', undefined, false, 'cli', true],
		['a one-shot run, with the TUI\'s taken', 'tui', false, 'cli', false],
		['a one-shot run, with its own taken', 'cli', false, 'cli', false],
		['a one-shot run, with one refused', 'tui', true, 'cli', true],
		['the TUI, with the single executable\'s built-in one', 'built', false, 'tui', true],
		['a one-shot run, with the single executable\'s built-in one', 'built', false, 'cli', true],
	];
	for (const [name, kind, rejected, run, expected] of cases) it(name, () => assert.equal(shouldWriteCodeCache({kind, rejected}, run), expected));
});

describe('reading and writing caches', () => {
	const root = mkdtempSync(join(tmpdir(), 'porthole-code-cache-'));
	after(() => rmSync(root, {recursive: true, force: true}));
	let count = 0;
	const fresh = () => join(root, `case-${count++}`, 'porthole');

	it('writes into a private folder a private file, whole, and reads it back', () => {
		const dir = fresh();
		assert.equal(writeCodeCache(dir, 'app-k1', 'tui', Buffer.from('cache')), true);
		assert.equal(statSync(dir).mode & 0o777, 0o700);
		assert.equal(statSync(codeCacheFile(dir, 'app-k1', 'tui')).mode & 0o777, 0o600);
		assert.deepEqual(readdirSync(dir), ['app-k1.tui.v8cache']);
		assert.deepEqual(readCodeCache(dir, 'app-k1'), {kind: 'tui', data: Buffer.from('cache')});
	});

	it('prefers the TUI\'s cache to a one-shot run\'s', () => {
		const dir = fresh();
		writeCodeCache(dir, 'app-k1', 'cli', Buffer.from('cli'));
		assert.equal(readCodeCache(dir, 'app-k1')?.kind, 'cli');
		writeCodeCache(dir, 'app-k1', 'tui', Buffer.from('tui'));
		assert.deepEqual(readCodeCache(dir, 'app-k1'), {kind: 'tui', data: Buffer.from('tui')});
		assert.deepEqual(readdirSync(dir), ['app-k1.tui.v8cache'], 'the one-shot run\'s is gone');
	});

	it('keeps the caches of the three other bundles or Nodes written last, and leaves other files alone', () => {
		const dir = fresh();
		for (const [index, key] of ['app-k1', 'app-k2', 'app-k3', 'app-k4', 'app-k5'].entries()) {
			writeCodeCache(dir, key, 'tui', Buffer.from(key));
			utimesSync(codeCacheFile(dir, key, 'tui'), 1_000_000 + index, 1_000_000 + index);
		}
		writeFileSync(join(dir, 'notes.txt'), 'mine');
		writeCodeCache(dir, 'app-new', 'cli', Buffer.from('app-new'));
		assert.deepEqual(readdirSync(dir).sort(), ['app-k3.tui.v8cache', 'app-k4.tui.v8cache', 'app-k5.tui.v8cache', 'app-new.cli.v8cache', 'notes.txt']);
		assert.equal(readCodeCache(dir, 'app-k1'), undefined);
		assert.deepEqual(readCodeCache(dir, 'app-k5'), {kind: 'tui', data: Buffer.from('app-k5')});
	});

	it('counts the bundles of each part apart: the app\'s caches never push out later.cjs\'s', () => {
		const dir = fresh();
		writeCodeCache(dir, 'later-l1', 'tui', Buffer.from('later'));
		utimesSync(codeCacheFile(dir, 'later-l1', 'tui'), 1_000_000, 1_000_000);
		for (const key of ['app-k1', 'app-k2', 'app-k3', 'app-k4', 'app-k5']) writeCodeCache(dir, key, 'tui', Buffer.from(key));
		assert.deepEqual(readCodeCache(dir, 'later-l1'), {kind: 'tui', data: Buffer.from('later')});
		assert.equal(readdirSync(dir).filter(name => name.startsWith('app-')).length, 4);
		writeCodeCache(dir, 'later-l2', 'cli', Buffer.from('later two'));
		assert.deepEqual(readdirSync(dir).filter(name => name.startsWith('later-')).sort(), ['later-l1.tui.v8cache', 'later-l2.cli.v8cache']);
	});

	it('removes a temporary file a cut-short write left, once it is a minute old', () => {
		const dir = fresh();
		writeCodeCache(dir, 'app-k1', 'tui', Buffer.from('first'));
		const old = join(dir, 'app-k1.tui.v8cache.123.tmp');
		const recent = join(dir, 'app-k1.tui.v8cache.456.tmp');
		writeFileSync(old, 'half');
		writeFileSync(recent, 'being written');
		utimesSync(old, Date.now() / 1000 - 120, Date.now() / 1000 - 120);
		writeCodeCache(dir, 'app-k1', 'tui', Buffer.from('second'));
		assert.deepEqual(readdirSync(dir).sort(), ['app-k1.tui.v8cache', 'app-k1.tui.v8cache.456.tmp']);
	});

	it('a one-shot run\'s cache takes the place of the TUI\'s that V8 refused', () => {
		const dir = fresh();
		writeCodeCache(dir, 'app-k1', 'tui', Buffer.from('refused'));
		writeCodeCache(dir, 'app-k1', 'cli', Buffer.from('cli'));
		assert.deepEqual(readCodeCache(dir, 'app-k1'), {kind: 'cli', data: Buffer.from('cli')});
	});

	it('does not read a cache anyone can write, or one reached through a symbolic link', () => {
		const dir = fresh();
		writeCodeCache(dir, 'app-k1', 'tui', Buffer.from('cache'));
		chmodSync(codeCacheFile(dir, 'app-k1', 'tui'), 0o666);
		assert.equal(readCodeCache(dir, 'app-k1'), undefined);
		const other = join(root, 'elsewhere');
		writeFileSync(other, 'cache', {mode: 0o600});
		symlinkSync(other, codeCacheFile(dir, 'app-k2', 'tui'));
		assert.equal(readCodeCache(dir, 'app-k2'), undefined);
	});

	it('writes nothing, and says so, where it cannot make the folder', () => {
		const blocked = join(root, 'blocked');
		writeFileSync(blocked, 'a file, not a folder');
		assert.equal(writeCodeCache(join(blocked, 'porthole'), 'app-k1', 'tui', Buffer.from('cache')), false);
		assert.equal(readFileSync(blocked, 'utf8'), 'a file, not a folder');
	});
});
