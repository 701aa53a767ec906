import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {brailleChart, sparkline} from '../../../source/format/sparkline.js';

describe('sparkline', () => {
	const cases: Array<[string, number[], number, number | undefined, string]> = [
		['no data is all spaces', [], 4, undefined, '    '],
		['zero width', [1, 2], 0, undefined, ''],
		['scaled to its own max', [0, 1, 2, 3, 4, 5, 6, 7, 8], 9, undefined, '▁▁▂▃▄▅▆▇█'],
		['padded on the left, newest last', [8, 4], 4, undefined, '  █▄'],
		['only the newest values fit', [8, 8, 8, 0, 8], 2, undefined, '▁█'],
		['fixed max', [50, 100], 2, 100, '▄█'],
		['values above max are clamped', [250], 1, 100, '█'],
		['all zero', [0, 0], 2, undefined, '▁▁'],
		['tiny values show the lowest block', [1, 1000], 2, undefined, '▁█'],
		['a missed sample is a space', [4, Number.NaN, 8], 3, undefined, '▄ █'],
		['negative counts as zero', [-3, 8], 2, undefined, '▁█'],
		['non-positive max falls back to auto', [2, 4], 2, 0, '▄█'],
	];
	for (const [name, values, width, max, expected] of cases) {
		test(name, () => {
			const line = sparkline(values, width, max);
			assert.equal(line, expected);
			assert.equal([...line].length, Math.max(0, width));
		});
	}
});

describe('brailleChart', () => {
	const cases: Array<[string, number[], number, number, number | undefined, string[]]> = [
		['no data', [], 2, 1, undefined, ['\u2800\u2800']],
		['full and empty samples', [4, 0], 1, 1, undefined, ['⡇']],
		['newest in the right column', [0, 4], 1, 1, undefined, ['⢸']],
		['one row, stepped', [1, 2, 3, 4], 2, 1, undefined, ['⣠⣾']],
		['padded on the left', [4], 2, 1, undefined, ['\u2800⢸']],
		['two rows, half height', [4, 4], 1, 2, 8, ['\u2800', '⣿']],
		['two rows, full height', [8, 1], 1, 2, 8, ['⡇', '⣇']],
		['clamped above max', [100], 1, 2, 8, ['⢸', '⢸']],
		['any positive value lights a dot', [0.001, 8], 1, 2, 8, ['⢸', '⣸']],
		['zero height', [1], 3, 0, undefined, []],
	];
	for (const [name, values, width, height, max, expected] of cases) {
		test(name, () => {
			const lines = brailleChart(values, width, height, max);
			assert.deepEqual(lines, expected);
			for (const line of lines) {
				assert.equal([...line].length, width);
				assert.match(line, /^[\u2800-\u28ff]*$/);
			}
		});
	}
});
