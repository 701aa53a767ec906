import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {resizeAccepting, resizeSoon} from '../../../source/engine/exec-api.js';

/** An error shaped like docker-modem's for an HTTP status it did not expect. */
const httpError = (statusCode: number) => Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - `), {statusCode});

describe('resizeAccepting: a 2xx answer is success, whatever dockerode expected', () => {
	const cases: Array<[name: string, outcome: () => Promise<unknown>, accepted: boolean]> = [
		['200 (Docker)', async () => undefined, true],
		['201 Created (Podman answers exec resize so)', async () => Promise.reject(httpError(201)), true],
		['204 No Content', async () => Promise.reject(httpError(204)), true],
		['404 no such exec', async () => Promise.reject(httpError(404)), false],
		['500 container not running', async () => Promise.reject(httpError(500)), false],
		['a socket error, no status', async () => Promise.reject(Object.assign(new Error('socket hang up'), {code: 'ECONNRESET'})), false],
	];
	for (const [name, outcome, accepted] of cases) {
		test(name, async () => {
			if (accepted) await resizeAccepting(outcome);
			else await assert.rejects(resizeAccepting(outcome));
		});
	}
});

describe('resizeSoon retries only real failures', () => {
	// failures: what the engine answers, call by call (then 200); calls: what resizeSoon returns; made: the calls it made.
	const cases: Array<[name: string, failures: Error[], calls: number, made: number]> = [
		['Podman\'s 201 at once is one call, not ten retries', [httpError(201)], 1, 1],
		['a 500 while the process starts, then success', [httpError(500)], 2, 2],
		['ten failures: gives up', Array.from({length: 10}, () => httpError(409)), 0, 10],
	];
	for (const [name, failures, calls, expectedMade] of cases) {
		test(name, async () => {
			const left = [...failures];
			let made = 0;
			const result = await resizeSoon(async () => {
				made++;
				const failure = left.shift();
				if (failure) throw failure;
			});
			assert.equal(result, calls);
			assert.equal(made, expectedMade);
		});
	}
});
