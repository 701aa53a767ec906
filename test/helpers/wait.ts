/** Polls `check` until it returns a truthy value or `timeoutMs` passes; then throws with `what` and the last value seen. */
export async function waitFor<T>(check: () => T | Promise<T>, {timeoutMs = 5000, intervalMs = 25, what = 'condition'}: {timeoutMs?: number; intervalMs?: number; what?: string} = {}): Promise<NonNullable<T>> {
	const deadline = Date.now() + timeoutMs;
	let last: T | undefined;
	for (;;) {
		last = await check();
		if (last) return last as NonNullable<T>;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${String(last).slice(0, 2000)}`);
		await new Promise(resolve => setTimeout(resolve, intervalMs));
	}
}
