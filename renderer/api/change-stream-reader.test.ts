import { describe, expect, it } from 'vitest';
import type { LibraryChange } from '../../main/common/changes';
import { parseChangeEvent, readChangeStream } from './change-stream-reader';

/** A response whose body arrives in the pieces given, then ends (the host went away). */
function streamedResponse(pieces: string[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

describe('reading the host’s change stream', () => {
  it('reads change events split anywhere, skipping keep-alives', () => {
    expect(parseChangeEvent(': still here')).toBeNull();
    expect(parseChangeEvent('event: change\ndata: {"seq":3,"changed":{"note":[1]}}')).toEqual({ seq: 3, changed: { note: [1] } });
    expect(parseChangeEvent('event: change\ndata: not json')).toBeNull();
  });

  it('passes on each change, reconnects after a drop and says so each time, and stops when asked', async () => {
    const heard: LibraryChange[] = [];
    let connections = 0;
    const asked: Array<Record<string, string>> = [];
    const replies = [
      streamedResponse([': connected\n\nevent: change\ndata: {"seq":1,"chan', 'ged":{"note":[5]}}\n\n']),
      streamedResponse([': connected\n\nevent: change\ndata: {"seq":2,"changed":{"actor":"all"}}\n\n']),
    ];
    let stop: () => void = () => {};
    const finished = new Promise<void>((resolve) => {
      stop = readChangeStream({
        url: '/api/events',
        headers: { 'x-fieldbook-secret': 's3cret' },
        onChange: (change) => heard.push(change),
        onConnected: () => connections++,
        fetchImpl: (_url, init) => {
          asked.push(init?.headers as Record<string, string>);
          const reply = replies.shift();
          if (reply) return Promise.resolve(reply);
          resolve();
          return new Promise<Response>(() => {});
        },
        wait: () => Promise.resolve(),
      });
    });
    await finished;
    stop();
    expect(heard).toEqual([
      { seq: 1, changed: { note: [5] } },
      { seq: 2, changed: { actor: 'all' } },
    ]);
    expect(connections).toBe(2);
    expect(asked.every((headers) => headers['x-fieldbook-secret'] === 's3cret')).toBe(true);
  });
});
