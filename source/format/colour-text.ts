import chalk, {foregroundColorNames, type ForegroundColorName} from 'chalk';

const ansi256 = /^ansi256\(\s?(\d+)\s?\)$/;
const rgb = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/;

/**
 * `text` in the foreground colour `colour`, exactly as Ink's <Text color>
 * draws it (its colorize, through the same chalk): a colour name, #rrggbb,
 * ansi256(n) or rgb(r, g, b); anything else leaves the text as it is. For a
 * row drawn as one string rather than a Text element per coloured part.
 */
export function colourText(text: string, colour: string | undefined): string {
	if (!colour) return text;
	if ((foregroundColorNames as readonly string[]).includes(colour)) return chalk[colour as ForegroundColorName](text);
	if (colour.startsWith('#')) return chalk.hex(colour)(text);
	const indexed = ansi256.exec(colour);
	if (indexed) return chalk.ansi256(Number(indexed[1]))(text);
	const channels = rgb.exec(colour);
	if (channels) return chalk.rgb(Number(channels[1]), Number(channels[2]), Number(channels[3]))(text);
	return text;
}
