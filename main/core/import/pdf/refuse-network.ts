import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import tls from 'node:tls';

/**
 * Takes the network away from the thread that reads a PDF, before pdf.js loads. pdf.js is handed
 * the bytes whole and its fonts and cmaps as files, so it never needs the network; a hostile PDF
 * that found a way to make it reach out must fail here rather than reach a server. (A process-wide
 * guard such as the offline test's does not reach into worker threads: each has its own modules.)
 */
export function refuseNetworkInThisThread(): void {
  const refuse = (what: string) => () => {
    throw new Error(`The PDF reader has no network (${what} was called).`);
  };
  globalThis.fetch = refuse('fetch') as typeof fetch;
  const connect = net.Socket.prototype.connect;
  // A Unix-domain socket or pipe is not the network: tsx, when it runs the sources, talks to its parent that way.
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const target = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    const isPipe = typeof target === 'string' || (typeof target === 'object' && target !== null && 'path' in target);
    if (!isPipe) refuse('net.Socket#connect')();
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof connect;
  Object.assign(http, { request: refuse('http.request'), get: refuse('http.get') });
  Object.assign(https, { request: refuse('https.request'), get: refuse('https.get') });
  Object.assign(tls, { connect: refuse('tls.connect') });
  Object.assign(dgram, { createSocket: refuse('dgram.createSocket') });
  Object.assign(dns, { lookup: refuse('dns.lookup'), resolve: refuse('dns.resolve') });
  Object.assign(dns.promises, { lookup: refuse('dns.promises.lookup'), resolve: refuse('dns.promises.resolve') });
  // `import { get } from 'node:http'` reads the module's named exports, which only follow the object when told to.
  syncBuiltinESMExports();
}
