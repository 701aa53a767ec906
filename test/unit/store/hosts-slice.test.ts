import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {ContainerRow} from '../../../source/domain/container.js';
import {replaceContainers} from '../../../source/store/containers-slice.js';
import {addHostConnection, hostColumnLimits, hostColumnWidth, hostNames, initHosts, manyHosts, removeHost, setHostConnection} from '../../../source/store/hosts-slice.js';
import {initialState} from '../../../source/store/initial-state.js';
import {selectRows} from '../../../source/store/selectors.js';
import type {AppState, Connection} from '../../../source/store/state.js';
import {setUi} from '../../../source/store/ui-slice.js';
import {fixtureRows} from '../../helpers/fixtures.js';

const two = () => initHosts(initialState({target: ''}), [{name: 'a', target: 'unix:///a.sock'}, {name: 'b', target: 'ssh://b'}]);
const row = (id: string, host: string, name = id): ContainerRow => ({...fixtureRows()[0]!, id, name, host});

describe('hosts slice', () => {
	const cases: Array<{what: string; change: (state: AppState) => AppState; summary: Connection['status']}> = [
		{what: 'all connecting', change: state => state, summary: 'connecting'},
		{what: 'one up is enough for the summary', change: state => setHostConnection(state, 'b', {status: 'up'}), summary: 'up'},
		{what: 'one down, one reconnecting: reconnecting', change: state => setHostConnection(setHostConnection(state, 'a', {status: 'down', message: 'refused'}), 'b', {status: 'retrying', message: 'gone'}), summary: 'retrying'},
		{what: 'both down', change: state => setHostConnection(setHostConnection(state, 'a', {status: 'down'}), 'b', {status: 'down'}), summary: 'down'},
		{what: 'frozen and down: stalled', change: state => setHostConnection(setHostConnection(state, 'a', {status: 'stalled'}), 'b', {status: 'down'}), summary: 'stalled'},
	];
	for (const {what, change, summary} of cases) {
		test(`summary: ${what}`, () => {
			const state = change(two());
			assert.equal(state.connection.status, summary);
			assert.equal(state.connection.target, 'a, b');
		});
	}

	test('one host: the summary is that host, target and all', () => {
		const state = setHostConnection(initHosts(initialState({target: ''}), [{name: 'local', target: 'unix:///x.sock'}]), 'local', {status: 'retrying', message: 'm', attempt: 2});
		assert.deepEqual(state.connection, {status: 'retrying', target: 'unix:///x.sock', message: 'm', attempt: 2});
		assert.equal(manyHosts(state), false);
	});

	test('repeats change nothing; a new round trip does', () => {
		const up = setHostConnection(two(), 'a', {status: 'up'});
		assert.equal(setHostConnection(up, 'a', {status: 'up'}), up);
		assert.notEqual(setHostConnection(up, 'a', {status: 'up', rttMs: 150}), up);
	});

	test('adding and removing a host; removing drops its rows', () => {
		let state = addHostConnection(two(), 'c', 'tcp://c:1');
		assert.deepEqual(hostNames(state), ['a', 'b', 'c']);
		assert.equal(addHostConnection(state, 'c', 'x'), state);
		state = replaceContainers(state, [row('1', 'a'), row('2', 'c')], undefined);
		state = removeHost(state, 'c');
		assert.deepEqual(hostNames(state), ['a', 'b']);
		assert.deepEqual([...state.containers.keys()], ['1']);
	});

	test("replaceContainers for one host keeps every other host's rows", () => {
		let state = replaceContainers(two(), [row('1', 'a'), row('2', 'a')], 'a');
		state = replaceContainers(state, [row('3', 'b')], 'b');
		state = replaceContainers(state, [row('2', 'a')], 'a');
		assert.deepEqual([...state.containers.keys()].sort(), ['2', '3']);
	});

	test(':host filter and / match the host', () => {
		let state = replaceContainers(two(), [row('1', 'a', 'web'), row('2', 'b', 'web'), row('3', 'b', 'db')], undefined);
		state = setUi(state, {hostFilter: 'b'});
		assert.deepEqual(selectRows(state).map(r => r.id), ['3', '2']);
		const named = replaceContainers(initialState({target: ''}), [row('1', 'zeta', 'web'), row('2', 'eta', 'web')], undefined);
		assert.deepEqual(selectRows(setUi(named, {filter: 'zeta'})).map(r => r.id), ['1'], 'the / filter text matches the host name');
	});

	const hostsNamed = (...names: string[]) => initHosts(initialState({target: ''}), names.map(name => ({name, target: `unix:///${name}.sock`})));
	const widths: Array<{names: string[]; width: number; why: string}> = [
		{names: ['porthole-engine'], width: 0, why: 'one host: no column'},
		{names: ['a', 'b'], width: hostColumnLimits.min, why: 'short names still fit the title'},
		{names: ['porthole-engine', 'porthole-engine2'], width: 16, why: 'the longest name fits, so the two stay told apart'},
		{names: ['x', 'a-very-long-host-name-for-a-datacentre'], width: hostColumnLimits.max, why: 'a very long name is capped'},
	];
	for (const {names, width, why} of widths) {
		test(`HOST column width: ${why}`, () => {
			assert.equal(hostColumnWidth(hostsNamed(...names)), width);
		});
	}
});
