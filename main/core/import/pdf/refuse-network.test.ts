import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('refuseNetworkInThisThread', () => {
  it('makes every way out of the thread throw', async () => {
    // In a process of its own: the test runner's own thread keeps its network.
    const guard = pathToFileURL(path.join(import.meta.dirname, 'refuse-network.ts')).href;
    const script = `
      const { refuseNetworkInThisThread } = await import(${JSON.stringify(guard)});
      refuseNetworkInThisThread();
      const tries = {
        fetch: () => fetch('http://127.0.0.9:9/'),
        http: async () => (await import('node:http')).get('http://127.0.0.9:9/'),
        https: async () => (await import('node:https')).request('https://127.0.0.9:9/'),
        net: async () => new (await import('node:net')).Socket().connect(9, '127.0.0.9'),
        dns: async () => (await import('node:dns')).promises.lookup('example.org'),
      };
      const refused = [];
      for (const [name, attempt] of Object.entries(tries)) {
        try { await attempt(); } catch (error) { if (/has no network/.test(error.message)) refused.push(name); }
      }
      console.log(JSON.stringify(refused));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
    expect(JSON.parse(stdout)).toEqual(['fetch', 'http', 'https', 'net', 'dns']);
  }, 60_000);
});
