import type {InspectKind} from '../domain/engine-object.js';
import {sanitizeText} from '../format/sanitize.js';
import {openInspect, updateInspect} from '../store/inspect-slice.js';
import type {CommandContext} from './command-context.js';

/**
 * Opens the inspect view on any engine object (container, image, volume,
 * network) and loads its document. Esc goes back to the view it came from.
 * Never throws: a vanished object or an engine error becomes the view's message.
 */
export async function showInspect({engine, store}: Pick<CommandContext, 'engine' | 'store'>, target: {kind: InspectKind; id: string; name: string}): Promise<void> {
	store.update(state => openInspect(state, target));
	try {
		const document = await engine.inspectJson(target.kind, target.id);
		store.update(state => document === undefined
			? updateInspect(state, target.id, {status: 'gone', message: `${target.kind} ${sanitizeText(target.name)} no longer exists`})
			: updateInspect(state, target.id, {status: 'ok', document}));
	} catch (error) {
		store.update(state => updateInspect(state, target.id, {status: 'error', message: sanitizeText(engine.explain(error))}));
	}
}
