#!/usr/bin/env node
// The composition root: parses flags, builds engine, store and sync, and renders the app.
// It is the only place that constructs things.
import {quietDependencyWarnings} from './source/cli/quiet-warnings.js';
import {render} from 'ink';
import {homedir, totalmem} from 'node:os';
import {dispatchKey} from './source/actions/dispatch.js';
import {parseArgs, usage, UsageError} from './source/cli/args.js';
import {snapshotJson, snapshotTable, takeSnapshot} from './source/cli/snapshot.js';
import {probe, resolveTarget} from './source/engine/connection.js';
import {classifyError, ConnectionConfigError, EngineError, EXIT_FAILURE, EXIT_USAGE, oneLine} from './source/engine/connection-errors.js';
import {OutputError, writeOutput} from './source/cli/write-output.js';
import {createEngine} from './source/engine/engine.js';
import {ServicesContext, type TerminalOwner} from './source/hooks/store-context.js';
import {App} from './source/panes/app.js';
import {initialState} from './source/store/initial-state.js';
import {createStore, whenReady} from './source/store/store.js';
import {Sync} from './source/sync/sync.js';
import {LogStreams} from './source/sync/log-streams.js';
import {initialLogs, openLogs} from './source/store/logs-slice.js';
import type {ContainerRow} from './source/domain/container.js';
import {TopPoller} from './source/sync/top-poller.js';
import {recordEvent} from './source/store/events-slice.js';
import {setVisibleContainers} from './source/store/visibility-slice.js';

declare const PORTHOLE_VERSION: string | undefined;

function fail(message: string, code: number): never {
	process.stderr.write(`porthole: ${oneLine(message)}\n`);
	process.exit(code);
}

async function main(): Promise<void> {
	quietDependencyWarnings();
	const options = parseArgs(process.argv.slice(2));
	if (options.help) {
		process.stdout.write(usage + '\n');
		return;
	}
	if (options.version) {
		process.stdout.write(`${typeof PORTHOLE_VERSION === 'string' ? PORTHOLE_VERSION : 'dev'}\n`);
		return;
	}
	const target = resolveTarget({host: options.host, context: options.context, env: process.env, homeDir: homedir()});
	await probe(target);
	const engine = createEngine(target);

	if (options.json || options.once || !process.stdout.isTTY) {
		let rows;
		try {
			rows = await takeSnapshot(engine);
		} catch (error) {
			// A deadline, a vanished engine or a web server that is not Docker: say which, with its exit code.
			throw new EngineError(classifyError(error, target), {cause: error});
		}
		await writeOutput(options.json ? snapshotJson(rows, engine.description) : snapshotTable(rows, Date.now()));
		return;
	}
	if (!process.stdin.isTTY) fail('standard input is not a terminal; use --once or --json for a snapshot', EXIT_USAGE);

	const logTargets: ContainerRow[] = [];
	for (const name of options.logNames ?? []) {
		const row = await engine.inspectContainer(name).catch((error: unknown) => {
			throw new EngineError(classifyError(error, target), {cause: error});
		});
		if (!row) fail(`no container named "${name}"`, EXIT_USAGE);
		logTargets.push(row);
	}
	const logs = initialLogs({capacity: options.logLines, tail: options.tail, colour: !process.env.NO_COLOR});
	// Nothing is on screen yet: the table says which rows are once it draws, so
	// the first list does not open a stats stream for every live container.
	// A local socket's engine shares this machine's memory (unless it runs in a VM, where a limit is then shown as before).
	const hostMemory = engine.description.startsWith('unix://') ? totalmem() : undefined;
	const first = setVisibleContainers({...initialState({target: engine.description, readOnly: options.readOnly, noConfirm: options.noConfirm, ui: {view: options.view}, logs}), shell: options.shell, hostMemory}, []);
	const store = createStore(logTargets.length > 0 ? openLogs(first, logTargets) : first);
	const sync = new Sync(engine, store);
	sync.onAnyEvent(event => store.update(state => recordEvent(state, event)));
	const stopTop = new TopPoller(engine, store).start();
	const stop = new AbortController();
	const logStreams = new LogStreams(engine, store);
	sync.onContainerEvent(event => logStreams.onEvent(event));
	logStreams.run(stop.signal);
	const syncDone = sync.run({signal: stop.signal});
	// A local engine lists in a few milliseconds: draw the first frame with the
	// list in it. A slow or absent one gets the "connecting" frame after 250 ms.
	await Promise.race([sync.listed, whenReady(store, state => state.connection.status !== 'connecting', 250)]);
	let app: ReturnType<typeof render> | undefined;
	const quit = () => app?.unmount();
	const terminal: TerminalOwner = {};
	const services = {store, terminal, dispatch: (key: string, input: string) => dispatchKey(key, input, {engine, store, quit, suspend: terminal.suspend})};
	app = render(
		<ServicesContext.Provider value={services}>
			<App />
		</ServicesContext.Provider>,
		{
			alternateScreen: true,
			incrementalRendering: true,
			// Frames follow changes (stats once a second, logs at most ten times a
			// second); the cap only bounds how long a key waits behind a frame.
			maxFps: 30,
			exitOnCtrlC: false,
			patchConsole: false,
			interactive: true,
		},
	);
	for (const signal of ['SIGTERM', 'SIGHUP'] as const) process.once(signal, quit);
	await app.waitUntilExit();
	stop.abort();
	stopTop();
	await syncDone;
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		if (error instanceof UsageError || error instanceof ConnectionConfigError) fail(error.message, EXIT_USAGE);
		if (error instanceof EngineError) fail(error.failure.message, error.failure.exitCode);
		if (error instanceof OutputError) fail(error.message, EXIT_FAILURE);
		fail(error instanceof Error ? error.message : String(error), EXIT_FAILURE);
	},
);
