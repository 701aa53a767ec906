import {execa} from 'execa';
import {execFileSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The image every test container runs: busybox-static, imported by scripts/test-engine.sh. */
export const testImage = 'porthole-test/busybox:1';

/**
 * The private engine's DOCKER_HOST. `npm test` exports it; run alone, a test
 * starts the engine itself. If it cannot start, this throws with the script's
 * own explanation, so the test fails loudly instead of skipping.
 */
export function testHost(): string {
	if (process.env.PORTHOLE_TEST_HOST) return process.env.PORTHOLE_TEST_HOST;
	try {
		const host = execFileSync('bash', ['scripts/test-engine.sh', 'start'], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']}).trim();
		process.env.PORTHOLE_TEST_HOST = host;
		return host;
	} catch (error) {
		throw new Error(`the private Docker engine could not be started (scripts/test-engine.sh start): ${(error as Error).message}`);
	}
}

/** The socket path of the private engine. */
export function testSocket(): string {
	return testHost().replace(/^unix:\/\//, '');
}

/** Runs the docker CLI against the private engine and returns its trimmed stdout. */
export async function docker(...args: string[]): Promise<string> {
	const result = await execa('docker', ['-H', testHost(), ...args]);
	return result.stdout.trim();
}

/**
 * Test containers of one test file: uniquely named and labelled, so `cleanup`
 * removes exactly them even when a test failed halfway.
 */
export class TestContainers {
	readonly label = `porthole.test=${randomBytes(4).toString('hex')}`;

	/** A name no other run uses. */
	name(prefix: string): string {
		return `${prefix}-${randomBytes(3).toString('hex')}`;
	}

	/** `docker run -d` with our label; returns the container id. */
	async run(name: string, command: string[], extra: string[] = []): Promise<string> {
		return docker('run', '-d', '--name', name, '--label', this.label, ...extra, testImage, ...command);
	}

	/** `docker create` with our label; returns the container id. */
	async create(name: string, command: string[], extra: string[] = []): Promise<string> {
		return docker('create', '--name', name, '--label', this.label, ...extra, testImage, ...command);
	}

	/** Removes every container this file made. */
	async cleanup(): Promise<void> {
		const ids = (await docker('ps', '-aq', '--filter', `label=${this.label}`)).split('\n').filter(Boolean);
		if (ids.length > 0) await docker('rm', '-f', ...ids);
	}
}

/** The engine's own view of a container's state, e.g. "running" or "exited"; undefined when it is gone. */
export async function engineState(nameOrId: string): Promise<string | undefined> {
	try {
		return await docker('inspect', '-f', '{{.State.Status}}', nameOrId);
	} catch {
		return undefined;
	}
}
