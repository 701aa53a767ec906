import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {formatBytes, formatDecimalBytes, formatPercent, formatRate} from '../../../source/format/bytes.js';

const KiB = 1024;
const MiB = KiB * 1024;
const GiB = MiB * 1024;

describe('formatBytes', () => {
	const cases: Array<[number, string]> = [
		[0, '0B'],
		[1, '1B'],
		[512, '512B'],
		[1023, '1023B'],
		[1024, '1KiB'],
		[1536, '1.5KiB'],
		[740 * KiB, '740KiB'],
		[1000 * KiB, '1000KiB'],
		[1023.99 * KiB, '1MiB'],
		[1.5 * MiB, '1.5MiB'],
		[12.345 * MiB, '12.35MiB'],
		[123.456 * MiB, '123.5MiB'],
		[23.54 * GiB, '23.54GiB'],
		[7.7 * GiB, '7.7GiB'],
		[2 * 1024 * GiB, '2TiB'],
		[-1, '-'],
		[Number.NaN, '-'],
		[Number.POSITIVE_INFINITY, '-'],
	];
	for (const [input, expected] of cases) {
		test(`${input} -> ${expected}`, () => {
			assert.equal(formatBytes(input), expected);
		});
	}
});

describe('formatDecimalBytes', () => {
	const cases: Array<[number, string]> = [
		[0, '0B'],
		[999, '999B'],
		[999.6, '1kB'],
		[1000, '1kB'],
		[1200, '1.2kB'],
		[1234, '1.23kB'],
		[12_345, '12.3kB'],
		[123_456, '123kB'],
		[35_000_000, '35MB'],
		[999_999, '1MB'],
		[4.56e9, '4.56GB'],
		[-5, '-'],
		[Number.NaN, '-'],
	];
	for (const [input, expected] of cases) {
		test(`${input} -> ${expected}`, () => {
			assert.equal(formatDecimalBytes(input), expected);
		});
	}
});

describe('formatRate', () => {
	const cases: Array<[number, string]> = [
		[0, '0B/s'],
		[1200, '1.2kB/s'],
		[2_500_000, '2.5MB/s'],
		[-1, '-'],
		[Number.NaN, '-'],
	];
	for (const [input, expected] of cases) {
		test(`${input} -> ${expected}`, () => {
			assert.equal(formatRate(input), expected);
		});
	}
});

describe('formatPercent', () => {
	const cases: Array<[number, string]> = [
		[0, '0.0%'],
		[0.04, '0.0%'],
		[0.05, '0.1%'],
		[12.34, '12.3%'],
		[99.94, '99.9%'],
		[99.96, '100%'],
		[100, '100%'],
		[245.4, '245%'],
		[1600.6, '1601%'],
		[-0.1, '-'],
		[Number.NaN, '-'],
		[Number.POSITIVE_INFINITY, '-'],
	];
	for (const [input, expected] of cases) {
		test(`${input} -> ${expected}`, () => {
			assert.equal(formatPercent(input), expected);
		});
	}
});
