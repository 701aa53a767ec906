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
