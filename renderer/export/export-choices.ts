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
    { label: 'Library archive (JSON)', run: () => api.call('export.archive', {}) },
    { label: 'All annotations (W3C JSON-LD)', run: () => api.call('export.webAnnotations', {}) },
    { label: 'All highlights as CSV', run: () => api.call('export.highlightsCsv', { scope: { kind: 'library' } }) },
    {
      label: 'Back up now',
      act: async () => {
        const result = await api.call('backup.now', {});
        return result.ok ? { ok: true, value: { message: `Backed up to ${result.value.name}.` } } : result;
      },
    },
  ];
}
