/*
 * The bench's latency figures: engine event to frame, and key to frame on the
 * containers list (bench.ts runs them in each run's steady state).
 */
import type Dockerode from 'dockerode';
import {setTimeout as sleep} from 'node:timers/promises';
import type {ScreenCheck, Terminal} from './terminal.js';
import type {Workload} from './workload.js';

/** Engine event times by `id:action`, from our own subscription. */
export class EventClock {
	private readonly times = new Map<string, number>();
	private readonly waiters = new Map<string, (time: number) => void>();
	private stream?: NodeJS.ReadableStream & {destroy(): void};

	async start(docker: Dockerode, label: string): Promise<void> {
		this.stream = await docker.getEvents({filters: {label: [label], type: ['container']}}) as unknown as NodeJS.ReadableStream & {destroy(): void};
		let buffer = '';
		this.stream!.on('data', (chunk: Buffer) => {
			buffer += chunk.toString();
			let newline: number;
			while ((newline = buffer.indexOf('\n')) >= 0) {
				const line = buffer.slice(0, newline);
				buffer = buffer.slice(newline + 1);
				try {
					const event = JSON.parse(line) as {Action?: string; Actor?: {ID?: string}; timeNano?: number};
					const key = `${event.Actor?.ID}:${event.Action}`;
					const time = (event.timeNano ?? 0) / 1e6;
					this.times.set(key, time);
					this.waiters.get(key)?.(time);
				} catch {
					// A partial or odd line: not one of ours.
				}
			}
		});
	}

	/** The engine's time (epoch ms) of the event, waiting for it if need be. */
	when(id: string, action: string, timeoutMs = 10_000): Promise<number> {
		const key = `${id}:${action}`;
		const known = this.times.get(key);
		if (known !== undefined) return Promise.resolve(known);
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no ${action} event for ${id.slice(0, 12)} within ${timeoutMs} ms`)), timeoutMs);
			this.waiters.set(key, time => {
				clearTimeout(timer);
				this.waiters.delete(key);
				resolve(time);
			});
		});
	}

	stop(): void {
		this.stream?.destroy();
	}
}

const rowOf = (lines: string[], name: string) => lines.find(line => line.includes(name));

/**
 * Event-to-screen latency: alternately stops a visible running container and
 * starts a new one that sorts into view, and times each from the engine's
 * event (die, start) to the frame that shows the change.
 */
export async function eventLatency(terminal: Terminal, workload: Workload, clock: EventClock, count: number): Promise<number[]> {
	const samples: number[] = [];
	for (let index = 0; index < count; index++) {
		let id: string;
		let name: string;
		let action: string;
		let word: string;
		if (index % 2 === 0) {
			const lines = terminal.screen.lines();
			const member = workload.members.find(m => m.kind === 'idle' && rowOf(lines, m.name)?.includes('running'));
			if (!member) throw new Error('no running workload container is visible to stop');
			({id, name} = member);
			action = 'die';
			word = 'exited';
			await workload.docker.getContainer(id).stop({t: 0});
		} else {
			name = workload.name('a-new', index);
			id = await workload.start(name, ['sleep', '999999']);
			workload.members.push({name, kind: 'idle', id});
			action = 'start';
			word = 'running';
		}
		const [shown, happened] = await Promise.all([
			terminal.waitFor(lines => rowOf(lines, name)?.includes(word) ?? false, 10_000, `${name} ${word}`),
			clock.when(id, action),
		]);
		samples.push(Math.max(0, shown - happened));
		await sleep(300);
	}
	return samples;
}

/**
 * Key-to-frame latency on the containers list, with every row loaded: `/`
 * opens the filter prompt, `b` filters all N rows (the re-render that grows
 * with N), Escape clears it. Each is timed from the key's write to the frame
 * that shows its result.
 */
export async function keyLatency(terminal: Terminal, rounds: number): Promise<number[]> {
	const samples: number[] = [];
	const timed = async (key: string, check: ScreenCheck, what: string) => {
		const sent = Date.now();
		terminal.type(key);
		samples.push(Math.max(0, await terminal.waitFor(check, 10_000, what) - sent));
		await sleep(300);
	};
	for (let round = 0; round < rounds; round++) {
		await timed('/', lines => lines.some(line => line.startsWith('/ ') && line.includes('text or regex')), 'the filter prompt after /');
		await timed('b', lines => lines.some(line => line.startsWith('/b ')), 'the list filtered by b');
		await timed('\u001B', lines => lines.some(line => line.startsWith('q quit')), 'the key hints back after Escape');
	}
	if (process.env.BENCH_DEBUG) process.stderr.write(`list key latencies (/, b, Escape, ...): ${samples.join(' ')}\n`);
	return samples;
}
