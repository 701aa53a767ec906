import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {saveFailure} from '../../../source/actions/log-save.js';

describe('saveFailure', () => {
	const explain = () => 'the engine said no';
	const cases: Array<{name: string; error: object; words: string}> = [
		{name: 'a folder that is not there', error: {code: 'ENOENT', syscall: 'open'}, words: 'no folder /logs/2026'},
		{name: 'a file that appeared meanwhile', error: {code: 'EEXIST'}, words: '/logs/2026/web.log already exists'},
		{name: 'no permission', error: {code: 'EACCES', syscall: 'open'}, words: 'permission denied: /logs/2026/web.log'},
		{name: 'a full disk while writing', error: {code: 'ENOSPC', syscall: 'write'}, words: 'no space left for /logs/2026/web.log'},
		{name: "the engine's trouble is the engine's words", error: {code: 'ECONNRESET', syscall: 'read'}, words: 'the engine said no'},
	];
	for (const {name, error, words} of cases) it(name, () => assert.equal(saveFailure(error, '/logs/2026/web.log', explain), words));
});
