import {open, stat} from 'node:fs/promises';
import {configFiles} from '../domain/compose-file.js';
import {composeLabels, projectsOf} from '../domain/compose.js';
import {setProjectFiles} from '../store/project-files.js';
import type {ProjectFiles} from '../store/state.js';
import type {Store} from '../store/store.js';

/** How often the files of the projects on screen are looked at again (a stat each; read only when one changed). */
export const composeFilesIntervalMs = 2000;

/** A compose file larger than this is not read (no compose file is; a path pointing at a log or a device would be). */
export const composeFileMaxBytes = 1024 * 1024;

/** Why a file could not be read, in a few words. */
function reason(error: unknown): string {
	const code = (error as {code?: string}).code;
	if (code === 'ENOENT') return 'no such file here';
	if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
	if (code === 'EISDIR') return 'a directory';
	return (error as Error).message ?? String(error);
}

/** Reads at most composeFileMaxBytes of `file`; throws with a short reason. */
async function readBounded(file: string): Promise<string> {
	const handle = await open(file, 'r');
	try {
		const buffer = Buffer.alloc(composeFileMaxBytes + 1);
		const {bytesRead} = await handle.read(buffer, 0, buffer.length, 0);
		if (bytesRead > composeFileMaxBytes) throw new Error(`larger than ${composeFileMaxBytes / 1024 / 1024} MiB`);
		return buffer.subarray(0, bytesRead).toString('utf8');
	} finally {
		await handle.close();
	}
}

/** The files' version: each one's path, size and change time, or why it cannot be looked at. */
async function signature(files: readonly string[]): Promise<string> {
	const parts = await Promise.all(files.map(async file => {
		try {
			const info = await stat(file);
			return `${file}\0${info.size}\0${info.mtimeMs}\0${info.ino}`;
		} catch (error) {
			return `${file}\0${reason(error)}`;
		}
	}));
	return parts.join('\n');
}

/** Reads and parses a project's files: its services, or why not (the first file that failed, named). */
export async function readProjectFiles(files: readonly string[]): Promise<ProjectFiles> {
	if (files.length === 0) return {files, error: `its containers name no compose file (${composeLabels.configFiles})`};
	const texts: string[] = [];
	for (const file of files) {
		try {
			texts.push(await readBounded(file));
		} catch (error) {
			return {files, error: `${file}: ${reason(error)}`};
		}
	}
	try {
		// The parser (and YAML) load on first use: only the grouped view reads compose files.
		const {readServices} = await import('../domain/compose-services.js');
		return {files, ...readServices(texts)};
	} catch (error) {
		return {files, error: `${files.length === 1 ? files[0] : files.join(', ')}: ${String((error as Error).message ?? error).split('\n')[0]}`};
	}
}

/**
 * Reads the compose files of the projects on the engine while the grouped
 * view is on, for the drift marker: every `intervalMs` it looks at each
 * project's files (named by its containers' labels) and reads them again
 * only when one changed, so editing a compose file shows as drift within a
 * few seconds. Nothing runs while the view is flat. One pass at a time.
 * Files are read on this machine: a remote engine's are usually not here,
 * and the project then says its files cannot be read.
 */
export class ComposeFiles {
	private timer: NodeJS.Timeout | undefined;
	private running = false;
	private passing = false;
	/** Bumped on each halt, so a pass that ends after one changes nothing. */
	private generation = 0;
	/** Each project's files' version when last read. */
	private readonly seen = new Map<string, string>();

	constructor(private readonly store: Store, private readonly intervalMs = composeFilesIntervalMs) {}

	/** Starts following the store; returns the function that stops everything. */
	start(): () => void {
		const unsubscribe = this.store.subscribe(() => this.follow());
		this.follow();
		return () => {
			unsubscribe();
			this.halt();
		};
	}

	private follow(): void {
		if (!(this.store.getSnapshot().ui.grouped ?? false)) return this.halt();
		if (this.running) return;
		this.running = true;
		void this.pass();
	}

	private halt(): void {
		if (!this.running) return;
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		this.running = false;
		this.generation++;
		// Read afresh when the view comes back: the files may have changed meanwhile.
		this.seen.clear();
	}

	private async pass(): Promise<void> {
		if (this.passing) return;
		this.passing = true;
		const generation = this.generation;
		const projects = projectsOf(this.store.getSnapshot().containers.values());
		const read = new Map<string, ProjectFiles>();
		const versions = new Map<string, string>();
		try {
			for (const [name, rows] of projects) {
				const files = configFiles(rows.find(row => row.labels[composeLabels.configFiles])?.labels ?? rows[0]?.labels ?? {});
				const version = await signature(files);
				if (this.seen.get(name) === version) continue;
				read.set(name, await readProjectFiles(files));
				versions.set(name, version);
			}
		} finally {
			this.passing = false;
		}
		if (generation !== this.generation) {
			// Halted meanwhile; if the view came back, its own pass was turned away while this one ran.
			if (this.running && !this.timer) void this.pass();
			return;
		}
		for (const [name, version] of versions) this.seen.set(name, version);
		for (const name of this.seen.keys()) if (!projects.has(name)) this.seen.delete(name);
		this.store.update(state => setProjectFiles(state, read, new Set(projects.keys())));
		if (this.running) this.timer = setTimeout(() => void this.pass(), this.intervalMs);
	}
}
