import { describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../main/common/records';
import { bytesToBase64, importFiles, importWithPassword, lockedFromMenu } from './import-files';

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

type ImportApi = Parameters<typeof importFiles>[0];

/**
 * Stands in for the library: answers each call file by file, reporting after each as the service
 * does, and stops at the next file once the call's signal is aborted.
 */
function fakeLibrary(sent: string[][] = []): ImportApi {
  return {
    call: async (_name, input, options) => {
      const files = (input as { files: { name: string }[] }).files;
      sent.push(files.map((file) => file.name));
      const value: ImportOutcome[] = [];
      for (const file of files) {
        if (options?.signal?.aborted) {
          value.push({ fileName: file.name, status: 'cancelled', message: `${file.name} was not imported: the import was cancelled.` });
          continue;
        }
        value.push({ fileName: file.name, status: 'refused', message: `${file.name} seen` });
        options?.onProgress?.({ done: value.length, total: files.length, message: `Imported ${value.length} of ${files.length} files` });
      }
      return { ok: true, value } as never;
    },
  };
}

describe('importFiles', () => {
  it('sends files in batches and returns outcomes in the chosen order', async () => {
    const calls: string[][] = [];
    const chosen = Array.from({ length: 201 }, (_, i) => new File([`text ${i}`], `${i}.txt`));
    const huge = { name: 'huge.txt', size: 31 * 1024 * 1024 } as File;
    chosen.splice(1, 0, huge);
    const run = await importFiles(fakeLibrary(calls), chosen);
    expect(calls.map((names) => names.length)).toEqual([200, 1]);
    expect(run.ok).toBe(true);
    expect(run.outcomes.map((outcome) => outcome.fileName).slice(0, 3)).toEqual(['0.txt', 'huge.txt', '1.txt']);
    expect(run.outcomes[1]).toMatchObject({ status: 'refused', message: 'huge.txt was not imported: the file is 31 MB, over the 20 MB limit.' });
  });

  it('says file by file how far the library has got inside one call, naming the file under way', async () => {
    const chosen = ['a.txt', 'b.txt', 'c.txt'].map((name) => new File(['text'], name));
    const progress: string[] = [];
    await importFiles(fakeLibrary(), chosen, { onProgress: ({ done, total, current }) => progress.push(`${done}/${total} ${current ?? '-'}`) });
    expect(progress).toEqual(['0/3 a.txt', '1/3 b.txt', '2/3 c.txt', '3/3 -']);
  });

  it('cancelled inside a call, keeps the files the library took and counts the rest as not imported', async () => {
    const sent: string[][] = [];
    const stopper = new AbortController();
    const chosen = ['a.txt', 'b.txt', 'c.txt', 'd.txt'].map((name) => new File(['text'], name));
    const run = await importFiles(fakeLibrary(sent), chosen, {
      signal: stopper.signal,
      onProgress: ({ done }) => {
        if (done === 2) stopper.abort();
      },
    });
    expect(sent).toEqual([['a.txt', 'b.txt', 'c.txt', 'd.txt']]);
    expect(run).toMatchObject({ ok: true, cancelled: 2 });
    expect(run.outcomes.map((outcome) => outcome.fileName)).toEqual(['a.txt', 'b.txt']);
  });

  it('cancelled between calls, sends no further call', async () => {
    const sent: string[][] = [];
    const stopper = new AbortController();
    // Each file is larger than a call holds, so each goes alone.
    const big = 'x'.repeat(900 * 1024);
    const chosen = ['a.txt', 'b.txt', 'c.txt', 'd.txt'].map((name) => new File([big], name));
    const run = await importFiles(fakeLibrary(sent), chosen, {
      signal: stopper.signal,
      onProgress: ({ done, current }) => {
        if (done === 2 && current === null) stopper.abort();
      },
    });
    expect(sent).toEqual([['a.txt'], ['b.txt']]);
    expect(run).toMatchObject({ ok: true, cancelled: 2 });
    expect(run.outcomes.map((outcome) => outcome.fileName)).toEqual(['a.txt', 'b.txt']);
  });
});

describe('an encrypted PDF among the chosen files', () => {
  const locking = (calls: unknown[] = []): ImportApi => ({
    call: async (_name, input) => {
      calls.push(input);
      const files = (input as { files: { name: string; password?: string }[] }).files;
      const value: ImportOutcome[] = files.map((file) =>
        !file.name.endsWith('.pdf')
          ? { fileName: file.name, status: 'refused', message: `${file.name} seen` }
          : file.password === 'openpassword'
            ? { fileName: file.name, status: 'imported', document: { id: 3, title: 'Opened' } as never }
            : { fileName: file.name, status: 'refused', password: file.password === undefined ? 'needed' : 'wrong', message: `${file.name} is encrypted` },
      );
      return { ok: true, value } as never;
    },
  });

  it('comes back as the very file chosen, to be sent again with its password', async () => {
    const secret = new File(['%PDF-1.7'], 'secret.pdf');
    const run = await importFiles(locking(), [new File(['a'], 'a.txt'), secret]);
    expect(run.locked).toHaveLength(1);
    expect(run.locked[0]!.file).toBe(secret);
    expect(run.locked[0]!.refusal).toBe(run.outcomes[1]);
    expect(run.locked[0]!.refusal.password).toBe('needed');
  });

  it('is sent alone with the password typed, and answers what the library made of it', async () => {
    const calls: unknown[] = [];
    const secret = new File(['%PDF-1.7'], 'secret.pdf');
    expect(await importWithPassword(locking(calls), secret, 'guess')).toMatchObject({ ok: true, value: { status: 'refused', password: 'wrong' } });
    expect(await importWithPassword(locking(calls), secret, 'openpassword')).toMatchObject({ ok: true, value: { status: 'imported' } });
    expect(calls).toEqual([
      { files: [{ name: 'secret.pdf', base64: bytesToBase64(new TextEncoder().encode('%PDF-1.7')), password: 'guess' }] },
      { files: [{ name: 'secret.pdf', base64: bytesToBase64(new TextEncoder().encode('%PDF-1.7')), password: 'openpassword' }] },
    ]);
  });
});

describe('lockedFromMenu', () => {
  it('turns the encrypted PDFs File > Import sent with their bytes into files to ask the password of', async () => {
    const bytes = new Uint8Array([37, 80, 68, 70, 45, 49, 46, 55, 0, 255]);
    const locked: ImportOutcome = { fileName: 'minutes.pdf', status: 'refused', message: 'minutes.pdf was not imported: it is encrypted and needs its password.', password: 'needed' };
    const other: ImportOutcome = { fileName: 'broken.pdf', status: 'refused', message: 'broken.pdf was not imported: it is damaged.' };
    const uploads = lockedFromMenu({
      outcomes: [other, locked],
      // One sent for an outcome that is no password refusal is no prompt.
      locked: [
        { outcome: 1, name: 'minutes.pdf', base64: bytesToBase64(bytes) },
        { outcome: 0, name: 'broken.pdf', base64: bytesToBase64(bytes) },
      ],
    });
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.refusal).toBe(locked);
    expect(uploads[0]!.file.name).toBe('minutes.pdf');
    expect(new Uint8Array(await uploads[0]!.file.arrayBuffer())).toEqual(bytes);
  });
});

