import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {swarmTaskName, swarmTaskOf} from '../../source/domain/container.js';

describe('swarmTaskOf: a task container\'s service and slot from its labels', () => {
	const cases: Array<[string, Record<string, string>, ReturnType<typeof swarmTaskOf>, string | undefined]> = [
		['a replicated task in a stack', {'com.docker.swarm.service.name': 'shop_web', 'com.docker.swarm.task.name': 'shop_web.2.abc', 'com.docker.stack.namespace': 'shop'}, {service: 'shop_web', slot: 2, stack: 'shop'}, 'shop_web.2'],
		['a global task (node id, no slot)', {'com.docker.swarm.service.name': 'agent', 'com.docker.swarm.task.name': 'agent.n1x.abc'}, {service: 'agent', slot: 0, stack: ''}, 'agent'],
		['a service name with dots', {'com.docker.swarm.service.name': 'a.b', 'com.docker.swarm.task.name': 'a.b.3.t'}, {service: 'a.b', slot: 3, stack: ''}, 'a.b.3'],
		['not a task', {'com.docker.compose.project': 'demo'}, undefined, undefined],
	];
	for (const [what, labels, want, name] of cases) {
		it(what, () => {
			const got = swarmTaskOf(labels);
			assert.deepEqual(got, want);
			assert.equal(got ? swarmTaskName(got) : undefined, name);
		});
	}
});
