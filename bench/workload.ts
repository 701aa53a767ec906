import Dockerode from 'dockerode';
import {randomBytes} from 'node:crypto';

/** The image every benchmark container runs: busybox-static, imported by scripts/test-engine.sh. */
export const image = 'porthole-test/busybox:1';

/** What one benchmark container does. */
export type Kind = 'burn' | 'idle' | 'log' | 'stop';

/** One container of the workload. */
export type Member = {name: string; kind: Kind; id: string};

/** How many of each kind make up a workload of `n`: a fifth stopped, up to 3 burners, 2 loggers, the rest idle. */
export function composition(n: number): Record<Kind, number> {
	const stop = Math.max(1, Math.round(n / 5));
	const burn = Math.min(3, Math.max(1, Math.floor(n / 10)));
	const log = n >= 10 ? 2 : 1;
	return {burn, log, stop, idle: Math.max(0, n - stop - burn - log)};
}

const commands: Record<Kind, string[]> = {
	idle: ['sleep', '999999'],
	// Capped at 5% of a core with --cpus 0.05 (NanoCpus).
	burn: ['sh', '-c', 'while :; do :; done'],
	// About 50 lines a second.
	log: ['sh', '-c', 'i=0; while :; do i=$((i+1)); echo "bench log line $i"; sleep 0.02; done'],
	stop: ['true'],
};

/**
 * A labelled set of containers and volumes on the private engine. Everything
 * it makes carries `porthole.bench=<run id>`, so `cleanup` removes exactly
 * that, even after a failure or Ctrl-C.
 */
export class Workload {
	readonly run = randomBytes(3).toString('hex');
	readonly label = {'porthole.bench': this.run};
	readonly members: Member[] = [];
	readonly volumes: string[] = [];

	constructor(readonly docker: Dockerode) {}

	/** A container name of this run; names sort by kind, then number. */
	name(kind: string, index: number): string {
		return `bench-${this.run}-${kind}-${String(index).padStart(3, '0')}`;
	}

	/** Creates the workload of `n` containers, `batch` at a time, and waits until the stopped ones have exited. */
	async create(n: number, batch = 16): Promise<void> {
		const counts = composition(n);
		for (let index = 0; index < Math.min(3, counts.idle); index++) {
			const name = `bench-${this.run}-vol-${index}`;
			await this.docker.createVolume({Name: name, Labels: this.label});
			this.volumes.push(name);
		}
		const plan: Array<{kind: Kind; index: number}> = [];
		for (const kind of ['burn', 'log', 'stop', 'idle'] as Kind[]) {
			for (let index = 0; index < counts[kind]; index++) plan.push({kind, index});
		}
		for (let start = 0; start < plan.length; start += batch) {
			await Promise.all(plan.slice(start, start + batch).map(async ({kind, index}) => {
				const volume = kind === 'idle' ? this.volumes[index] : undefined;
				const id = await this.start(this.name(kind, index), commands[kind], {
					...(kind === 'burn' ? {NanoCpus: 50_000_000} : {}),
					...(volume ? {Binds: [`${volume}:/data`]} : {}),
				});
				this.members.push({name: this.name(kind, index), kind, id});
			}));
		}
		for (const member of this.members.filter(m => m.kind === 'stop')) await this.docker.getContainer(member.id).wait();
	}

	/** Creates and starts one labelled container; returns its id. */
	async start(name: string, command: string[], hostConfig: Dockerode.HostConfig = {}): Promise<string> {
		const container = await this.docker.createContainer({
			name,
			Image: image,
			Cmd: command,
			Labels: this.label,
			HostConfig: {NetworkMode: 'none', ...hostConfig},
		});
		await container.start();
		return container.id;
	}

	/** Stops containers at once (SIGKILL after 0 s), a batch at a time. */
	async stopAll(ids: string[], batch = 16): Promise<void> {
		for (let start = 0; start < ids.length; start += batch) {
			await Promise.all(ids.slice(start, start + batch).map(id => this.docker.getContainer(id).stop({t: 0}).catch(() => undefined)));
		}
	}

	/** Removes every container and volume labelled with this run. Never throws. */
	async cleanup(): Promise<void> {
		const filters = JSON.stringify({label: [`porthole.bench=${this.run}`]});
		try {
			const containers = await this.docker.listContainers({all: true, filters});
			for (let start = 0; start < containers.length; start += 16) {
				await Promise.all(containers.slice(start, start + 16).map(c => this.docker.getContainer(c.Id).remove({force: true}).catch(() => undefined)));
			}
			const {Volumes: volumes} = await this.docker.listVolumes({filters});
			await Promise.all((volumes ?? []).map(v => this.docker.getVolume(v.Name).remove().catch(() => undefined)));
		} catch (error) {
			process.stderr.write(`bench: cleanup of run ${this.run} failed: ${(error as Error).message}; remove containers labelled porthole.bench=${this.run} by hand\n`);
		}
	}
}
