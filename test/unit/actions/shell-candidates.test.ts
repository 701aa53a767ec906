import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {shellCandidates} from '../../../source/actions/exec-actions.js';

describe('shellCandidates: --shell is not swapped for another shell', () => {
	const cases: Array<[string | undefined, string[]]> = [
		[undefined, ['bash', 'ash', 'sh']],
		['', ['bash', 'ash', 'sh']],
		['zsh', ['zsh']],
		['nosuchshell', ['nosuchshell']],
		['sh', ['sh']],
	];
	for (const [preferred, expected] of cases) test(`${JSON.stringify(preferred)} -> ${expected.join(', ')}`, () => assert.deepEqual(shellCandidates(preferred), expected));
});
