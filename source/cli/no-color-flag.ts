/**
 * Imported first by the composition root, before Ink loads chalk: chalk's
 * supports-color reads `--no-color` from argv itself and then drops every
 * style, bold and inverse too, so the selected row would vanish. Porthole's
 * `--no-color` means what NO_COLOR means (no colour; bold, dim and inverse
 * stay), so the flag is turned into NO_COLOR here and taken out of argv
 * before chalk can see it.
 */
const index = process.argv.indexOf('--no-color', 2);
if (index !== -1) {
	process.env.NO_COLOR = '1';
	process.argv.splice(index, 1);
}
