import type {NodeRow, ServiceRow} from '../domain/swarm.js';
import {tasksPerNode} from '../domain/swarm.js';
import type {Engine} from '../engine/engine.js';

/** What `--once --json` adds on a swarm manager. */
export type SwarmSnapshot = {services: ServiceRow[]; nodes: NodeRow[]};

/**
 * Services and nodes (with their running task counts) when the engine is a
 * swarm manager; undefined on a worker, outside a swarm, or when /info cannot
 * say (Podman): the containers snapshot stands on its own either way.
 */
export async function takeSwarmSnapshot(engine: Engine): Promise<SwarmSnapshot | undefined> {
	const role = await engine.swarmRole().catch(() => 'none' as const);
	if (role !== 'manager') return undefined;
	const [services, nodes, tasks] = await Promise.all([engine.listServices(), engine.listNodes(), engine.listTasks()]);
	const counts = tasksPerNode(tasks);
	return {
		services: [...services].sort((a, b) => a.stack.localeCompare(b.stack) || a.name.localeCompare(b.name)),
		nodes: nodes.map(node => ({...node, tasks: counts.get(node.id) ?? 0})).sort((a, b) => a.hostname.localeCompare(b.hostname)),
	};
}

/** The JSON shape of the swarm part: dates as ISO text, as the containers' are. */
export function swarmJson(swarm: SwarmSnapshot): object {
	return {
		services: swarm.services.map(service => ({
			id: service.id,
			name: service.name,
			stack: service.stack || null,
			mode: service.mode,
			running: service.running,
			desired: service.desired,
			image: service.image,
			ports: service.ports,
			update: service.update ?? null,
			createdAt: service.createdAt ? new Date(service.createdAt).toISOString() : null,
		})),
		nodes: swarm.nodes.map(node => ({
			id: node.id,
			hostname: node.hostname,
			role: node.role,
			managerStatus: node.managerStatus || null,
			availability: node.availability,
			state: node.state,
			engineVersion: node.engineVersion,
			cpus: node.cpus,
			memoryBytes: node.memoryBytes,
			tasks: node.tasks,
		})),
	};
}
