import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {ProjectDrift} from '../../../source/domain/compose-file.js';
import {driftLines, projectCells, type ProjectTotals} from '../../../source/format/project-cells.js';
import type {Column} from '../../../source/format/table-cells.js';

const totals: ProjectTotals = {total: 3, running: 2, unhealthy: 0, starting: 0, healthy: 0};
const read = (missing: string[], extra: string[], services = ['web', 'db']): ProjectDrift => ({kind: 'read', files: ['/p/compose.yaml'], services, drift: {missing, extra}});

describe('a project header\'s name cell', () => {
	const cases: Array<{name: string; project: string; width: number; drift?: ProjectDrift; expected: string}> = [
		{name: 'not read yet: no mark', project: 'shop', width: 30, expected: '▾ shop (3)'},
		{name: 'in step: no mark', project: 'shop', width: 30, drift: read([], []), expected: '▾ shop (3)'},
		{name: 'a service with no container', project: 'shop', width: 30, drift: read(['db'], []), expected: '▾ shop (3) · drift'},
		{name: 'a container the files dropped', project: 'shop', width: 30, drift: read([], ['old']), expected: '▾ shop (3) · drift'},
		{name: 'files not readable: no mark (the detail says why)', project: 'shop', width: 30, drift: {kind: 'unreadable', files: [], error: 'x'}, expected: '▾ shop (3)'},
		{name: 'a long name gives way to the mark', project: 'a-very-long-project-name', width: 24, drift: read(['db'], []), expected: '▾ a-very-lo… (3) · drift'},
		{name: 'a hostile name is sanitised', project: 'x\u001b[2Jy', width: 30, drift: read(['db'], []), expected: '▾ xy (3) · drift'},
	];
	for (const {name, project, width, drift, expected} of cases) {
		it(name, () => {
			const columns: Column[] = [{key: 'name', title: 'NAME', width}];
			assert.equal(projectCells(columns, project, totals, false, drift)[0]?.text, expected);
		});
	}
});

describe('a project against its files, in words', () => {
	const cases: Array<[string, ProjectDrift, string[]]> = [
		['being read', {kind: 'unknown'}, ['reading its compose files…']],
		['cannot be read', {kind: 'unreadable', files: ['/p/c.yaml'], error: '/p/c.yaml: no such file here'}, ['compose files cannot be read here, so drift is not judged: /p/c.yaml: no such file here']],
		['matches', read([], []), ['matches its compose files: 2 services (web, db)']],
		['one service', read([], [], ['web']), ['matches its compose files: 1 service (web)']],
		['missing and extra', read(['db', 'cache'], ['old']), ['drift: in the files, no container: db, cache', 'drift: containers of services not in the files: old']],
		['a hostile service name', read([], ['a\u0007b']), ['drift: containers of services not in the files: ab']],
	];
	for (const [name, drift, expected] of cases) it(name, () => assert.deepEqual(driftLines(drift), expected));
});
