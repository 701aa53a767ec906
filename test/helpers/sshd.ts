import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The host alias scripts/test-sshd.sh writes into its client config. */
export const sshAlias = 'porthole-test';

/** Runs scripts/test-sshd.sh; a failure throws with the script's own reason (tests fail, never skip). */
export function sshdScript(command: 'start' | 'stop' | 'status'): string {
	try {
		return execFileSync('bash', ['scripts/test-sshd.sh', command], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']}).trim();
	} catch (error) {
		throw new Error(`the test sshd could not ${command} (scripts/test-sshd.sh ${command}): ${(error as Error).message}`);
	}
}

/** The test sshd's client config (`ssh -F`): `npm test` exports it; run alone, a test starts the sshd itself. */
export function sshConfig(): string {
	if (!process.env.PORTHOLE_TEST_SSH_CONFIG) process.env.PORTHOLE_TEST_SSH_CONFIG = sshdScript('start');
	return process.env.PORTHOLE_TEST_SSH_CONFIG;
}

/** The folder of the test sshd: its keys, known_hosts and log. */
export function sshdDir(): string {
	return dirname(sshConfig());
}

/** How many logins the test sshd has accepted since it started logging (one "Accepted publickey" line each). */
export function logins(): number {
	return readFileSync(join(sshdDir(), 'sshd.log'), 'utf8').split('\n').filter(line => line.includes('Accepted publickey')).length;
}

/** The host key's fingerprint as ssh prints it, e.g. "SHA256:abc…". */
export function hostKeyFingerprint(): string {
	return execFileSync('ssh-keygen', ['-l', '-f', join(sshdDir(), 'host_key.pub')], {encoding: 'utf8'}).split(' ')[1]!;
}

/** Every ssh process in the process table whose command line mentions `text` (a tunnel folder, a config path). */
export function sshProcesses(text: string): string[] {
	return execFileSync('ps', ['-eo', 'pid=,args='], {encoding: 'utf8'}).split('\n').filter(line => /^\s*\d+\s+(\S*\/)?ssh\s/.test(line) && line.includes(text));
}

/** The processes the test sshd forked for its sessions (the listener's descendants), to freeze a link. */
export function sshdSessions(): number[] {
	const listener = Number(readFileSync(join(sshdDir(), 'sshd.pid'), 'utf8'));
	const children = (pid: number): number[] => execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], {encoding: 'utf8'}).split('\n').map(Number).filter(child => child > 0);
	const all: number[] = [];
	const walk = (pid: number) => {
		for (const child of (() => {
			try {
				return children(pid);
			} catch {
				return []; // ps exits 1 when there are none
			}
		})()) {
			all.push(child);
			walk(child);
		}
	};
	walk(listener);
	return all;
}
