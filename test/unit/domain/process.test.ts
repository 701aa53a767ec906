import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {processRows, psDuration, sortProcesses, type ProcessRow} from '../../../source/domain/process.js';

describe('processRows', () => {
	const cases: Array<{name: string; titles: string[]; processes: string[][]; expected: Partial<ProcessRow>[]}> = [
		{
			name: 'our ps columns',
			titles: ['PID', 'USER', '%CPU', '%MEM', 'RSS', 'ELAPSED', 'TIME', 'COMMAND'],
			processes: [['42', 'root', '1.5', '0.2', '1376', '01:02', '00:00:03', 'sleep 300']],
			expected: [{pid: '42', user: 'root', cpu: 1.5, memory: 0.2, rss: 1376 * 1024, elapsed: '01:02', time: '00:00:03', command: 'sleep 300'}],
		},
		{
			name: 'the engine default (ps -ef)',
			titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
			processes: [['root', '7', '1', '0', '17:26', '?', '00:00:00', 'sh -c x']],
			expected: [{pid: '7', user: 'root', cpu: undefined, memory: undefined, rss: undefined, time: '00:00:00', command: 'sh -c x'}],
		},
		{
			name: 'unknown titles: the command is the last cell',
			titles: ['FOO', 'BAR'],
			processes: [['a', 'b c']],
			expected: [{pid: '', user: '', command: 'b c'}],
		},
		{
			name: 'short rows and non-numbers',
			titles: ['PID', '%CPU', 'COMMAND'],
			processes: [['9', 'n/a']],
			expected: [{pid: '9', cpu: undefined, command: ''}],
		},
		{name: 'no processes', titles: ['PID'], processes: [], expected: []},
		{
			// Podman 4.3, /containers/ID/top without ps_args on busybox: its ps output, unsplit.
			name: 'Podman: one title string and one string per process, split at runs of spaces',
			titles: ['PID   USER     COMMAND'],
			processes: [['1 root     sh -c while true; do echo tick; sleep 1; done'], ['29 root     sleep 1']],
			expected: [
				{pid: '1', user: 'root', command: 'sh -c while true; do echo tick; sleep 1; done'},
				{pid: '29', user: 'root', command: 'sleep 1'},
			],
		},
		{
			// Podman 4.3 with ps_args=pid,user,pcpu,etime,time,args (its own descriptors).
			name: 'Podman descriptors: Go durations become ps times',
			titles: ['PID', 'USER', '%CPU', 'ELAPSED', 'TIME', 'COMMAND'],
			processes: [['1', 'root', '0.000', '27.846667859s', '0s', 'sh -c while true; do echo tick; sleep 1; done']],
			expected: [{pid: '1', user: 'root', cpu: 0, rss: undefined, elapsed: '00:27', time: '00:00', command: 'sh -c while true; do echo tick; sleep 1; done'}],
		},
		{
			name: 'a one-column answer is left alone',
			titles: ['COMMAND'],
			processes: [['sleep 1']],
			expected: [{pid: '', command: 'sleep 1'}],
		},
	];
	for (const {name, titles, processes, expected} of cases) {
		it(name, () => {
			const rows = processRows(titles, processes);
			assert.equal(rows.length, expected.length);
			expected.forEach((want, index) => {
				for (const [key, value] of Object.entries(want)) assert.deepEqual(rows[index]?.[key as keyof ProcessRow], value, `${name}: ${key}`);
			});
		});
	}
});

describe('sortProcesses', () => {
	const row = (pid: string, cpu?: number, rss?: number): ProcessRow => ({pid, user: 'root', cpu, rss, command: 'x'});
	const rows = [row('3', 5, 100), row('1', 50, 10), row('2', 5, 1000), row('4', undefined, undefined)];
	const cases: Array<{by: 'cpu' | 'memory' | 'pid'; expected: string[]}> = [
		{by: 'cpu', expected: ['1', '2', '3', '4']},
		{by: 'memory', expected: ['2', '3', '1', '4']},
		{by: 'pid', expected: ['1', '2', '3', '4']},
	];
	for (const {by, expected} of cases) {
		it(`by ${by}, ties on PID`, () => assert.deepEqual(sortProcesses(rows, by).map(r => r.pid), expected));
	}
});

describe('psDuration: Podman\'s Go durations as ps prints times', () => {
	const cases: Array<[string | undefined, string | undefined]> = [
		['27.846667859s', '00:27'],
		['0s', '00:00'],
		['2m3.5s', '02:03'],
		['1h2m3s', '01:02:03'],
		['49h0m0s', '2-01:00:00'],
		['5m', '05:00'],
		['01:02:03', '01:02:03'],
		['2-03:04:05', '2-03:04:05'],
		['', ''],
		[undefined, undefined],
		// Go prints a duration under a second in ms, µs or ns (Podman did, for a container 0.6 s old).
		['621.406985ms', '00:00'],
		['3ms', '00:00'],
		['1.5µs', '00:00'],
		['12us', '00:00'],
		['500ns', '00:00'],
		['1m0.5s', '01:00'],
		['3xs', '3xs'],
		['ms', 'ms'],
		['1h2h', '1h2h'],
	];
	for (const [input, expected] of cases) {
		it(`${JSON.stringify(input)} -> ${JSON.stringify(expected)}`, () => assert.equal(psDuration(input), expected));
	}
});
