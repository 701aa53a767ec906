import type {Engine} from '../engine/engine.js';
import {selectedImage, selectedNetwork, selectedVolume} from '../store/resources-selectors.js';
import type {AppState} from '../store/state.js';
import type {Store} from '../store/store.js';

/** The engines on screen by host name, in the order given; the first is the default. */
export type Engines = ReadonlyMap<string, Engine>;

/**
 * The host that owns the object a call names: a container by id (its row's
 * `host`), else an image, volume or network by id or name. An object on
 * several hosts (the same image pulled on both) goes to the one selected in
 * its table when that is one of them. Undefined when nothing says.
 */
export function ownerOf(state: AppState, key: unknown): string | undefined {
	if (typeof key !== 'string' || key === '') return undefined;
	const container = state.containers.get(key);
	if (container) return container.host;
	for (const row of state.containers.values()) if (row.name === key) return row.host;
	const {images, volumes, networks} = state.resources;
	const hosts = new Set<string | undefined>();
	for (const row of images) if (row.id === key) hosts.add(row.host);
	for (const row of volumes) if (row.name === key) hosts.add(row.host);
	for (const row of networks) if (row.id === key || row.name === key) hosts.add(row.host);
	if (hosts.size <= 1) return hosts.values().next().value;
	const image = selectedImage(state)?.image;
	const volume = selectedVolume(state);
	const network = selectedNetwork(state);
	const selected = image?.id === key ? image : volume?.name === key ? volume : network?.id === key || network?.name === key ? network : undefined;
	return selected?.host ?? hosts.values().next().value;
}

/**
 * One Engine that sends each call to the engine owning what the call names
 * (its first argument), looked up in the store at call time, so every action,
 * log stream, exec, top and inspect reaches the right host without each
 * caller choosing. Calls that name nothing known go to the first engine.
 */
export function routeEngines(engines: Engines, store: Store): Engine {
	const firstOf = (): Engine => {
		const first = engines.values().next().value;
		if (!first) throw new Error('no engine to route to');
		return first;
	};
	const pick = (key: unknown): Engine => {
		if (engines.size === 1) return firstOf();
		const host = ownerOf(store.getSnapshot(), key);
		return (host !== undefined ? engines.get(host) : undefined) ?? firstOf();
	};
	// The map is read at call time: hosts added or removed later (`:ctx`) are routed to as well.
	// The map may still be empty here (the owners fill it after); the proxy's own target is never read.
	return new Proxy({} as Engine, {
		get(_target, property) {
			const value = Reflect.get(firstOf(), property) as unknown;
			if (typeof value !== 'function') return value;
			return (...args: unknown[]) => {
				const engine = pick(args[0]);
				return (engine[property as keyof Engine] as (...a: unknown[]) => unknown)(...args);
			};
		},
	});
}
