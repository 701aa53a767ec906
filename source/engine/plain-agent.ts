import type {Agent as HttpAgent} from 'node:http';

let plainAgent: HttpAgent | undefined;

/**
 * The agent of plain HTTP engines (unix socket, ssh tunnel, tcp without TLS):
 * Node's global agent's settings, and an empty TLS server name. Without one,
 * Node works out a server name for every request, for a TLS it never does,
 * through net.isIP, whose IPv6 expression takes 11 ms to compile on the first
 * request and runs slowly for the next hundreds.
 */
export function plainHttpAgent(): HttpAgent {
	plainAgent ??= new (process.getBuiltinModule('node:http').Agent)({keepAlive: true, scheduling: 'lifo', timeout: 5000, servername: ''} as ConstructorParameters<typeof HttpAgent>[0]);
	return plainAgent;
}
