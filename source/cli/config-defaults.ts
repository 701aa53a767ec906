import type {ConfigFile} from './config-schema.js';

/**
 * The settings an empty config file gives, written out so that a start
 * without a config file never loads the zod schema (config-schema.ts), whose
 * code takes longer to load than the rest of start-up's. A unit test holds
 * this equal to what the schema makes of an empty file.
 */
export function defaultConfig(): ConfigFile {
	return {
		hosts: [],
		theme: 'dark',
		colors: {},
		readOnly: false,
		confirm: true,
		shell: ['bash', 'ash', 'sh'],
		glyphs: 'auto',
		mouse: false,
		containers: {sort: 'name', hideStopped: false},
		images: {},
		volumes: {},
		networks: {},
		logs: {lines: 10_000, tail: 1000, timestamps: false, wrap: false},
		refresh: {resources: 30, top: 2},
		commands: [],
		keys: {},
	};
}
