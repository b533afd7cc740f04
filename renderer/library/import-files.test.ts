import { describe, expect, it } from 'vitest';
import type { FieldbookApi } from '../../main/common/contract';
import type { ImportOutcome } from '../../main/common/records';
import { bytesToBase64, importFiles } from './import-files';

describe('bytesToBase64', () => {
  it('round-trips bytes spanning several chunks', () => {
    const bytes = new Uint8Array(200_003).map((_, i) => (i * 31) % 256);
    const decoded = Uint8Array.from(atob(bytesToBase64(bytes)), (char) => char.charCodeAt(0));
    expect(decoded).toEqual(bytes);
  });

  it('encodes 20 MB without overflowing the stack', () => {
    const bytes = new Uint8Array(20 * 1024 * 1024);
    expect(bytesToBase64(bytes).length).toBe(Math.ceil(bytes.length / 3) * 4);
  });
});

describe('importFiles', () => {
  it('sends files in batches and returns outcomes in the chosen order', async () => {
    const calls: string[][] = [];
    const api: FieldbookApi = {
      call: async (_name, input) => {
        const files = (input as { files: { name: string }[] }).files;
        calls.push(files.map((file) => file.name));
        const value: ImportOutcome[] = files.map((file) => ({ fileName: file.name, status: 'refused', message: `${file.name} sent` }));
        return { ok: true, value } as never;
      },
      onChange: () => () => {},
    };
    const chosen = Array.from({ length: 201 }, (_, i) => new File([`text ${i}`], `${i}.txt`));
    const huge = { name: 'huge.txt', size: 31 * 1024 * 1024 } as File;
    chosen.splice(1, 0, huge);
    const run = await importFiles(api, chosen);
    expect(calls.map((names) => names.length)).toEqual([200, 1]);
    expect(run.ok).toBe(true);
    expect(run.outcomes.map((outcome) => outcome.fileName).slice(0, 3)).toEqual(['0.txt', 'huge.txt', '1.txt']);
    expect(run.outcomes[1]).toMatchObject({ status: 'refused', message: 'huge.txt was not imported: the file is 31 MB, over the 20 MB limit.' });
  });

  it('says how far it has got, and stops sending when cancelled, keeping what was imported', async () => {
    const sent: string[] = [];
    const stopper = new AbortController();
    const api: FieldbookApi = {
      call: async (_name, input) => {
        const files = (input as { files: { name: string }[] }).files;
        sent.push(...files.map((file) => file.name));
        const value: ImportOutcome[] = files.map((file) => ({ fileName: file.name, status: 'refused', message: 'seen' }));
        return { ok: true, value } as never;
      },
      onChange: () => () => {},
    };
    // Each file is larger than a call holds, so each goes alone and progress moves file by file.
    const big = 'x'.repeat(900 * 1024);
    const chosen = ['a.txt', 'b.txt', 'c.txt', 'd.txt'].map((name) => new File([big], name));
    const progress: string[] = [];
    const run = await importFiles(api, chosen, {
      signal: stopper.signal,
      onProgress: ({ done, total, current }) => {
        progress.push(`${done}/${total} ${current ?? '-'}`);
        if (done === 2) stopper.abort();
      },
    });
    expect(progress).toEqual(['0/4 a.txt', '1/4 -', '1/4 b.txt', '2/4 -']);
    expect(sent).toEqual(['a.txt', 'b.txt']);
    expect(run).toMatchObject({ ok: true, cancelled: 2 });
    expect(run.outcomes.map((outcome) => outcome.fileName)).toEqual(['a.txt', 'b.txt']);
  });
});
