import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {TaskRow} from '../../../source/domain/swarm.js';
import {initialState} from '../../../source/store/initial-state.js';
import {replaceTasks, swarmOf} from '../../../source/store/swarm-slice.js';

const task = (id: string, slot: number, nodeId: string, updatedAt: number): TaskRow => ({
	id, serviceId: 's', slot, nodeId, desiredState: 'running', state: 'running', error: '', message: '', containerId: '', updatedAt,
});

describe('replaceTasks order', () => {
	// Seen on the two-node swarm: after a drain, slot 2's new task on the manager sorted below the old one on the worker.
	const cases: Array<{what: string; tasks: TaskRow[]; order: string[]}> = [
		{
			what: 'by slot; in a slot the newest first, even when the replaced task ran on another node',
			tasks: [task('old-on-worker', 2, 'node-b', 1000), task('one', 1, 'node-b', 500), task('new-on-manager', 2, 'node-a', 2000)],
			order: ['one', 'new-on-manager', 'old-on-worker'],
		},
		{
			what: 'the same with the replaced task on the node that sorts first',
			tasks: [task('old', 3, 'node-a', 1000), task('new', 3, 'node-z', 2000)],
			order: ['new', 'old'],
		},
		{
			what: 'a global service (slot 0): grouped by node, newest first in each',
			tasks: [task('b-old', 0, 'node-b', 1000), task('a-old', 0, 'node-a', 1000), task('b-new', 0, 'node-b', 3000), task('a-new', 0, 'node-a', 2000)],
			order: ['a-new', 'a-old', 'b-new', 'b-old'],
		},
	];
	for (const {what, tasks, order} of cases) test(what, () => {
		const state = replaceTasks(initialState({target: 'unix:///test.sock'}), tasks);
		assert.deepEqual(swarmOf(state).tasks.map(row => row.id), order);
	});
});
