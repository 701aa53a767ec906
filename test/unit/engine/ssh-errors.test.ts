import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {EXIT_FAILURE, EXIT_PERMISSION, EXIT_UNREACHABLE} from '../../../source/engine/connection-errors.js';
import {hostKeyRefusal, serverHostKey, sshFailure} from '../../../source/engine/ssh-errors.js';

// What OpenSSH 9.2 prints, captured from the test sshd.
const changed = `@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @
@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!
Someone could be eavesdropping on you right now (man-in-the-middle attack)!
It is also possible that a host key has just been changed.
The fingerprint for the ED25519 key sent by the remote host is
SHA256:gapAEmZ8kPweTgVv4Xglsltv8gKps+h8x1bJBOV7PVU.
Please contact your system administrator.
Add correct host key in /tmp/kh-changed to get rid of this message.
Offending ED25519 key in /tmp/kh-changed:1
  remove with:
  ssh-keygen -f "/tmp/kh-changed" -R "[127.0.0.1]:4022"
Host key for [127.0.0.1]:4022 has changed and you have requested strict checking.
Host key verification failed.
`;
const fingerprint = 'ED25519 SHA256:gapAEmZ8kPweTgVv4Xglsltv8gKps+h8x1bJBOV7PVU';
const login = 'ssh -F /tmp/cfg box';

describe('hostKeyRefusal', () => {
	const cases: Array<[string, string, ReturnType<typeof hostKeyRefusal>]> = [
		['a changed key, with its fingerprint and ssh\'s removal command', changed,
			{kind: 'changed', fingerprint, remove: 'ssh-keygen -f "/tmp/kh-changed" -R "[127.0.0.1]:4022"'}],
		['an unknown key under BatchMode says only that verification failed', 'Host key verification failed.\n', {kind: 'unknown'}],
		['a refused login is no host key matter', 'root@127.0.0.1: Permission denied (publickey).\n', undefined],
		['nothing said', '', undefined],
	];
	for (const [what, stderr, expected] of cases) test(what, () => assert.deepEqual(hostKeyRefusal(stderr), expected));
});

describe('serverHostKey', () => {
	const cases: Array<[string, string | undefined]> = [
		['debug1: Server host key: ssh-ed25519 SHA256:gapAEmZ8kPweTgVv4Xglsltv8gKps+h8x1bJBOV7PVU\n', fingerprint],
		['debug1: Server host key: ecdsa-sha2-nistp256 SHA256:abc+/=\n', 'ECDSA SHA256:abc+/='],
		['debug1: Server host key: ssh-rsa SHA256:xyz\n', 'RSA SHA256:xyz'],
		['debug1: Connecting to box port 22.\n', undefined],
	];
	for (const [verbose, expected] of cases) test(String(expected), () => assert.equal(serverHostKey(verbose), expected));
});

describe('sshFailure: one line, an exit code, and what to do', () => {
	const cases: Array<{what: string; stderr: string; fingerprint?: string; kind: string; exit: number; says: RegExp}> = [
		{what: 'changed key', stderr: changed, kind: 'hostkey', exit: EXIT_UNREACHABLE,
			says: /^ssh box: the host key CHANGED \(ED25519 SHA256:gapAE.*\), refused; if that is expected: ssh-keygen -f "\/tmp\/kh-changed" -R "\[127\.0\.0\.1\]:4022", then `ssh -F \/tmp\/cfg box` once/},
		{what: 'unknown key, fingerprint from -v', stderr: 'Host key verification failed.\n', fingerprint, kind: 'hostkey', exit: EXIT_UNREACHABLE,
			says: /^ssh box: unknown host key \(ED25519 SHA256:gapAE\S+\), refused; if it is right, run `ssh -F \/tmp\/cfg box` once to accept it$/},
		{what: 'unknown key, no fingerprint known', stderr: 'Host key verification failed.\n', kind: 'hostkey', exit: EXIT_UNREACHABLE,
			says: /^ssh box: unknown host key, refused; if it is right, run `ssh -F \/tmp\/cfg box` once/},
		{what: 'key refused by the server', stderr: 'root@127.0.0.1: Permission denied (publickey).\n', kind: 'permission', exit: EXIT_PERMISSION,
			says: /^ssh box: authentication failed \(root@127\.0\.0\.1: Permission denied \(publickey\)\.\); check the User and IdentityFile/},
		{what: 'no sshd on the port', stderr: 'ssh: connect to host 127.0.0.1 port 4023: Connection refused\n', kind: 'refused', exit: EXIT_UNREACHABLE,
			says: /^ssh box: the connection was refused \(ssh: connect to host 127\.0\.0\.1 port 4023: Connection refused\); is sshd running/},
		{what: 'a name that does not resolve', stderr: 'ssh: Could not resolve hostname nowhere: Name or service not known\n', kind: 'dns', exit: EXIT_UNREACHABLE,
			says: /^ssh box: ssh: Could not resolve hostname nowhere/},
		{what: 'keep-alives unanswered', stderr: 'Timeout, server 127.0.0.1 not responding.\n', kind: 'timeout', exit: EXIT_UNREACHABLE, says: /^ssh box: no answer \(Timeout, server/},
		{what: 'the server went away', stderr: 'Connection to 127.0.0.1 closed by remote host.\n', kind: 'refused', exit: EXIT_UNREACHABLE, says: /^ssh box: the link closed \(Connection to 127\.0\.0\.1 closed by remote host\.\)$/},
		{what: 'warnings of a first login are not the reason', stderr: "Warning: Permanently added '[127.0.0.1]:4022' (ED25519) to the list of known hosts.\nConnection reset by 127.0.0.1 port 4022\n", kind: 'refused', exit: EXIT_UNREACHABLE, says: /\(Connection reset by 127\.0\.0\.1 port 4022\)/},
		{what: 'control characters from the far side are flattened', stderr: 'weird\u001b[31m thing\r\n', kind: 'unknown', exit: EXIT_UNREACHABLE, says: /^ssh box: weird \[31m thing$/},
		{what: 'nothing said at all', stderr: '', kind: 'unknown', exit: EXIT_FAILURE, says: /^ssh box: ssh exited$/},
	];
	for (const {what, stderr, fingerprint: key, kind, exit, says} of cases) {
		test(what, () => {
			const failure = sshFailure(stderr, 'box', login, key);
			assert.equal(failure.kind, kind);
			assert.equal(failure.exitCode, exit);
			assert.match(failure.message, says);
			assert.doesNotMatch(failure.message, /\n/);
		});
	}
});
