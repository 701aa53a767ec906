import {execFileSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The two-node swarm's hosts and the network the script made for it. */
export type TwoNodeSwarm = {
	/** DOCKER_HOST of the manager (in the machine's network namespace). */
	manager: string;
	/** DOCKER_HOST of the worker (its dockerd runs in the script's network namespace). */
	worker: string;
	/** What `scripts/test-swarm-worker.sh net` prints: namespace, veth ends, /30 and the two addresses. */
	net: {netns: string; vethRoot: string; vethNs: string; subnet: string; manager: string; worker: string};
};

const script = (verb: string): string =>
	execFileSync('bash', ['scripts/test-swarm-worker.sh', verb], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']}).trim();

let started: TwoNodeSwarm | undefined;

/**
 * A manager and a worker (scripts/test-swarm-worker.sh: two private dockerds,
 * the worker in a network namespace on a veth /30 the script makes), started
 * on first use; scripts/test.sh stops them (and removes the namespace and
 * veth) at exit. A failure throws with the script's reason, so the test fails
 * instead of skipping.
 */
export function twoNodeSwarm(): TwoNodeSwarm {
	if (started) return started;
	try {
		const manager = script('start');
		const [netns = '', vethRoot = '', vethNs = '', subnet = '', managerAddress = '', workerAddress = ''] = script('net').split(' ');
		started = {manager, worker: script('worker-env'), net: {netns, vethRoot, vethNs, subnet, manager: managerAddress, worker: workerAddress}};
		return started;
	} catch (error) {
		throw new Error(`the two-node swarm could not be started (scripts/test-swarm-worker.sh start): ${(error as Error).message}`);
	}
}
