import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {plural, pluralWith} from '../../../source/format/plural.js';

describe('plural: "1 container", never "1 containers" (issue 10)', () => {
	const cases: Array<[number, string, string | undefined, string]> = [
		[0, 'container', undefined, '0 containers'],
		[1, 'container', undefined, '1 container'],
		[2, 'container', undefined, '2 containers'],
		[1, 'line', undefined, '1 line'],
		[20_000, 'line', undefined, '20000 lines'],
		[1, 'process', 'processes', '1 process'],
		[3, 'process', 'processes', '3 processes'],
		[1, 'newer line', undefined, '1 newer line'],
		[4, 'more layer', undefined, '4 more layers'],
		[1, 'restart', undefined, '1 restart'],
	];
	for (const [count, noun, many, text] of cases) test(text, () => assert.equal(plural(count, noun, many), text));
});

describe('pluralWith: the verb agrees', () => {
	const cases: Array<[number, string, string, string, string]> = [
		[1, 'line', 'matches', 'match', '1 line matches'],
		[2, 'line', 'matches', 'match', '2 lines match'],
		[0, 'line', 'matches', 'match', '0 lines match'],
		[1, 'volume', 'is', 'are', '1 volume is'],
		[5, 'secret-looking value', 'is', 'are', '5 secret-looking values are'],
	];
	for (const [count, noun, one, many, text] of cases) test(text, () => assert.equal(pluralWith(count, noun, one, many), text));
});
