import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, test} from 'node:test';
import type {RawLogLine} from '../../../source/domain/log-line.js';
import {Demuxer} from '../../../source/engine/frame-demuxer.js';
import {LogDecoder} from '../../../source/engine/log-frames.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/logs/${name}`, import.meta.url));

/** Feeds `bytes` to a decoder in chunks of `size` bytes (cutting headers, timestamps and characters anywhere). */
function decode(bytes: Buffer, options: {tty: boolean; timestamps: boolean; maxBytes?: number}, size = bytes.length): RawLogLine[] {
	const decoder = new LogDecoder(options);
	const lines: RawLogLine[] = [];
	for (let offset = 0; offset < bytes.length; offset += size) lines.push(...decoder.push(bytes.subarray(offset, offset + size)));
	lines.push(...decoder.end());
	return lines;
}

function frame(stream: 1 | 2, payload: string | Buffer): Buffer {
	const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
	const header = Buffer.alloc(8);
	header[0] = stream;
	header.writeUInt32BE(body.length, 4);
	return Buffer.concat([header, body]);
}

const expectedMixed: Array<[RawLogLine['stream'], string]> = [
	['stdout', 'out-one'],
	['stderr', 'err-one'],
	['stdout', 'partial-line'],
	['stdout', '\u001b[31mred\u001b[0m \u001b]0;title\u0007 café'],
	['stderr', 'err-two'],
	['stdout', 'no-newline-at-end'],
];

describe('LogDecoder over frames recorded from the engine', () => {
	for (const size of [1, 2, 3, 7, 8, 9, 31, 4096]) {
		test(`multiplexed with timestamps, chunks of ${size} bytes`, () => {
			const lines = decode(fixture('mixed-timestamps.bin'), {tty: false, timestamps: true}, size);
			assert.deepEqual(lines.map(line => [line.stream, line.text]), expectedMixed);
			for (const line of lines) assert.match(line.time, /^2026-11-24T17:28:59\.\d{9}Z$/);
			assert.ok(lines.every(line => line.cut === 0));
		});
		test(`multiplexed without timestamps, chunks of ${size} bytes`, () => {
			const lines = decode(fixture('mixed.bin'), {tty: false, timestamps: false}, size);
			assert.deepEqual(lines.map(line => [line.stream, line.text]), expectedMixed);
			assert.ok(lines.every(line => line.time === ''));
		});
		test(`TTY stream with timestamps, chunks of ${size} bytes`, () => {
			const lines = decode(fixture('tty-timestamps.bin'), {tty: true, timestamps: true}, size);
			assert.deepEqual(lines.map(line => [line.stream, line.text]), [['tty', 'tty-one'], ['tty', 'tty-err'], ['tty', 'x']]);
			assert.equal(lines[0]?.time, '2026-11-24T17:29:01.748415834Z');
		});
	}

	test('the demuxer yields exactly the payload bytes, whatever the chunking', () => {
		const bytes = fixture('mixed.bin');
		const whole = Buffer.concat(new Demuxer().push(bytes).map(piece => piece.bytes));
		const demuxer = new Demuxer();
		const pieces: Buffer[] = [];
		for (let offset = 0; offset < bytes.length; offset += 5) pieces.push(...demuxer.push(bytes.subarray(offset, offset + 5)).map(piece => piece.bytes));
		assert.equal(Buffer.concat(pieces).toString('latin1'), whole.toString('latin1'));
		assert.equal(whole.toString('utf8'), 'out-one\nerr-one\npartial-line\n\u001b[31mred\u001b[0m \u001b]0;title\u0007 café\nerr-two\nno-newline-at-end');
	});
});

describe('LogDecoder edge cases', () => {
	const ts = '2026-01-02T03:04:05.000000001Z ';
	const cases: Array<{name: string; input: Buffer; options: {tty: boolean; timestamps: boolean; maxBytes?: number}; expected: Array<Partial<RawLogLine>>; chunk?: number}> = [
		{
			name: 'a character split across frames is decoded whole',
			input: Buffer.concat([frame(1, Buffer.from('caf\xc3', 'latin1')), frame(1, Buffer.from('\xa9!\n', 'latin1'))]),
			options: {tty: false, timestamps: false},
			expected: [{text: 'café!'}],
		},
		{
			name: 'invalid UTF-8 becomes U+FFFD, no throw',
			input: frame(1, Buffer.from([0x61, 0xff, 0xfe, 0x62, 0x0a])),
			options: {tty: false, timestamps: false},
			expected: [{text: 'a\ufffd\ufffdb'}],
		},
		{
			name: 'stdout and stderr keep separate partial lines',
			input: Buffer.concat([frame(1, 'out-'), frame(2, 'err-'), frame(1, 'a\n'), frame(2, 'b\n')]),
			options: {tty: false, timestamps: false},
			expected: [{stream: 'stdout', text: 'out-a'}, {stream: 'stderr', text: 'err-b'}],
		},
		{
			name: 'partial messages of a long line each carry a timestamp; only the first counts',
			input: Buffer.concat([frame(1, `${ts}aaa`), frame(1, `2026-01-02T03:04:05.000000002Z bbb`), frame(1, `2026-01-02T03:04:05.000000003Z ccc\n`)]),
			options: {tty: false, timestamps: true},
			expected: [{text: 'aaabbbccc', time: '2026-01-02T03:04:05.000000001Z'}],
		},
		{
			name: 'a long line is cut for display and the cut counted',
			input: frame(1, `${'x'.repeat(100)}\nshort\n`),
			options: {tty: false, timestamps: false, maxBytes: 10},
			expected: [{text: 'x'.repeat(10), cut: 90}, {text: 'short', cut: 0}],
		},
		{
			name: 'empty lines survive',
			input: frame(1, `${ts}\n`),
			options: {tty: false, timestamps: true},
			expected: [{text: ''}],
		},
		{
			name: 'a missing timestamp is kept as text',
			input: frame(1, 'not-a-time here\n'),
			options: {tty: false, timestamps: true},
			expected: [{text: 'not-a-time here', time: ''}],
		},
		{
			name: 'TTY CRLF line ends lose the CR',
			input: Buffer.from(`${ts}one\r\n${ts}two\r\n`),
			options: {tty: true, timestamps: true},
			expected: [{stream: 'tty', text: 'one'}, {stream: 'tty', text: 'two'}],
			chunk: 3,
		},
	];
	for (const {name, input, options, expected, chunk} of cases) {
		test(name, () => {
			const lines = decode(input, options, chunk);
			assert.equal(lines.length, expected.length, JSON.stringify(lines));
			expected.forEach((want, index) => {
				for (const [key, value] of Object.entries(want)) assert.equal(lines[index]?.[key as keyof RawLogLine], value, `${key} of line ${index}`);
			});
		});
	}

	test('a megabyte without a newline, in 64 KiB chunks, is held to the cap and decoded fast', () => {
		const megabyte = Buffer.alloc(1024 * 1024, 0x78);
		const started = performance.now();
		const lines = decode(Buffer.concat([frame(1, megabyte), frame(1, '\nafter\n')]), {tty: false, timestamps: false}, 65536);
		assert.equal(lines.length, 2);
		assert.equal(lines[0]?.text.length, 8192);
		assert.ok((lines[0]?.cut ?? 0) > 0, 'the cut is counted');
		assert.equal(lines[1]?.text, 'after');
		assert.ok(performance.now() - started < 1000);
	});

	test('a megabyte with no newline yet is given out cut as soon as it overflows, not held for a newline (issue 10)', () => {
		const megabyte = Buffer.alloc(1024 * 1024, 0x78);
		const decoder = new LogDecoder({tty: false, timestamps: true});
		const lines: RawLogLine[] = [];
		// The engine splits a long message into 16 KiB partial messages, each with its timestamp.
		for (let offset = 0; offset < megabyte.length; offset += 16384) lines.push(...decoder.push(frame(1, `${ts}${megabyte.subarray(offset, offset + 16384).toString()}`)));
		assert.equal(lines.length, 1);
		assert.equal(lines[0]?.text, 'x'.repeat(8192));
		assert.equal(lines[0]?.time, ts.trim());
		assert.ok((lines[0]?.cut ?? 0) > 0);
		// Its rest is dropped up to the newline; the next line is whole.
		lines.push(...decoder.push(frame(1, `${ts}tail-of-it\n`)), ...decoder.push(frame(1, `${ts}next\n`)));
		assert.deepEqual(lines.slice(1).map(line => line.text), ['next']);
	});
});
