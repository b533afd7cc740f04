// Loaded with `node --import` before the command line runs: any attempt to open a network socket,
// listen, resolve a name or fetch ends the process with exit 99 and says what tried, so a test can
// prove the core and the command line never touch the network. A Unix-domain socket is not the
// network: tsx, which runs the TypeScript, looks for its parent's IPC pipe that way, and is let be.
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

function refuse(what) {
  return () => {
    process.stderr.write(`NETWORK USE: ${what}\n`);
    process.exit(99);
  };
}

const isLocalPipe = (target) => typeof target === 'string' || (typeof target === 'object' && target !== null && 'path' in target);

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  const target = Array.isArray(args[0]) ? args[0][0] : args[0];
  return isLocalPipe(target) ? originalConnect.apply(this, args) : refuse('net.Socket#connect')();
};
net.Server.prototype.listen = refuse('net.Server#listen');
tls.connect = refuse('tls.connect');
dgram.createSocket = refuse('dgram.createSocket');
http.request = http.get = refuse('http.request');
https.request = https.get = refuse('https.request');
dns.lookup = dns.resolve = refuse('dns');
dns.promises.lookup = dns.promises.resolve = refuse('dns.promises');
globalThis.fetch = refuse('fetch');
globalThis.WebSocket = refuse('WebSocket');
