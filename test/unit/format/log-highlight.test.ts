import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {colouredSegments, highlightSegments} from '../../../source/format/log-line.js';
import {sanitizeAnsi, stripAnsi} from '../../../source/format/sanitize.js';

describe('colouredSegments: search matches cut out of a coloured line', () => {
	const green = '\u001b[32m';
	const reset = '\u001b[0m';
	const cases: Array<[string, string, string, Array<[string, boolean]>]> = [
		['no colour: plain pieces', 'a needle b', 'needle', [['a ', false], ['needle', true], [' b', false]]],
		['the colour goes on after the match', `${green}a needle b${reset}`, 'needle', [[`${green}a ${reset}`, false], [`${green}needle${reset}`, true], [`${green} b${reset}`, false]]],
		['a colour starting inside the text', `a ${green}b needle${reset} c`, 'needle', [[`a ${green}b ${reset}`, false], [`${green}needle${reset}`, true], [`${green}${reset} c${reset}`, false]]],
		['match at the start', `${green}needle x${reset}`, 'needle', [[`${green}needle${reset}`, true], [`${green} x${reset}`, false]]],
	];
	for (const [name, raw, search, expected] of cases) {
		it(name, () => {
			const text = sanitizeAnsi(raw);
			const segments = highlightSegments(stripAnsi(raw), search);
			const pieces = colouredSegments(text, segments);
			assert.deepEqual(pieces.map(piece => [piece.text, piece.match]), expected);
			assert.deepEqual(pieces.map(piece => stripAnsi(piece.text)), segments.map(segment => segment.text), 'the same characters');
		});
	}

	it('text that does not line up gives the plain segments back', () => {
		const segments = highlightSegments('abc needle', 'needle');
		assert.deepEqual(colouredSegments('abc', segments), segments);
	});
});
