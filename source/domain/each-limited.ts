/** Runs `work` over `items` with at most `limit` calls in flight, so a host with 500 containers is not asked 500 things at once. */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const item = items[next++] as T;
			await work(item);
		}
	};
	await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
}
