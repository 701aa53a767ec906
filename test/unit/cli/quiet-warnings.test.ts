import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {quietDependencyWarnings, warningCode} from '../../../source/cli/quiet-warnings.js';

describe('warningCode: both signatures of process.emitWarning', () => {
	const cases: Array<[string, unknown, unknown, unknown, string | undefined]> = [
		['positional code', 'url.parse()…', 'DeprecationWarning', 'DEP0169', 'DEP0169'],
		['options object', 'x', {type: 'DeprecationWarning', code: 'DEP0170'}, undefined, 'DEP0170'],
		['an Error with a code', Object.assign(new Error('x'), {code: 'DEP0005'}), undefined, undefined, 'DEP0005'],
		['no code', 'x', 'Warning', undefined, undefined],
	];
	for (const [name, warning, type, code, expected] of cases) it(name, () => assert.equal(warningCode(warning, type, code), expected));
});

describe('quietDependencyWarnings', () => {
	const original = process.emitWarning;
	const heard: string[] = [];
	const listen = (warning: Error & {code?: string}) => heard.push(warning.code ?? warning.name);
	before(() => {
		quietDependencyWarnings();
		process.on('warning', listen);
	});
	after(() => {
		process.emitWarning = original;
		process.off('warning', listen);
	});

	it('drops DEP0169 and DEP0170, and lets every other warning through', async () => {
		process.emitWarning('url.parse()', 'DeprecationWarning', 'DEP0169');
		process.emitWarning('bad port', {type: 'DeprecationWarning', code: 'DEP0170'});
		process.emitWarning('printed on purpose by quiet-warnings.test.ts: other warnings still reach stderr', 'DeprecationWarning', 'DEP0999');
		await new Promise(resolve => setImmediate(resolve));
		await new Promise(resolve => setImmediate(resolve));
		assert.deepEqual(heard, ['DEP0999']);
	});
});
