import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {RawLogLine} from '../../source/domain/log-line.js';
import {withTask} from '../../source/engine/service-log-details.js';

const line = (text: string): RawLogLine => ({stream: 'stdout', time: '2026-12-02T02:30:00.000000000Z', text, cut: 0});

describe('withTask: a service log line\'s details give its task', () => {
	const cases: Array<[string, string, string | undefined, string]> = [
		['the engine\'s three attributes', 'com.docker.swarm.node.id=n1,com.docker.swarm.service.id=s1,com.docker.swarm.task.id=t1 hello world', 't1', 'hello world'],
		['attributes in another order, with a log-driver one', 'com.docker.swarm.task.id=t2,env=a%20b,com.docker.swarm.node.id=n1 x', 't2', 'x'],
		['an empty line after the details', 'com.docker.swarm.task.id=t3', 't3', ''],
		['a line that keeps its own leading spaces', 'com.docker.swarm.task.id=t4   indented', 't4', '  indented'],
		['URL-encoded values', 'com.docker.swarm.task.id=a%2Bb msg', 'a+b', 'msg'],
		['no details: kept whole', 'plain text from a task', undefined, 'plain text from a task'],
		['key=value text without a task id: kept whole', 'level=info msg', undefined, 'level=info msg'],
		['an equals sign later in the line: kept whole', 'a b=c', undefined, 'a b=c'],
	];
	for (const [what, text, task, rest] of cases) {
		it(what, () => {
			const out = withTask(line(text));
			assert.equal(out.task, task);
			assert.equal(out.text, rest);
			assert.equal(out.time, line(text).time);
		});
	}
});
