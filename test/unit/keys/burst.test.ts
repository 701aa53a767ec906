import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {splitBurst} from '../../../source/keys/burst.js';

describe('splitBurst (issue 10 #6: control keys in a burst are not dropped)', () => {
	const cases: Array<[string, string, string[]]> = [
		['/ Ctrl-U zzz', '/\u0015zzz', ['/', 'ctrl+u', 'z', 'z', 'z']],
		['Ctrl-U first', '\u0015ab', ['ctrl+u', 'a', 'b']],
		['typed text and Enter', 'web\r', ['w', 'e', 'b', 'return']],
		['Enter then a key', '\rq', ['return', 'q']],
		['line feed is Enter too', 'a\n', ['a', 'return']],
		['Tab completes in a burst', 'ne\t\r', ['n', 'e', 'tab', 'return']],
		['backspace both ways', 'ab\u007f\b', ['a', 'b', 'backspace', 'backspace']],
		['Ctrl-D and Ctrl-F', '\u0004\u0006', ['ctrl+d', 'ctrl+f']],
		['Ctrl-B, Ctrl-R, Ctrl-Z', '\u0002\u0012\u001a', ['ctrl+b', 'ctrl+r', 'ctrl+z']],
		['Ctrl-A (first letter)', '\u0001x', ['ctrl+a', 'x']],
		['punctuation controls', '\u001c\u001d\u001e\u001f', ['ctrl+\\', 'ctrl+]', 'ctrl+^', 'ctrl+_']],
		['a lone Esc byte', 'a\u001b', ['a', 'escape']],
		['NUL names no key', 'a\u0000b', ['a', 'b']],
		['wide characters stay whole', 'ü😀', ['ü', '😀']],
		['y then Enter: two keys', 'y\r', ['y', 'return']],
	];
	for (const [name, text, expected] of cases) {
		test(name, () => assert.deepEqual(splitBurst(text).map(each => each.key), expected));
	}

	test('a control key types its letter as input, as Ink reports it alone', () => {
		assert.deepEqual(splitBurst('\u0015'), [{key: 'ctrl+u', input: 'u'}]);
		assert.deepEqual(splitBurst('z'), [{key: 'z', input: 'z'}]);
	});
});
