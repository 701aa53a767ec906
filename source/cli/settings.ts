import type {HostSpec} from '../engine/targets.js';
import {wantsAscii} from '../format/ascii-glyphs.js';
import type {SortColumn, UiState, ViewName} from '../store/state.js';
import type {CliOptions} from './args.js';
import type {ConfigFile} from './config-schema.js';

/** What the app runs with: the config file's settings, with environment variables and flags over them. */
export type Settings = {
	/** Engines to watch; empty means the usual resolution (DOCKER_HOST, the docker context, the local socket). */
	specs: HostSpec[];
	readOnly: boolean;
	noConfirm: boolean;
	/** The shells `e` tries, in order. */
	shells: string[];
	logLines: number;
	tail: number;
	timestamps: boolean;
	wrap: boolean;
	sort: {column: SortColumn; descending?: boolean};
	hideStopped: boolean;
	/** Each view's filter at start (--filter for containers, else the config's). */
	filters: Partial<Record<TableView, string>>;
	/** Each table's columns, in order; absent: all that fit. */
	columns: Partial<Record<'containers' | 'images' | 'volumes' | 'networks', string[]>>;
	refresh: {resourcesMs: number; topMs: number};
	theme: ConfigFile['theme'];
	colors: ConfigFile['colors'];
	/** Report clicks and the wheel (config `mouse`). */
	mouse: boolean;
	/** Draw glyphs in ASCII (config `glyphs`, or a locale or terminal without them). */
	ascii: boolean;
	/** False with NO_COLOR (any value but empty) or --no-color. */
	colour: boolean;
};

/** The views with a table of their own, and so their own columns and filter. */
const tableViews = ['containers', 'images', 'volumes', 'networks'] as const;
type TableView = (typeof tableViews)[number];

/**
 * The filter state to start with: the view shown gets its own filter, the
 * others wait in viewFilters until shown (store/ui-slice.ts setView swaps them).
 */
export function initialFilters(view: ViewName, filters: Settings['filters']): Partial<UiState> {
	const owner: TableView = (tableViews as readonly string[]).includes(view) ? view as TableView : 'containers';
	const viewFilters = Object.fromEntries(Object.entries(filters).filter(([name]) => name !== owner));
	return {filter: filters[owner] ?? '', viewFilters, filterView: owner === 'containers' ? undefined : owner};
}

/** A `hosts:` entry: a URL is a DOCKER_HOST, a bare word a docker context name. */
export function hostSpec(entry: string): HostSpec {
	return entry.includes('://') ? {kind: 'host', value: entry} : {kind: 'context', value: entry};
}

/**
 * Merges the sources, strongest first: flags, then environment variables,
 * then the file, then the defaults. Hosts: --host/--context, else
 * DOCKER_HOST or DOCKER_CONTEXT, else the file's `hosts`. --read-only and
 * --no-confirm only add to the file (there are no flags to undo them).
 */
export function mergeSettings(options: CliOptions, config: ConfigFile, env: NodeJS.ProcessEnv): Settings {
	const flagSpecs: HostSpec[] = options.hosts ?? (options.host !== undefined ? [{kind: 'host', value: options.host}] : options.context !== undefined ? [{kind: 'context', value: options.context}] : []);
	const envChooses = Boolean(env.DOCKER_HOST || env.DOCKER_CONTEXT);
	const specs = flagSpecs.length > 0 || envChooses ? flagSpecs : config.hosts.map(hostSpec);
	return {
		specs,
		readOnly: options.readOnly || config.readOnly,
		noConfirm: options.noConfirm || !config.confirm,
		// --shell is the only shell tried (state.shell); the config's order is for when none is named.
		shells: [...new Set(config.shell)],
		logLines: options.logLines ?? config.logs.lines,
		tail: options.tail ?? config.logs.tail,
		timestamps: config.logs.timestamps,
		wrap: config.logs.wrap,
		sort: {column: config.containers.sort as SortColumn, descending: config.containers.descending},
		hideStopped: config.containers.hideStopped,
		filters: Object.fromEntries(tableViews.flatMap(view => {
			const filter = view === 'containers' && options.filters ? options.filters.join(' ') : config[view].filter;
			return filter ? [[view, filter]] : [];
		})),
		columns: Object.fromEntries((['containers', 'images', 'volumes', 'networks'] as const).flatMap(view => (config[view].columns ? [[view, config[view].columns]] : []))),
		refresh: {resourcesMs: config.refresh.resources * 1000, topMs: config.refresh.top * 1000},
		theme: config.theme,
		colors: config.colors,
		colour: !options.noColor && !env.NO_COLOR,
		ascii: wantsAscii(config.glyphs, env),
		mouse: config.mouse,
	};
}
