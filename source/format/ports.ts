/**
 * The ports cell, in the short form `docker ps` uses.
 */

import type {PortMapping} from '../domain/container.js';
import {sanitizeText} from './sanitize.js';

type Group = {
	privatePort: number;
	publicPort: number | undefined;
	type: string;
	ips: Set<string>;
};

/**
 * Formats ports like `docker ps`: "0.0.0.0:8080->80/tcp, 443/tcp".
 * A binding published on both 0.0.0.0 and :: (the IPv4/IPv6 twins the
 * engine lists) collapses to "8080->80/tcp"; an IPv6-only one reads
 * "[::1]:8080->80/tcp". Exact duplicates are removed, and the order is
 * stable: by private port, then protocol, then public port, then address.
 */
export function formatPorts(ports: PortMapping[]): string {
	const groups = new Map<string, Group>();
	for (const port of ports) {
		const type = sanitizeText(port.type);
		const key = `${port.privatePort}/${type}/${port.publicPort ?? ''}`;
		let group = groups.get(key);
		if (group === undefined) {
			group = {privatePort: port.privatePort, publicPort: port.publicPort, type, ips: new Set()};
			groups.set(key, group);
		}

		group.ips.add(sanitizeText(port.ip ?? ''));
	}

	const parts: string[] = [];
	for (const group of [...groups.values()].sort(compareGroups)) {
		const target = `${group.privatePort}/${group.type}`;
		if (group.publicPort === undefined) {
			parts.push(target);
			continue;
		}

		const ips = group.ips;
		if (ips.has('0.0.0.0') && ips.has('::')) {
			ips.delete('0.0.0.0');
			ips.delete('::');
			ips.add('');
		}

		for (const ip of [...ips].sort()) {
			parts.push(`${hostPart(ip)}${group.publicPort}->${target}`);
		}
	}

	return parts.join(', ');
}

function hostPart(ip: string): string {
	if (ip === '') {
		return '';
	}

	return ip.includes(':') ? `[${ip}]:` : `${ip}:`;
}

function compareGroups(a: Group, b: Group): number {
	return (
		a.privatePort - b.privatePort
		|| (a.type < b.type ? -1 : a.type > b.type ? 1 : 0)
		|| (a.publicPort ?? -1) - (b.publicPort ?? -1)
	);
}
