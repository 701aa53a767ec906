import {execa} from 'execa';
import {execFileSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Flags every Podman test container gets: Podman networks are never used, let alone created. */
export const podmanRunArgs = ['--network', 'none'];

/**
 * DOCKER_HOST of the private Podman service (scripts/test-podman.sh), started
 * if it is not answering (installing podman if needed). A failure to start
 * throws with the script's reason, so the test fails instead of skipping.
 */
export function podmanHost(): string {
	if (process.env.PORTHOLE_TEST_PODMAN) return process.env.PORTHOLE_TEST_PODMAN;
	try {
		const host = execFileSync('bash', ['scripts/test-podman.sh', 'start'], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']}).trim();
		process.env.PORTHOLE_TEST_PODMAN = host;
		return host;
	} catch (error) {
		throw new Error(`the private Podman service could not be started (scripts/test-podman.sh start): ${(error as Error).message}`);
	}
}

/**
 * Runs the docker CLI against the Podman service (its Docker-compatible API,
 * which is what Porthole uses too) and returns its trimmed stdout. `run` and
 * `create` must be given `podmanRunArgs`.
 */
export async function dockerPodman(...args: string[]): Promise<string> {
	if ((args[0] === 'run' || args[0] === 'create') && !args.includes('--network')) {
		throw new Error('Podman test containers must be on network none (pass podmanRunArgs)');
	}
	const result = await execa('docker', ['-H', podmanHost(), ...args]);
	return result.stdout.trim();
}
