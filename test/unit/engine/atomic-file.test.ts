import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {writeAtomically} from '../../../source/engine/atomic-file.js';

describe('writeAtomically', () => {
	const dir = mkdtempSync(join(tmpdir(), 'porthole-atomic-'));
	after(() => rmSync(dir, {recursive: true, force: true}));
	const temps = () => readdirSync(dir).filter(file => file.endsWith('.tmp'));

	type Case = {name: string; existing?: string; overwrite: boolean; fails: boolean; appears?: string; expect: string | undefined; error?: string};
	const cases: Case[] = [
		{name: 'a new path is written', overwrite: false, fails: false, expect: 'new'},
		{name: 'overwrite replaces an existing file', existing: 'old', overwrite: true, fails: false, expect: 'new'},
		{name: 'a failed write keeps the existing file', existing: 'old', overwrite: true, fails: true, expect: 'old', error: 'boom'},
		{name: 'a failed write leaves no file at a new path', overwrite: false, fails: true, expect: undefined, error: 'boom'},
		{name: 'without overwrite an existing file is refused', existing: 'old', overwrite: false, fails: false, expect: 'old', error: 'EEXIST'},
		{name: 'a file that appears during the write is not replaced', overwrite: false, fails: false, appears: 'theirs', expect: 'theirs', error: 'EEXIST'},
	];
	for (const [index, each] of cases.entries()) {
		test(each.name, async () => {
			const path = join(dir, `file-${index}.log`);
			if (each.existing !== undefined) writeFileSync(path, each.existing);
			const run = writeAtomically(path, {overwrite: each.overwrite}, async file => {
				await file.write('n');
				if (each.appears !== undefined) writeFileSync(path, each.appears);
				if (each.fails) throw new Error('boom');
				await file.write('ew');
			});
			if (each.error) await assert.rejects(run, (error: Error & {code?: string}) => error.code === each.error || error.message === each.error);
			else await run;
			assert.equal(existsSync(path) ? readFileSync(path, 'utf8') : undefined, each.expect);
			assert.deepEqual(temps(), [], 'no temporary file is left');
		});
	}
});

describe('writeAtomically under load', () => {
	const dir = mkdtempSync(join(tmpdir(), 'porthole-atomic-many-'));
	after(() => rmSync(dir, {recursive: true, force: true}));

	test('twenty saves at once add one exit listener, and none is left after', async () => {
		const before = process.listenerCount('exit');
		let release!: () => void;
		const gate = new Promise<void>(resolve => release = resolve);
		const saves = Array.from({length: 20}, (_, n) => writeAtomically(join(dir, `many-${n}.log`), {overwrite: false}, async file => {
			await gate;
			await file.write(`file ${n}`);
		}));
		await new Promise(resolve => setTimeout(resolve, 50));
		assert.equal(process.listenerCount('exit'), before + 1);
		release();
		await Promise.all(saves);
		assert.equal(process.listenerCount('exit'), before);
		assert.equal(readFileSync(join(dir, 'many-7.log'), 'utf8'), 'file 7');
		assert.deepEqual(readdirSync(dir).filter(file => file.endsWith('.tmp')), []);
	});
});
