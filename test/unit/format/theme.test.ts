import assert from 'node:assert/strict';
import {Chalk} from 'chalk';
import {describe, test} from 'node:test';
import {colourRoles, resolveTheme, themeColour, themeNames, themes, type ColourRole} from '../../../source/format/theme.js';

describe('resolveTheme: the config colours by role over the theme', () => {
	const cases: Array<[string, Parameters<typeof resolveTheme>, Partial<Record<ColourRole, string | undefined>>]> = [
		['dark is today\'s look: inverse selection, bold titles', ['dark'], {selection: undefined, header: undefined, running: 'green', exited: 'gray', unhealthy: 'red', stderr: 'red', sparkline: 'green'}],
		['light', ['light'], {running: '#116329', header: '#0550ae', selection: '#d0e4ff'}],
		['high-contrast', ['high-contrast'], {running: 'greenBright', unhealthy: 'redBright', selection: 'blue'}],
		['a role by name', ['dark', {running: 'cyan'}], {running: 'cyan', exited: 'gray'}],
		['a role by hex, over light', ['light', {stderr: '#ff00ff', selection: 'magenta'}], {stderr: '#ff00ff', selection: 'magenta', running: '#116329'}],
		['an unset role keeps the theme\'s', ['light', {running: undefined}], {running: '#116329'}],
	];
	for (const [name, args, expected] of cases) {
		test(name, () => {
			const theme = resolveTheme(...args);
			for (const [role, colour] of Object.entries(expected)) assert.equal(theme[role as ColourRole], colour, role);
		});
	}
});

describe('themeColour: roles through the theme, colour names as they are', () => {
	const light = themes.light;
	const cases: Array<[string | undefined, string | undefined]> = [['running', '#116329'], ['sparkline', '#0550ae'], ['yellow', 'yellow'], ['gray', 'gray'], [undefined, undefined]];
	for (const [colour, expected] of cases) test(String(colour), () => assert.equal(themeColour(light, colour), expected));
});

describe('every theme maps down to 16 colours with its roles still apart', () => {
	const sgr16 = /^\u001b\[(3[0-7]|9[0-7])m/;
	const ansi16 = new Chalk({level: 1});
	const truecolor = new Chalk({level: 3});
	for (const name of themeNames) {
		test(name, () => {
			const theme = themes[name];
			const codes = new Map<string, string>();
			for (const role of colourRoles) {
				const colour = theme[role];
				if (colour === undefined) continue;
				const paint = (chalk: InstanceType<typeof Chalk>) => (colour.startsWith('#') ? chalk.hex(colour) : chalk[colour as 'red'])('x');
				const low = paint(ansi16);
				assert.match(low, sgr16, `${name}.${role} (${colour}) at 16 colours: ${JSON.stringify(low)}`);
				codes.set(role, low);
				if (colour.startsWith('#')) assert.match(paint(truecolor), /^\u001b\[38;2;/, `${name}.${role} in truecolor`);
			}
			// A failing container must not look like a running one, nor like one that exited cleanly, on any terminal.
			assert.notEqual(codes.get('running'), codes.get('unhealthy'));
			assert.notEqual(codes.get('exited'), codes.get('unhealthy'));
			assert.notEqual(codes.get('running'), codes.get('exited'));
		});
	}
});
