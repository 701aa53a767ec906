import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {describe, test} from 'node:test';
import {ndjsonObjects} from '../../../source/engine/ndjson-stream.js';

const turn = () => new Promise(resolve => setImmediate(resolve));

/**
 * Feeds `chunks` into a real PassThrough (ending it) and collects what
 * ndjsonObjects yields. It waits a turn after each write so the reader takes every
 * chunk on its own; written back to back, a Readable would hand them over
 * joined and no boundary would be tested.
 */
async function collect(chunks: Array<string | Buffer>, signal = new AbortController().signal): Promise<unknown[]> {
	const stream = new PassThrough();
	const out: unknown[] = [];
	const reading = (async () => {
		for await (const item of ndjsonObjects(stream, signal)) out.push(item);
	})();
	for (const chunk of chunks) {
		stream.write(chunk);
		await turn();
	}
	stream.end();
	await reading;
	return out;
}

describe('ndjsonObjects framing', () => {
	const cases: Array<[string, Array<string | Buffer>, unknown[]]> = [
		['one object per line', ['{"a":1}\n{"a":2}\n'], [{a: 1}, {a: 2}]],
		['an object split across chunks', ['{"a"', ':1}\n{"a":', '2}\n'], [{a: 1}, {a: 2}]],
		['the newline in its own chunk', ['{"a":1}', '\n', '{"a":2}', '\n'], [{a: 1}, {a: 2}]],
		['many lines in one chunk', ['{"a":1}\n{"a":2}\n{"a":3}\n'], [{a: 1}, {a: 2}, {a: 3}]],
		['blank and whitespace lines are skipped', ['\n\n{"a":1}\n   \n\t\n{"a":2}\n\n'], [{a: 1}, {a: 2}]],
		['CRLF line ends', ['{"a":1}\r\n{"a":2}\r\n'], [{a: 1}, {a: 2}]],
		['a last line without a newline', ['{"a":1}\n{"a":', '2}'], [{a: 1}, {a: 2}]],
		['Buffers as the engine sends them', [Buffer.from('{"a":1}\n{"b"'), Buffer.from(':"x"}\n')], [{a: 1}, {b: 'x'}]],
		['nothing at all', [], []],
		['only blank lines', ['\n \n'], []],
		['scalars and arrays are JSON too', ['1\n[2]\n"s"\n'], [1, [2], 's']],
	];
	for (const [name, chunks, expected] of cases) {
		test(name, async () => {
			assert.deepEqual(await collect(chunks), expected);
		});
	}

	test('one byte at a time', async () => {
		const text = '{"status":"start","id":"abc"}\n{"status":"die","id":"abc"}\n';
		assert.deepEqual(await collect([...text]), [{status: 'start', id: 'abc'}, {status: 'die', id: 'abc'}]);
	});

	test('a multi-byte character split across chunks survives', async () => {
		const bytes = Buffer.from('{"name":"café ☕"}\n');
		const cut = bytes.indexOf(0xa9); // Second byte of "é".
		assert.deepEqual(await collect([bytes.subarray(0, cut), bytes.subarray(cut)]), [{name: 'café ☕'}]);
	});
});

describe('ndjsonObjects parse errors', () => {
	test('bad lines are skipped, and the good ones still come', async () => {
		const out = await collect(['{"a":1}\nnot json\n{"a":', '2}\n{broken\n', '{"a":3}\n{"tail":']);
		assert.deepEqual(out, [{a: 1}, {a: 2}, {a: 3}]);
	});

	test('blank lines are not objects', async () => {
		assert.deepEqual(await collect(['{"a":1}\n\n  \n']), [{a: 1}]);
	});
});

describe('ndjsonObjects ending', () => {
	test('ends quietly when the signal aborts while waiting for data, and destroys the stream', {timeout: 5000}, async () => {
		const stream = new PassThrough();
		const controller = new AbortController();
		const out: unknown[] = [];
		const reading = (async () => {
			for await (const item of ndjsonObjects(stream, controller.signal)) {
				out.push(item);
				if (out.length === 1) setImmediate(() => controller.abort());
			}
		})();
		stream.write('{"a":1}\n');
		await reading;
		assert.deepEqual(out, [{a: 1}]);
		assert.equal(stream.destroyed, true);
	});

	test('stops yielding lines that were already buffered when the signal aborts', {timeout: 5000}, async () => {
		const stream = new PassThrough();
		const controller = new AbortController();
		const out: unknown[] = [];
		stream.write('{"a":1}\n{"a":2}\n{"a":3}\n');
		for await (const item of ndjsonObjects(stream, controller.signal)) {
			out.push(item);
			controller.abort();
			await new Promise(resolve => setImmediate(resolve));
		}
		assert.deepEqual(out, [{a: 1}], 'nothing after the abort');
		assert.equal(stream.destroyed, true);
	});

	test('a signal that is already aborted ends at once', {timeout: 5000}, async () => {
		const stream = new PassThrough();
		const controller = new AbortController();
		controller.abort();
		const out: unknown[] = [];
		const result = await Promise.race([
			(async () => {
				for await (const item of ndjsonObjects(stream, controller.signal)) out.push(item);
				return 'ended';
			})(),
			new Promise(resolve => setTimeout(resolve, 500, 'still waiting')),
		]);
		stream.destroy();
		assert.equal(result, 'ended');
	});

	test('the consumer breaking out destroys the stream', async () => {
		const stream = new PassThrough();
		stream.write('{"a":1}\n{"a":2}\n');
		for await (const _item of ndjsonObjects(stream, new AbortController().signal)) break;
		assert.equal(stream.destroyed, true);
	});

	test('a stream error that is not an abort reaches the caller', async () => {
		const stream = new PassThrough();
		const reading = (async () => {
			for await (const _item of ndjsonObjects(stream, new AbortController().signal)) {
				// Nothing arrives.
			}
		})();
		stream.destroy(new Error('socket hang up'));
		await assert.rejects(reading, /socket hang up/);
	});
});
