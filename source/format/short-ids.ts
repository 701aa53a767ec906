/** Engine messages name objects by 64-hex IDs; 12 characters say the same, as `docker ps` shows them. */
export function shortIds(text: string): string {
	return text.replace(/\b([0-9a-f]{12})[0-9a-f]{52}\b/g, '$1');
}
