// An ssh ProxyCommand that delays every chunk by DELAY ms each way, so a
// loopback link has a round trip worth showing: node slow-proxy.mjs HOST PORT DELAY
import {connect} from 'node:net';

const [host, port, delay] = process.argv.slice(2);
const ms = Number(delay);
const socket = connect(Number(port), host);
process.stdin.on('data', chunk => setTimeout(() => socket.write(chunk), ms));
process.stdin.on('end', () => setTimeout(() => socket.end(), ms));
socket.on('data', chunk => setTimeout(() => process.stdout.write(chunk), ms));
socket.on('end', () => setTimeout(() => process.exit(0), ms));
socket.on('error', () => process.exit(1));
