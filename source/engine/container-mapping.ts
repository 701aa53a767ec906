import type Dockerode from 'dockerode';
import {composeLabel, type ContainerRow, type ContainerState, type HealthState, type MountInfo, type PortMapping} from '../domain/container.js';

const states = new Set<ContainerState>(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead']);

function toState(value: string | undefined): ContainerState {
	const lower = (value ?? '').toLowerCase() as ContainerState;
	return states.has(lower) ? lower : 'dead';
}

function toTime(value: string | number | undefined): number {
	if (value === undefined) return 0;
	if (typeof value === 'number') return value * 1000;
	const ms = Date.parse(value);
	// The engine reports "0001-01-01T00:00:00Z" for times that never happened.
	return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

function healthFromStatus(status: string): HealthState {
	if (status.includes('(healthy)')) return 'healthy';
	if (status.includes('(unhealthy)')) return 'unhealthy';
	if (status.includes('(health: starting)')) return 'starting';
	return undefined;
}

/**
 * A row from the list endpoint's summary. The list lacks start time, restart
 * count and TTY, so those are filled in by a later inspect; the exit code and
 * health are read from the status words meanwhile.
 */
export function rowFromSummary(info: Dockerode.ContainerInfo): ContainerRow {
	const labels = info.Labels ?? {};
	const exit = /Exited \((-?\d+)\)/.exec(info.Status ?? '');
	return {
		id: info.Id,
		name: (info.Names?.[0] ?? info.Id.slice(0, 12)).replace(/^\//, ''),
		image: info.Image,
		imageId: info.ImageID,
		state: toState(info.State),
		health: healthFromStatus(info.Status ?? ''),
		exitCode: exit ? Number(exit[1]) : 0,
		startedAt: 0,
		createdAt: toTime(info.Created),
		finishedAt: 0,
		ports: (info.Ports ?? []).map(port => ({
			privatePort: port.PrivatePort,
			publicPort: port.PublicPort,
			ip: port.IP,
			type: port.Type,
		})),
		labels,
		restartCount: 0,
		command: info.Command ?? '',
		mounts: (info.Mounts ?? []).map(mount => ({
			type: mount.Type,
			source: mount.Source,
			destination: mount.Destination,
			name: mount.Name,
			readOnly: mount.RW === false,
		})),
		tty: false,
		composeProject: labels[composeLabel],
	};
}

function portsFromInspect(ports: Record<string, Array<{HostIp: string; HostPort: string}> | null> | undefined): PortMapping[] {
	const result: PortMapping[] = [];
	for (const [key, bindings] of Object.entries(ports ?? {})) {
		const [port = '0', type = 'tcp'] = key.split('/');
		if (!bindings || bindings.length === 0) {
			result.push({privatePort: Number(port), type});
			continue;
		}
		for (const binding of bindings) {
			result.push({privatePort: Number(port), publicPort: Number(binding.HostPort), ip: binding.HostIp, type});
		}
	}
	return result;
}

/** The full row from an inspect response. */
export function rowFromInspect(info: Dockerode.ContainerInspectInfo): ContainerRow {
	const labels = info.Config?.Labels ?? {};
	const state = info.State;
	const args = [info.Path, ...(info.Args ?? [])].filter(Boolean);
	const mounts: MountInfo[] = (info.Mounts ?? []).map(mount => ({
		type: mount.Type,
		source: mount.Source,
		destination: mount.Destination,
		name: mount.Name,
		readOnly: mount.RW === false,
	}));
	return {
		id: info.Id,
		name: info.Name.replace(/^\//, ''),
		image: info.Config?.Image ?? info.Image,
		imageId: info.Image,
		state: toState(state.Status),
		health: (state.Health?.Status as HealthState) ?? undefined,
		exitCode: state.ExitCode ?? 0,
		startedAt: toTime(state.StartedAt),
		createdAt: toTime(info.Created),
		finishedAt: toTime(state.FinishedAt),
		ports: portsFromInspect(info.NetworkSettings?.Ports as never),
		labels,
		restartCount: info.RestartCount ?? 0,
		command: args.join(' '),
		mounts,
		tty: info.Config?.Tty ?? false,
		composeProject: labels[composeLabel],
		oomKilled: state.OOMKilled === true,
	};
}
