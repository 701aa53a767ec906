import assert from 'node:assert/strict';
import {execa} from 'execa';
import {fileURLToPath} from 'node:url';
import {after, describe, it} from 'node:test';
import {testHost} from '../helpers/engine.js';
import {waitFor} from '../helpers/wait.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = fileURLToPath(new URL('../../dist/porthole.js', import.meta.url));
const demo = (what: string) => execa('bash', ['scripts/demo.sh', what], {cwd: root});

type Row = {name: string; state: string; health?: string; exitCode: number; composeProject?: string; restartCount: number; labels: Record<string, string>};
async function demoRows(): Promise<Row[]> {
	const {stdout} = await execa(process.execPath, [cli, '--json', '--host', testHost()], {env: {DOCKER_HOST: ''}});
	return (JSON.parse(stdout) as {containers: Row[]}).containers.filter(row => row.labels['porthole.demo'] === '1');
}

describe('npm run demo (setup, then clean)', () => {
	after(async () => {
		await demo('clean');
	});

	it('makes the workload the README promises: two projects, logger, burner, healthy and unhealthy, restarting, exited jobs, volumes', {timeout: 60_000}, async () => {
		testHost();
		await demo('setup');
		let rows: Row[] = [];
		// Health checks run every 2 s and the flaky one restarts after 4 s.
		await waitFor(async () => {
			rows = await demoRows();
			const byName = new Map(rows.map(row => [row.name, row]));
			return byName.get('shop-db')?.health === 'healthy' && byName.get('blog-web')?.health === 'unhealthy' && (byName.get('flaky')?.restartCount ?? 0) > 0;
		}, {timeoutMs: 30_000, intervalMs: 500, what: 'the health checks and the first restart'});
		const byName = new Map(rows.map(row => [row.name, row]));
		assert.deepEqual(new Set(rows.map(row => row.composeProject).filter(Boolean)), new Set(['shop', 'blog']));
		for (const name of ['logger', 'cpu-burner', 'shop-web', 'blog-worker']) assert.equal(byName.get(name)?.state, 'running', name);
		assert.equal(byName.get('job-migrate')?.state, 'exited');
		assert.equal(byName.get('job-migrate')?.exitCode, 0);
		assert.equal(byName.get('job-report')?.exitCode, 3);
		const {stdout: volumes} = await execa('docker', ['-H', testHost(), 'volume', 'ls', '-q', '--filter', 'label=porthole.demo=1']);
		assert.deepEqual(volumes.split('\n').sort(), ['blog-uploads', 'scratch', 'shop-db-data']);
		// The logger writes to both streams: docker logs gives them back apart.
		const logs = await execa('docker', ['-H', testHost(), 'logs', 'logger']);
		assert.match(logs.stdout, /info: request \d+ served/);
		assert.match(logs.stderr, /error: upstream timeout/);
		assert.doesNotMatch(logs.stdout, /error:/);
	});

	it('clean removes exactly the demo', {timeout: 30_000}, async () => {
		await demo('clean');
		assert.deepEqual(await demoRows(), []);
		const {stdout: volumes} = await execa('docker', ['-H', testHost(), 'volume', 'ls', '-q', '--filter', 'label=porthole.demo=1']);
		assert.equal(volumes, '');
	});
});
