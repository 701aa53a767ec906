import {execFileSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The local test registry's address, "127.0.0.1:PORT". `npm test` exports it
 * as PORTHOLE_TEST_REGISTRY; run alone, a test starts it (and the engine)
 * with scripts/test-registry.sh. If it cannot start, this throws with the
 * script's own explanation, so the test fails loudly instead of skipping.
 * It holds busybox:1 and busybox:layered (a 3 MB layer the engine lacks).
 */
export function testRegistry(): string {
	if (process.env.PORTHOLE_TEST_REGISTRY) return process.env.PORTHOLE_TEST_REGISTRY;
	try {
		const address = execFileSync('bash', ['scripts/test-registry.sh', 'start'], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']}).trim();
		process.env.PORTHOLE_TEST_REGISTRY = address;
		return address;
	} catch (error) {
		throw new Error(`the test registry could not be started (scripts/test-registry.sh start): ${(error as Error).message}`);
	}
}
