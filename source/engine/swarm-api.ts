import type Dockerode from 'dockerode';
import {swarmRoleFromInfo, type NodeRow, type ServiceRow, type SwarmRole, type TaskRow} from '../domain/swarm.js';
import {classified} from './resource-errors.js';
import {signalled, withDeadline} from './deadline.js';

/** Node availability a manager can set. */
export type NodeAvailability = 'active' | 'pause' | 'drain';

/** The Swarm calls: role, lists, and the service and node changes the views offer. */
export type SwarmApi = {
	/** manager, worker or none, from /info. */
	swarmRole(): Promise<SwarmRole>;
	/** Every service with its running and desired task counts. */
	listServices(): Promise<ServiceRow[]>;
	/** Tasks of one service, or of every service when `serviceId` is absent. */
	listTasks(serviceId?: string): Promise<TaskRow[]>;
	/** Every node (task counts are filled in by the caller). */
	listNodes(): Promise<NodeRow[]>;
	/** Sets a replicated service's replica count. */
	scaleService(id: string, replicas: number): Promise<void>;
	/** Replaces every task: an update whose only change is a bumped ForceUpdate. */
	forceUpdateService(id: string): Promise<void>;
	/** Rolls a service back to its previous spec. */
	rollbackService(id: string): Promise<void>;
	removeService(id: string): Promise<void>;
	setNodeAvailability(id: string, availability: NodeAvailability): Promise<void>;
};

type RawService = {
	ID: string;
	Version?: {Index?: number};
	CreatedAt?: string;
	Spec?: {
		Name?: string;
		Labels?: Record<string, string> | null;
		TaskTemplate?: {ContainerSpec?: {Image?: string; TTY?: boolean}; ForceUpdate?: number};
		Mode?: Record<string, {Replicas?: number; MaxConcurrent?: number; TotalCompletions?: number} | undefined>;
	};
	Endpoint?: {Ports?: Array<{Protocol?: string; TargetPort?: number; PublishedPort?: number}> | null};
	UpdateStatus?: {State?: string; Message?: string};
	ServiceStatus?: {RunningTasks?: number; DesiredTasks?: number};
	PreviousSpec?: unknown;
};

type RawTask = {
	ID: string;
	ServiceID?: string;
	Slot?: number;
	NodeID?: string;
	DesiredState?: string;
	UpdatedAt?: string;
	Status?: {State?: string; Message?: string; Err?: string; ContainerStatus?: {ContainerID?: string}};
};

type RawNode = {
	ID: string;
	Version?: {Index?: number};
	Spec?: {Role?: string; Availability?: string; Labels?: Record<string, string>; Name?: string};
	Description?: {Hostname?: string; Resources?: {NanoCPUs?: number; MemoryBytes?: number}; Engine?: {EngineVersion?: string}};
	Status?: {State?: string};
	ManagerStatus?: {Leader?: boolean; Reachability?: string};
};

const time = (text: string | undefined): number => {
	const ms = text ? Date.parse(text) : 0;
	return Number.isFinite(ms) && ms > 0 ? ms : 0;
};

/** A service list entry as a row. Images lose their digest ("@sha256:…"), which only widens the column. */
export function serviceFromRaw(raw: RawService): ServiceRow {
	const spec = raw.Spec ?? {};
	const mode = Object.keys(spec.Mode ?? {})[0] ?? '';
	const modeName = mode.replace(/Job$/, '-job').toLowerCase();
	const replicas = spec.Mode?.Replicated?.Replicas;
	const status = raw.ServiceStatus;
	return {
		id: raw.ID,
		name: spec.Name ?? raw.ID.slice(0, 12),
		stack: spec.Labels?.['com.docker.stack.namespace'] ?? '',
		mode: modeName,
		running: status?.RunningTasks ?? 0,
		desired: status?.DesiredTasks ?? replicas ?? 0,
		image: (spec.TaskTemplate?.ContainerSpec?.Image ?? '').replace(/@sha256:[0-9a-f]+$/, ''),
		ports: (raw.Endpoint?.Ports ?? []).filter(port => port.PublishedPort).map(port => `${port.PublishedPort}:${port.TargetPort}/${port.Protocol ?? 'tcp'}`),
		update: raw.UpdateStatus?.State ? {state: raw.UpdateStatus.State, message: raw.UpdateStatus.Message ?? ''} : undefined,
		createdAt: time(raw.CreatedAt),
		version: raw.Version?.Index ?? 0,
		replicas,
		...(spec.TaskTemplate?.ContainerSpec?.TTY ? {tty: true} : {}),
	};
}

/** A task as a row. */
export function taskFromRaw(raw: RawTask): TaskRow {
	return {
		id: raw.ID,
		serviceId: raw.ServiceID ?? '',
		slot: raw.Slot ?? 0,
		nodeId: raw.NodeID ?? '',
		desiredState: raw.DesiredState ?? '',
		state: raw.Status?.State ?? '',
		error: raw.Status?.Err ?? '',
		message: raw.Status?.Message ?? '',
		containerId: raw.Status?.ContainerStatus?.ContainerID ?? '',
		updatedAt: time(raw.UpdatedAt),
	};
}

/** A node as a row. */
export function nodeFromRaw(raw: RawNode): NodeRow {
	const manager = raw.ManagerStatus;
	return {
		id: raw.ID,
		hostname: raw.Description?.Hostname ?? raw.ID.slice(0, 12),
		role: raw.Spec?.Role ?? '',
		managerStatus: manager ? (manager.Leader ? 'leader' : manager.Reachability ?? '') : '',
		availability: raw.Spec?.Availability ?? '',
		state: raw.Status?.State ?? '',
		engineVersion: raw.Description?.Engine?.EngineVersion ?? '',
		cpus: (raw.Description?.Resources?.NanoCPUs ?? 0) / 1e9,
		memoryBytes: raw.Description?.Resources?.MemoryBytes ?? 0,
		version: raw.Version?.Index ?? 0,
		tasks: 0,
	};
}

/** The Swarm calls over one dockerode client. Updates read the object first: the engine wants its current version. */
export function swarmApi(docker: Dockerode): SwarmApi {
	const inspectService = async (id: string) => (await classified(() => withDeadline('inspect service', () => docker.getService(id).inspect()))) as RawService & {Spec: Record<string, unknown>};
	const update = async (id: string, change: (spec: Record<string, any>) => Record<string, unknown>, query: Record<string, string> = {}) => {
		const raw = await inspectService(id);
		const spec = structuredClone(raw.Spec) as Record<string, any>;
		await classified(() => docker.getService(id).update({_query: {version: raw.Version?.Index ?? 0, ...query}, _body: change(spec)} as never));
	};
	return {
		async swarmRole() {
			return swarmRoleFromInfo(await withDeadline('info', () => docker.info()));
		},
		async listServices() {
			const list = (await withDeadline('list services', signal => docker.listServices(signalled({status: true} as object, signal)))) as unknown as RawService[];
			return list.map(serviceFromRaw);
		},
		async listTasks(serviceId) {
			const options = serviceId ? {filters: {service: [serviceId]}} : {};
			const list = (await withDeadline('list tasks', signal => docker.listTasks(signalled(options, signal)))) as unknown as RawTask[];
			return list.map(taskFromRaw);
		},
		async listNodes() {
			const list = (await withDeadline('list nodes', signal => docker.listNodes(signalled({}, signal)))) as unknown as RawNode[];
			return list.map(nodeFromRaw);
		},
		async scaleService(id, replicas) {
			await update(id, spec => {
				if (!spec.Mode?.Replicated) throw new Error('only a replicated service can be scaled');
				return {...spec, Mode: {Replicated: {Replicas: replicas}}};
			});
		},
		async forceUpdateService(id) {
			await update(id, spec => ({...spec, TaskTemplate: {...spec.TaskTemplate, ForceUpdate: (spec.TaskTemplate?.ForceUpdate ?? 0) + 1}}));
		},
		async rollbackService(id) {
			await update(id, spec => spec, {rollback: 'previous'});
		},
		async removeService(id) {
			await classified(() => docker.getService(id).remove());
		},
		async setNodeAvailability(id, availability) {
			const raw = (await classified(() => withDeadline('inspect node', () => docker.getNode(id).inspect()))) as RawNode;
			await classified(() => docker.getNode(id).update({_query: {version: raw.Version?.Index ?? 0}, _body: {...raw.Spec, Availability: availability}} as never) as unknown as Promise<unknown>);
		},
	};
}
