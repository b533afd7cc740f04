import { describe, expect, it } from 'vitest';
import { parseServeArgs } from './serve-args';

describe('npm run web arguments', () => {
  it('defaults to a free port and no library flag', () => {
    expect(parseServeArgs([])).toEqual({ port: 0 });
  });

  it('reads --library and --port in both spellings', () => {
    expect(parseServeArgs(['--library', '/tmp/notes', '--port', '4173'])).toEqual({ library: '/tmp/notes', port: 4173 });
    expect(parseServeArgs(['--library=/tmp/notes', '--port=0'])).toEqual({ library: '/tmp/notes', port: 0 });
  });

  it('refuses what it does not understand, saying why', () => {
    expect(() => parseServeArgs(['--port', 'eighty'])).toThrow(/--port must be a number/);
    expect(() => parseServeArgs(['--port', '70000'])).toThrow(/--port must be a number/);
    expect(() => parseServeArgs(['--library'])).toThrow('--library needs a value.');
    expect(() => parseServeArgs(['--host', '0.0.0.0'])).toThrow(/Unknown argument "--host"/);
  });
});
