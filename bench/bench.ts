import Dockerode from 'dockerode';
import {setTimeout as sleep} from 'node:timers/promises';
import {dirname} from 'node:path';
import {fileURLToPath} from 'node:url';
import {memoryOf} from './proc.js';
import {percentile, round} from './stats.js';
import {Terminal} from './terminal.js';
import {EventClock, eventLatency, keyLatency} from './latency.js';
import {Workload} from './workload.js';
import {logFlood, type FloodResult} from './flood.js';
import {measurePeer, type Peer, type PeerResult} from './peer.js';
import {showsWorkload, window} from './window.js';

/** Where the repository is; the bench runs dist/porthole.js from here. */
export const root = fileURLToPath(new URL('..', import.meta.url));

/** How one run is set up. */
export type BenchOptions = {
	/** Containers in the workload. */
	n: number;
	/** Length of the steady window, in seconds. */
	seconds: number;
	/** Length of the idle window (every container stopped), in seconds. */
	idleSeconds: number;
	/** Length of the log flood, in seconds (0 skips it). */
	floodSeconds: number;
	/** Length of a long window on the containers pane for RSS flatness, in seconds (0 skips it). */
	soakSeconds: number;
	/** Also measure `docker stats` (streams every container) over a steady window, for comparison. */
	dockerStats: boolean;
	/** Event-to-screen samples. */
	events: number;
	/** Other monitors to run under the same workload, each alone, for the ratios. */
	peers: Peer[];
	/** DOCKER_HOST of the private engine. */
	host: string;
	/** Its directory (pid files), to find its processes. */
	engineDir: string;
	/** Progress lines go here. */
	log: (line: string) => void;
};

/** The figures of one run; printed as a table row and as one JSON line. */
export type BenchResult = {
	n: number;
	/** The workload's label value: porthole.bench=<run>. */
	run: string;
	seconds: number;
	firstFrameMs: number;
	/** From spawn to the first byte on the terminal. */
	firstByteMs: number;
	bytesPerSecond: number;
	cpuPercent: number;
	rssMB: number;
	/** Private memory (RssAnon) of the process tree, at its highest in the steady window. */
	rssAnonMB: number;
	peakRssMB: number;
	engineBaselinePercent: number;
	enginePercent: number;
	dockerStats?: {bytesPerSecond: number; enginePercent: number};
	latencyP50Ms: number;
	latencyP95Ms: number;
	latencySamples: number;
	/** Key to frame on the containers list: open the filter, filter every row by one letter, clear it. */
	keyP50Ms: number;
	keyP95Ms: number;
	keySamples: number;
	idleBytesPerSecond: number;
	idleCpuPercent: number;
	/** Container events of other users of the engine during the steady and idle windows: noise in the figures. */
	foreignEvents: {steady: number; idle: number};
	/** Times the output scrolled the terminal: a frame taller than the screen. Should be 0. */
	scrolls: number;
	flood: FloodResult;
	/** RSS at the start and end of the long window (and its peak), with its CPU and output. */
	soak?: {seconds: number; rssStartMB: number; rssEndMB: number; rssMaxMB: number; cpuPercent: number; bytesPerSecond: number};
	/** The same figures of each peer (--peer), measured alone under the same workload just before Porthole. */
	peers: PeerResult[];
};

const cleanups = new Set<() => Promise<unknown>>();

/** Runs every pending cleanup (workloads, terminals); for Ctrl-C and errors. */
export async function cleanupAll(): Promise<void> {
	for (const cleanup of [...cleanups]) {
		cleanups.delete(cleanup);
		await cleanup().catch(() => undefined);
	}
}

/**
 * Where the node running the bench is, first on PATH: the launcher, run as a
 * program as an installed `porthole` is, starts the node it finds there (with
 * its flags; scripts/build.mjs).
 */
export const nodeFirstOnPath = {PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`};

/** Starts the built CLI, as its launcher, in a 160x45 pseudo-terminal. */
export function startPorthole(host: string, args: string[] = []): Terminal {
	const terminal = new Terminal([`${root}dist/porthole.js`, '-H', host, ...args], {env: nodeFirstOnPath});
	const stop = () => terminal.stop();
	cleanups.add(stop);
	return terminal;
}

/** Counts container events of containers that are not ours: other users of the engine add noise to a window. */
class ForeignEvents {
	count = 0;
	private stream?: NodeJS.ReadableStream & {destroy(): void};

	async start(docker: Dockerode, run: string): Promise<void> {
		this.stream = await docker.getEvents({filters: {type: ['container']}}) as unknown as NodeJS.ReadableStream & {destroy(): void};
		this.stream!.on('data', (chunk: Buffer) => {
			for (const line of chunk.toString().split('\n')) {
				if (line.includes('"container"') && !line.includes(`"porthole.bench":"${run}"`)) this.count++;
			}
		});
	}

	stop(): void {
		this.stream?.destroy();
	}
}

/** One full run at size n: workload, baseline, docker stats, Porthole steady state, latency, log flood, idle. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
	const {n, seconds, host, engineDir, log} = options;
	const docker = new Dockerode({socketPath: host.replace(/^unix:\/\//, '')});
	const workload = new Workload(docker);
	const cleanup = () => workload.cleanup();
	cleanups.add(cleanup);
	const clock = new EventClock();
	const foreign = new ForeignEvents();
	try {
		await foreign.start(docker, workload.run);
		log(`n=${n}: creating ${n} containers (run ${workload.run})`);
		await workload.create(n);
		await sleep(2000);

		log(`n=${n}: engine baseline, no monitor, ${seconds} s`);
		const baseline = await window(seconds, undefined, undefined, engineDir);

		let dockerStats: BenchResult['dockerStats'];
		if (options.dockerStats) {
			log(`n=${n}: docker stats, ${seconds} s`);
			const reference = new Terminal(['docker', '-H', host, 'stats']);
			cleanups.add(() => reference.stop());
			await reference.waitFor(lines => lines.some(line => line.includes(`bench-${workload.run}-`)), 30_000, 'docker stats rows');
			await sleep(3000);
			const measured = await window(seconds, reference, undefined, engineDir);
			await reference.stop();
			dockerStats = {bytesPerSecond: round(measured.bytesPerSecond, 0), enginePercent: round(measured.enginePercent)};
			await sleep(2000);
		}

		// Each peer alone, before Porthole starts: same workload, same terminal, same windows.
		const peers: PeerResult[] = [];
		for (const peer of options.peers) {
			log(`n=${n}: peer ${peer.name}, ${seconds} s`);
			peers.push(await measurePeer(peer, {host, seconds, engineDir, run: workload.run, engineBaselinePercent: baseline.enginePercent, cleanups}));
			await sleep(2000);
		}

		await clock.start(docker, `porthole.bench=${workload.run}`);
		log(`n=${n}: porthole, first frame`);
		const terminal = startPorthole(host);
		const pid = await terminal.pid();
		const firstFrame = await terminal.waitFor(showsWorkload(workload.run), 30_000, 'a workload container');
		// Warm-up: the first stats samples and any start-up work settle.
		await sleep(5000);
		log(`n=${n}: porthole, steady window ${seconds} s`);
		const foreignBefore = foreign.count;
		const steady = await window(seconds, terminal, pid, engineDir);
		const foreignSteady = foreign.count - foreignBefore;
		const memory = memoryOf(pid);

		let soak: BenchResult['soak'];
		if (options.soakSeconds > 0) {
			log(`n=${n}: long window for RSS, ${options.soakSeconds} s`);
			const rssStart = memoryOf(pid).rss;
			const long = await window(options.soakSeconds, terminal, pid, engineDir);
			const mb = (bytes: number) => round(bytes / 2 ** 20);
			soak = {seconds: options.soakSeconds, rssStartMB: mb(rssStart), rssEndMB: mb(memoryOf(pid).rss), rssMaxMB: mb(long.rss), cpuPercent: round(long.cpuPercent, 2), bytesPerSecond: round(long.bytesPerSecond, 0)};
		}

		log(`n=${n}: event-to-screen latency, ${options.events} events`);
		const latency = await eventLatency(terminal, workload, clock, options.events);

		log(`n=${n}: key-to-frame latency on the list, ${options.events} rounds of three keys`);
		const keys = await keyLatency(terminal, options.events);

		const flood = options.floodSeconds > 0 ? await logFlood(terminal, workload, options.floodSeconds, log) : {skipped: 'turned off (--flood-seconds 0)'};

		log(`n=${n}: idle, every workload container stopped, ${options.idleSeconds} s`);
		const running = (await docker.listContainers({filters: JSON.stringify({label: [`porthole.bench=${workload.run}`]})})).map(c => c.Id);
		await workload.stopAll(running);
		await sleep(3000);
		const foreignIdleBefore = foreign.count;
		const idle = await window(options.idleSeconds, terminal, pid, engineDir);
		const foreignIdle = foreign.count - foreignIdleBefore;
		const scrolls = terminal.screen.scrolls;
		const code = await terminal.stop();
		if (code !== 0) throw new Error(`porthole exited with ${code}: ${terminal.errors}`);

		return {
			n,
			run: workload.run,
			seconds,
			firstFrameMs: firstFrame - terminal.spawnedAt,
			firstByteMs: terminal.firstByteAt - terminal.spawnedAt,
			bytesPerSecond: round(steady.bytesPerSecond, 0),
			cpuPercent: round(steady.cpuPercent, 2),
			rssMB: round(Math.max(steady.rss, memory.rss) / 2 ** 20),
			rssAnonMB: round(steady.rssAnon / 2 ** 20),
			peakRssMB: round(memory.peak / 2 ** 20),
			engineBaselinePercent: round(baseline.enginePercent),
			enginePercent: round(steady.enginePercent),
			...(dockerStats ? {dockerStats} : {}),
			latencyP50Ms: round(percentile(latency, 50), 0),
			latencyP95Ms: round(percentile(latency, 95), 0),
			latencySamples: latency.length,
			keyP50Ms: round(percentile(keys, 50), 0),
			keyP95Ms: round(percentile(keys, 95), 0),
			keySamples: keys.length,
			idleBytesPerSecond: round(idle.bytesPerSecond, 1),
			idleCpuPercent: round(idle.cpuPercent, 2),
			foreignEvents: {steady: foreignSteady, idle: foreignIdle},
			scrolls,
			flood,
			...(soak ? {soak} : {}),
			peers,
		};
	} finally {
		clock.stop();
		foreign.stop();
		await cleanupAll();
	}
}
