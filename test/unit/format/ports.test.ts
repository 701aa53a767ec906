import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {PortMapping} from '../../../source/domain/container.js';
import {formatPorts} from '../../../source/format/ports.js';

describe('formatPorts', () => {
	const cases: Array<[string, PortMapping[], string]> = [
		['no ports', [], ''],
		['exposed only', [{privatePort: 443, type: 'tcp'}], '443/tcp'],
		['published on IPv4 all', [{privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp'}], '0.0.0.0:8080->80/tcp'],
		[
			'IPv4 and IPv6 twins collapse',
			[
				{privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp'},
				{privatePort: 80, publicPort: 8080, ip: '::', type: 'tcp'},
			],
			'8080->80/tcp',
		],
		[
			'docker ps example, sorted by private port',
			[
				{privatePort: 443, type: 'tcp'},
				{privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp'},
			],
			'0.0.0.0:8080->80/tcp, 443/tcp',
		],
		['IPv6 only gets brackets', [{privatePort: 80, publicPort: 8080, ip: '::', type: 'tcp'}], '[::]:8080->80/tcp'],
		['loopback', [{privatePort: 5432, publicPort: 5432, ip: '127.0.0.1', type: 'tcp'}], '127.0.0.1:5432->5432/tcp'],
		['published without ip', [{privatePort: 53, publicPort: 5353, type: 'udp'}], '5353->53/udp'],
		[
			'tcp before udp on the same port',
			[
				{privatePort: 53, type: 'udp'},
				{privatePort: 53, type: 'tcp'},
			],
			'53/tcp, 53/udp',
		],
		[
			'exact duplicates removed',
			[
				{privatePort: 80, type: 'tcp'},
				{privatePort: 80, type: 'tcp'},
			],
			'80/tcp',
		],
		[
			'twins only collapse for the same public port',
			[
				{privatePort: 80, publicPort: 8081, ip: '::', type: 'tcp'},
				{privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp'},
			],
			'0.0.0.0:8080->80/tcp, [::]:8081->80/tcp',
		],
		[
			'twins collapse but a third address stays',
			[
				{privatePort: 80, publicPort: 8080, ip: '::', type: 'tcp'},
				{privatePort: 80, publicPort: 8080, ip: '127.0.0.1', type: 'tcp'},
				{privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp'},
			],
			'8080->80/tcp, 127.0.0.1:8080->80/tcp',
		],
		['engine strings are sanitised', [{privatePort: 1, publicPort: 2, ip: '1.2.3.4\u001b[2J', type: 'tcp\u0007'}], '1.2.3.4:2->1/tcp'],
	];
	for (const [name, input, expected] of cases) {
		test(name, () => {
			assert.equal(formatPorts(input), expected);
		});
	}

	test('does not reorder its input', () => {
		const input: PortMapping[] = [{privatePort: 9, type: 'tcp'}, {privatePort: 1, type: 'tcp'}];
		formatPorts(input);
		assert.deepEqual(input.map(port => port.privatePort), [9, 1]);
	});
});
