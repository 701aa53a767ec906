import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {FileKind} from '../../../source/domain/file-listing.js';
import {formatFileName, formatMode, formatModified, fromGoMode} from '../../../source/format/file-cells.js';

describe('modes as ls -l writes them', () => {
	const cases: Array<[FileKind, number, string]> = [
		['dir', 0o755, 'drwxr-xr-x'],
		['file', 0o644, '-rw-r--r--'],
		['file', 0o600, '-rw-------'],
		['link', 0o777, 'lrwxrwxrwx'],
		['file', 0o4755, '-rwsr-xr-x'],
		['file', 0o4644, '-rwSr--r--'],
		['file', 0o2755, '-rwxr-sr-x'],
		['dir', 0o1777, 'drwxrwxrwt'],
		['dir', 0o1776, 'drwxrwxrwT'],
		['char', 0o666, 'crw-rw-rw-'],
		['block', 0o660, 'brw-rw----'],
		['fifo', 0o600, 'prw-------'],
		['hardlink', 0o644, '-rw-r--r--'],
		['other', 0, '?---------'],
	];
	for (const [kind, mode, expected] of cases) it(`${kind} ${mode.toString(8)} -> ${expected}`, () => assert.equal(formatMode(kind, mode), expected));
});

describe('Go file modes from the engine\'s path stat', () => {
	const cases: Array<[string, number, FileKind, number]> = [
		['a folder (as the engine sent /etc)', 2147484141, 'dir', 0o755],
		['a file', 0o644, 'file', 0o644],
		['a symlink', 2 ** 27 + 0o777, 'link', 0o777],
		['a sticky folder', 2 ** 31 + 2 ** 20 + 0o777, 'dir', 0o1777],
		['setuid', 2 ** 23 + 0o755, 'file', 0o4755],
		['a character device', 2 ** 26 + 2 ** 21 + 0o666, 'char', 0o666],
		['a block device', 2 ** 26 + 0o660, 'block', 0o660],
		['a fifo', 2 ** 25 + 0o600, 'fifo', 0o600],
		['nonsense is a plain file with no bits', -1, 'file', 0],
		['NaN too', Number.NaN, 'file', 0],
	];
	for (const [name, mode, kind, bits] of cases) it(name, () => assert.deepEqual(fromGoMode(mode), {kind, mode: bits}));
});

describe('name and time cells', () => {
	const names: Array<[Parameters<typeof formatFileName>[0], string]> = [
		[{name: 'etc', kind: 'dir'}, 'etc/'],
		[{name: 'sh', kind: 'link', linkTarget: 'busybox'}, 'sh -> busybox'],
		[{name: 'h', kind: 'hardlink', linkTarget: 'bin/busybox'}, 'h => bin/busybox'],
		[{name: 'hosts', kind: 'file'}, 'hosts'],
	];
	for (const [entry, expected] of names) it(`${entry.name} -> ${expected}`, () => assert.equal(formatFileName(entry), expected));
	const times: Array<[number | undefined, string]> = [[Date.UTC(2026, 11, 2, 10, 31, 57), '2026-12-02 10:31'], [undefined, ''], [Number.NaN, ''], [8.64e15 + 1, '']];
	for (const [ms, expected] of times) it(`time ${ms} -> "${expected}"`, () => assert.equal(formatModified(ms), expected));
});
