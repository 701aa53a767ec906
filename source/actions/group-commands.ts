import {projectOfKey, selectEntries, selectedEntry, type GroupEntry} from '../store/project-groups.js';
import type {AppState} from '../store/state.js';
import {notify, setUi} from '../store/ui-slice.js';
import {openLogs} from '../store/logs-slice.js';
import {isRunning} from './container-actions.js';
import {askProjectAction} from './project-actions.js';
import {composeProject} from './compose-actions.js';
import {marksOf, markedIn, updateMarks} from '../store/marks-slice.js';
import type {CommandContext, Handler, Handlers} from './command-context.js';
import type {Move} from './navigation.js';
import {labelFor} from '../keys/key-labels.js';

/** Moves the selection over the grouped table's entries: headers and containers alike. */
export function moveEntry(state: AppState, move: Move): AppState {
	const entries = selectEntries(state);
	if (entries.length === 0) return state;
	const index = Math.max(0, entries.findIndex(entry => entry.key === state.ui.selectedId));
	const next = move === 'first' ? 0 : move === 'last' ? entries.length - 1 : Math.min(entries.length - 1, Math.max(0, index + move));
	const key = entries[next]?.key;
	return key === state.ui.selectedId ? state : setUi(state, {selectedId: key});
}

/** Folds or unfolds a project; the selection stays on its header. */
function toggleFold(state: AppState, name: string): AppState {
	const folded = new Set(state.ui.folded ?? []);
	if (folded.has(name)) folded.delete(name);
	else folded.add(name);
	return setUi(state, {folded: [...folded].sort()});
}

/** `P`: grouped by project, or flat again; leaving a header selects its first container. */
function toggleGrouping(state: AppState): AppState {
	const grouped = !state.ui.grouped;
	const project = projectOfKey(state.ui.selectedId);
	const first = project === undefined ? undefined : [...state.containers.values()].filter(row => row.composeProject === project).sort((a, b) => a.name.localeCompare(b.name))[0];
	const next = setUi(state, {grouped, ...(grouped ? {} : {selectedId: first?.id ?? state.ui.selectedId})});
	if (!grouped) return notify(next, 'not grouped');
	const key = (command: 'fold' | 'toggle-detail' | 'start-stop' | 'restart' | 'remove') => labelFor(command, 'containers', state.readOnly);
	const acting = [key('start-stop'), key('restart'), key('remove')].filter(Boolean);
	return notify(next, `grouped by compose project; ${key('fold')} or ${key('toggle-detail')} on a project folds it${acting.length > 0 ? `; ${acting.join(', ')} act on all of it` : ''}`);
}

/** Pause and kill on a project header: say how to reach all of it (marks), with the key from the keymap. */
function notForProject(action: string): string {
	return `${action} acts on a container or on marked ones; ${labelFor('mark', 'containers')} on a project marks all of it`;
}

/** Compose up/down: only a project header has files to run. */
function composeOnHeader(context: CommandContext, verb: 'up' | 'down'): void {
	const project = selectedProject(context.store.getSnapshot());
	if (!project) return context.store.update(s => notify(s, `compose ${verb} acts on a project: ${labelFor('group-projects', 'containers')} groups them, then select one`, 'error'));
	void composeProject(context, project.name, project.rows, verb);
}

const page = ({store}: CommandContext) => Math.max(1, store.getSnapshot().ui.pageSize - 1);

/** The selected project header, when the grouped table is shown and one is selected. */
function selectedProject(state: AppState): Extract<GroupEntry, {kind: 'project'}> | undefined {
	if (!state.ui.grouped) return undefined;
	const entry = selectedEntry(state);
	return entry?.kind === 'project' ? entry : undefined;
}

/**
 * The grouped table's handlers, layered over `inner` (the containers view's
 * own, marks included): navigation walks headers and containers; on a
 * header, Enter or `z` folds, Space marks the whole project, `l` opens its
 * logs merged, and s, r, D act on the whole project in dependency order
 * (unless rows are marked: the marks come first, as everywhere).
 */
export function groupHandlers(inner: Handlers): Handlers {
	const grouped = (command: keyof Handlers, whenGrouped: Handler): Handler => context =>
		context.store.getSnapshot().ui.grouped ? whenGrouped(context) : inner[command]?.(context);
	const onHeader = (command: keyof Handlers, work: (context: CommandContext, project: Extract<GroupEntry, {kind: 'project'}>) => void): Handler => context => {
		const state = context.store.getSnapshot();
		const project = selectedProject(state);
		const marked = markedIn(marksOf(state, 'containers'), state.containers.keys()).length > 0;
		if (project && !marked) work(context, project);
		else inner[command]?.(context);
	};
	return {
		'group-projects': ({store}) => store.update(toggleGrouping),
		fold: ({store}) => store.update(state => {
			const project = selectedProject(state);
			return project ? toggleFold(state, project.name) : state;
		}),
		up: grouped('up', ({store}) => store.update(s => moveEntry(s, -1))),
		down: grouped('down', ({store}) => store.update(s => moveEntry(s, 1))),
		'page-up': grouped('page-up', context => context.store.update(s => moveEntry(s, -page(context)))),
		'page-down': grouped('page-down', context => context.store.update(s => moveEntry(s, page(context)))),
		top: grouped('top', ({store}) => store.update(s => moveEntry(s, 'first'))),
		bottom: grouped('bottom', ({store}) => store.update(s => moveEntry(s, 'last'))),
		'toggle-detail': onHeader('toggle-detail', ({store}, project) => store.update(s => toggleFold(s, project.name))),
		mark: grouped('mark', ({store}) => store.update(state => {
			const entry = selectedEntry(state);
			if (!entry) return state;
			const ids = entry.kind === 'project' ? entry.rows.map(row => row.id) : [entry.row.id];
			const marks = marksOf(state, 'containers');
			const allMarked = ids.every(id => marks.has(id));
			let next = state;
			for (const id of ids) if (marks.has(id) === allMarked) next = updateMarks(next, 'containers', {kind: 'toggle', id});
			return moveEntry(next, 1);
		})),
		logs: onHeader('logs', ({store}, project) => store.update(s => openLogs(s, [...project.rows].sort((a, b) => a.name.localeCompare(b.name))))),
		'start-stop': onHeader('start-stop', (context, project) => askProjectAction(context, project.name, project.rows, project.rows.some(isRunning) ? 'stop' : 'start')),
		restart: onHeader('restart', (context, project) => askProjectAction(context, project.name, project.rows, 'restart')),
		remove: onHeader('remove', (context, project) => askProjectAction(context, project.name, project.rows, 'remove')),
		pause: onHeader('pause', ({store}) => store.update(s => notify(s, notForProject('pause'), 'error'))),
		'compose-up': context => composeOnHeader(context, 'up'),
		'compose-down': context => composeOnHeader(context, 'down'),
		kill: onHeader('kill', ({store}) => store.update(s => notify(s, notForProject('kill'), 'error'))),
	};
}
