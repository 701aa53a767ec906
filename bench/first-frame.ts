/*
 * First frame only, many times: `bash scripts/node.sh --import tsx
 * bench/first-frame.ts [--n 50] [--runs 20] [NAME=CMD ...]`. Creates the
 * bench workload on the private engine, then starts each command in turn
 * (alternating, so load from elsewhere falls on all alike) in a 160x45
 * pseudo-terminal with DOCKER_HOST set, times its first byte and its first
 * frame (a workload row on screen), and stops it. Prints the median, p90 and
 * minimum of each. Without commands it compares the npm CLI
 * (dist/porthole.js run as a program, with this node first on PATH) with the
 * single executable (dist/porthole-linux-x64).
 */
import Dockerode from 'dockerode';
import {execFileSync} from 'node:child_process';
import {setTimeout as sleep} from 'node:timers/promises';
import {nodeFirstOnPath, root} from './bench.js';
import {parsePeer, type Peer} from './peer.js';
import {percentile, table} from './stats.js';
import {Terminal} from './terminal.js';
import {showsWorkload} from './window.js';
import {Workload} from './workload.js';

let n = 50;
let runs = 20;
const commands: Peer[] = [];
const argv = process.argv.slice(2);
for (let index = 0; index < argv.length; index++) {
	const arg = argv[index]!;
	if (arg === '--n') n = Number(argv[++index]);
	else if (arg === '--runs') runs = Number(argv[++index]);
	else commands.push(parsePeer(arg));
}
if (!(n >= 5) || !(runs >= 1)) throw new Error('--n needs 5 or more, --runs 1 or more');
if (commands.length === 0) commands.push({name: 'npm', command: `env PATH=${nodeFirstOnPath.PATH} ${root}dist/porthole.js`}, {name: 'sea', command: `${root}dist/porthole-linux-x64`});

const host = execFileSync('bash', ['scripts/test-engine.sh', 'start'], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']}).trim();
const workload = new Workload(new Dockerode({socketPath: host.replace(/^unix:\/\//, '')}));
process.once('SIGINT', () => void workload.cleanup().finally(() => process.exit(130)));
const samples = new Map(commands.map(({name}) => [name, {frame: [] as number[], byte: [] as number[]}]));
try {
	await workload.create(n);
	await sleep(2000);
	for (let run = 0; run < runs; run++) {
		for (const {name, command} of commands) {
			const terminal = new Terminal(['sh', '-c', `exec ${command}`], {env: {DOCKER_HOST: host}});
			try {
				const frame = await terminal.waitFor(showsWorkload(workload.run), 30_000, `${name}'s first frame`);
				samples.get(name)!.frame.push(frame - terminal.spawnedAt);
				samples.get(name)!.byte.push(terminal.firstByteAt - terminal.spawnedAt);
			} finally {
				await terminal.stop();
			}
			await sleep(500);
		}
	}
} finally {
	await workload.cleanup();
}
const figures = (values: number[]) => [percentile(values, 50), percentile(values, 90), Math.min(...values)].map(Math.round);
process.stdout.write(`N=${n}, ${runs} starts each, alternating\n${table(
	['command', 'first frame p50 ms', 'p90', 'min', 'first byte p50 ms', 'p90', 'min'],
	commands.map(({name}) => [name, ...figures(samples.get(name)!.frame), ...figures(samples.get(name)!.byte)]),
)}\n`);
