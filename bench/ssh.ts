import Dockerode from 'dockerode';
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {cleanupAll, root, startPorthole} from './bench.js';
import {round} from './stats.js';
import {Workload} from './workload.js';

/** The ssh run's figures: first frame over ssh against the local socket, logins, and the bytes that cross the link. */
export type SshBenchResult = {
	n: number;
	seconds: number;
	localFirstFrameMs: number;
	sshFirstFrameMs: number;
	/** "Accepted publickey" lines the test sshd logged during the ssh run. */
	sshLogins: number;
	/** TCP bytes both ways on the ssh connection (encrypted, framing included), per second of the steady window. */
	linkBytesPerSecond: number;
	/** What Porthole itself read (rchar) per second: from the engine socket locally, from the forwarded socket over ssh. */
	localReadBytesPerSecond: number;
	sshReadBytesPerSecond: number;
};

/** Bytes Porthole's process has read so far (/proc/PID/io rchar): engine answers and streams, nearly all of it. */
function readBytes(pid: number): number {
	return Number(/^rchar: (\d+)$/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? 0);
}

/** Bytes sent and received so far on every TCP connection to the sshd's port, from the kernel (`ss -ti`). */
function linkBytes(port: number): number {
	const out = execFileSync('ss', ['-tinH', 'state', 'established', `( sport = :${port} )`], {encoding: 'utf8'});
	let total = 0;
	for (const match of out.matchAll(/bytes_(?:sent|received):(\d+)/g)) total += Number(match[1]);
	return total;
}

function logins(logFile: string): number {
	return readFileSync(logFile, 'utf8').split('\n').filter(line => line.includes('Accepted publickey')).length;
}

/**
 * The ssh run (issue 12): N containers, Porthole on the local socket, then
 * over ssh through the test sshd on loopback (scripts/test-sshd.sh). Each
 * shows its first frame and then a steady window of `seconds`.
 */
export async function runSshBench({n, seconds, host, log}: {n: number; seconds: number; host: string; log: (line: string) => void}): Promise<SshBenchResult> {
	const config = execFileSync('bash', ['scripts/test-sshd.sh', 'start'], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']}).trim();
	const port = Number(/^\s*Port (\d+)$/m.exec(readFileSync(config, 'utf8'))?.[1]);
	const logFile = join(dirname(config), 'sshd.log');
	const docker = new Dockerode({socketPath: host.replace(/^unix:\/\//, '')});
	const workload = new Workload(docker);
	try {
		log(`ssh n=${n}: creating ${n} containers (run ${workload.run})`);
		await workload.create(n);
		await sleep(2000);
		const shows = (lines: string[]) => lines.some(line => line.includes(`bench-${workload.run}-`));

		log(`ssh n=${n}: local socket, first frame and ${seconds} s`);
		const local = startPorthole(host);
		const localPid = await local.pid();
		const localFrame = await local.waitFor(shows, 30_000, 'a workload container (local)');
		await sleep(5000);
		const localRead0 = readBytes(localPid);
		await sleep(seconds * 1000);
		const localRead = readBytes(localPid) - localRead0;
		await local.stop();

		log(`ssh n=${n}: over ssh, first frame and ${seconds} s`);
		const logins0 = logins(logFile);
		const remote = startPorthole('ssh://porthole-test', ['--ssh-config', config]);
		const remotePid = await remote.pid();
		const remoteFrame = await remote.waitFor(shows, 30_000, 'a workload container (ssh)');
		await sleep(5000);
		const link0 = linkBytes(port);
		const remoteRead0 = readBytes(remotePid);
		await sleep(seconds * 1000);
		const link = linkBytes(port) - link0;
		const remoteRead = readBytes(remotePid) - remoteRead0;
		const code = await remote.stop();
		if (code !== 0) throw new Error(`porthole over ssh exited with ${code}: ${remote.errors}`);
		return {
			n,
			seconds,
			localFirstFrameMs: localFrame - local.spawnedAt,
			sshFirstFrameMs: remoteFrame - remote.spawnedAt,
			sshLogins: logins(logFile) - logins0,
			linkBytesPerSecond: round(link / seconds, 0),
			localReadBytesPerSecond: round(localRead / seconds, 0),
			sshReadBytesPerSecond: round(remoteRead / seconds, 0),
		};
	} finally {
		await workload.cleanup();
		await cleanupAll();
	}
}
