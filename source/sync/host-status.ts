import type {Engine} from '../engine/engine.js';
import {setHostConnection} from '../store/hosts-slice.js';
import type {Connection} from '../store/state.js';
import type {Store} from '../store/store.js';
import {setConnection} from '../store/ui-slice.js';

/** What the status bar says of one host's connection: its status, and which product its engine is once known. */
export class HostStatus {
	/** What the engine is when it is not Docker ('Podman'), asked once. */
	private product: Connection['product'];

	constructor(private readonly store: Store, private readonly host?: string) {}

	/** Records the connection: under the host's name when it has one, else as the one connection; with the product once known. */
	set(status: Omit<Connection, 'target' | 'product'>): void {
		const host = this.host;
		const connection: Omit<Connection, 'target'> = this.product ? {...status, product: this.product} : status;
		this.store.update(state => host === undefined ? setConnection(state, connection) : setHostConnection(state, host, connection));
	}

	/**
	 * Asks which product the engine is (Docker or Podman) beside the session, not before "up":
	 * one more round trip must not hold the status bar at "connecting". A failure to say is no
	 * reason to drop the session, and an answer that no longer `counts` (its session ended, the
	 * engine stalled) is dropped.
	 */
	learnProduct(engine: Pick<Engine, 'product'>, counts: () => boolean): void {
		if (this.product) return;
		engine.product().then(product => {
			if (!counts() || !product) return;
			this.product = product;
			this.set({status: 'up'});
		}, () => {});
	}
}
