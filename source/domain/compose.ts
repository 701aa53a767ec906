import type {ContainerRow} from './container.js';

/** The labels docker compose puts on each container it makes. */
export const composeLabels = {
	project: 'com.docker.compose.project',
	service: 'com.docker.compose.service',
	dependsOn: 'com.docker.compose.depends_on',
	configFiles: 'com.docker.compose.project.config_files',
	workingDir: 'com.docker.compose.project.working_dir',
} as const;

/**
 * The services a container's service depends on, from the depends_on label
 * compose writes: "db:service_healthy:true,cache:service_started:false"
 * (service, condition, restart). Older compose writes nothing: no order.
 */
export function dependsOn(row: ContainerRow): string[] {
	const text = row.labels[composeLabels.dependsOn] ?? '';
	return text.split(',').map(part => part.split(':')[0]?.trim() ?? '').filter(service => service !== '');
}

/** A container's compose service, or its name when it has no service label. */
export function serviceOf(row: ContainerRow): string {
	return row.labels[composeLabels.service] ?? row.name;
}

/**
 * A project's containers in the order `up` starts them: each level holds the
 * services whose dependencies are all in earlier levels, so a level's
 * containers can go together. Dependencies outside the project's containers
 * are ignored. A cycle (compose refuses those, but labels can say anything)
 * puts what is left in one last level rather than losing it. Stop and remove
 * go the other way: `levels.reverse()`.
 */
export function startLevels(rows: readonly ContainerRow[]): ContainerRow[][] {
	const byService = new Map<string, ContainerRow[]>();
	for (const row of rows) byService.set(serviceOf(row), [...(byService.get(serviceOf(row)) ?? []), row]);
	const needs = new Map<string, Set<string>>();
	for (const [service, members] of byService) {
		needs.set(service, new Set(members.flatMap(dependsOn).filter(dependency => dependency !== service && byService.has(dependency))));
	}
	const levels: ContainerRow[][] = [];
	const placed = new Set<string>();
	while (placed.size < byService.size) {
		const ready = [...byService.keys()].filter(service => !placed.has(service) && [...(needs.get(service) ?? [])].every(dependency => placed.has(dependency)));
		const level = ready.length > 0 ? ready : [...byService.keys()].filter(service => !placed.has(service));
		level.sort();
		for (const service of level) placed.add(service);
		levels.push(level.flatMap(service => [...(byService.get(service) ?? [])].sort((a, b) => a.name.localeCompare(b.name))));
	}
	return levels;
}

/** The compose projects among the containers, by name, each with its containers. */
export function projectsOf(rows: Iterable<ContainerRow>): Map<string, ContainerRow[]> {
	const projects = new Map<string, ContainerRow[]>();
	for (const row of rows) {
		if (!row.composeProject) continue;
		projects.set(row.composeProject, [...(projects.get(row.composeProject) ?? []), row]);
	}
	return projects;
}
