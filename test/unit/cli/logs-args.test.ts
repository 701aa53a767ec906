import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parseArgs, UsageError} from '../../../source/cli/args.js';

describe('porthole logs NAME... and the log flags', () => {
	const accepted: Array<[string[], object]> = [
		[['logs', 'web'], {view: 'logs', logNames: ['web']}],
		[['logs', 'web', 'db', '--tail', '50'], {view: 'logs', logNames: ['web', 'db'], tail: 50}],
		[['--log-lines=500', 'logs', 'web'], {view: 'logs', logNames: ['web'], logLines: 500}],
		[['logs', 'help'], {view: 'logs', logNames: ['help']}],
		[['--tail', '0'], {view: 'containers', tail: 0}],
	];
	for (const [argv, expected] of accepted) {
		test(argv.join(' '), () => {
			const options = parseArgs(argv);
			for (const [key, value] of Object.entries(expected)) assert.deepEqual(options[key as keyof typeof options], value, key);
		});
	}
	const refused: Array<[string[], RegExp]> = [
		[['logs'], /needs a container name/],
		[['--tail', 'ten'], /--tail needs a whole number/],
		[['--log-lines', '5'], /--log-lines needs a whole number from 100/],
		[['--tail'], /--tail needs a value/],
	];
	for (const [argv, message] of refused) {
		test(`refuses ${argv.join(' ')}`, () => assert.throws(() => parseArgs(argv), (error: unknown) => error instanceof UsageError && message.test(error.message)));
	}
});
