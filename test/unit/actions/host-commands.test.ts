import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {complete, runHostLine} from '../../../source/actions/host-commands.js';
import {dispatchKey} from '../../../source/actions/dispatch.js';
import type {CommandContext, HostControl} from '../../../source/actions/command-context.js';
import {initHosts} from '../../../source/store/hosts-slice.js';
import {initialState} from '../../../source/store/initial-state.js';
import {createStore} from '../../../source/store/store.js';
import {forbiddenEngine} from '../../helpers/forbidden-engine.js';

describe('complete', () => {
	const names = ['local', 'lab', 'prod', 'prod-eu'];
	const cases: Array<[string, string | undefined]> = [
		['prod', 'prod'],
		['prod-', 'prod-eu'],
		['loc', 'local'],
		['l', undefined],
		['x', undefined],
	];
	for (const [text, expected] of cases) test(`${text} -> ${expected}`, () => assert.equal(complete(text, names), expected));
});

describe(':host and :ctx', () => {
	const setup = () => {
		const store = createStore(initHosts(initialState({target: ''}), [{name: 'local', target: 'unix:///a'}, {name: 'box', target: 'ssh://box'}]), {batchMs: 0});
		const used: Array<[string, boolean]> = [];
		const hosts: HostControl = {
			contexts: () => ['default', 'lab', 'prod'],
			useContext: async (name, add) => {
				used.push([name, add]);
				return {text: `used ${name}`, level: 'info'};
			},
		};
		const context: CommandContext = {engine: forbiddenEngine(), store, quit: () => undefined, hosts};
		return {store, used, context};
	};

	test(':host NAME filters to a host (prefix completes), :host alone clears', () => {
		const {store, context} = setup();
		assert.equal(runHostLine('host bo', context), true);
		assert.equal(store.getSnapshot().ui.hostFilter, 'box');
		runHostLine('host', context);
		assert.equal(store.getSnapshot().ui.hostFilter, undefined);
		runHostLine('host nope', context);
		assert.equal(store.getSnapshot().notice?.level, 'error');
		assert.match(store.getSnapshot().notice?.text ?? '', /no host "nope" \(hosts: local, box\)/);
	});

	test(':ctx lists, :ctx NAME switches, :ctx +NAME adds, an unknown one is an error', async () => {
		const {store, used, context} = setup();
		runHostLine('ctx', context);
		assert.match(store.getSnapshot().notice?.text ?? '', /contexts: default, lab, prod/);
		runHostLine('ctx pr', context);
		runHostLine('ctx +lab', context);
		await new Promise(resolve => setImmediate(resolve));
		assert.deepEqual(used, [['prod', false], ['lab', true]]);
		runHostLine('ctx zzz', context);
		assert.equal(store.getSnapshot().notice?.level, 'error');
		assert.equal(runHostLine('images', context), false, 'other lines are not ours');
	});
});

describe('the : line reaches :host and :ctx by prefix', () => {
	const cases: Array<[string, string | undefined]> = [
		['host box', 'box'],
		['ho box', 'box'],
		['hosts lo', 'local'],
	];
	for (const [line, expected] of cases) {
		test(`:${line} -> ${expected}`, () => {
			const store = createStore(initHosts(initialState({target: ''}), [{name: 'local', target: 'unix:///a'}, {name: 'box', target: 'ssh://box'}]), {batchMs: 0});
			const context: CommandContext = {engine: forbiddenEngine(), store, quit: () => undefined};
			dispatchKey(':', ':', context);
			for (const char of line) dispatchKey(char, char, context);
			dispatchKey('return', '\r', context);
			assert.equal(store.getSnapshot().ui.hostFilter, expected, store.getSnapshot().notice?.text);
		});
	}
});
