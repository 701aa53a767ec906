import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {containerColumns, memoryLimitShown, memoryText} from '../../../source/format/container-cells.js';
import {fitColumns} from '../../../source/format/resource-columns.js';
import {containerSummary, plural} from '../../../source/format/plural.js';
import {shortIds} from '../../../source/format/short-ids.js';
import type {StatsSample} from '../../../source/domain/stats.js';
import type {ContainerRow} from '../../../source/domain/container.js';

const keys = (width: number) => containerColumns(width).map(column => column.key);
const total = (width: number) => containerColumns(width).reduce((sum, column) => sum + column.width + 1, -1);

describe('containers columns', () => {
	test('at 160 columns block IO, ports and memory are all shown, and the row fits', () => {
		const shown = keys(160);
		for (const key of ['name', 'image', 'state', 'cpu', 'memory', 'net', 'block', 'pids', 'ports', 'restarts']) assert.ok(shown.includes(key), key);
		assert.ok(total(160) <= 160);
		const ports = containerColumns(160).find(column => column.key === 'ports');
		assert.ok((ports?.width ?? 0) >= '0.0.0.0:8080->80/tcp'.length, 'a common port mapping is not cut');
	});

	const widths = [60, 80, 100, 120, 160, 200, 240];
	for (const width of widths) {
		test(`at ${width}: fits, and every titled column has room for its title and the sort arrow`, () => {
			assert.ok(total(width) <= width, `${total(width)} > ${width}`);
			for (const column of containerColumns(width)) if (column.title) assert.ok(column.width >= column.title.length + 1, `${column.title} is ${column.width} wide`);
		});
	}

	test('fitColumns widens a titled column too narrow for its arrow', () => {
		const [column] = fitColumns([{key: 'rst', title: 'RST', width: 3, priority: 0}], 10);
		assert.equal(column?.width, 4);
	});
});

describe('memory limit', () => {
	const gib = 1024 ** 3;
	const cases: Array<[string, number, number | undefined, boolean]> = [
		['a real limit', 256 * 1024 ** 2, 16 * gib, true],
		['the host memory is no limit', 16 * gib, 16 * gib, false],
		['within 1% of it is the host memory', 16 * gib - 1000, 16 * gib, false],
		['cgroup v1 unlimited', 2 ** 63 - 4096, undefined, false],
		['unknown host memory: shown', 16 * gib, undefined, true],
		['no limit reported', 0, undefined, false],
	];
	for (const [name, limit, host, shown] of cases) test(name, () => assert.equal(memoryLimitShown(limit, host), shown));

	test('the cell drops "/ host"', () => {
		const sample = {memoryUsage: 340 * 1024, memoryLimit: 16 * gib} as StatsSample;
		assert.equal(memoryText(sample, 16 * gib), '340KiB');
		assert.equal(memoryText(sample), '340KiB / 16GiB');
	});
});

describe('wording', () => {
	const cases: Array<[number, string]> = [[0, '0 containers'], [1, '1 container'], [2, '2 containers']];
	for (const [count, text] of cases) test(text, () => assert.equal(plural(count, 'container'), text));

	const row = (state: ContainerRow['state']) => ({state}) as ContainerRow;
	const summaries: Array<[ContainerRow['state'][], boolean, string]> = [
		[['running'], false, '1 container, 1 running'],
		[['running', 'exited', 'created'], false, '3 containers, 1 running'],
		[['running', 'exited', 'created'], true, '3 containers, 1 running, 2 stopped hidden'],
		[['running'], true, '1 container, 1 running, stopped hidden'],
	];
	for (const [states, hide, text] of summaries) test(`summary: ${text}`, () => assert.equal(containerSummary(states.map(row), hide), text));
});

describe('shortIds', () => {
	const id = 'a'.repeat(12) + 'b'.repeat(52);
	const cases: Array<[string, string]> = [
		[`Container ${id} is not running`, `Container ${'a'.repeat(12)} is not running`],
		['no id here', 'no id here'],
		[`${'c'.repeat(63)} stays`, `${'c'.repeat(63)} stays`],
	];
	for (const [text, expected] of cases) test(text.slice(0, 30), () => assert.equal(shortIds(text), expected));
});
