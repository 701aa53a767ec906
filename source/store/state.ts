import type {RegistryState} from './registry-slice.js';
import type {FilesState} from './files-slice.js';
import type {ContainerRow} from '../domain/container.js';
import type {Ring} from '../domain/ring.js';
import type {StatsSample} from '../domain/stats.js';
import type {EventsState, Handover, InspectState, TopState} from './detail-views.js';
import type {ResourcesState} from './resources-state.js';
import type {LogsState} from './logs-slice.js';
import type {Marks} from './marks-slice.js';
import type {BulkProgress} from './bulk-slice.js';
import type {CustomCommand} from '../domain/command-template.js';
import type {OutputState} from './output-slice.js';
import type {SwarmState} from './swarm-slice.js';

/** Where a host's container stats come from: its cgroup files, the engine API, or both (some containers could not be read). */
export type StatsSourceName = 'cgroup' | 'api' | 'mixed';

/** A project's compose files as read here: the files, and their services or why they could not be read. */
export type ProjectFiles = {files: readonly string[]} & ({services: readonly string[]; optional: readonly string[]} | {error: string});

/** How the app stands with the engine; shown in the status bar. */
export type Connection = {
	/**
	 * `retrying`: it was up and went away (reconnecting); `down`: it has not
	 * answered since start (refused, unreachable), still retried with backoff;
	 * `stalled`: the link is open but the engine does not answer a ping (frozen).
	 */
	status: 'connecting' | 'up' | 'retrying' | 'down' | 'stalled';
	/** Where we connect, e.g. "unix:///var/run/docker.sock". */
	target: string;
	/** Why we are retrying or down. */
	message?: string;
	/** Retry attempt number while retrying. */
	attempt?: number;
	/** The last ping's round trip, set only when it is slow enough to show (over 100 ms). */
	rttMs?: number;
	/** 'Podman' when the engine said so in /version; unset for Docker. */
	product?: 'Podman';
};

/** The stats of one container: the latest sample, rates against the one before, and a bounded history. */
export type StatsEntry = {
	latest: StatsSample;
	/** Bytes per second since the previous sample. */
	netRxRate: number;
	netTxRate: number;
	blockReadRate: number;
	blockWriteRate: number;
	/** Oldest first, capped; mutated in place, so compare `version` not identity. */
	history: Ring<StatsSample>;
	version: number;
};

/** The views the app can show. */
export type ViewName = 'containers' | 'help' | 'images' | 'volumes' | 'networks' | 'disk' | 'history' | 'top' | 'inspect' | 'events' | 'logs' | 'output' | 'services' | 'tasks' | 'nodes' | 'stacks' | 'registry' | 'files';

/** Sortable columns of the containers pane. */
export type SortColumn = 'name' | 'project' | 'image' | 'state' | 'uptime' | 'cpu' | 'memory' | 'net' | 'block' | 'pids' | 'restarts' | 'created';

/** A message for the status bar: an action's result or an engine error. */
export type Notice = {
	text: string;
	level: 'info' | 'error';
	at: number;
	/** The view it was raised in: it is shown only there, so it does not follow the user elsewhere. */
	view?: ViewName;
};

/** What the user is looking at and how. */
export type UiState = {
	view: ViewName;
	selectedId?: string;
	sort: {column: SortColumn; descending: boolean};
	filter: string;
	hideStopped: boolean;
	/** The detail area: shown, hidden, or (unset) shown only when the table keeps at least 12 rows. */
	showDetail?: boolean;
	/** The body area's height less one; set by the layout (the help and logs views page by it). */
	pageSize: number;
	/** The terminal is below the minimum size: the layout shows only a message, and only quit works (set by the layout). */
	tooSmall?: boolean;
	/** The line being typed, when a filter or command prompt is open. */
	prompt?: Prompt;
	/** A dangerous action waiting for the user's yes. */
	confirm?: PendingConfirm;
	/** First visible line of the help pane. */
	helpScroll: number;
	/** The view help was opened over, where leaving help returns (with its state: a logs search, its scroll). */
	helpFrom?: ViewName;
	/** Each view's own filter while another view is shown; setView swaps them. */
	viewFilters?: Partial<Record<ViewName, string>>;
	/** The view `filter` belongs to (help shows over it); unset means the first view. */
	filterView?: ViewName;
	/** `:host NAME`: only this host's rows (several hosts on screen). */
	hostFilter?: string;
	/** Each table's columns in order (config `containers.columns`, `images.columns`...); unset: all that fit. */
	columns?: Partial<Record<'containers' | 'images' | 'volumes' | 'networks', readonly string[]>>;
	/** The containers table grouped by compose project, with a header row per project. */
	grouped?: boolean;
	/** Projects folded to their header row in the grouped table. */
	folded?: readonly string[];
	/** `-p NAME`: only this compose project's containers. */
	project?: string;
	/** The split layout: the selected container's logs below the containers table (beside it on wide terminals). */
	split?: boolean;
};

/**
 * An open prompt: `/` filter, `:` command line, or a view's own line (`search`
 * in a pane, `exec` for a command to run in a container) whose owner passes
 * `change` (called as the text changes, and with '' on Esc) and `submit`
 * (called with the text on Enter), plus the `label` and `help` the footer shows.
 */
export type Prompt = {
	kind: 'filter' | 'command' | 'search' | 'exec' | 'input';
	text: string;
	label?: string;
	help?: string;
	change?: (text: string) => void;
	submit?: (text: string) => void;
};

/**
 * A confirmation dialog for a dangerous action. The question names the target;
 * `run` is called only on yes.
 */
export type PendingConfirm = {
	title: string;
	question: string;
	/** The engine object the action is about, so tests and the dialog can name it. */
	target: string;
	run: () => void;
	/** A second yes with another meaning (remove with its anonymous volumes), on the `confirm` scope's `yes-also` key. */
	alternative?: {label: string; run: () => void};
};

/** The whole app state. Slices are replaced, never mutated, except stats history rings. */
export type AppState = {
	/** The one engine's connection, or with several hosts a summary of them (store/hosts-slice.ts). */
	connection: Connection;
	/** Each host's connection by its short name, in the order given; set by each host's sync. */
	hosts?: Readonly<Record<string, Connection>>;
	containers: ReadonlyMap<string, ContainerRow>;
	/** False until the first list has arrived. */
	loaded: boolean;
	stats: ReadonlyMap<string, StatsEntry>;
	/**
	 * Ids of the container rows on screen, set by the containers pane (empty
	 * while it is not shown). Sync streams stats only for these; absent (no UI
	 * has said) means every live container.
	 */
	visibleContainers?: ReadonlySet<string>;
	/** Per host name ('' for an unnamed one), where its stats come from; absent means the engine API. */
	statsSources?: Readonly<Record<string, StatsSourceName>>;
	/**
	 * Lines of items each view shows at once, published by its pane
	 * (hooks/use-body-rows.ts); page up/down move by it. Outside `ui`, so
	 * publishing it redraws nothing.
	 */
	bodyRows?: Readonly<Partial<Record<ViewName, number>>>;
	ui: UiState;
	/** The registry view's browse or Docker Hub search (store/registry-slice.ts). */
	registry?: RegistryState;
	/** The file browser of a container (store/files-slice.ts). */
	files?: FilesState;
	notice?: Notice;
	readOnly: boolean;
	/**
	 * The engine host's memory in bytes, when known (set for a local socket;
	 * the engine's own figure could come later): a container's memory limit
	 * equal to it is no limit, and is not shown.
	 */
	hostMemory?: number;
	/** --no-confirm: stop, restart, pause and kill act without asking (remove and prune still ask). */
	noConfirm: boolean;
	/** Images, volumes, networks and disk usage (store/resources-state.ts). */
	resources: ResourcesState;
	/** The top, inspect and events views (issue 4); absent until first opened or first event. */
	top?: TopState;
	inspect?: InspectState;
	events?: EventsState;
	/** What the last one-shot command (`E`) printed (store/output-slice.ts). */
	output?: OutputState;
	/** An exec or attach holding the terminal. */
	handover?: Handover;
	/** The shell `e` tries before bash, ash and sh (--shell). */
	shell?: string;
	/** The shells `e` tries, in order (config `shell`), when --shell names none; unset: bash, ash, sh. */
	shells?: readonly string[];
	/** Clicks and the wheel are reported and acted on (config `mouse`, toggled by its key). */
	mouse?: boolean;
	/** Where the settings in force came from, for the help screen: a config file's path, or the defaults. */
	configSource?: string;
	/** The logs view (store/logs-slice.ts): its targets and the bounded ring of lines. */
	logs: LogsState;
	/** Services, tasks and nodes (store/swarm-slice.ts); unset until a swarm view was opened. */
	swarm?: SwarmState;
	/** Marked rows per table (store/marks-slice.ts); bulk actions act on them. */
	marks?: Marks;
	/** The latest bulk action's per-row progress (store/bulk-slice.ts). */
	bulk?: BulkProgress;
	/** The user's own commands (`!` runs one on the selected container). */
	customCommands?: readonly CustomCommand[];
	/** The compose binary found on PATH (['docker', 'compose'] or ['docker-compose']); null when there is none; absent until looked for. */
	composeCli?: readonly string[] | null;
	/**
	 * Each project's compose files as read here (sync/compose-files.ts, while
	 * the grouped view is on): the services they define (and those only a
	 * profile starts), or why they could not be read. For the drift marker.
	 */
	projectFiles?: Readonly<Record<string, ProjectFiles>>;
};
