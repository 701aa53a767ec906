import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {parseBlkio, parseIoStat, parseKeyValues, parseNetDev, parseNumber, parseProcCgroup, parseProcStat, pickKeyValues} from '../../../source/domain/cgroup-parse.js';

const id = 'a'.repeat(64);

describe('parseProcCgroup', () => {
	const cases: Array<{name: string; text: string; expected: ReturnType<typeof parseProcCgroup>}> = [
		{
			name: 'cgroup v1, cgroupfs driver (every controller on its own line)',
			text: `9:name=systemd:/docker/${id}\n8:pids:/docker/${id}\n7:blkio:/docker/${id}\n4:memory:/docker/${id}\n2:cpuacct:/docker/${id}\n1:cpu:/docker/${id}\n0::/docker/${id}\n`,
			expected: {version: 1, cpuacct: `/docker/${id}`, memory: `/docker/${id}`, blkio: `/docker/${id}`, pids: `/docker/${id}`},
		},
		{
			name: 'cgroup v1, controllers mounted together (cpu,cpuacct)',
			text: `5:pids:/system.slice/docker-${id}.scope\n4:cpu,cpuacct:/system.slice/docker-${id}.scope\n3:blkio:/system.slice/docker-${id}.scope\n2:memory:/system.slice/docker-${id}.scope\n`,
			expected: {version: 1, cpuacct: `/system.slice/docker-${id}.scope`, memory: `/system.slice/docker-${id}.scope`, blkio: `/system.slice/docker-${id}.scope`, pids: `/system.slice/docker-${id}.scope`},
		},
		{name: 'cgroup v2, systemd driver', text: `0::/system.slice/docker-${id}.scope\n`, expected: {version: 2, path: `/system.slice/docker-${id}.scope`}},
		{name: 'cgroup v2, Podman', text: `0::/machine.slice/libpod-${id}.scope/container\n`, expected: {version: 2, path: `/machine.slice/libpod-${id}.scope/container`}},
		{name: 'a pid that is another process (another machine or namespace)', text: '0::/user.slice/user-1000.slice/session-2.scope\n', expected: undefined},
		{name: 'inside a cgroup namespace: paths are /', text: '0::/\n', expected: undefined},
		{name: 'v1 with the memory controller elsewhere falls to v2', text: `4:memory:/\n2:cpuacct:/docker/${id}\n8:pids:/docker/${id}\n7:blkio:/docker/${id}\n0::/docker/${id}\n`, expected: {version: 2, path: `/docker/${id}`}},
		{name: 'empty', text: '', expected: undefined},
	];
	for (const {name, text, expected} of cases) it(name, () => assert.deepEqual(parseProcCgroup(text, id), expected));
});

describe('parseKeyValues and parseNumber', () => {
	it('reads key value lines, leaving out the rest', () => {
		assert.deepEqual(parseKeyValues('usage_usec 1200\nuser_usec 1000\n\nbad line here\nnan x\ninactive_file 0\n'), {usage_usec: 1200, user_usec: 1000, inactive_file: 0});
	});
	const numbers: Array<[string, number | undefined]> = [['335872\n', 335872], ['max\n', undefined], ['', undefined], ['-1', undefined], ['12 13', undefined]];
	for (const [text, expected] of numbers) it(`parseNumber(${JSON.stringify(text)})`, () => assert.equal(parseNumber(text), expected));
});

describe('pickKeyValues: parseKeyValues for a few keys', () => {
	const v2Memory = 'anon 2453504\nfile 8192\nkernel 278528\nactive_anon 2445312\ninactive_anon 0\nactive_file 4096\ninactive_file 4096\nunevictable 0\n';
	const v1Memory = 'cache 8192\nrss 2453504\ninactive_file 4096\ntotal_cache 8192\ntotal_inactive_file 12288\n';
	const cases: Array<[string, string, string[]]> = [
		['v2 memory.stat', v2Memory, ['inactive_file', 'total_inactive_file']],
		['v1 memory.stat: total_inactive_file and inactive_file are two keys', v1Memory, ['inactive_file', 'total_inactive_file']],
		['the first line', v2Memory, ['anon']],
		['the last line, without a newline', 'a 1\nb 2', ['b']],
		['cpu.stat', 'usage_usec 5120\nuser_usec 4000\nsystem_usec 1120\nnr_periods 0\n', ['usage_usec']],
		['a key only as the end of another (no inactive_file in total_inactive_file)', 'total_inactive_file 7\n', ['inactive_file', 'total_inactive_file']],
		['a key twice: the last, as parseKeyValues', 'x 1\nx 2\n', ['x']],
		['a value that is not a number, or three fields', 'x nan\ny 1 2\n', ['x', 'y']],
		['an empty file', '', ['inactive_file']],
	];
	for (const [name, text, keys] of cases) {
		it(name, () => {
			const all = parseKeyValues(text);
			assert.deepEqual(pickKeyValues(text, keys), Object.fromEntries(keys.filter(key => key in all).map(key => [key, all[key]])));
		});
	}
});

describe('block IO', () => {
	const cases: Array<{name: string; parse: (text: string) => unknown; text: string; expected: unknown}> = [
		{
			name: 'v2 io.stat: rbytes and wbytes per device, as read and write',
			parse: parseIoStat,
			text: '8:0 rbytes=4096 wbytes=8192 rios=1 wios=2 dbytes=0 dios=0\n259:1 rbytes=1 wbytes=0 rios=1 wios=0\n',
			expected: [{major: 8, minor: 0, op: 'read', value: 4096}, {major: 8, minor: 0, op: 'write', value: 8192}, {major: 259, minor: 1, op: 'read', value: 1}, {major: 259, minor: 1, op: 'write', value: 0}],
		},
		{name: 'v2 io.stat empty', parse: parseIoStat, text: '', expected: []},
		{
			name: 'v1 blkio: per-device ops kept, the Total line left out',
			parse: parseBlkio,
			text: '8:0 Read 4096\n8:0 Write 512\n8:0 Sync 4608\n8:0 Total 4608\nTotal 4608\n',
			expected: [{major: 8, minor: 0, op: 'Read', value: 4096}, {major: 8, minor: 0, op: 'Write', value: 512}, {major: 8, minor: 0, op: 'Sync', value: 4608}, {major: 8, minor: 0, op: 'Total', value: 4608}],
		},
		{name: 'v1 blkio with no device', parse: parseBlkio, text: 'Total 0\n', expected: []},
	];
	for (const {name, parse, text, expected} of cases) it(name, () => assert.deepEqual(parse(text), expected));
});

describe('parseProcStat', () => {
	const cases: Array<{name: string; text: string; expected: ReturnType<typeof parseProcStat>}> = [
		{
			name: 'the first seven fields of the cpu line in ns (steal left out, as dockerd does), and the cpuN lines counted',
			text: 'cpu  100 1 50 1000 5 0 2 3 7 7\ncpu0 50 0 25 500 2 0 1 1 0 0\ncpu1 50 1 25 500 3 0 1 2 0 0\nintr 1\n',
			expected: {systemUsage: 1158 * 10_000_000, onlineCpus: 2},
		},
		{name: 'no cpu line', text: 'intr 1\n', expected: undefined},
		{name: 'garbage in the cpu line', text: 'cpu  a b c d e f g h\n', expected: undefined},
	];
	for (const {name, text, expected} of cases) it(name, () => assert.deepEqual(parseProcStat(text), expected));
});

describe('parseNetDev', () => {
	const header = 'Inter-|   Receive                                                |  Transmit\n face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n';
	const cases: Array<{name: string; text: string; expected: ReturnType<typeof parseNetDev>}> = [
		{
			name: 'interfaces but the loopback',
			text: `${header}    lo:     100       1    0    0    0     0          0         0      100       1    0    0    0     0       0          0\n  eth0: 1296 16 1 2 0 0 0 0 656 8 3 4 0 0 0 0\n`,
			expected: {eth0: {rx_bytes: 1296, rx_packets: 16, rx_errors: 1, rx_dropped: 2, tx_bytes: 656, tx_packets: 8, tx_errors: 3, tx_dropped: 4}},
		},
		{name: 'only the loopback (--network none)', text: `${header}    lo: 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n`, expected: {}},
		{name: 'a short line is left out', text: `${header}  eth0: 1 2 3\n`, expected: {}},
	];
	for (const {name, text, expected} of cases) it(name, () => assert.deepEqual(parseNetDev(text), expected));
});
