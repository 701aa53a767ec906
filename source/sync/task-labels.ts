import type {NodeRow, TaskRow} from '../domain/swarm.js';
import type {Engine} from '../engine/engine.js';
import {sanitizeText} from '../format/sanitize.js';

/** The least time between two task lists for one service's labels: a line from a task not yet known waits at most this. */
const relistEveryMs = 2000;

/** A task's prefix in a service's log: `web.2` by slot, or `web.<node>` for a global service's task. */
export function taskLabel(service: string, task: TaskRow, nodes: readonly NodeRow[]): string {
	if (task.slot > 0) return `${service}.${task.slot}`;
	const node = nodes.find(each => each.id === task.nodeId);
	return `${service}.${node?.hostname || task.nodeId.slice(0, 12)}`;
}

/**
 * Names the tasks of one service for its log view. The engine's service log
 * says only which task wrote a line (its id); the slot comes from the task
 * list, read when a task is first seen, at most once every two seconds (a new
 * task after a scale or an update), so a busy log does not list tasks per
 * line. Until the list answers, a task is shown by its short id.
 */
export class TaskLabels {
	private readonly labels = new Map<string, string>();
	private lastList = 0;
	private listing: Promise<void> | undefined;

	constructor(private readonly engine: Engine, private readonly serviceId: string, private readonly serviceName: string, private readonly nodes: () => readonly NodeRow[]) {}

	/** The safe label of each task id in `ids`, listing the service's tasks once when one is unknown. */
	async resolve(ids: Iterable<string>): Promise<(id: string) => string> {
		const unknown = [...ids].some(id => !this.labels.has(id));
		if (unknown && Date.now() - this.lastList >= relistEveryMs) {
			this.listing ??= this.list().finally(() => {
				this.listing = undefined;
			});
			await this.listing;
		}
		return id => this.labels.get(id) ?? sanitizeText(`${this.serviceName}.${id.slice(0, 10)}`);
	}

	private async list(): Promise<void> {
		this.lastList = Date.now();
		try {
			const tasks = await this.engine.listTasks(this.serviceId);
			for (const task of tasks) this.labels.set(task.id, sanitizeText(taskLabel(this.serviceName, task, this.nodes())));
		} catch {
			// The lines still show, by task id; the next unknown task tries again.
		}
	}
}
