import type { RestoreReport } from '../../main/common/records';
import { api } from '../api/client';
import type { ExportChoice } from './ExportMenu';

export function documentExportChoices(id: number): ExportChoice[] {
  return [
    { label: 'Annotations as Markdown', run: () => api.call('export.documentMarkdown', { id }) },
    { label: 'Annotations as HTML', run: () => api.call('export.documentHtml', { id }) },
    { label: 'Annotations as W3C Web Annotation (JSON-LD)', run: () => api.call('export.webAnnotations', { documentId: id }) },
    { label: 'Highlights as CSV', run: () => api.call('export.highlightsCsv', { scope: { kind: 'document', documentId: id } }) },
  ];
}

export function noteExportChoices(id: number): ExportChoice[] {
  return [
    { label: 'Note as Markdown', run: () => api.call('export.noteMarkdown', { id }) },
    { label: 'Note as HTML', run: () => api.call('export.noteHtml', { id }) },
  ];
}

export function actorExportChoices(id: number): ExportChoice[] {
  return [
    { label: 'Actor file as Markdown', run: () => api.call('export.actorMarkdown', { id }) },
    { label: 'Passages as CSV', run: () => api.call('export.highlightsCsv', { scope: { kind: 'actor', actorId: id } }) },
  ];
}

export function libraryExportChoices(): ExportChoice[] {
  return [
    { label: 'Obsidian vault (.zip)', run: () => api.call('export.vault', {}) },
    { label: 'Library archive (JSON)', long: true, run: (options) => api.call('export.archive', {}, options) },
    { label: 'All annotations (W3C JSON-LD)', run: () => api.call('export.webAnnotations', {}) },
    { label: 'All highlights as CSV', run: () => api.call('export.highlightsCsv', { scope: { kind: 'library' } }) },
    { label: 'REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA', run: () => api.call('export.qdpx', {}) },
    { label: 'Codebook (REFI-QDA .qdc)', run: () => api.call('export.qdc', {}) },
    {
      label: 'Back up now',
      act: async () => {
        const result = await api.call('backup.now', {});
        return result.ok ? { ok: true, value: { message: `Backed up to ${result.value.name}.` } } : result;
      },
    },
    {
      label: 'Restore from archive…',
      long: true,
      act: async (options) => {
        const file = await chooseFile('.json,application/json');
        if (!file) return { ok: true, value: { message: 'Nothing was restored.' } };
        const result = await api.call('library.restoreArchive', { json: await file.text() }, options);
        if (!result.ok) return result;
        return { ok: true, value: { message: describeRestore(file.name, result.value) } };
      },
    },
  ];
}

/** The menu item's click is the user gesture that lets a page open the file chooser. */
function chooseFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

function describeRestore(fileName: string, report: RestoreReport): string {
  const added = Object.entries(report.added)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${count === 1 ? kind.replace(/s$/, '') : kind}`);
  const conflicts = report.conflicts.length;
  return (
    `Restored ${fileName}: ${added.length > 0 ? `added ${added.join(', ')}` : 'nothing new to add'}` +
    (conflicts > 0 ? `; ${conflicts} conflict${conflicts === 1 ? '' : 's'} kept the library’s version.` : '.')
  );
}

