import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {summariesFrom} from '../../../source/engine/containers-api.js';
import {classifyError} from '../../../source/engine/connection-errors.js';
import {NotPlainHttp, parsePlainAnswer, type PlainAnswer} from '../../../source/engine/plain-get.js';

const crlf = (...lines: string[]) => Buffer.from(lines.join('\r\n'), 'latin1');

// The container list's own HTTP/1.0 reading: what Go's server (dockerd, Podman) sends, and what a stranger might.
describe('parsePlainAnswer', () => {
	const cases: Array<[string, Buffer, PlainAnswer | RegExp]> = [
		['dockerd\'s answer to HTTP/1.0: status, clock and body to the close',
			crlf('HTTP/1.0 200 OK', 'Api-Version: 1.47', 'Content-Type: application/json', 'Date: Thu, 03 Dec 2026 17:30:09 GMT', '', '[{"Id":"a"}]\n'),
			{status: 200, body: '[{"Id":"a"}]\n', date: Date.UTC(2026, 11, 3, 17, 30, 9) / 1000}],
		['HTTP/1.1 and a Content-Length: the body is cut to it',
			crlf('HTTP/1.1 200 OK', 'Content-Length: 2', '', '[]trailing'),
			{status: 200, body: '[]'}],
		['header names in any case; no Date: no clock',
			crlf('HTTP/1.1 404 Not Found', 'content-length: 18', '', '{"message":"gone"}'),
			{status: 404, body: '{"message":"gone"}'}],
		['a chunked body, though HTTP/1.0 was asked for',
			crlf('HTTP/1.1 200 OK', 'Transfer-Encoding: chunked', '', '3;ext=1', '[{"', '6', 'Id":1}', '1', ']', '0', '', ''),
			{status: 200, body: '[{"Id":1}]'}],
		['UTF-8 names come through whole',
			Buffer.concat([crlf('HTTP/1.0 200 OK', '', ''), Buffer.from('[{"Names":["/café"]}]', 'utf8')]),
			{status: 200, body: '[{"Names":["/café"]}]'}],
		['a Date that is not a date: no clock', crlf('HTTP/1.0 200 OK', 'Date: yesterday', '', '[]'), {status: 200, body: '[]'}],
		['no end of headers', crlf('HTTP/1.0 200 OK', 'Date: x'), /no end of headers/],
		['not HTTP at all', crlf('SSH-2.0-OpenSSH_9.2', '', ''), /not an HTTP answer: "SSH-2\.0/],
		['a status that is not three digits', crlf('HTTP/1.1 20 OK', '', ''), /not an HTTP answer/],
		['a body shorter than its Content-Length (cut off)', crlf('HTTP/1.1 200 OK', 'Content-Length: 99', '', '[]'), /shorter than its Content-Length/],
		['a Content-Length that is not a number', crlf('HTTP/1.1 200 OK', 'Content-Length: lots', '', '[]'), /shorter than its Content-Length/],
		['a chunk cut short', crlf('HTTP/1.1 200 OK', 'Transfer-Encoding: chunked', '', 'ff', '[]'), /chunk cut short/],
		['a chunk size that is not hex', crlf('HTTP/1.1 200 OK', 'Transfer-Encoding: chunked', '', 'zz', '[]'), /chunk size/],
		['chunks without the last one', crlf('HTTP/1.1 200 OK', 'Transfer-Encoding: chunked', '', '2', '[]', ''), /size line/],
	];
	for (const [name, raw, expected] of cases) {
		test(name, () => {
			if (expected instanceof RegExp) {
				assert.throws(() => parsePlainAnswer(raw), (error: unknown) => error instanceof NotPlainHttp && expected.test(error.message));
			} else {
				assert.deepEqual(parsePlainAnswer(raw), expected);
			}
		});
	}
});

// What the list's answer becomes: summaries, or an error classifyError reads as it read dockerode's.
describe('summariesFrom', () => {
	const target = {kind: 'tcp', host: '127.0.0.1', port: 2375, source: '--host'} as const;
	const cases: Array<[string, PlainAnswer, unknown[] | RegExp]> = [
		['a list', {status: 200, body: '[{"Id":"a"},{"Id":"b"}]'}, [{Id: 'a'}, {Id: 'b'}]],
		['an empty list', {status: 200, body: '[]'}, []],
		['the engine\'s error, in its words', {status: 500, body: '{"message":"layer store broken"}'}, /answered with an error: layer store broken \(HTTP 500\)/],
		['a web server\'s page for a 404', {status: 404, body: '<html><body><h1>Not Found</h1></body></html>'}, /is not a Docker engine \(it answered HTTP 404 with a web page/],
		['a web server\'s page for a 200', {status: 200, body: '<!doctype html><title>Welcome</title>'}, /is not a Docker engine \(it answered HTTP 200 with a web page/],
		['JSON that is not a list', {status: 200, body: '{"Id":"a"}'}, /answered with an error: its container list is not a list \(HTTP 200\)/],
		['a plain HTTP server on a TLS engine\'s port', {status: 400, body: 'Client sent an HTTP request to an HTTPS server.\n'}, /expects TLS/],
	];
	for (const [name, answer, expected] of cases) {
		test(name, () => {
			if (expected instanceof RegExp) {
				assert.throws(() => summariesFrom(answer), (error: unknown) => expected.test(classifyError(error, target).message));
			} else {
				assert.deepEqual(summariesFrom(answer), expected);
			}
		});
	}
});
