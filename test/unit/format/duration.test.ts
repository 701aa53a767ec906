import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {formatAgo, formatDuration} from '../../../source/format/duration.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('formatDuration', () => {
	const cases: Array<[number, string]> = [
		[0, '0s'],
		[999, '0s'],
		[12 * S, '12s'],
		[59 * S + 999, '59s'],
		[60 * S, '1m'],
		[5 * M + 12 * S, '5m12s'],
		[5 * M + 59 * S + 999, '5m59s'],
		[59 * M + 59 * S, '59m59s'],
		[H, '1h'],
		[3 * H + 7 * M + 30 * S, '3h7m'],
		[23 * H + 59 * M, '23h59m'],
		[2 * D + 4 * H + 30 * M, '2d4h'],
		[2 * D + 30 * M, '2d'],
		[400 * D, '400d'],
		[-5 * S, '0s'],
		[Number.NaN, '-'],
		[Number.POSITIVE_INFINITY, '-'],
	];
	for (const [input, expected] of cases) {
		test(`${input} ms -> ${expected}`, () => {
			assert.equal(formatDuration(input), expected);
		});
	}
});

describe('formatAgo', () => {
	const now = Date.UTC(2025, 0, 15, 12, 0, 0);
	const cases: Array<[string, number, string]> = [
		['never', 0, '-'],
		['NaN', Number.NaN, '-'],
		['just now', now, '0s ago'],
		['in the future (clock skew)', now + 10 * S, '0s ago'],
		['seconds', now - 12 * S, '12s ago'],
		['minutes, truncated', now - (5 * M + 59 * S), '5m ago'],
		['hours', now - (3 * H + 50 * M), '3h ago'],
		['days', now - (2 * D + 23 * H), '2d ago'],
		['many days', now - 90 * D, '90d ago'],
	];
	for (const [name, epoch, expected] of cases) {
		test(`${name} -> ${expected}`, () => {
			assert.equal(formatAgo(epoch, now), expected);
		});
	}
});
