import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {formatCreatedBy, formatLayerOrigin, formatReclaimable, formatSize, nameList, pullFailureText} from '../../../source/format/resource-text.js';
import {layerLine, progressBar, pullHeadline} from '../../../source/format/pull-lines.js';
import {startPull} from '../../../source/domain/pull-progress.js';

describe('formatSize: as docker images prints sizes', () => {
	const cases: Array<[number, string]> = [
		[0, '0B'], [999, '999B'], [1000, '1kB'], [1_982_429, '1.98MB'], [4_983_556, '4.98MB'], [77_800_000, '77.8MB'], [1_240_000_000, '1.24GB'], [-1, '-'], [Number.NaN, '-'],
	];
	for (const [bytes, text] of cases) test(`${bytes} → ${text}`, () => assert.equal(formatSize(bytes), text));
});

describe('formatReclaimable: size and share, as docker system df prints it', () => {
	const cases: Array<[number, number, string]> = [
		[0, 0, '0B'], [0, 1_982_429, '0B (0%)'], [200_000, 2_182_429, '200kB (9%)'], [2_182_429, 2_182_429, '2.18MB (100%)'], [-1, 100, '-'],
	];
	for (const [reclaimable, total, text] of cases) test(`${reclaimable} of ${total} → ${text}`, () => assert.equal(formatReclaimable(reclaimable, total), text));
});

describe('nameList', () => {
	const cases: Array<[string[], number, string]> = [
		[[], 5, ''], [['web'], 5, 'web'], [['a', 'b', 'c'], 2, 'a, b and 1 more'], [['x\u001b]0;pwned\u0007y'], 5, 'xy'],
	];
	for (const [names, max, text] of cases) test(`${JSON.stringify(names)} max ${max}`, () => assert.equal(nameList(names, max).replace(/[^\x20-\x7e]/g, ''), text.replace(/[^\x20-\x7e]/g, '')));
	test('escape sequences are made inert', () => assert.doesNotMatch(nameList(['x\u001b]0;pwned\u0007y']), /\u001b|\u0007/));
});

describe('formatCreatedBy: layer history commands as docker history shows them', () => {
	const cases: Array<[string, string]> = [
		['/bin/sh -c #(nop)  CMD ["sh"]', 'CMD ["sh"]'],
		['/bin/sh -c #(nop) ADD file:3a8 in / ', 'ADD file:3a8 in /'],
		['/bin/sh -c apk add --no-cache\tcurl \n && rm -rf /var/cache', 'RUN apk add --no-cache curl && rm -rf /var/cache'],
		['sh -c head -c 200000 /dev/urandom > /blob', 'sh -c head -c 200000 /dev/urandom > /blob'],
		['', ''],
		['echo \u001b[2Jgone', 'echo gone'],
	];
	for (const [raw, text] of cases) test(JSON.stringify(raw), () => assert.equal(formatCreatedBy(raw).replace(/[^\x20-\x7e]/g, ''), text));
});

describe('formatLayerOrigin: a layer without a command says where it came from', () => {
	const cases: Array<[string, string, string]> = [
		['', 'Imported from -', 'imported from a tarball (docker import)'],
		['', 'Imported from https://example.test/rootfs.tar', 'imported from https://example.test/rootfs.tar (docker import)'],
		['/bin/sh -c #(nop)  CMD ["sh"]', 'Imported from -', 'CMD ["sh"]'],
		['', 'buildkit.dockerfile.v0', 'buildkit.dockerfile.v0'],
		['', '', '(no command: added layer)'],
	];
	for (const [createdBy, comment, text] of cases) test(`${createdBy || '-'} / ${comment || '-'}`, () => assert.equal(formatLayerOrigin(createdBy, comment), text));
});

describe('pullFailureText: one clear line per kind of failure (engine words from the real engine)', () => {
	const cases: Array<[string, string, RegExp]> = [
		['Bad Name', 'invalid reference format: repository name must be lowercase', /^"Bad Name" is not a valid image name/],
		['127.0.0.1:5999/nothere:x', '(HTTP code 500) server error - Get "http://127.0.0.1:5999/v2/": dial tcp 127.0.0.1:5999: connect: connection refused', /^cannot reach the registry for 127\.0\.0\.1:5999\/nothere:x: Get "http/],
		['127.0.0.1:5077/nothere:x', 'manifest for 127.0.0.1:5077/nothere:x not found: manifest unknown: manifest unknown', /^127\.0\.0\.1:5077\/nothere:x was not found in its registry/],
		['x:1', 'no space left on device', /^pull x:1 failed: no space left on device$/],
	];
	for (const [reference, words, expected] of cases) test(words, () => {
		const text = pullFailureText(reference, words);
		assert.match(text, expected);
		assert.doesNotMatch(text, /\n/);
	});
});

describe('progressBar', () => {
	const cases: Array<[number, number, string]> = [
		[0, 4, '░░░░'], [1, 4, '████'], [0.5, 4, '██░░'], [0.125, 2, '▎░'], [2, 3, '███'], [-1, 3, '░░░'], [Number.NaN, 2, '░░'], [0.5, 0, ''],
	];
	for (const [fraction, width, bar] of cases) test(`${fraction} in ${width}`, () => assert.equal(progressBar(fraction, width), bar));
	test('a layer line and a headline fit their width', () => {
		assert.equal([...layerLine({id: '26b593ce04cd', phase: 'downloading', current: 1_500_000, total: 3_001_127}, 80)].length, 80);
		assert.match(layerLine({id: '26b593ce04cd', phase: 'downloading', current: 1_500_000, total: 3_001_127}, 80), /^26b593ce04cd downloading +█+[▏▎▍▌▋▊▉]?░+ 1\.5MB\/3MB/);
		assert.match(pullHeadline(startPull('a:1'), 60), /^pulling a:1 ░+ 0% *$/);
	});
});
