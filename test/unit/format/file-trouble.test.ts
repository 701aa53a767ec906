import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {fileTrouble, type FileUse} from '../../../source/format/file-trouble.js';

describe('fileTrouble', () => {
	const cases: Array<{name: string; error: unknown; use: FileUse; words: string | undefined}> = [
		{name: 'a missing folder to write into names the folder', error: {code: 'ENOENT'}, use: 'write', words: 'no folder /tmp/x.tar'},
		{name: 'a missing file to read names the file', error: {code: 'ENOENT'}, use: 'read', words: 'no /tmp/x.tar/a.tar'},
		{name: 'no permission', error: {code: 'EACCES'}, use: 'write', words: 'permission denied: /tmp/x.tar/a.tar'},
		{name: 'not permitted', error: {code: 'EPERM'}, use: 'read', words: 'permission denied: /tmp/x.tar/a.tar'},
		{name: 'a folder where a file should be', error: {code: 'EISDIR'}, use: 'read', words: '/tmp/x.tar/a.tar is a folder, not a file'},
		{name: 'a file where a folder should be', error: {code: 'ENOTDIR'}, use: 'write', words: '/tmp/x.tar/a.tar: a part of it is a file, not a folder'},
		{name: 'already there', error: {code: 'EEXIST'}, use: 'write', words: '/tmp/x.tar/a.tar already exists'},
		{name: 'a full disk', error: {code: 'ENOSPC'}, use: 'write', words: 'no space left for /tmp/x.tar/a.tar'},
		{name: 'a read-only file system', error: {code: 'EROFS'}, use: 'write', words: '/tmp/x.tar/a.tar is on a read-only file system'},
		{name: 'another code is shown as it is', error: {code: 'EMFILE'}, use: 'read', words: 'EMFILE /tmp/x.tar/a.tar'},
		{name: "an engine's answer is not a file's trouble", error: {code: 'ENOENT', statusCode: 404}, use: 'read', words: undefined},
		{name: 'an error without a code', error: new Error('socket hang up'), use: 'read', words: undefined},
		{name: 'nothing at all', error: undefined, use: 'read', words: undefined},
	];
	for (const {name, error, use, words} of cases) {
		it(name, () => assert.equal(fileTrouble(error, '/tmp/x.tar/a.tar', use), words));
	}
});
