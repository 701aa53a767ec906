import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {splitCommandLine} from '../../../source/domain/argv.js';

describe('splitCommandLine', () => {
	const cases: Array<[string, string[]]> = [
		['ps aux', ['ps', 'aux']],
		['  ls   -la  /tmp ', ['ls', '-la', '/tmp']],
		[`sh -c 'echo $HOME | wc -c'`, ['sh', '-c', 'echo $HOME | wc -c']],
		['echo "a \\"b\\" c"', ['echo', 'a "b" c']],
		['echo a\\ b', ['echo', 'a b']],
		[`echo ''`, ['echo', '']],
		[`echo "unclosed`, ['echo', 'unclosed']],
		['', []],
		['   ', []],
	];
	for (const [line, expected] of cases) it(JSON.stringify(line), () => assert.deepEqual(splitCommandLine(line), expected));
});
