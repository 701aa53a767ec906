import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {parseConfig} from '../../../source/cli/config-parse.js';
import {saveColumns} from '../../../source/cli/config-save.js';

const dir = mkdtempSync(join(tmpdir(), 'porthole-save-'));
after(() => rmSync(dir, {recursive: true, force: true}));
let n = 0;

describe(':columns save writes the config, keeping the rest of it', () => {
	test('no file yet: it is created, folder and all, and is valid', async () => {
		const path = join(dir, 'new', 'porthole', 'config.yaml');
		const result = await saveColumns(path, 'containers', ['name', 'state']);
		assert.deepEqual(result, {text: `saved containers columns to ${path}`, level: 'info'});
		assert.deepEqual(parseConfig(readFileSync(path, 'utf8'), path).config.containers.columns, ['name', 'state']);
	});

	const cases: Array<[string, string, string, string[] | undefined, (text: string) => void]> = [
		['comments and other settings stay', '# my settings\ntheme: light # I like it\ncontainers:\n  hideStopped: true\n', 'containers', ['cpu', 'name'], text => {
			assert.match(text, /^# my settings$/m);
			assert.match(text, /^theme: light # I like it$/m);
			const {config} = parseConfig(text, 'x');
			assert.deepEqual([config.containers.columns, config.containers.hideStopped, config.theme], [['cpu', 'name'], true, 'light']);
		}],
		['a choice replaces the one before', 'images:\n  columns: [name]\n', 'images', ['size', 'name'], text => {
			assert.deepEqual(parseConfig(text, 'x').config.images.columns, ['size', 'name']);
		}],
		['all columns again removes the setting', 'volumes:\n  columns: [name]\n  filter: data\n', 'volumes', undefined, text => {
			const {config} = parseConfig(text, 'x');
			assert.deepEqual([config.volumes.columns, config.volumes.filter], [undefined, 'data']);
		}],
	];
	for (const [name, before, view, columns, check] of cases) {
		test(name, async () => {
			const path = join(dir, `case-${n++}.yaml`);
			writeFileSync(path, before);
			const result = await saveColumns(path, view, columns);
			assert.equal(result.level, 'info', result.text);
			check(readFileSync(path, 'utf8'));
		});
	}

	test('a file that does not parse is left alone, with the reason', async () => {
		const path = join(dir, 'broken.yaml');
		writeFileSync(path, 'theme: [\n');
		const result = await saveColumns(path, 'containers', ['name']);
		assert.deepEqual(result, {text: `${path} does not parse; fix it first (porthole config --check)`, level: 'error'});
		assert.equal(readFileSync(path, 'utf8'), 'theme: [\n');
	});

	test('a file that is invalid stays as it was, with the reason', async () => {
		const path = join(dir, 'invalid.yaml');
		writeFileSync(path, 'them: dark\n');
		const result = await saveColumns(path, 'containers', ['name']);
		assert.equal(result.level, 'error');
		assert.match(result.text, /unknown key "them"; did you mean "theme"\?/);
		assert.equal(readFileSync(path, 'utf8'), 'them: dark\n');
		assert.ok(!existsSync(`${path}.${process.pid}.tmp`));
	});
});
