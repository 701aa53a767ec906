import assert from 'node:assert/strict';
import {PassThrough, Readable} from 'node:stream';
import {describe, it} from 'node:test';
import tarStream from 'tar-stream';
import {parsePathStat, readListing} from '../../../source/engine/folder-listing.js';

/** A tar of a folder "d/" with `files` files of `size` bytes each, as a plain Node stream (like the engine's answer). */
function folderTar(files: number, size: number): Readable {
	return packFolder(files, size).pipe(new PassThrough());
}

function packFolder(files: number, size: number): Readable {
	const pack = tarStream.pack();
	pack.entry({name: 'd/', type: 'directory', mode: 0o755});
	for (let index = 0; index < files; index++) pack.entry({name: `d/f${index}`, type: 'file', mode: 0o644}, Buffer.alloc(size, 1));
	pack.finalize();
	return pack;
}

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64');

describe('the path stat header, untrusted', () => {
	const cases: Array<[string, unknown, unknown]> = [
		['as the engine sends it', b64({name: 'etc', size: 4096, mode: 2147484141, mtime: '2026-12-02T10:31:57.925987255Z', linkTarget: ''}), {name: 'etc', size: 4096, mode: 2147484141, mtime: Date.parse('2026-12-02T10:31:57.925Z'), linkTarget: ''}],
		['a link', b64({name: 'sh', size: 7, mode: 134218239, mtime: 'bad', linkTarget: 'busybox'}), {name: 'sh', size: 7, mode: 134218239, mtime: undefined, linkTarget: 'busybox'}],
		['missing', undefined, undefined],
		['not base64 JSON', 'not json', undefined],
		['JSON that is not an object', b64('42'), undefined],
		['no name', b64({mode: 1}), undefined],
		['a negative mode', b64({name: 'x', mode: -1}), undefined],
		['a bad size is 0, a bad link target empty', b64({name: 'x', mode: 1, size: 'big', linkTarget: 5}), {name: 'x', size: 0, mode: 1, mtime: undefined, linkTarget: ''}],
		['a huge header', 'A'.repeat(70_000), undefined],
	];
	for (const [name, header, expected] of cases) it(name, () => assert.deepEqual(parsePathStat(header), expected));
});

describe('reading a folder tar', () => {
	it('reads to the end and keeps every child', async () => {
		const told: number[] = [];
		const listing = await readListing(folderTar(5, 100), new AbortController().signal, undefined, bytes => told.push(bytes));
		assert.deepEqual(listing.entries.map(entry => entry.name), ['f0', 'f1', 'f2', 'f3', 'f4']);
		assert.equal(told.at(-1), listing.read, 'the bytes read are told as they come');
		assert.equal(listing.truncated, undefined);
		assert.ok(listing.read >= 5 * 512);
	});

	it('stops at the byte bound and destroys the archive', async () => {
		const archive = folderTar(50, 64 * 1024);
		const listing = await readListing(archive, new AbortController().signal, {entries: 1000, children: 1000, bytes: 256 * 1024});
		assert.equal(listing.truncated, 'bytes');
		assert.ok(listing.entries.length < 50 && listing.entries.length > 0, String(listing.entries.length));
		assert.equal(archive.destroyed, true);
	});

	it('stops at the entry bound', async () => {
		const listing = await readListing(folderTar(20, 10), new AbortController().signal, {entries: 5, children: 1000, bytes: 1e9});
		assert.equal(listing.truncated, 'entries');
		assert.equal(listing.entries.length, 4);
	});

	it('an abort ends the read quietly and destroys a stream that never ends', async () => {
		const endless = new PassThrough();
		const controller = new AbortController();
		const reading = readListing(endless, controller.signal);
		endless.write(Buffer.alloc(512));
		setImmediate(() => controller.abort());
		const listing = await reading;
		assert.deepEqual(listing.entries, []);
		assert.equal(endless.destroyed, true);
	});

	it('a broken tar is an error, and the archive is destroyed', async () => {
		const archive = new PassThrough();
		const reading = readListing(archive, new AbortController().signal);
		archive.end(Buffer.alloc(512, 0x41));
		await assert.rejects(reading);
		assert.equal(archive.destroyed, true);
	});
});
