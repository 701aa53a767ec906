import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parseMouse, type MouseEvent} from '../../../source/domain/mouse.js';

describe('parseMouse reads SGR reports as Ink hands them over', () => {
	const cases: Array<[string, MouseEvent | undefined]> = [
		['[<0;10;5M', {kind: 'press', button: 0, x: 10, y: 5}],
		['\u001b[<0;10;5M', {kind: 'press', button: 0, x: 10, y: 5}],
		['[<0;10;5m', {kind: 'release', button: 0, x: 10, y: 5}],
		['[<2;1;1M', {kind: 'press', button: 2, x: 1, y: 1}],
		['[<64;3;4M', {kind: 'wheel-up', button: 0, x: 3, y: 4}],
		['[<65;3;4M', {kind: 'wheel-down', button: 0, x: 3, y: 4}],
		// Shift or Ctrl held (4, 16) still clicks.
		['[<16;7;8M', {kind: 'press', button: 0, x: 7, y: 8}],
		// Motion (32) is never asked for.
		['[<32;7;8M', undefined],
		['[<0;10M', undefined],
		['[A', undefined],
		['q', undefined],
		['[<0;10;5Mq', undefined],
	];
	for (const [input, expected] of cases) test(JSON.stringify(input), () => assert.deepEqual(parseMouse(input), expected));
});
