#!/usr/bin/env node
// The composition root: parses flags, builds engine, store and sync, and renders the app.
// It is the only place that constructs things.
import './source/cli/no-color-flag.js';
import {mark, markFirstWrite, noteStartup, noteV8Flags, writeStartupTrace} from './source/cli/startup-trace.js';
import {quietDependencyWarnings} from './source/cli/quiet-warnings.js';
import {render} from 'ink';
import {homedir, totalmem} from 'node:os';
import {dispatchKey} from './source/actions/dispatch.js';
import {parseArgs, usage, UsageError} from './source/cli/args.js';
import {snapshotJson, snapshotTable, takeSnapshot, type SnapshotRow} from './source/cli/snapshot.js';
import {swarmJson, takeSwarmSnapshot} from './source/cli/swarm-snapshot.js';
import {classifyError, ConnectionConfigError, EngineError, EXIT_FAILURE, EXIT_USAGE, oneLine} from './source/engine/connection-errors.js';
import {OutputError, writeOutput} from './source/cli/write-output.js';
import {resolveTargets, withSshSettings, type SshSettings} from './source/engine/targets.js';
import {accessSync, constants as fsConstants} from 'node:fs';
import {configCommand} from './source/cli/config-command.js';
import {ConfigError, configPath, readConfig} from './source/cli/config-load.js';
import type {SaveColumns} from './source/actions/columns-commands.js';
import {initialFilters, mergeSettings} from './source/cli/settings.js';
import {createMouseHandler} from './source/actions/mouse-actions.js';
import {mouseReporting} from './source/domain/mouse.js';
import {installKeymap} from './source/keys/keymap.js';
import {defaultDescending} from './source/store/ui-slice.js';
import {resolveTheme, themes} from './source/format/theme.js';
import {ThemeContext} from './source/components/theme-context.js';
import {containerFilter} from './source/domain/container-filter.js';
import {dockerConfigDir, listDockerContexts} from './source/engine/docker-context.js';
import {dropEarlyList} from './source/engine/early-list.js';
import {buildOwners} from './source/cli/owners.js';
import {checkDistinctEngines, checkOneHost, EXIT_PARTIAL, SameEngineError, snapshotHosts, type StartHost} from './source/cli/hosts-start.js';
import {ServicesContext, type TerminalOwner} from './source/hooks/store-context.js';
import {App} from './source/panes/app.js';
import {initialState} from './source/store/initial-state.js';
import {createStore, whenReady} from './source/store/store.js';
import {initialLogs, openLogs} from './source/store/logs-slice.js';
import type {ContainerRow} from './source/domain/container.js';
import {setVisibleContainers} from './source/store/visibility-slice.js';
import {filterTerminal, terminalCaps} from './source/cli/terminal-caps.js';
import {tuneV8, underStartFlags} from './source/cli/v8-flags.js';
import {describeLoadedCache, launcherCodeCache, launcherCodeCaches, saveCodeCache, type CodeCacheKind} from './source/cli/code-cache.js';

declare const PORTHOLE_VERSION: string | undefined;

/** Writes the launcher's code cache of what has run, when this run should (cli/code-cache.ts). */
function keepCodeCache(kind: CodeCacheKind): void {
	const later = launcherCodeCaches()[1];
	if (later) noteStartup('later code cache', describeLoadedCache(later));
	for (const {part, wrote} of saveCodeCache(kind, underStartFlags)) noteStartup(part === 'app' ? 'code cache written' : `${part} code cache written`, wrote);
}

function fail(message: string, code: number): never {
	process.stderr.write(`porthole: ${oneLine(message, 400)}\n`);
	process.exit(code);
}

async function main(): Promise<void> {
	mark('bundle loaded');
	noteV8Flags(tuneV8());
	noteStartup('code cache', describeLoadedCache(launcherCodeCache()));
	quietDependencyWarnings();
	const argv = process.argv.slice(2);
	if (argv[0] === 'config') {
		await writeOutput(await configCommand(argv.slice(1), undefined, process.env, homedir()));
		return;
	}
	const options = parseArgs(argv);
	if (options.help) {
		process.stdout.write(usage + '\n');
		return;
	}
	if (options.version) {
		process.stdout.write(`${typeof PORTHOLE_VERSION === 'string' ? PORTHOLE_VERSION : 'dev'}\n`);
		return;
	}
	// A config error stops here, before any engine or terminal is touched.
	const loaded = await readConfig(options.config, process.env, homedir());
	const settings = mergeSettings(options, loaded.config, process.env);
	// The one keymap in force, built from the defaults and the file (checked at load).
	installKeymap(loaded.keymap);
	// NO_COLOR, --no-color (cli/no-color-flag.ts), TERM=dumb, the locale and the config's glyphs (cli/terminal-caps.ts).
	const caps = terminalCaps(process.env, {noColor: !settings.colour, ascii: settings.ascii});
	// Without colour the selection is drawn inverse, as in the dark theme, never as a background that would vanish.
	const theme = caps.colour ? resolveTheme(settings.theme, settings.colors) : themes.dark;
	const ssh = sshSettings(options.sshConfig, options.remoteSocket);
	const targets = withSshSettings(resolveTargets({specs: settings.specs, env: process.env, homeDir: homedir()}), ssh);
	const several = targets.length > 1;
	const logs = {...initialLogs({capacity: settings.logLines, tail: settings.tail, colour: caps.colour}), timestamps: settings.timestamps, wrap: settings.wrap};
	const description = several ? targets.map(({name}) => name).join(', ') : '';
	// A local socket's engine shares this machine's memory, so a container's
	// limit equal to it is no limit (an engine in a VM shows its limit as before).
	const hostMemory = !several && targets[0]!.target.kind === 'unix' ? totalmem() : undefined;
	const sort = {column: settings.sort.column, descending: settings.sort.descending ?? defaultDescending(settings.sort.column)};
	const ui = {view: options.view, sort, hideStopped: settings.hideStopped, columns: settings.columns, ...initialFilters(options.view, settings.filters), ...(options.project === undefined ? {} : {project: options.project})};
	const first = initialState({target: description, readOnly: settings.readOnly, noConfirm: settings.noConfirm, ui, logs});
	const customCommands = loaded.config.commands;
	const store = createStore(setVisibleContainers({...first, shell: options.shell, shells: settings.shells, hostMemory, configSource: loaded.source.text, mouse: settings.mouse, customCommands}, []));
	// Nothing is on screen yet (visible set empty): the table says which rows
	// are once it draws, so the first list does not open a stats stream for
	// every live container.
	const contextEnv = {env: process.env, homeDir: homedir()};
	const owners = buildOwners(targets, store, {
		refresh: settings.refresh,
		statsSource: process.env.PORTHOLE_STATS_SOURCE,
		contexts: {
			list: () => listDockerContexts(dockerConfigDir(process.env, homedir())),
			resolve: name => withSshSettings(resolveTargets({...contextEnv, specs: [{kind: 'context', value: name}]}), ssh)[0]!.target,
		},
	});
	// One host keeps the behaviour of old: unreachable means exit 3 at once. With
	// several, a host that is down shows as down and the others carry on. The
	// check goes through the host's own engine, so an ssh host logs in once.
	const tui = !(options.json || options.once || !process.stdout.isTTY);
	if (tui && !process.stdin.isTTY) fail('standard input is not a terminal; use --once or --json for a snapshot', EXIT_USAGE);
	// The UI on one unix or tcp engine starts its sync at once, and its first
	// list stands in for the check (listedOrProbed). An ssh host logs in once,
	// for the check, and --logs asks the engine before the sync starts.
	const single = several ? undefined : owners.hosts.values().next().value!;
	const listFirst = single !== undefined && tui && options.logNames === undefined && targets[0]!.target.kind !== 'ssh';
	if (single) await checkOneHost(single, owners, listFirst);
	mark('engine probed');
	const startHosts = [...owners.hosts.values()].map(({name, engine}, index) => ({name, engine, target: targets[index]!.target}));
	if (!tui) {
		try {
			await checkDistinctEngines(startHosts);
			// The containers filter (--filter, or the config's) narrows the snapshot too, as docker ps --filter does.
			const keep = containerFilter(settings.filters.containers ?? '');
			await printSnapshot(startHosts, options.json, description, item => keep(item.row));
			keepCodeCache('cli');
		} finally {
			// Built but never started: stopping releases what the ID check readied.
			await owners.stop();
		}
		return;
	}

	let app: ReturnType<typeof render> | undefined;
	const logTargets: ContainerRow[] = [];
	for (const name of options.logNames ?? []) {
		// The first host that has a container of that name owns it.
		let row: ContainerRow | undefined;
		for (const [host, engine] of owners.engines) {
			// One host: its trouble is the answer (exit 3 for a stuck engine). Several: the next host may have it.
			const found = await engine.inspectContainer(name).catch((error: unknown) => {
				if (several) return undefined;
				throw new EngineError(classifyError(error, targets[0]!.target), {cause: error});
			});
			if (found) {
				row = several ? {...found, host} : found;
				break;
			}
		}
		if (!row) fail(`no container named "${name}"`, EXIT_USAGE);
		logTargets.push(row);
	}
	if (logTargets.length > 0) store.update(state => openLogs(state, logTargets));
	const quit = () => app?.unmount();
	if (!listFirst) owners.start();
	// Two targets of one engine are refused (exit 2), but start-up does not wait
	// on a slow or absent host to find out: the check runs beside the first
	// frame, and a match quits the UI and reports it once the terminal is back.
	let refused: unknown;
	const checked = checkDistinctEngines(startHosts, 5000).catch((error: unknown) => {
		refused = error;
		quit();
	});
	// A local engine lists in a few milliseconds: draw the first frame with the
	// list in it. A slow or absent one gets the "connecting" frame after 250 ms.
	await Promise.race([owners.firstList(), whenReady(store, state => state.connection.status !== 'connecting', 250)]);
	mark('first list');
	const terminal: TerminalOwner = {};
	// :columns save writes to the file in force, or creates the usual one.
	const savePath = loaded.source.path ?? configPath(undefined, process.env, homedir()).path;
	const saveColumnsTo: SaveColumns = async (view, columns) => (await import('./source/cli/config-save.js')).saveColumns(savePath, view, columns);
	const dispatch = (key: string, input: string) => dispatchKey(key, input, {engine: owners.router, engines: owners.engines, hosts: owners.control, store, quit, suspend: terminal.suspend, saveColumns: saveColumnsTo});
	const size = () => ({columns: process.stdout.columns ?? 80, rows: process.stdout.rows ?? 24});
	const services = {store, terminal, dispatch, mouse: createMouseHandler({store, dispatch, size})};
	// Colour and glyph fallbacks apply to every frame, at the one place they pass.
	filterTerminal(process.stdout, caps);
	markFirstWrite(process.stdout, 'first frame written');
	app = render(
		<ServicesContext.Provider value={services}>
			<ThemeContext.Provider value={theme}>
				<App />
			</ThemeContext.Provider>
		</ServicesContext.Provider>,
		{
			alternateScreen: caps.altScreen,
			incrementalRendering: true,
			// Frames follow changes (stats once a second, logs at most ten times a
			// second); the cap only bounds how long a key waits behind a frame.
			maxFps: 30,
			exitOnCtrlC: false,
			patchConsole: false,
			interactive: true,
		},
	);
	mark('first render returned');
	// An early list the first list did not take (another engine was chosen) is not kept.
	const early = dropEarlyList();
	if (early) noteStartup('early list', early, {first: true});
	// Once the first frame is out: a cache made now holds what drawing it took.
	// Not of a start that could not list (its frame ran little of the app).
	let keep = store.getSnapshot().connection.status === 'up' ? setImmediate(() => ((keep = undefined), keepCodeCache('tui'))) : undefined;
	for (const signal of ['SIGTERM', 'SIGHUP'] as const) process.once(signal, quit);
	if (refused) quit();
	// While mouse is on (config, or its key), the terminal is asked for clicks and the wheel, except while a shell holds it, and never after we leave.
	const stopMouse = reportMouse(store);
	try {
		await app.waitUntilExit();
	} finally {
		stopMouse();
	}
	// A quit read before that turn came (a key pressed as the frame appeared) keeps it now.
	if (keep) {
		clearImmediate(keep);
		keepCodeCache('tui');
	}
	// Every owner stops the one way, in reverse order of building.
	await owners.stop();
	writeStartupTrace();
	await checked;
	if (refused) throw refused;
}

/** --ssh-config, else PORTHOLE_SSH_CONFIG; a file ssh could not read is a usage error (exit 2), said before any login. */
function sshSettings(flag: string | undefined, remoteSocket: string | undefined): SshSettings {
	const configFile = flag ?? (process.env.PORTHOLE_SSH_CONFIG || undefined);
	if (configFile !== undefined) {
		const origin = flag !== undefined ? '--ssh-config' : 'PORTHOLE_SSH_CONFIG';
		try {
			accessSync(configFile, fsConstants.R_OK);
		} catch (error) {
			throw new ConnectionConfigError(`${origin}: cannot read ${configFile} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
		}
	}
	return {configFile, remoteSocket};
}

/** Turns mouse reporting on while the store says mouse and no handover holds the terminal, and off for good when called back (or at exit). */
function reportMouse(store: ReturnType<typeof createStore>): () => void {
	let on = false;
	const set = (wanted: boolean) => {
		if (wanted !== on) process.stdout.write(wanted ? mouseReporting.on : mouseReporting.off);
		on = wanted;
	};
	const wanted = () => Boolean(store.getSnapshot().mouse) && !store.getSnapshot().handover;
	set(wanted());
	const unsubscribe = store.subscribe(() => set(wanted()));
	const atExit = () => set(false);
	process.once('exit', atExit);
	return () => {
		unsubscribe();
		set(false);
		process.off('exit', atExit);
	};
}

/** `--once`, `--json` and pipes: one host as of old; several side by side, with a HOST column and exit 5 when some are down. */
async function printSnapshot(hosts: StartHost[], json: boolean, description: string, keep: (item: SnapshotRow) => boolean): Promise<void> {
	if (hosts.length === 1) {
		const {engine} = hosts[0]!;
		let rows;
		try {
			rows = (await takeSnapshot(engine)).filter(keep);
		} catch (error) {
			// A deadline, a vanished engine or a web server that is not Docker: say which, with its exit code.
			throw new EngineError(classifyError(error, hosts[0]!.target), {cause: error});
		}
		const swarm = json ? await takeSwarmSnapshot(engine).catch(() => undefined) : undefined;
		await writeOutput(json ? snapshotJson(rows, engine.description, undefined, Date.now(), swarm && swarmJson(swarm)) : snapshotTable(rows, Date.now()));
		return;
	}
	const result = await snapshotHosts(hosts);
	if (result.failures.length === hosts.length) throw result.failures[0];
	result.rows = result.rows.filter(keep);
	await writeOutput(json ? snapshotJson(result.rows, description, result.hosts) : snapshotTable(result.rows, Date.now(), result.hosts));
	for (const host of result.hosts) if (host.status === 'down') process.stderr.write(`porthole: ${oneLine(`${host.name}: ${host.error ?? 'down'}`)}\n`);
	if (result.hosts.some(host => host.status === 'down')) process.exitCode = EXIT_PARTIAL;
}

main().then(
	() => process.exit(process.exitCode ?? 0),
	(error: unknown) => {
		if (error instanceof UsageError || error instanceof ConfigError || error instanceof ConnectionConfigError || error instanceof SameEngineError) fail(error.message, EXIT_USAGE);
		if (error instanceof EngineError) fail(error.failure.message, error.failure.exitCode);
		if (error instanceof OutputError) fail(error.message, EXIT_FAILURE);
		fail(error instanceof Error ? error.message : String(error), EXIT_FAILURE);
	},
);
