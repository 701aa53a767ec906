import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {containerCells, containerColumns} from '../../../source/format/container-cells.js';
import {fixtureRows} from '../../helpers/fixtures.js';

const keys = (width: number) => containerColumns(width).map(column => column.key).join(',');
const used = (width: number) => containerColumns(width).reduce((sum, column) => sum + column.width + 1, -1);

describe('containerColumns', () => {
	const cases: Array<[number, string]> = [
		// Issue 10: at 160 block IO shows (as in the README) and PROJECT gives way; it comes back at 178.
		[60, 'name,state,cpu'],
		[100, 'name,image,state,cpu,memory,net'],
		[160, 'name,image,state,cpu,spark,memory,net,block,pids,ports,restarts'],
		[200, 'name,project,image,state,cpu,spark,memory,net,block,pids,ports,restarts'],
	];
	for (const [width, expected] of cases) {
		test(`${width} columns show ${expected}`, () => {
			assert.equal(keys(width), expected);
		});
	}

	for (const width of [60, 80, 100, 120, 160, 200, 300]) {
		test(`${width} columns never overflow`, () => {
			assert.ok(used(width) <= width, `${used(width)} > ${width}`);
		});
	}

	test('spare room goes to name first, then image', () => {
		const wide = containerColumns(260);
		assert.equal(wide.find(column => column.key === 'name')?.width, 34);
		assert.equal(wide.find(column => column.key === 'image')?.width, 32);
	});
});

describe('containerCells', () => {
	test('a container without stats shows dashes, and engine text is sanitised', () => {
		const columns = containerColumns(200);
		for (const row of fixtureRows()) {
			const cells = containerCells(columns, row, undefined, Date.now());
			assert.equal(cells.length, columns.length);
			for (const cell of cells) assert.doesNotMatch(cell.text, /[\u0000-\u001f\u007f-\u009f]/);
			assert.equal(cells[columns.findIndex(column => column.key === 'cpu')]?.text, '-');
		}
	});
});
