/** Where the connected engine stands in a swarm: only a manager can list services, tasks and nodes. */
export type SwarmRole = 'manager' | 'worker' | 'none';

/** One service, reduced to what the services view shows. */
export type ServiceRow = {
	id: string;
	name: string;
	/** `com.docker.stack.namespace`, '' outside a stack. */
	stack: string;
	/** replicated, global, replicated-job, global-job. */
	mode: string;
	/** Tasks running now, and tasks wanted (from `?status=true`). */
	running: number;
	desired: number;
	image: string;
	/** Published ports, "8080:80/tcp" each. */
	ports: string[];
	/** The update or rollback in progress or stopped, if any. */
	update?: {state: string; message: string};
	createdAt: number;
	/** The object version an update must name. */
	version: number;
	/** Replicas wanted by the spec (replicated mode), for scale's default answer. */
	replicas?: number;
	/** The tasks run with a TTY: their log is one raw stream, not frames. */
	tty?: boolean;
};

/** One task of a service. */
export type TaskRow = {
	id: string;
	serviceId: string;
	/** Replica number; 0 for a global service's task (which has a node instead). */
	slot: number;
	nodeId: string;
	desiredState: string;
	state: string;
	/** The engine's error for a failed or rejected task, else ''. */
	error: string;
	message: string;
	containerId: string;
	updatedAt: number;
};

/** One node of the swarm. */
export type NodeRow = {
	id: string;
	hostname: string;
	role: string;
	/** leader, reachable, unreachable; '' for a worker. */
	managerStatus: string;
	availability: string;
	state: string;
	engineVersion: string;
	/** Whole CPUs (NanoCPUs / 1e9). */
	cpus: number;
	memoryBytes: number;
	version: number;
	/** Tasks that run there now (state running), filled in from the task list. */
	tasks: number;
};

/** The swarm role /info reports: a manager when it controls the swarm, a worker when active without control. */
export function swarmRoleFromInfo(info: {Swarm?: {LocalNodeState?: string; ControlAvailable?: boolean}} | undefined): SwarmRole {
	const swarm = info?.Swarm;
	if (!swarm || swarm.LocalNodeState !== 'active') return 'none';
	return swarm.ControlAvailable ? 'manager' : 'worker';
}

/** The one line a swarm view shows where it cannot list (worker, no swarm). */
export function swarmRoleText(role: SwarmRole): string | undefined {
	if (role === 'worker') return 'this engine is a swarm worker: services, tasks and nodes are listed only on a manager';
	if (role === 'none') return 'this engine is not in a swarm (docker swarm init makes it a manager)';
	return undefined;
}

/** `running/desired` as shown, e.g. "2/3"; a global service's desired count is its task count. */
export function replicasText(row: Pick<ServiceRow, 'running' | 'desired'>): string {
	return `${row.running}/${row.desired}`;
}

/** Update states that stop a rollout and need the user: shown in red with the engine's message. */
export const troubledUpdateStates = new Set(['paused', 'rollback_paused']);

/** The update column: "updating", "rollback_completed", "paused: task failed…"; '' when none ever ran. */
export function updateText(update: ServiceRow['update']): string {
	if (!update || !update.state) return '';
	const state = update.state.replace(/_/g, ' ');
	return update.message && (troubledUpdateStates.has(update.state) || update.state.endsWith('paused')) ? `${state}: ${update.message}` : state;
}

/** Running tasks on each node, from the task list. */
export function tasksPerNode(tasks: readonly Pick<TaskRow, 'nodeId' | 'state'>[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const task of tasks) if (task.state === 'running' && task.nodeId) counts.set(task.nodeId, (counts.get(task.nodeId) ?? 0) + 1);
	return counts;
}

/** A stack: the services sharing one `com.docker.stack.namespace`. */
export type StackRow = {
	/** The namespace, used as the row's key. */
	id: string;
	name: string;
	services: number;
	/** Services with every wanted task running. */
	healthy: number;
	running: number;
	desired: number;
};

/** Groups services by stack, by name; services outside any stack are left out. */
export function stacksOf(services: readonly ServiceRow[]): StackRow[] {
	const stacks = new Map<string, StackRow>();
	for (const service of services) {
		if (!service.stack) continue;
		const stack = stacks.get(service.stack) ?? {id: service.stack, name: service.stack, services: 0, healthy: 0, running: 0, desired: 0};
		stack.services += 1;
		if (service.running >= service.desired) stack.healthy += 1;
		stack.running += service.running;
		stack.desired += service.desired;
		stacks.set(service.stack, stack);
	}
	return [...stacks.values()].sort((a, b) => a.name.localeCompare(b.name));
}
