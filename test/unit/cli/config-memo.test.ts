import assert from 'node:assert/strict';
import {chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import {memoFile, readConfigMemo, writeConfigMemo, type CheckedConfig, type MemoPlace} from '../../../source/cli/config-memo.js';
import {parseConfig} from '../../../source/cli/config-parse.js';

const root = mkdtempSync(join(tmpdir(), 'porthole-config-memo-'));
after(() => rmSync(root, {recursive: true, force: true}));
let count = 0;
const freshPlace = (bundle = 'app-b1'): MemoPlace => ({dir: join(root, `case-${count++}`, 'porthole'), bundle});

const text = 'theme: light\ncontainers:\n  columns: [name, state]\n';
const checked = parseConfig(text, 'config.yaml');

describe('the checked config kept between starts', () => {
	it('gives back what parseConfig gave, for the same text and bundle, from a private file', () => {
		const place = freshPlace();
		assert.equal(writeConfigMemo(place, text, checked), true);
		assert.deepEqual(readConfigMemo(place, text), checked);
		assert.equal(statSync(place.dir).mode & 0o777, 0o700);
		assert.equal(statSync(memoFile(place, text)).mode & 0o777, 0o600);
	});

	// Each case keeps the check of `text`, then changes something and asks again.
	const misses: Array<[string, (place: MemoPlace) => {place: MemoPlace | undefined; text: string}]> = [
		['the text changed by a byte', place => ({place, text: `${text} `})],
		['another bundle (another version of Porthole)', place => ({place: {...place, bundle: 'app-b2'}, text})],
		['no cache folder (not started by the launcher, or caches off)', () => ({place: undefined, text})],
		['a file anyone could have written', place => {
			chmodSync(memoFile(place, text), 0o666);
			return {place, text};
		}],
		['a file that is not JSON', place => {
			writeFileSync(memoFile(place, text), '{"config": ', {mode: 0o600});
			return {place, text};
		}],
		['JSON of another shape', place => {
			writeFileSync(memoFile(place, text), JSON.stringify({bundle: place.bundle, text, config: {}}), {mode: 0o600});
			return {place, text};
		}],
		['the check of another text under the same name (the name is a quick hash, not a proof)', place => {
			writeFileSync(memoFile(place, text), JSON.stringify({bundle: place.bundle, text: 'theme: dark\n', ...checked}), {mode: 0o600});
			return {place, text};
		}],
		['the check of another bundle under the same name', place => {
			writeFileSync(memoFile(place, text), JSON.stringify({bundle: 'app-b2', text, ...checked}), {mode: 0o600});
			return {place, text};
		}],
	];
	for (const [what, change] of misses) {
		it(`has nothing for ${what}`, () => {
			const place = freshPlace();
			assert.equal(writeConfigMemo(place, text, checked), true);
			const asked = change(place);
			assert.equal(readConfigMemo(asked.place, asked.text), undefined);
		});
	}

	it('does not follow a symbolic link to a file of the right content', () => {
		const place = freshPlace();
		mkdirSync(place.dir, {recursive: true, mode: 0o700});
		const elsewhere = join(root, 'elsewhere.json');
		writeFileSync(elsewhere, JSON.stringify(checked), {mode: 0o600});
		symlinkSync(elsewhere, memoFile(place, text));
		assert.equal(readConfigMemo(place, text), undefined);
	});

	it('keeps nothing JSON would not give back exactly', () => {
		const place = freshPlace();
		const inexact = {config: {...checked.config, theme: undefined}, keymap: checked.keymap} as unknown as CheckedConfig;
		assert.equal(writeConfigMemo(place, text, inexact), false);
		assert.equal(readConfigMemo(place, text), undefined);
	});

	it('names files by a quick hash of the bundle and the text: 16 hex digits, another for a byte changed', () => {
		const place = freshPlace();
		const names = [text, `${text} `, text.replace('light', 'light'.toUpperCase())].map(each => memoFile(place, each));
		for (const name of names) assert.match(name, /\/config-[\da-f]{16}\.json$/);
		assert.equal(new Set(names).size, 3);
		assert.notEqual(memoFile(place, text), memoFile({...place, bundle: 'app-b2'}, text));
	});

	it('keeps the four config files checked last', () => {
		const place = freshPlace();
		for (let index = 0; index < 6; index++) {
			const each = `${text}# ${index}\n`;
			writeConfigMemo(place, each, checked);
			utimesSync(memoFile(place, each), 1_000_000 + index, 1_000_000 + index);
		}
		writeFileSync(join(place.dir, 'notes.txt'), 'mine');
		writeConfigMemo(place, text, checked);
		assert.equal(readdirSync(place.dir).filter(name => name.startsWith('config-')).length, 4);
		assert.deepEqual(readConfigMemo(place, `${text}# 5\n`), checked);
		assert.equal(readConfigMemo(place, `${text}# 0\n`), undefined);
		assert.ok(readdirSync(place.dir).includes('notes.txt'));
	});
});
