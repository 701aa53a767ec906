import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import {readServices} from '../../../source/domain/compose-services.js';
import {composeFileMaxBytes, readProjectFiles} from '../../../source/sync/compose-files.js';

const dir = mkdtempSync(join(tmpdir(), 'porthole-compose-files-'));
after(() => rmSync(dir, {recursive: true, force: true}));
const file = (name: string, text: string) => {
	writeFileSync(join(dir, name), text);
	return join(dir, name);
};
mkdirSync(join(dir, 'a-dir'));

describe('the services a project\'s files define', () => {
	const cases: Array<[string, string[], {services: string[]; optional: string[]}]> = [
		['one file', ['services: {web: {}, db: {}}'], {services: ['db', 'web'], optional: []}],
		['an override adds, never removes', ['services: {a: {}}', 'services: {b: {}}', ''], {services: ['a', 'b'], optional: []}],
		['a profile\'s service is optional', ['services: {web: {}, debug: {profiles: [debug]}}'], {services: ['debug', 'web'], optional: ['debug']}],
		['an override that does not repeat the profile keeps it', ['services: {debug: {profiles: [debug]}}', 'services: {debug: {image: x}}'], {services: ['debug'], optional: ['debug']}],
		['no services at all', ['version: "3"'], {services: [], optional: []}],
	];
	for (const [name, texts, expected] of cases) it(name, () => assert.deepEqual(readServices(texts), expected));
});

describe('reading a project\'s compose files', () => {
	const good = file('good.yaml', 'services:\n  web: {image: busybox}\n');
	const cases: Array<[string, string[], RegExp | {services: string[]}]> = [
		['a readable file', [good], {services: ['web']}],
		['no file named', [], /^its containers name no compose file \(com\.docker\.compose\.project\.config_files\)$/],
		['a file that is not here', [good, join(dir, 'gone.yaml')], /gone\.yaml: no such file here$/],
		['a directory', [join(dir, 'a-dir')], /a-dir: a directory$/],
		['not YAML', [file('bad.yaml', 'services: [unclosed\n')], /bad\.yaml: .+/],
		['include: is not followed', [file('inc.yaml', 'include: [other.yaml]\nservices: {web: {}}\n')], /inc\.yaml: it uses include:, whose files are not followed$/],
		['larger than the bound', [file('big.yaml', `services: {web: {}}\n#${'x'.repeat(composeFileMaxBytes)}\n`)], /big\.yaml: larger than 1 MiB$/],
	];
	for (const [name, files, expected] of cases) {
		it(name, async () => {
			const read = await readProjectFiles(files);
			assert.deepEqual(read.files, files);
			if (expected instanceof RegExp) assert.match('error' in read ? read.error : `no error: ${JSON.stringify(read)}`, expected);
			else assert.deepEqual('services' in read ? read.services : read, expected.services);
		});
	}
});
