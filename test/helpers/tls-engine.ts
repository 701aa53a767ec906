import {execa} from 'execa';
import {execFileSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The TLS engine's folder: the first engine's with "-tls" after it (scripts/test-engine-tls.sh). */
export function tlsEngineDir(): string {
	return `${process.env.PORTHOLE_ENGINE_DIR || '/tmp/porthole-engine'}-tls`;
}

/** Where the TLS engine is and the environment that reaches it as the docker CLI would: DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH. */
export type TlsEngine = {
	host: string;
	/** The client's ca.pem, cert.pem and key.pem. */
	certPath: string;
	/** A client certificate and CA the engine does not trust (its CA did not sign the engine's certificate either). */
	otherCaPath: string;
	env: {DOCKER_HOST: string; DOCKER_TLS_VERIFY: string; DOCKER_CERT_PATH: string};
};

/**
 * The private dockerd with --tlsverify on 127.0.0.1, started (with fresh
 * certificates) if it is not answering. A failure to start throws with the
 * script's reason, so the test fails instead of skipping.
 */
export function tlsEngine(): TlsEngine {
	const dir = tlsEngineDir();
	let host = process.env.PORTHOLE_TEST_TLS_HOST;
	if (!host) {
		try {
			host = execFileSync('bash', ['scripts/test-engine-tls.sh', 'start'], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']}).trim();
		} catch (error) {
			throw new Error(`the TLS test engine could not be started (scripts/test-engine-tls.sh start): ${(error as Error).message}`);
		}
		process.env.PORTHOLE_TEST_TLS_HOST = host;
	}
	const certPath = `${dir}/certs`;
	return {host, certPath, otherCaPath: `${dir}/other-ca`, env: {DOCKER_HOST: host, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certPath}};
}

/** Runs the docker CLI against the TLS engine, over TLS, and returns its trimmed stdout. */
export async function dockerTls(...args: string[]): Promise<string> {
	const result = await execa('docker', args, {env: tlsEngine().env});
	return result.stdout.trim();
}
