/** The built-in themes. */
export const themeNames = ['dark', 'light', 'high-contrast'] as const;
export type ThemeName = (typeof themeNames)[number];

/** What a colour is for; a config's `colors` sets these over the theme. */
export const colourRoles = ['selection', 'header', 'running', 'exited', 'unhealthy', 'stderr', 'sparkline'] as const;
export type ColourRole = (typeof colourRoles)[number];

/** The colour names Ink (chalk) knows, all within the 16 ANSI colours. */
export const colourNames = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white', 'gray', 'grey',
	'blackBright', 'redBright', 'greenBright', 'yellowBright', 'blueBright', 'magentaBright', 'cyanBright', 'whiteBright'] as const;

/** A colour a config may give: a name above, or #rrggbb. */
export const colourPattern = new RegExp(`^(?:#[0-9a-fA-F]{6}|${colourNames.join('|')})$`);

/**
 * A colour per role. `selection` is the selected row's background and
 * `header` the table titles' colour; unset, the row is drawn inverse and the
 * titles bold in the terminal's own colour (today's look). The others are
 * foreground colours. Hex colours are mapped down by chalk to 256 or 16
 * colours when the terminal has no more (TERM=xterm, TERM=linux).
 */
export type Theme = Record<Exclude<ColourRole, 'selection' | 'header'>, string> & {selection?: string; header?: string};

/**
 * The built-in themes. dark is the look Porthole always had. light uses
 * darker shades that read on a white background. high-contrast uses the
 * bright ANSI colours and a solid selection bar. Each is given so that its
 * 16-colour fallback (what chalk picks as nearest) stays distinct by role.
 */
export const themes: Readonly<Record<ThemeName, Theme>> = {
	dark: {running: 'green', exited: 'gray', unhealthy: 'red', stderr: 'red', sparkline: 'green'},
	light: {selection: '#d0e4ff', header: '#0550ae', running: '#116329', exited: '#6e7781', unhealthy: '#a40e26', stderr: '#a40e26', sparkline: '#0550ae'},
	'high-contrast': {selection: 'blue', header: 'yellowBright', running: 'greenBright', exited: 'whiteBright', unhealthy: 'redBright', stderr: 'redBright', sparkline: 'cyanBright'},
};

/** A theme with the config's colours by role over it. */
export function resolveTheme(name: ThemeName, colours: Partial<Record<ColourRole, string>> = {}): Theme {
	const chosen = Object.fromEntries(Object.entries(colours).filter(([, value]) => value !== undefined));
	return {...themes[name], ...chosen};
}

/**
 * The colour a cell asks for, through the theme: a role name (`running`,
 * `sparkline`...) becomes the theme's colour for it; anything else (a plain
 * colour name) is passed on as it is.
 */
export function themeColour(theme: Theme, colour: string | undefined): string | undefined {
	if (colour === undefined) return undefined;
	return (colourRoles as readonly string[]).includes(colour) ? theme[colour as ColourRole] : colour;
}
