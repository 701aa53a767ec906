import {createContext, useContext} from 'react';
import {themes, type Theme} from '../format/theme.js';

/** The theme in force: the composition root provides the one the config chose; without a provider, dark (today's look). */
export const ThemeContext = createContext<Theme>(themes.dark);

/** The theme in force, for components that draw by role. */
export function useTheme(): Theme {
	return useContext(ThemeContext);
}
