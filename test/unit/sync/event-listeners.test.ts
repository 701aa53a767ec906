import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {EngineEvent} from '../../../source/engine/engine.js';
import {EventListeners} from '../../../source/sync/event-listeners.js';

const event: EngineEvent = {type: 'container', action: 'start', id: 'abc', attributes: {}, time: 0};

// The sync's listeners of events: each hears every event, in the order added; one that throws stops neither the others nor the caller.
describe('EventListeners', () => {
	test('each hears the event, in the order added; an unsubscribed one no more', () => {
		const listeners = new EventListeners();
		const heard: string[] = [];
		listeners.add(got => heard.push(`first ${got.action}`));
		const off = listeners.add(got => heard.push(`second ${got.action}`));
		listeners.emit(event);
		off();
		listeners.emit({...event, action: 'die'});
		assert.deepEqual(heard, ['first start', 'second start', 'first die']);
	});

	test('one that throws does not stop the others, nor the caller', () => {
		const listeners = new EventListeners();
		const heard: string[] = [];
		listeners.add(() => {
			throw new Error('broken');
		});
		listeners.add(got => heard.push(got.id));
		assert.doesNotThrow(() => listeners.emit(event));
		assert.deepEqual(heard, ['abc']);
	});
});
