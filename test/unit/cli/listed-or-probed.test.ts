import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {listedOrProbed} from '../../../source/cli/hosts-start.js';

const never = new Promise<void>(() => undefined);

// Start-up's check of one engine when its sync already runs: the first list is the proof, and only its absence asks for the ping's verdict.
describe('listedOrProbed', () => {
	const cases: Array<{name: string; listed: Promise<void>; failed: Promise<void>; probe: 'passes' | 'fails'; probed: boolean; throws: boolean}> = [
		{name: 'listed: no ping', listed: Promise.resolve(), failed: never, probe: 'fails', probed: false, throws: false},
		{name: 'the first session failed: the ping says why', listed: never, failed: Promise.resolve(), probe: 'fails', probed: true, throws: true},
		{name: 'failed, and the engine is back by the ping: carry on', listed: never, failed: Promise.resolve(), probe: 'passes', probed: true, throws: false},
		{name: 'nothing within the wait (a slow list): the ping decides', listed: never, failed: never, probe: 'passes', probed: true, throws: false},
		{name: 'nothing within the wait, and no answer to the ping either', listed: never, failed: never, probe: 'fails', probed: true, throws: true},
	];
	for (const {name, listed, failed, probe, probed, throws} of cases) {
		test(name, async () => {
			let asked = false;
			const engine = {
				async probe() {
					asked = true;
					if (probe === 'fails') throw new Error('refused');
				},
			};
			const checked = listedOrProbed(engine, {listed, failedOnce: failed}, 20);
			await (throws ? assert.rejects(checked, /refused/) : checked);
			assert.equal(asked, probed);
		});
	}
});
