import type {ServiceRow, NodeRow, StackRow} from '../domain/swarm.js';
import type {NodeAvailability} from '../engine/swarm-api.js';
import {promptKeys} from '../keys/key-labels.js';
import {sanitizeText} from '../format/sanitize.js';
import {askSwarmRefresh} from '../store/swarm-slice.js';
import {notify, setUi} from '../store/ui-slice.js';
import type {CommandContext} from './command-context.js';
import {askFirst} from './confirm.js';
import {refusedReadOnly} from './image-actions.js';

type Context = Pick<CommandContext, 'engine' | 'store' | 'binding'>;

/** The most replicas scale accepts: a typo of an extra digit or two should not start thousands of tasks. */
export const maxReplicas = 1000;

/** Reads a typed replica count: a whole number from 0 to maxReplicas, else the reason it is not one. */
export function parseReplicas(text: string): {replicas: number} | {error: string} {
	const trimmed = text.trim();
	if (!/^\d+$/.test(trimmed)) return {error: `"${sanitizeText(trimmed)}" is not a replica count: type a whole number`};
	const replicas = Number(trimmed);
	if (replicas > maxReplicas) return {error: `${replicas} replicas is more than ${maxReplicas}; scale with the docker CLI if you mean it`};
	return {replicas};
}

/** Runs one engine change, then reports it and asks the swarm lists to be read again at once. */
async function change(context: Context, done: string, failed: string, call: () => Promise<void>): Promise<void> {
	const {engine, store} = context;
	try {
		await call();
		store.update(state => askSwarmRefresh(notify(state, done)));
	} catch (error) {
		store.update(state => notify(state, `${failed}: ${sanitizeText(engine.explain(error))}`, 'error'));
	}
}

/** Opens the prompt for the new replica count, with the current one typed in; Enter scales. Global services cannot be scaled. */
export function askScale(context: Context, row: ServiceRow): void {
	if (refusedReadOnly(context, 'scale')) return;
	const name = sanitizeText(row.name);
	if (row.mode !== 'replicated') {
		context.store.update(state => notify(state, `${name} is a ${row.mode || 'non-replicated'} service: only replicated services scale`, 'error'));
		return;
	}
	context.store.update(state => setUi(state, {prompt: {
		kind: 'input',
		text: String(row.replicas ?? row.desired),
		label: `scale ${name} to `,
		help: `replicas, 0 to ${maxReplicas}; ${promptKeys('scales')}`,
		submit: text => void scale(context, row, text),
	}}));
}

/** Scales a service to the typed count and reports it. */
export async function scale(context: Context, row: ServiceRow, text: string): Promise<void> {
	if (refusedReadOnly(context, 'scale')) return;
	const parsed = parseReplicas(text);
	const name = sanitizeText(row.name);
	if ('error' in parsed) {
		context.store.update(state => notify(state, parsed.error, 'error'));
		return;
	}
	await change(context, `scaling ${name} to ${parsed.replicas}`, `scale ${name} failed`, () => context.engine.scaleService(row.id, parsed.replicas));
}

/** Asks, then replaces every task of the service one by one (its update config decides the pace). */
export function askForceUpdate(context: Context, row: ServiceRow): void {
	if (refusedReadOnly(context, 'restart')) return;
	const name = sanitizeText(row.name);
	askFirst(context, {title: 'Rolling restart', question: `Replace every task of service ${name}, following its update config?`, target: row.name, run: () => {
		void change(context, `restarting ${name}: tasks are replaced one by one`, `restart ${name} failed`, () => context.engine.forceUpdateService(row.id));
	}});
}

/** Asks, then rolls the service back to its previous spec. */
export function askRollback(context: Context, row: ServiceRow): void {
	if (refusedReadOnly(context, 'rollback')) return;
	const name = sanitizeText(row.name);
	askFirst(context, {title: 'Roll back', question: `Roll service ${name} back to its previous spec?`, target: row.name, run: () => {
		void change(context, `rolling ${name} back`, `roll back ${name} failed`, () => context.engine.rollbackService(row.id));
	}});
}

/** Asks, then removes the service: its tasks and their containers go with it. */
export function askRemoveService(context: Context, row: ServiceRow): void {
	if (refusedReadOnly(context, 'remove')) return;
	const name = sanitizeText(row.name);
	askFirst(context, {title: 'Remove service', question: `Remove service ${name}? Its ${row.running} running task${row.running === 1 ? '' : 's'} stop and are removed.`, target: row.name, run: () => {
		void change(context, `removed service ${name}`, `remove ${name} failed`, () => context.engine.removeService(row.id));
	}});
}

const availabilityWords: Record<NodeAvailability, string> = {
	active: 'It takes new tasks again.',
	pause: 'It takes no new tasks; running ones stay.',
	drain: 'Its tasks are stopped and moved to other nodes.',
};

/** Sets a node's availability, asking first where the keymap row says so (pause, drain). */
export function askAvailability(context: Context, row: NodeRow, availability: NodeAvailability): void {
	if (refusedReadOnly(context, availability)) return;
	const name = sanitizeText(row.hostname);
	if (row.availability === availability) {
		context.store.update(state => notify(state, `node ${name} is already ${availability}`));
		return;
	}
	askFirst(context, {title: `Node ${availability}`, question: `Set node ${name} to ${availability}? ${availabilityWords[availability]}`, target: row.hostname, run: () => {
		void change(context, `node ${name} set to ${availability}`, `set ${name} to ${availability} failed`, () => context.engine.setNodeAvailability(row.id, availability));
	}});
}

/** Asks, then removes every service of a stack, as `docker stack rm` does for services (its networks and configs stay). */
export function askRemoveStack(context: Context, stack: StackRow, services: readonly ServiceRow[]): void {
	if (refusedReadOnly(context, 'remove')) return;
	const name = sanitizeText(stack.name);
	const count = services.length;
	askFirst(context, {title: 'Remove stack', question: `Remove the ${count} service${count === 1 ? '' : 's'} of stack ${name}? Their ${stack.running} running task${stack.running === 1 ? '' : 's'} stop and are removed.`, target: stack.name, run: () => {
		void change(context, `removed the services of stack ${name}`, `remove stack ${name} failed`, async () => {
			for (const service of services) await context.engine.removeService(service.id);
		});
	}});
}
