import {execFileSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * DOCKER_HOST of the private engine in swarm mode (scripts/test-engine-swarm.sh,
 * its own folder "$PORTHOLE_ENGINE_DIR"-swarm), a single-node manager. Started
 * and made a manager if needed; a failure throws with the script's reason, so
 * the test fails instead of skipping.
 */
export function swarmHost(): string {
	if (process.env.PORTHOLE_TEST_SWARM_HOST) return process.env.PORTHOLE_TEST_SWARM_HOST;
	try {
		const host = execFileSync('bash', ['scripts/test-engine-swarm.sh', 'start'], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']}).trim();
		process.env.PORTHOLE_TEST_SWARM_HOST = host;
		return host;
	} catch (error) {
		throw new Error(`the private swarm engine could not be started (scripts/test-engine-swarm.sh start): ${(error as Error).message}`);
	}
}
