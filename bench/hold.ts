/*
 * Keeps a benchmark workload of N containers on the private engine until
 * Ctrl-C, for profiling Porthole by hand against the same load `npm run bench`
 * uses: `bash scripts/node.sh --import tsx bench/hold.ts 50`.
 */
import Dockerode from 'dockerode';
import {Workload} from './workload.js';

const n = Number(process.argv[2] ?? 50);
const docker = new Dockerode({socketPath: (process.env.DOCKER_HOST ?? 'unix:///tmp/porthole-engine/docker.sock').replace(/^unix:\/\//, '')});
const workload = new Workload(docker);
const done = async () => {
	await workload.cleanup();
	process.exit(0);
};
process.once('SIGINT', () => void done());
process.once('SIGTERM', () => void done());
await workload.create(n);
process.stdout.write(`holding ${n} containers of run ${workload.run}; Ctrl-C removes them\n`);
setInterval(() => undefined, 1 << 30);
