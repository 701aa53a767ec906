import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {keyLabel} from '../../../source/keys/key-labels.js';
import {completeLine, lineCommands, matchLine, type LineCommand} from '../../../source/keys/line-commands.js';
import {helpLines} from '../../../source/keys/help-lines.js';

describe('matchLine', () => {
	const cases: Array<[string, string | undefined]> = [
		['containers', 'containers'], ['co', 'containers'], [':ps', 'containers'],
		['im', 'images'], ['ima', 'images'], ['images', 'images'], ['IMAGES', 'images'],
		['vo', 'volumes'], ['netw', 'networks'], ['df', 'df'], ['du', 'df'], ['ev', 'events'], ['eve', 'events'],
		['logs', 'logs'], ['lo', 'logs'], ['help', 'help'], ['?', 'help'],
		['q', 'quit'], ['quit', 'quit'], ['qu', 'quit'],
		['nosuchview', undefined], ['', undefined],
	];
	for (const [text, name] of cases) test(`:${text} -> ${name ?? 'nothing'}`, () => assert.equal(matchLine(text).match?.name, name));

	// The real table has no ambiguous prefix today; this one does, as a host list added later might.
	const table: LineCommand[] = [
		{name: 'help', aliases: ['h'], view: 'help', description: ''},
		{name: 'hosts', aliases: [], view: 'containers', description: ''},
		{name: 'history', aliases: [], view: 'history', description: ''},
	];
	test('an ambiguous prefix gives its candidates and no match', () => {
		const result = matchLine('hi', table);
		assert.equal(result.match?.name, 'history');
		const ambiguous = matchLine('ho', [...table, {name: 'hold', aliases: [], view: 'top', description: ''}]);
		assert.equal(ambiguous.match, undefined);
		assert.deepEqual(ambiguous.candidates.map(entry => entry.name), ['hosts', 'hold']);
		assert.equal(matchLine('h', table).match?.name, 'help', 'an exact alias wins over prefixes');
	});

	const completions: Array<[string, string, string[]]> = [
		['im', 'images', ['images']],
		['ne', 'networks', ['networks']],
		['n', 'n', ['networks', 'nodes']],
		['se', 'services', ['services']],
		['nod', 'nodes', ['nodes']],
		['ev', 'events', ['events']],
		['zz', 'zz', []],
	];
	for (const [text, completed, candidates] of completions) {
		test(`Tab on :${text} -> ${completed}`, () => assert.deepEqual(completeLine(text), {text: completed, candidates}));
	}
	test('Tab on an ambiguous prefix extends to the common part and lists', () => {
		const list: LineCommand[] = [{name: 'hosts', aliases: [], description: ''}, {name: 'hostname', aliases: [], description: ''}];
		assert.deepEqual(completeLine('h', list), {text: 'host', candidates: ['hosts', 'hostname']});
	});
});

describe('key labels (issue 10 #22: no "return", "escape" or a blank)', () => {
	const cases: Array<[string, string]> = [
		['return', 'Enter'], ['escape', 'Esc'], [' ', 'Space'], ['ctrl+d', 'Ctrl-D'], ['ctrl+c', 'Ctrl-C'], ['tab', 'Tab'],
		['pageup', 'PgUp'], ['pagedown', 'PgDn'], ['up', 'Up'], ['home', 'Home'], ['G', 'G'], ['?', '?'],
	];
	for (const [key, label] of cases) test(`${JSON.stringify(key)} reads "${label}"`, () => assert.equal(keyLabel(key), label));

	test('help spells no key as return, escape or a blank', () => {
		for (const line of helpLines(false, 'logs')) {
			if (line.title) continue;
			const keys = line.text.slice(2, 18);
			assert.doesNotMatch(keys, /\breturn\b|\bescape\b|ctrl\+/, line.text);
			assert.doesNotMatch(keys, /^ |, ,|, $/, `a blank key in: ${line.text}`);
		}
		assert.ok(helpLines(false).some(line => /^ {2}Space\s+Pause or resume the follow/.test(line.text)));
		assert.ok(helpLines(false).some(line => /^ {2}Enter\s+Show or hide the detail area/.test(line.text)));
	});
});

describe('help order (issue 10 #23)', () => {
	const titles = (from?: Parameters<typeof helpLines>[1]) => helpLines(false, from).filter(line => line.title).map(line => line.text);
	const cases: Array<[Parameters<typeof helpLines>[1], string]> = [['logs', 'Logs'], ['images', 'Images'], ['events', 'Events'], ['containers', 'Containers']];
	for (const [from, title] of cases) {
		test(`opened over ${from}: ${title} first, then the global keys`, () => {
			assert.deepEqual(titles(from).slice(0, 2), [title, 'Everywhere']);
			assert.equal(new Set(titles(from)).size, titles(from).length, 'each section once');
			assert.deepEqual([...titles(from)].sort(), [...titles()].sort(), 'every section is still there');
		});
	}
	test('the : names follow the global keys, one line each', () => {
		const text = helpLines(false).map(line => line.text).join('\n');
		for (const entry of lineCommands) assert.match(text, new RegExp(`^ {2}:${entry.name}\\b`, 'm'), entry.name);
	});
});
