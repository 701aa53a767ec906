import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {fit} from '../../../source/format/text.js';

describe('fit', () => {
	const cases: Array<[string, string, number, 'left' | 'right' | undefined, string]> = [
		['pads short text', 'web', 6, undefined, 'web   '],
		['exact width unchanged', 'abcdef', 6, undefined, 'abcdef'],
		['truncates with an ellipsis', 'hello world', 5, undefined, 'hell…'],
		['right aligned pads on the left', '42', 5, 'right', '   42'],
		['right aligned truncation', 'hello world', 5, 'right', 'hell…'],
		['width 1 of a long text', 'abc', 1, undefined, '…'],
		['zero width', 'abc', 0, undefined, ''],
		['negative width', 'abc', -3, undefined, ''],
		['fractional width floors', 'abc', 4.7, undefined, 'abc '],
		['empty text', '', 3, undefined, '   '],
		['wide text that fits', '日本', 5, undefined, '日本 '],
		['wide text cut on a boundary', '日本語テキスト', 7, undefined, '日本語…'],
		['wide text cut mid-character pads', '日本語テキスト', 6, undefined, '日本… '],
		['emoji count as two', '🐳🐳🐳', 4, undefined, '🐳… '],
		['combining marks stay with their base', 'e\u0301e\u0301e\u0301x', 3, undefined, 'e\u0301e\u0301…'],
		['accented text that fits', 'café', 5, 'right', ' café'],
	];
	for (const [name, text, width, align, expected] of cases) {
		test(name, () => {
			assert.equal(fit(text, width, align), expected);
		});
	}
});
