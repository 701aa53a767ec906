import {setTimeout as sleep} from 'node:timers/promises';
import {memoryOf} from './proc.js';
import {round, table} from './stats.js';
import {Terminal} from './terminal.js';
import {showsWorkload, window} from './window.js';

/** Another monitor to measure side by side (`--peer NAME=CMD`): its label and its shell command. */
export type Peer = {name: string; command: string};

/** A peer's figures over the same windows as Porthole's. */
export type PeerResult = {
	name: string;
	command: string;
	firstFrameMs: number;
	firstByteMs: number;
	bytesPerSecond: number;
	cpuPercent: number;
	rssMB: number;
	rssAnonMB: number;
	/** The engine's CPU with the peer running, and above the no-monitor baseline. */
	enginePercent: number;
	engineAddedPoints: number;
	/** How it ended when sent SIGTERM. */
	exitCode: number;
};

/** Parses `NAME=CMD` (NAME of letters, digits, `.`, `_`, `-`); throws with the usage otherwise. */
export function parsePeer(text: string): Peer {
	const match = /^([A-Za-z0-9][\w.-]*)=(.*\S.*)$/s.exec(text);
	if (!match) throw new Error(`--peer needs NAME=COMMAND, e.g. --peer lazydocker=/opt/lazydocker (got ${JSON.stringify(text)})`);
	if (match[1] === 'porthole') throw new Error('--peer: the name porthole is taken by Porthole itself');
	return {name: match[1]!, command: match[2]!};
}

/** What a peer last said, on its terminal (where its stderr goes) or the driver's stderr, as one line. */
function said(terminal: Terminal): string {
	const text = [...terminal.screen.lines(), terminal.errors].map(line => line.trim()).filter(Boolean);
	return text.slice(-3).join(' / ') || 'no message';
}

type Context = {
	host: string;
	seconds: number;
	engineDir: string;
	/** The workload's run id: the first frame is the first screen with one of its rows. */
	run: string;
	engineBaselinePercent: number;
	/** Pending cleanups of the bench, so Ctrl-C stops the peer too. */
	cleanups: Set<() => Promise<unknown>>;
};

/**
 * Runs the peer through `sh -c "exec CMD"` in the same 160x45 terminal as
 * Porthole, with DOCKER_HOST set to the private engine, and measures it the
 * same way: first frame (a workload row on screen), 5 s of warm-up, then the
 * steady window. Ends it with SIGTERM.
 */
export async function measurePeer(peer: Peer, context: Context): Promise<PeerResult> {
	const terminal = new Terminal(['sh', '-c', `exec ${peer.command}`], {env: {DOCKER_HOST: context.host}});
	const stop = () => terminal.stop();
	context.cleanups.add(stop);
	try {
		const pid = await terminal.pid();
		// A peer that cannot start (wrong path, no engine) fails the run at once, with its message.
		const died = terminal.exited().then(code => {
			throw new Error(`peer ${peer.name} exited with ${code} before its first frame: ${said(terminal)}`);
		});
		const firstFrame = await Promise.race([terminal.waitFor(showsWorkload(context.run), 30_000, `peer ${peer.name}'s first frame (a workload row)`), died]);
		died.catch(() => undefined);
		await sleep(5000);
		const steady = await window(context.seconds, terminal, pid, context.engineDir);
		const memory = memoryOf(pid);
		if (memory.rss === 0) throw new Error(`peer ${peer.name} exited during its window: ${said(terminal)}`);
		const exitCode = await terminal.stop();
		return {
			name: peer.name,
			command: peer.command,
			firstFrameMs: firstFrame - terminal.spawnedAt,
			firstByteMs: terminal.firstByteAt - terminal.spawnedAt,
			bytesPerSecond: round(steady.bytesPerSecond, 0),
			cpuPercent: round(steady.cpuPercent, 2),
			rssMB: round(Math.max(steady.rss, memory.rss) / 2 ** 20),
			rssAnonMB: round(steady.rssAnon / 2 ** 20),
			enginePercent: round(steady.enginePercent),
			engineAddedPoints: round(steady.enginePercent - context.engineBaselinePercent),
			exitCode,
		};
	} finally {
		context.cleanups.delete(stop);
		await terminal.stop();
	}
}

/** Porthole's side of the comparison, as the same figures. */
type Ours = {firstFrameMs: number; firstByteMs: number; cpuPercent: number; rssAnonMB: number; rssMB: number; bytesPerSecond: number; enginePercent: number; engineBaselinePercent: number};

const figures: Array<[string, (figures: Ours | PeerResult) => number]> = [
	['first frame ms', f => f.firstFrameMs],
	['first byte ms', f => f.firstByteMs],
	['CPU %', f => f.cpuPercent],
	['RssAnon MB', f => f.rssAnonMB],
	['RSS MB', f => f.rssMB],
	['terminal B/s', f => f.bytesPerSecond],
	['engine CPU added (points)', f => ('engineAddedPoints' in f ? f.engineAddedPoints : round(f.enginePercent - f.engineBaselinePercent))],
];

/** Porthole's figure over the peer's, to two decimals; '-' when the peer's is 0 or below (no ratio to speak of). */
export function ratio(ours: number, theirs: number): string {
	return theirs > 0 ? (ours / theirs).toFixed(2) : '-';
}

/** The side-by-side table: per N and figure, Porthole, each peer, and Porthole ÷ peer. Empty without peers. */
export function peerReport(results: Array<Ours & {n: number; peers: PeerResult[]}>): string {
	const names = [...new Set(results.flatMap(result => result.peers.map(peer => peer.name)))];
	if (names.length === 0) return '';
	const header = ['N', 'figure', 'porthole', ...names, ...names.map(name => `÷ ${name}`)];
	const rows = results.flatMap(result => figures.map(([label, of]) => {
		const peers = names.map(name => result.peers.find(peer => peer.name === name));
		return [
			result.n, label, round(of(result), 2),
			...peers.map(peer => (peer ? round(of(peer), 2) : '-')),
			...peers.map(peer => (peer ? ratio(of(result), of(peer)) : '-')),
		];
	}));
	return table(header, rows);
}
