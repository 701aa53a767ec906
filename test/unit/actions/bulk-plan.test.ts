import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {bulkSummary} from '../../../source/actions/bulk-actions.js';
import {bulkQuestion, bulkTitle, nameList, planBulk, type BulkCommand} from '../../../source/actions/bulk-plan.js';
import type {ContainerRow} from '../../../source/domain/container.js';
import {fixtureRows} from '../../helpers/fixtures.js';

const base = fixtureRows()[0];
assert.ok(base);
const row = (name: string, state: ContainerRow['state']): ContainerRow => ({...base, id: `id-${name}`, name, state, mounts: []});
const names = (rows: readonly ContainerRow[]) => rows.map(each => each.name);

describe('planBulk', () => {
	const up = row('up', 'running');
	const up2 = row('up2', 'running');
	const down = row('down', 'exited');
	const frozen = row('frozen', 'paused');
	const cases: Array<[string, BulkCommand, ContainerRow[], string, string[], string[]]> = [
		['s stops when any runs; the stopped are left alone', 'start-stop', [up, down, up2], 'stop', ['up', 'up2'], ['down']],
		['s stops paused ones too (they have processes)', 'start-stop', [frozen, down], 'stop', ['frozen'], ['down']],
		['s starts when none runs', 'start-stop', [down, row('new', 'created')], 'start', ['down', 'new'], []],
		['restart takes every row', 'restart', [up, down], 'restart', ['up', 'down'], []],
		['p unpauses when every one is paused', 'pause', [frozen, row('frozen2', 'paused')], 'unpause', ['frozen', 'frozen2'], []],
		['p pauses the running ones otherwise', 'pause', [up, frozen, down], 'pause', ['up'], ['frozen', 'down']],
		['p unpauses the paused ones when none runs, stopped ones among the marks left alone', 'pause', [frozen, down, row('frozen3', 'paused')], 'unpause', ['frozen', 'frozen3'], ['down']],
		['p with none running or paused has no target', 'pause', [down], 'pause', [], ['down']],
		['kill needs processes', 'kill', [up, down], 'kill', ['up'], ['down']],
		['kill with none running has no target', 'kill', [down], 'kill', [], ['down']],
		['remove takes every row', 'remove', [up, down], 'remove', ['up', 'down'], []],
	];
	for (const [name, command, rows, action, targets, skipped] of cases) {
		test(name, () => {
			const plan = planBulk(command, rows);
			assert.equal(plan.action, action);
			assert.deepEqual(names(plan.targets), targets);
			assert.deepEqual(names(plan.skipped.map(each => each.row)), skipped);
		});
	}
});

describe('nameList', () => {
	const cases: Array<[string[], string]> = [
		[['a'], 'a'],
		[['a', 'b'], 'a and b'],
		[['a', 'b', 'c'], 'a, b and c'],
		[['a', 'b', 'c', 'd'], 'a, b, c and 1 more'],
		[['a', 'b', 'c', 'd', 'e', 'f', 'g'], 'a, b, c and 4 more'],
		[['evil\u001b]0;pwned\u0007', 'b'], 'evil and b'],
	];
	for (const [input, expected] of cases) test(`${JSON.stringify(input)} reads "${expected}"`, () => assert.equal(nameList(input), expected));
});

describe('bulkQuestion', () => {
	const many = ['web-1', 'web-2', 'web-3', 'db', 'cache'].map(name => row(name, 'running'));
	const cases: Array<[string, BulkCommand, ContainerRow[], string, string]> = [
		['stop of five names three, then "and 2 more"', 'start-stop', many, 'Stop 5 containers',
			'Stop 5 containers: cache, db, web-1 and 2 more? Each gets SIGTERM, then SIGKILL after its stop timeout.'],
		['kill says who is left alone', 'kill', [row('a', 'running'), row('b', 'exited')], 'Kill 1 container',
			'Kill 1 container: a? Each gets SIGKILL and no time to clean up. b is not running: left alone.'],
		['remove warns that running ones are killed first', 'remove', [row('a', 'running'), row('b', 'exited')], 'Remove 2 containers',
			'Remove 2 containers: a and b? 1 is running and will be killed first.'],
		['remove of all running says all', 'remove', [row('a', 'running'), row('b', 'running')], 'Remove 2 containers',
			'Remove 2 containers: a and b? All are running and will be killed first.'],
		['remove of stopped ones adds nothing', 'remove', [row('a', 'exited'), row('b', 'exited')], 'Remove 2 containers', 'Remove 2 containers: a and b?'],
	];
	for (const [name, command, rows, title, question] of cases) {
		test(name, () => {
			const sorted = [...rows].sort((a, b) => a.name.localeCompare(b.name));
			const plan = planBulk(command, sorted);
			assert.equal(bulkTitle(plan), title);
			assert.equal(bulkQuestion(plan), question);
		});
	}
});

describe('bulkSummary', () => {
	const cases: Array<[string, Parameters<typeof bulkSummary>, string]> = [
		['all done', ['stop', {done: ['a', 'b'], failed: []}], 'stop: 2 stopped'],
		['one failed names it and why', ['stop', {done: ['a', 'b', 'c', 'd'], failed: [{name: 'e', reason: 'no longer exists'}]}], 'stop: 4 stopped, 1 failed (e: no longer exists)'],
		['several failed names the first and lists the rest', ['kill', {done: [], failed: [{name: 'a', reason: 'x'}, {name: 'b', reason: 'y'}, {name: 'c', reason: 'z'}]}], 'kill: 0 killed, 3 failed (a: x; also b and c)'],
	];
	for (const [name, args, expected] of cases) test(name, () => assert.equal(bulkSummary(...args), expected));
});
