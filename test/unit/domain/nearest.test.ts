import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {editDistance, nearest} from '../../../source/domain/nearest.js';

describe('editDistance', () => {
	const cases: Array<[string, string, number]> = [['', '', 0], ['a', '', 1], ['theme', 'them', 1], ['restrt', 'restart', 1], ['kitten', 'sitting', 3]];
	for (const [a, b, expected] of cases) test(`${a} -> ${b}`, () => assert.equal(editDistance(a, b), expected));
});

describe('nearest suggests a close name only', () => {
	const names = ['hosts', 'theme', 'readOnly', 'confirm', 'logs', 'containers'];
	const cases: Array<[string, string | undefined]> = [
		['them', 'theme'], ['readonly', 'readOnly'], ['READONLY', 'readOnly'], ['conform', 'confirm'], ['container', 'containers'],
		['log', 'logs'], ['zzzzzz', undefined], ['x', undefined],
	];
	for (const [word, expected] of cases) test(`${word} -> ${expected}`, () => assert.equal(nearest(word, names), expected));
});
