import type {Binding, Scope} from './keymap.js';

/** A config's keys: per scope, per action name, the keys that replace the default ones. */
export type KeyOverrides = Partial<Record<string, Partial<Record<string, string | readonly string[]>>>>;

/** A keymap a config would break; the message names the conflicting pair. */
export class KeymapError extends Error {
	/** The path in the config file the problem is about, for its position: ['keys', scope, action]. */
	constructor(message: string, readonly path: readonly string[]) {
		super(message);
	}
}

/**
 * The default rows with the config's keys put in: each named action of a
 * scope gets exactly the keys given (one key or a list). The names were
 * validated by the schema; an unknown one is ignored here.
 */
export function applyKeyOverrides(rows: readonly Binding[], overrides: KeyOverrides): Binding[] {
	return rows.map(row => {
		const given = overrides[row.scope]?.[row.command];
		if (given === undefined) return row;
		return {...row, keys: typeof given === 'string' ? [given] : [...given]};
	});
}

/**
 * The keymap's invariants, checked on the table a config produces: no key is
 * bound twice in one scope, every action has a key, and in every view each
 * global action keeps a key the view does not take (or the view has the
 * action itself). Throws KeymapError naming the pair at fault.
 */
export function checkKeymap(rows: readonly Binding[], changed: KeyOverrides = {}): void {
	const scopes = [...new Set(rows.map(row => row.scope))];
	// Blame the row the user changed: the path of the error points at it.
	const pathOf = (row: Binding, other?: Binding): string[] => {
		const blamed = other && changed[other.scope]?.[other.command] !== undefined && changed[row.scope]?.[row.command] === undefined ? other : row;
		return ['keys', blamed.scope, blamed.command];
	};
	for (const scope of scopes) {
		const seen = new Map<string, Binding>();
		for (const row of rows.filter(each => each.scope === scope)) {
			if (row.keys.length === 0) throw new KeymapError(`${scope}.${row.command} has no key left: every action must stay reachable`, pathOf(row));
			for (const key of row.keys) {
				const before = seen.get(key);
				if (before && before.command !== row.command) throw new KeymapError(`"${key}" is bound twice in ${scope}: to ${before.command} and to ${row.command}`, pathOf(row, before));
				seen.set(key, row);
			}
		}
	}
	const globals = rows.filter(row => row.scope === 'global');
	const modes = new Set<Scope>(['global', 'prompt', 'confirm']);
	for (const scope of scopes.filter(each => !modes.has(each))) {
		const own = rows.filter(row => row.scope === scope);
		const taken = new Map(own.flatMap(row => row.keys.map(key => [key, row] as const)));
		for (const global of globals) {
			if (own.some(row => row.command === global.command)) continue;
			if (global.keys.some(key => !taken.has(key))) continue;
			const shadow = taken.get(global.keys[0]!)!;
			throw new KeymapError(`global ${global.command} cannot be reached in ${scope}: ${global.keys.map(key => `"${key}"`).join(', ')} taken there by ${shadow.command}`, pathOf(global, shadow));
		}
	}
}
