import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {cleanPath, isIgnored, parseDockerignore, skipsFolder} from '../../../source/domain/dockerignore.js';

describe('cleanPath', () => {
	const cases: Array<[string, string]> = [['./a/b', 'a/b'], ['/a//b/', 'a/b'], ['a/../b', 'b'], ['../../x', 'x'], ['.', '']];
	for (const [path, expected] of cases) it(path, () => assert.equal(cleanPath(path), expected));
});

describe('isIgnored', () => {
	const cases: Array<[string, string, boolean]> = [
		['secret.txt', 'secret.txt', true],
		['secret.txt', 'sub/secret.txt', false],
		['/secret.txt', 'secret.txt', true],
		['*.log', 'a.log', true],
		['*.log', 'logs/a.log', false],
		['*/*.log', 'logs/a.log', true],
		['**/*.log', 'a/b/c.log', true],
		['**/*.log', 'c.log', true],
		['node_modules', 'node_modules/x/y.js', true],
		['node_modules', 'src/node_modules/x.js', false],
		['build/**', 'build/a/b', true],
		['te?t', 'test', true],
		['te?t', 'te/t', false],
		['[a-c].txt', 'b.txt', true],
		['[!a-c].txt', 'b.txt', false],
		['[!a-c].txt', 'd.txt', true],
		['*.md\n!README.md', 'README.md', false],
		['*.md\n!README.md', 'CHANGES.md', true],
		['!README.md\n*.md', 'README.md', true],
		['# comment\n\n  data  ', 'data/file', true],
		['a.b', 'axb', false],
		['docs\n!docs/keep.txt', 'docs/keep.txt', false],
		['docs\n!docs/keep.txt', 'docs/drop.txt', true],
	];
	for (const [rules, path, expected] of cases) it(`${JSON.stringify(rules)} ${path}`, () => assert.equal(isIgnored(parseDockerignore(rules), path), expected));
});

describe('skipsFolder', () => {
	it('skips an ignored folder only when no ! rule could bring something back', () => {
		assert.equal(skipsFolder(parseDockerignore('docs'), 'docs'), true);
		assert.equal(skipsFolder(parseDockerignore('docs\n!docs/keep.txt'), 'docs'), false);
		assert.equal(skipsFolder(parseDockerignore('other'), 'docs'), false);
	});
});
