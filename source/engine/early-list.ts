import {plainGet, type PlainAnswer} from './plain-get.js';

/*
 * The container list, asked for by the launcher before it compiles the app
 * (cli/launcher.ts). The engine takes about as long to list fifty containers
 * (6 ms) as V8 takes to load the app's code cache, and on two cores it can
 * do so meanwhile. The answer waits in the socket for the app's first list,
 * which takes it only when the app resolved the same socket; any other start
 * drops it. The launcher guesses only from what it can read at once (flags
 * and the environment), and only for the UI's start.
 */

/** What the launcher left for the app: where it asked, when, the answer to come, and whether the app took it. */
export type EarlyList = {socketPath: string; asked: number; answer: Promise<PlainAnswer>; stop: AbortController; taken: boolean};

const slot = globalThis as {__portholeEarlyList?: EarlyList};

/** How long the early list may take before it gives up (the app's own list then asks again). */
const EARLY_LIST_TIMEOUT_MS = 10_000;

/** The socket the UI will most likely list first, from its flags and the environment; undefined when it cannot tell at once. */
export function earlySocket(argv: readonly string[], env: NodeJS.ProcessEnv, exists: (path: string) => boolean): string | undefined {
	if (argv[0] === 'config' || argv[0] === 'logs') return undefined;
	const hosts: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index]!;
		const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
		if (['--once', '--json', '-h', '--help', '-v', '--version', '-c', '--context'].includes(flag)) return undefined;
		if (flag === '-H' || flag === '--host') hosts.push(inline ?? argv[++index] ?? '');
	}
	const unix = (host: string) => (host.startsWith('unix:///') ? host.slice('unix://'.length) : undefined);
	if (hosts.length > 0) return hosts.length === 1 ? unix(hosts[0]!) : undefined;
	if (env.DOCKER_HOST) return unix(env.DOCKER_HOST);
	if (env.DOCKER_CONTEXT && env.DOCKER_CONTEXT !== 'default') return undefined;
	return exists('/var/run/docker.sock') ? '/var/run/docker.sock' : undefined;
}

/** Asks `socketPath` for its containers and leaves the answer for the app (the launcher's part). */
export function startEarlyList(socketPath: string): void {
	const stop = new AbortController();
	const answer = plainGet({socketPath}, '/containers/json?all=1', AbortSignal.any([stop.signal, AbortSignal.timeout(EARLY_LIST_TIMEOUT_MS)]));
	// Not taken, or taken later: never an unhandled rejection.
	answer.catch(() => undefined);
	slot.__portholeEarlyList = {socketPath, asked: performance.now(), answer, stop, taken: false};
}

/** The early list, once, when it was asked of `socketPath`; the app's first list takes it. */
export function takeEarlyList(socketPath: string): EarlyList | undefined {
	const early = slot.__portholeEarlyList;
	if (early?.socketPath !== socketPath || early.taken) return undefined;
	early.taken = true;
	return early;
}

/**
 * Lets the early list go once the first frame is out, and says what became of
 * it: taken by the first list, or dropped (a start that resolved another
 * engine: its socket is closed). Undefined when the launcher asked for none.
 */
export function dropEarlyList(): 'taken' | 'dropped' | undefined {
	const early = slot.__portholeEarlyList;
	slot.__portholeEarlyList = undefined;
	if (!early) return undefined;
	if (early.taken) return 'taken';
	early.stop.abort();
	return 'dropped';
}
