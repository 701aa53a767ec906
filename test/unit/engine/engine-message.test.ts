import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {engineMessage} from '../../../source/engine/engine-message.js';

// The one extractor of the engine's words, used by the connection errors and the image, volume and network actions.
describe('engineMessage', () => {
	const httpError = (message: string, json?: unknown) => Object.assign(new Error(message), {statusCode: 409, json});
	const cases: Array<[string, unknown, string]> = [
		['the JSON body\'s message', httpError('(HTTP code 409) unexpected - conflict', {message: 'unable to remove repository reference "x" (must force)'}), 'unable to remove repository reference "x" (must force)'],
		['a body that was not JSON, as text', httpError('(HTTP code 500) server error - ', 'plain words'), 'plain words'],
		['a body that was not JSON, as bytes', httpError('(HTTP code 500) server error - ', Buffer.from('bytes words')), 'bytes words'],
		['no body: the cause from dockerode\'s text', httpError('(HTTP code 404) no such container - No such container: abc '), 'No such container: abc'],
		['no body and no cause: the reason', httpError('(HTTP code 500) server error - '), 'server error'],
		['an empty body: dockerode\'s text', httpError('(HTTP code 500) server error - gone away', ''), 'gone away'],
		['not an HTTP error: its message', new Error('connect ECONNREFUSED /x.sock'), 'connect ECONNREFUSED /x.sock'],
		['not an error at all', 'a thrown string', 'a thrown string'],
		['nothing', undefined, 'undefined'],
	];
	for (const [name, error, expected] of cases) {
		test(name, () => assert.equal(engineMessage(error), expected));
	}
});
