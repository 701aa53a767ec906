import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {childPath, kindOf, linkDestination, listingPath, ListingCollector, parentPath, type ListingLimits, type TarHeader} from '../../../source/domain/file-listing.js';

const file = (name: string, size = 0, mode = 0o644): TarHeader => ({name, type: 'file', size, mode, mtime: new Date(Date.UTC(2026, 0, 2, 3, 4))});
const dir = (name: string, mode = 0o755): TarHeader => ({name, type: 'directory', size: 0, mode});
const link = (name: string, linkname: string): TarHeader => ({name, type: 'symlink', size: 0, mode: 0o777, linkname});

/** What the collector kept, in one line per child: "name kind size [count] [-> target]". */
function summary(headers: TarHeader[], limits?: ListingLimits): {lines: string[]; truncated?: string} {
	const collector = new ListingCollector(limits);
	for (const header of headers) if (!collector.add(header)) break;
	const listing = collector.result(0);
	return {
		lines: listing.entries.map(entry => [entry.name, entry.kind, entry.size, entry.count === undefined ? '' : `#${entry.count}`, entry.linkTarget === undefined ? '' : `-> ${entry.linkTarget}`].filter(part => part !== '').join(' ')),
		...(listing.truncated ? {truncated: listing.truncated} : {}),
	};
}

describe('a folder tar becomes its direct children', () => {
	const cases: Array<[string, TarHeader[], {lines: string[]; truncated?: string}, ListingLimits?]> = [
		['etc/ as the engine names a folder asked without a slash', [dir('etc/'), file('etc/hosts', 174), file('etc/passwd', 340), link('etc/mtab', '/proc/mounts')],
			{lines: ['hosts file 174', 'mtab link 0 -> /proc/mounts', 'passwd file 340']}],
		['./ as the engine names a folder asked as P/.', [dir('./'), file('./a', 1), dir('./sub/'), file('./sub/b', 10), file('./sub/c', 5)],
			{lines: ['sub dir 15 #2', 'a file 1']}],
		['/ as the engine names the root', [dir('/'), file('/.dockerenv'), dir('/bin/'), file('/bin/busybox', 1982256), link('/bin/sh', 'busybox')],
			{lines: ['bin dir 1982256 #2', '.dockerenv file 0']}],
		['a subtree total counts files at every depth, not folders or links', [dir('d/'), dir('d/x/'), dir('d/x/y/'), file('d/x/y/z', 7), link('d/x/l', 'y/z'), file('d/x/w', 3)],
			{lines: ['x dir 10 #4']}],
		['a folder the tar never named is made up from what is under it', [dir('d/'), file('d/x/y', 4)],
			{lines: ['x dir 4 #1']}],
		['entries outside the folder are ignored (a hostile engine)', [dir('etc/'), file('other/evil', 9), file('etc/../../evil', 9), file('etcetera', 1), file('etc/ok', 2)],
			{lines: ['ok file 2']}],
		['`..` in a name is never a child', [dir('etc/'), file('etc/..', 1), dir('etc/../'), file('etc/fine', 1)],
			{lines: ['fine file 1']}],
		['hard links, devices and fifos keep their kind and no size', [dir('d/'), {name: 'd/h', type: 'link', size: 0, mode: 0o644, linkname: 'd/f'}, {name: 'd/null', type: 'character-device', size: 0, mode: 0o666}, {name: 'd/p', type: 'fifo', size: 5, mode: 0o600}],
			{lines: ['h hardlink 0 -> d/f', 'null char 0', 'p fifo 0']}],
		['a negative size reads as 0', [dir('d/'), {name: 'd/f', type: 'file', size: -5, mode: 0o644}], {lines: ['f file 0']}],
		['stops at the entry bound, keeping what was read', [dir('d/'), file('d/a', 1), file('d/b', 1), file('d/c', 1)],
			{lines: ['a file 1', 'b file 1'], truncated: 'entries'}, {entries: 3, children: 100, bytes: 1e9}],
		['stops at the children bound', [dir('d/'), file('d/a', 1), file('d/b', 1), file('d/c', 1)],
			{lines: ['a file 1', 'b file 1'], truncated: 'children'}, {entries: 100, children: 2, bytes: 1e9}],
		['an empty folder', [dir('empty/')], {lines: []}],
	];
	for (const [name, headers, expected, limits] of cases) it(name, () => assert.deepEqual(summary(headers, limits), expected));

	it('keeps mode bits with setuid and sticky, and the mtime', () => {
		const collector = new ListingCollector();
		collector.add(dir('/'));
		collector.add({...file('/su', 1, 0o104755)});
		collector.add({...dir('/tmp/', 0o41777)});
		const [tmp, su] = collector.result(0).entries;
		assert.equal(su?.mode, 0o4755);
		assert.equal(tmp?.mode, 0o1777);
		assert.equal(su?.mtime, Date.UTC(2026, 0, 2, 3, 4));
	});
});

describe('tar types', () => {
	const cases: Array<[string | null | undefined, string]> = [['directory', 'dir'], ['file', 'file'], ['contiguous-file', 'file'], ['symlink', 'link'], ['link', 'hardlink'], ['block-device', 'block'], ['fifo', 'fifo'], ['pax-header', 'other'], [undefined, 'file'], [null, 'file']];
	for (const [type, kind] of cases) it(`${String(type)} -> ${kind}`, () => assert.equal(kindOf(type), kind));
});

describe('container paths', () => {
	const cases: Array<[string, string, string]> = [
		['child of /', childPath('/', 'etc'), '/etc'],
		['child of a folder', childPath('/etc', 'hosts'), '/etc/hosts'],
		['parent of a folder', parentPath('/etc/ssl'), '/etc'],
		['parent of a top folder', parentPath('/etc'), '/'],
		['parent of / is /', parentPath('/'), '/'],
		['a relative link', linkDestination('/bin', 'busybox'), '/bin/busybox'],
		['a link going up', linkDestination('/lib64', '../usr/lib'), '/usr/lib'],
		['an absolute link', linkDestination('/data', '/data/sub'), '/data/sub'],
		['a link cannot climb above /', linkDestination('/a', '../../../etc'), '/etc'],
		['listing / asks for /', listingPath('/'), '/'],
		['listing a folder asks for P/. (a link to a folder is followed)', listingPath('/etc'), '/etc/.'],
		['listing cleans the path', listingPath('/etc//ssl/'), '/etc/ssl/.'],
	];
	for (const [name, actual, expected] of cases) it(name, () => assert.equal(actual, expected));
});
