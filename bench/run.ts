/*
 * `npm run bench`: builds the CLI, then for each workload size runs
 * bench/bench.ts against the private test engine and prints a table plus one
 * JSON line per run. Flags:
 *   --n 10,50,200        workload sizes (repeatable or comma-separated)
 *   --seconds 30         steady window
 *   --idle-seconds 10    idle window (every container stopped)
 *   --flood-seconds 60   log flood (0 skips it)
 *   --soak-seconds 0     a long window on the containers pane for RSS flatness (e.g. 600)
 *   --events 10          event-to-screen samples, and rounds of key-to-frame (/, b, Escape on the list)
 *   --no-docker-stats    skip the `docker stats` comparison
 *   --no-build           use dist/ as it is
 *   --peer NAME=CMD      also measure another monitor (a shell command, run with
 *                        DOCKER_HOST set) alone under the same workload, and print
 *                        Porthole's figures over its (repeatable)
 *   --json               print only the JSON lines on stdout
 *   --ssh-n 50           the ssh run's size: local socket against ssh through
 *                        the test sshd on loopback (scripts/test-sshd.sh)
 *   --no-ssh             skip the ssh run
 *   --ssh-only           only the ssh run
 * BENCH_DEBUG=1 in the environment also prints the log flood's key latencies.
 */
import {execFileSync} from 'node:child_process';
import {cpus, totalmem} from 'node:os';
import {cleanupAll, root, runBench, type BenchOptions, type BenchResult} from './bench.js';
import {parsePeer, peerReport, type Peer} from './peer.js';
import {runSshBench, type SshBenchResult} from './ssh.js';
import {table} from './stats.js';

type Flags = {ns: number[]; seconds: number; idleSeconds: number; floodSeconds: number; soakSeconds: number; events: number; dockerStats: boolean; build: boolean; jsonOnly: boolean; peers: Peer[]; sshN: number; ssh: boolean; sshOnly: boolean};

function parseFlags(argv: string[]): Flags {
	const flags: Flags = {ns: [], seconds: 30, idleSeconds: 10, floodSeconds: 60, soakSeconds: 0, events: 10, dockerStats: true, build: true, jsonOnly: false, peers: [], sshN: 50, ssh: true, sshOnly: false};
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index]!;
		const [flag, inline] = arg.includes('=') ? arg.split('=', 2) as [string, string] : [arg, undefined];
		const value = () => {
			const text = inline ?? argv[++index];
			const number = Number(text);
			if (text === undefined || !Number.isFinite(number) || number < 0) throw new Error(`${flag} needs a number`);
			return number;
		};
		switch (flag) {
			case '--n': {
				const text = inline ?? argv[++index] ?? '';
				const sizes = text.split(',').map(Number);
				if (sizes.some(size => !Number.isInteger(size) || size < 5)) throw new Error('--n needs sizes of at least 5, e.g. --n 10,50');
				flags.ns.push(...sizes);
				break;
			}
			case '--seconds': flags.seconds = value(); break;
			case '--idle-seconds': flags.idleSeconds = value(); break;
			case '--flood-seconds': flags.floodSeconds = value(); break;
			case '--soak-seconds': flags.soakSeconds = value(); break;
			case '--events': flags.events = value(); break;
			case '--no-docker-stats': flags.dockerStats = false; break;
			case '--no-build': flags.build = false; break;
			case '--json': flags.jsonOnly = true; break;
			case '--peer': {
				const peer = parsePeer(inline !== undefined ? arg.slice('--peer='.length) : argv[++index] ?? '');
				if (flags.peers.some(other => other.name === peer.name)) throw new Error(`--peer ${peer.name} is given twice`);
				flags.peers.push(peer);
				break;
			}
			case '--ssh-n': flags.sshN = Math.max(5, Math.round(value())); break;
			case '--no-ssh': flags.ssh = false; break;
			case '--ssh-only': flags.sshOnly = true; break;
			default: throw new Error(`unknown flag ${arg} (see the top of bench/run.ts)`);
		}
	}
	if (flags.ns.length === 0) flags.ns = [10, 50, 200];
	return flags;
}

/** The machine, for the report. */
export function machine(): string {
	const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
	return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GB, Linux ${execFileSync('uname', ['-r'], {encoding: 'utf8'}).trim()}, Node ${process.versions.node}`;
}

/** The ssh run as a plain table. */
export function sshReport(result: SshBenchResult): string {
	const header = ['N', 'first frame local ms', 'first frame ssh ms', 'ssh logins', 'link B/s', 'read B/s local', 'read B/s ssh'];
	return table(header, [[result.n, result.localFirstFrameMs, result.sshFirstFrameMs, result.sshLogins, result.linkBytesPerSecond, result.localReadBytesPerSecond, result.sshReadBytesPerSecond]]);
}

/** The results as a plain table. */
export function report(results: BenchResult[]): string {
	const header = ['N', 'first frame ms', 'first byte ms', 'B/s', 'CPU %', 'RSS MB', 'RssAnon MB', 'peak RSS MB', 'engine idle %', 'engine +porthole %', 'engine +docker stats %', 'docker stats B/s', 'p50 ms', 'p95 ms', 'keys p50 ms', 'keys p95 ms', 'idle B/s', 'idle CPU %', 'scrolls', 'flood', 'soak'];
	const rows = results.map(r => [
		r.n, r.firstFrameMs, r.firstByteMs, r.bytesPerSecond, r.cpuPercent.toFixed(2), r.rssMB, r.rssAnonMB, r.peakRssMB,
		r.engineBaselinePercent, r.enginePercent, r.dockerStats?.enginePercent ?? '-', r.dockerStats?.bytesPerSecond ?? '-',
		r.latencyP50Ms, r.latencyP95Ms, r.keyP50Ms, r.keyP95Ms, r.idleBytesPerSecond, r.idleCpuPercent.toFixed(2), r.scrolls,
		'skipped' in r.flood ? 'skipped' : `${r.flood.linesPerSecond} lines/s, ${r.flood.cpuPercent}% CPU, RSS ${r.flood.rssAt10sMB}→${r.flood.rssAtEndMB} MB, keys p95 ${r.flood.keyLatencyP95Ms} ms`,
		r.soak ? `${r.soak.seconds} s: RSS ${r.soak.rssStartMB}→${r.soak.rssEndMB} MB (peak ${r.soak.rssMaxMB}), ${r.soak.cpuPercent}% CPU, ${r.soak.bytesPerSecond} B/s` : '-',
	]);
	return table(header, rows);
}

async function main(): Promise<void> {
	const flags = parseFlags(process.argv.slice(2));
	const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
	const host = execFileSync('bash', ['scripts/test-engine.sh', 'start'], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']}).trim();
	if (flags.build) execFileSync(process.execPath, ['scripts/build.mjs'], {cwd: root, stdio: 'inherit'});
	const engineDir = process.env.PORTHOLE_ENGINE_DIR ?? '/tmp/porthole-engine';
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => {
			log(`${signal}: cleaning up`);
			void cleanupAll().finally(() => process.exit(130));
		});
	}
	const results: BenchResult[] = [];
	for (const n of flags.sshOnly ? [] : flags.ns) {
		const options: BenchOptions = {n, seconds: flags.seconds, idleSeconds: flags.idleSeconds, floodSeconds: flags.floodSeconds, soakSeconds: flags.soakSeconds, dockerStats: flags.dockerStats, events: flags.events, peers: flags.peers, host, engineDir, log};
		const result = await runBench(options);
		results.push(result);
		if ('skipped' in result.flood) log(`n=${n}: log flood skipped: ${result.flood.skipped}`);
		process.stdout.write(JSON.stringify({bench: 'porthole', machine: machine(), ...result}) + '\n');
	}
	if (!flags.jsonOnly && results.length > 0) {
		process.stdout.write(`\n${machine()}\n${report(results)}\n`);
		const side = peerReport(results);
		if (side) process.stdout.write(`\nSide by side (each peer alone, same workload, just before Porthole; ÷ is Porthole over the peer):\n${side}\n`);
	}
	if (flags.ssh || flags.sshOnly) {
		const ssh = await runSshBench({n: flags.sshN, seconds: flags.seconds, host, log});
		process.stdout.write(JSON.stringify({bench: 'porthole-ssh', machine: machine(), ...ssh}) + '\n');
		if (!flags.jsonOnly) process.stdout.write(`\n${machine()}\n${sshReport(ssh)}\n`);
	}
}

main().then(
	() => process.exit(0),
	async (error: unknown) => {
		process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
		await cleanupAll();
		process.exit(1);
	},
);
