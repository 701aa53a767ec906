import assert from 'node:assert/strict';
import chalk from 'chalk';
import {renderToString, Text} from 'ink';
import {after, before, describe, it} from 'node:test';
import {colourText} from '../../source/format/colour-text.js';

/*
 * A table row is drawn as one string (components/table.tsx), its coloured
 * parts coloured by colourText rather than each in a <Text color>: it must
 * draw exactly what Ink's Text would, at every colour level.
 */
describe('colourText draws what <Text color> draws', () => {
	const level = chalk.level;
	after(() => {
		chalk.level = level;
	});
	const colours: Array<string | undefined> = [undefined, '', 'green', 'redBright', 'gray', 'grey', '#ff8800', '#FF8800', 'ansi256(208)', 'rgb(10, 20, 30)', 'not-a-colour', 'ansi256(x)'];
	for (const chalkLevel of [0, 1, 2, 3] as const) {
		describe(`at colour level ${chalkLevel}`, () => {
			before(() => {
				chalk.level = chalkLevel;
			});
			for (const colour of colours) {
				it(`${JSON.stringify(colour)}`, () => {
					const text = 'web-1 12.5%';
					assert.equal(colourText(text, colour), renderToString(<Text color={colour}>{text}</Text>));
				});
			}
		});
	}

	it('a row of parts in one Text is the row of nested Texts', () => {
		chalk.level = 3;
		const parts = [{text: 'web-1 ', colour: undefined}, {text: 'running ', colour: 'green'}, {text: '12.5%', colour: '#ff8800'}];
		const nested = renderToString(<Text inverse>{parts.map((part, index) => (part.colour ? <Text key={index} color={part.colour}>{part.text}</Text> : part.text))}</Text>);
		assert.equal(renderToString(<Text inverse>{parts.map(part => colourText(part.text, part.colour)).join('')}</Text>), nested);
	});
});
