import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {Ring} from '../../../source/domain/ring.js';

/** A ring of `capacity` after pushing 1..count one at a time. */
function filled(capacity: number, count: number): Ring<number> {
	const ring = new Ring<number>(capacity);
	for (let i = 1; i <= count; i++) {
		ring.push(i);
	}

	return ring;
}

describe('Ring push and wraparound', () => {
	const cases: Array<{capacity: number; count: number; items: number[]; dropped: number}> = [
		{capacity: 3, count: 0, items: [], dropped: 0},
		{capacity: 3, count: 2, items: [1, 2], dropped: 0},
		{capacity: 3, count: 3, items: [1, 2, 3], dropped: 0},
		{capacity: 3, count: 4, items: [2, 3, 4], dropped: 1},
		{capacity: 3, count: 7, items: [5, 6, 7], dropped: 4},
		{capacity: 1, count: 1, items: [1], dropped: 0},
		{capacity: 1, count: 5, items: [5], dropped: 4},
		{capacity: 5, count: 12, items: [8, 9, 10, 11, 12], dropped: 7},
	];

	for (const {capacity, count, items, dropped} of cases) {
		it(`capacity ${capacity}, ${count} pushes`, () => {
			const ring = filled(capacity, count);
			assert.deepEqual(ring.toArray(), items);
			assert.equal(ring.size, items.length);
			assert.equal(ring.capacity, capacity);
			assert.equal(ring.dropped, dropped);
			assert.equal(ring.last(), items.at(-1));
			assert.equal(ring.at(0), items[0]);
		});
	}
});

describe('Ring at', () => {
	// capacity 4 after 6 pushes holds [3, 4, 5, 6] and physically starts mid-array
	const ring = filled(4, 6);
	const cases: Array<{i: number; expected: number | undefined}> = [
		{i: 0, expected: 3},
		{i: 1, expected: 4},
		{i: 2, expected: 5},
		{i: 3, expected: 6},
		{i: 4, expected: undefined},
		{i: -1, expected: 6},
		{i: -4, expected: 3},
		{i: -5, expected: undefined},
		{i: 1.5, expected: undefined},
	];

	for (const {i, expected} of cases) {
		it(`at(${i})`, () => {
			assert.equal(ring.at(i), expected);
		});
	}

	it('empty ring', () => {
		const empty = new Ring<string>(2);
		assert.equal(empty.at(0), undefined);
		assert.equal(empty.last(), undefined);
		assert.deepEqual(empty.toArray(), []);
	});
});

describe('Ring slice over the wrap point', () => {
	// capacity 5 after 8 pushes holds [4, 5, 6, 7, 8]; physical head is index 3,
	// so logical 2..3 sits at the array's end and 4 at its start
	const ring = filled(5, 8);
	const cases: Array<{start?: number; end?: number; expected: number[]}> = [
		{expected: [4, 5, 6, 7, 8]},
		{start: 0, end: 5, expected: [4, 5, 6, 7, 8]},
		{start: 1, end: 4, expected: [5, 6, 7]},
		{start: 2, end: 5, expected: [6, 7, 8]},
		{start: 3, end: 3, expected: []},
		{start: 4, end: 2, expected: []},
		{start: -2, expected: [7, 8]},
		{start: 0, end: -3, expected: [4, 5]},
		{start: -10, end: 100, expected: [4, 5, 6, 7, 8]},
		{start: 5, end: 9, expected: []},
	];

	for (const {start, end, expected} of cases) {
		it(`slice(${start}, ${end})`, () => {
			assert.deepEqual(ring.slice(start, end), expected);
			assert.deepEqual(ring.slice(start, end), ring.toArray().slice(start, end));
		});
	}
});

describe('Ring pushMany', () => {
	const cases: Array<{name: string; capacity: number; first: number[]; many: number[]; items: number[]; dropped: number}> = [
		{name: 'fits', capacity: 5, first: [1], many: [2, 3], items: [1, 2, 3], dropped: 0},
		{name: 'fills exactly', capacity: 3, first: [1], many: [2, 3], items: [1, 2, 3], dropped: 0},
		{name: 'wraps', capacity: 3, first: [1, 2], many: [3, 4, 5], items: [3, 4, 5], dropped: 2},
		{name: 'more than capacity at once', capacity: 3, first: [1], many: [2, 3, 4, 5, 6, 7], items: [5, 6, 7], dropped: 4},
		{name: 'into a full ring', capacity: 2, first: [1, 2], many: [3], items: [2, 3], dropped: 1},
		{name: 'nothing', capacity: 2, first: [1], many: [], items: [1], dropped: 0},
		{name: 'capacity 1', capacity: 1, first: [], many: [1, 2, 3], items: [3], dropped: 2},
	];

	for (const {name, capacity, first, many, items, dropped} of cases) {
		it(name, () => {
			const ring = new Ring<number>(capacity);
			ring.pushMany(first);
			ring.pushMany(many);
			assert.deepEqual(ring.toArray(), items);
			assert.equal(ring.dropped, dropped);

			// same result as pushing one at a time
			const one = new Ring<number>(capacity);
			for (const item of [...first, ...many]) {
				one.push(item);
			}

			assert.deepEqual(one.toArray(), items);
			assert.equal(one.dropped, dropped);
		});
	}
});

describe('Ring resize', () => {
	const cases: Array<{name: string; capacity: number; count: number; to: number; items: number[]; dropped: number}> = [
		{name: 'shrink keeps the newest', capacity: 5, count: 5, to: 2, items: [4, 5], dropped: 3},
		{name: 'shrink after wrap', capacity: 4, count: 6, to: 3, items: [4, 5, 6], dropped: 2 + 1},
		{name: 'shrink to 1', capacity: 4, count: 6, to: 1, items: [6], dropped: 2 + 3},
		{name: 'grow after wrap keeps order', capacity: 3, count: 5, to: 6, items: [3, 4, 5], dropped: 2},
		{name: 'shrink but still fits', capacity: 8, count: 3, to: 4, items: [1, 2, 3], dropped: 0},
		{name: 'same size', capacity: 3, count: 4, to: 3, items: [2, 3, 4], dropped: 1},
	];

	for (const {name, capacity, count, to, items, dropped} of cases) {
		it(name, () => {
			const ring = filled(capacity, count);
			ring.resize(to);
			assert.equal(ring.capacity, to);
			assert.deepEqual(ring.toArray(), items);
			assert.equal(ring.dropped, dropped);
		});
	}

	it('pushes after growing fill the new room before overwriting', () => {
		const ring = filled(2, 3); // [2, 3]
		ring.resize(4);
		ring.pushMany([4, 5, 6]);
		assert.deepEqual(ring.toArray(), [3, 4, 5, 6]);
		assert.equal(ring.dropped, 1 + 1);
	});
});

describe('Ring capacity 1', () => {
	it('always holds just the newest', () => {
		const ring = new Ring<string>(1);
		ring.push('a');
		assert.deepEqual(ring.toArray(), ['a']);
		ring.push('b');
		assert.deepEqual(ring.toArray(), ['b']);
		assert.equal(ring.at(0), 'b');
		assert.equal(ring.last(), 'b');
		assert.deepEqual(ring.slice(0, 1), ['b']);
		assert.equal(ring.dropped, 1);
	});
});

describe('Ring version and clear', () => {
	it('changes on every mutation and never goes back', () => {
		const ring = new Ring<number>(2);
		const seen = [ring.version];
		const mutations: Array<() => void> = [
			() => ring.push(1),
			() => ring.push(2),
			() => ring.push(3), // overwrite
			() => ring.pushMany([4, 5]),
			() => ring.resize(3),
			() => ring.clear(),
			() => ring.push(6),
		];
		for (const mutate of mutations) {
			mutate();
			assert.ok(ring.version > seen.at(-1)!, 'version increases');
			seen.push(ring.version);
		}
	});

	it('reads and empty pushMany leave it alone', () => {
		const ring = filled(3, 4);
		const before = ring.version;
		ring.at(0);
		ring.last();
		ring.toArray();
		ring.slice(0, 2);
		ring.pushMany([]);
		assert.equal(ring.version, before);
	});

	it('clear empties but keeps capacity and dropped', () => {
		const ring = filled(3, 5);
		ring.clear();
		assert.equal(ring.size, 0);
		assert.equal(ring.capacity, 3);
		assert.equal(ring.dropped, 2);
		assert.deepEqual(ring.toArray(), []);
		ring.pushMany([7, 8]);
		assert.deepEqual(ring.toArray(), [7, 8]);
	});
});

describe('Ring rejects a bad capacity', () => {
	for (const capacity of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
		it(`capacity ${capacity}`, () => {
			assert.throws(() => new Ring(capacity), RangeError);
			assert.throws(() => new Ring(2).resize(capacity), RangeError);
		});
	}
});
