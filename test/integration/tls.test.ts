import {resolveTarget} from '../../source/engine/connection.js';
import {createEngine} from '../../source/engine/engine.js';
import {dockerTls, tlsEngine} from '../helpers/tls-engine.js';
import {transportSuite} from '../helpers/transport-suite.js';

// A dockerd with --tlsverify on 127.0.0.1, certificates made by openssl when it started
// (scripts/test-engine-tls.sh); Porthole reaches it from DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH.
transportSuite('over TLS', {
	engine: () => createEngine(resolveTarget({env: tlsEngine().env, homeDir: '/nonexistent'})),
	cli: dockerTls,
});
