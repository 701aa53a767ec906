import {execa} from 'execa';
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The second private engine's folder: the first one's with "2" after it (scripts/test.sh starts it too). */
export function secondEngineDir(): string {
	return `${process.env.PORTHOLE_ENGINE_DIR || '/tmp/porthole-engine'}2`;
}

/**
 * DOCKER_HOST of a second private engine, for the several-hosts tests: the
 * same script as the first, on its own folder. Started if it is not
 * answering; a failure to start throws with the script's reason.
 */
export function secondHost(): string {
	if (process.env.PORTHOLE_TEST_HOST2) return process.env.PORTHOLE_TEST_HOST2;
	try {
		const host = execFileSync('bash', ['scripts/test-engine.sh', 'start'], {cwd: root, encoding: 'utf8', env: {...process.env, PORTHOLE_ENGINE_DIR: secondEngineDir()}, stdio: ['ignore', 'pipe', 'inherit']}).trim();
		process.env.PORTHOLE_TEST_HOST2 = host;
		return host;
	} catch (error) {
		throw new Error(`the second private Docker engine could not be started (PORTHOLE_ENGINE_DIR=${secondEngineDir()} scripts/test-engine.sh start): ${(error as Error).message}`);
	}
}

/** Stops the second engine (to test a host going away); secondHost() starts it again. */
export function stopSecondEngine(): void {
	execFileSync('bash', ['scripts/test-engine.sh', 'stop'], {cwd: root, env: {...process.env, PORTHOLE_ENGINE_DIR: secondEngineDir()}, stdio: 'ignore'});
	delete process.env.PORTHOLE_TEST_HOST2;
}

/** The second engine's dockerd process id, to freeze it with SIGSTOP. */
export function secondEnginePid(): number {
	return Number(readFileSync(`${secondEngineDir()}/docker.pid`, 'utf8').trim());
}

/** Runs the docker CLI against `host` and returns its trimmed stdout. */
export async function dockerOn(host: string, ...args: string[]): Promise<string> {
	const result = await execa('docker', ['-H', host, ...args]);
	return result.stdout.trim();
}
