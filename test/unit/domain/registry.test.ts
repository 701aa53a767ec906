import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {manifestSize, parseRegistryHost, registryReference, validNames, validRepository, validTag} from '../../../source/domain/registry.js';
import {searchRows} from '../../../source/actions/registry-actions.js';

describe('registry names from an untrusted registry', () => {
	const repositories: Array<[unknown, boolean]> = [
		['busybox', true],
		['library/busybox', true],
		['team/my-app_x', true],
		['a__b/c.d', true],
		['Busybox', false],
		['../etc', false],
		['a//b', false],
		['/a', false],
		['a\u001b[31m', false],
		['a b', false],
		['x'.repeat(256), false],
		[42, false],
		[null, false],
	];
	for (const [name, valid] of repositories) it(`repository ${JSON.stringify(name)?.slice(0, 30)} is ${valid ? 'kept' : 'dropped'}`, () => assert.equal(validRepository(name), valid));
	const tags: Array<[unknown, boolean]> = [
		['1', true],
		['layered', true],
		['v2-rc.1', true],
		['_x', true],
		['-x', false],
		['.x', false],
		['x'.repeat(129), false],
		['a\nb', false],
		['a/b', false],
		[7, false],
	];
	for (const [tag, valid] of tags) it(`tag ${JSON.stringify(tag)?.slice(0, 30)} is ${valid ? 'kept' : 'dropped'}`, () => assert.equal(validTag(tag), valid));

	it('keeps valid names, dedupes, bounds and counts the invalid', () => {
		assert.deepEqual(validNames(['a', 'B', 'a', 'c', 'd'], validRepository, 2), {names: ['a', 'c'], invalid: 1, more: true});
		assert.deepEqual(validNames('not a list', validRepository, 5), {names: [], invalid: 0, more: false});
	});
});

describe('parseRegistryHost', () => {
	const cases: Array<[string, ReturnType<typeof parseRegistryHost>]> = [
		['127.0.0.1:5000', {host: '127.0.0.1:5000', scheme: 'http'}],
		['localhost:5000/', {host: 'localhost:5000', scheme: 'http'}],
		['[::1]:5000', {host: '[::1]:5000', scheme: 'http'}],
		['registry.example.com', {host: 'registry.example.com', scheme: 'https'}],
		['http://Registry.Example.com:8080', {host: 'registry.example.com:8080', scheme: 'http'}],
		['https://127.0.0.1:5000', {host: '127.0.0.1:5000', scheme: 'https'}],
		['', undefined],
		['a b', undefined],
		['host/path', undefined],
		['ftp://host', undefined],
		['-bad.example', undefined],
	];
	for (const [text, expected] of cases) it(`${JSON.stringify(text)}`, () => assert.deepEqual(parseRegistryHost(text), expected));
});

describe('manifestSize', () => {
	const cases: Array<[string, unknown, number | undefined]> = [
		['config plus layers', {config: {size: 100}, layers: [{size: 1000}, {size: 24}]}, 1124],
		['no config size', {layers: [{size: 5}]}, 5],
		['an index has no one size', {manifests: [{size: 500}]}, undefined],
		['a layer without a number', {config: {size: 1}, layers: [{size: '9'}]}, undefined],
		['a negative layer', {layers: [{size: -1}]}, undefined],
		['not an object', 'x', undefined],
		['null', null, undefined],
	];
	for (const [name, manifest, expected] of cases) it(name, () => assert.equal(manifestSize(manifest), expected));
});

describe('registryReference', () => {
	it('names the registry, the repository and the tag', () => assert.equal(registryReference('127.0.0.1:5000', {repository: 'busybox', tag: '1'}), '127.0.0.1:5000/busybox:1'));
	it('a Docker Hub result is its name alone', () => assert.equal(registryReference(undefined, {repository: 'library/alpine'}), 'library/alpine'));
});

describe('searchRows', () => {
	it('keeps valid names, flattens descriptions to one safe line, and counts the dropped', () => {
		const {rows, invalid} = searchRows([
			{name: 'alpine', description: 'A minimal\nimage \u001b[31mred\u001b[0m', stars: 11000.5, official: true},
			{name: 'Evil\u001b]0;x\u0007', description: 'x', stars: 1, official: false},
			{name: 'user/tool', description: 42, stars: -3, official: 'yes'},
		]);
		assert.equal(invalid, 1);
		assert.deepEqual(rows.map(row => row.repository), ['alpine', 'user/tool']);
		assert.doesNotMatch(rows[0]!.description!, /[\u0000-\u001f]/);
		assert.match(rows[0]!.description!, /^A minimal image .*red/);
		assert.equal(rows[0]!.stars, 11000);
		assert.equal(rows[0]!.official, true);
		assert.deepEqual([rows[1]!.description, rows[1]!.stars, rows[1]!.official], ['', undefined, false]);
	});
});
