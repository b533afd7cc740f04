import { describe, expect, it } from 'vitest';
import { FileNameAllocator, safeFileName } from './safe-file-name';

describe('safe file names', () => {
  it('makes names every system accepts', () => {
    expect(safeFileName('a<b>c:d"e/f\\g|h?i*j')).toBe('a b c d e f g h i j');
    expect(safeFileName('tab\there\u0000nul')).toBe('tab here nul');
    expect(safeFileName('ends with dots... ')).toBe('ends with dots');
    expect(safeFileName('CON')).toBe('CON_');
    expect(safeFileName('lpt1.txt')).toBe('lpt1.txt_');
    expect(safeFileName('Console')).toBe('Console');
    expect(safeFileName('')).toBe('Untitled');
    expect(safeFileName(' ?* ')).toBe('Untitled');
    expect(safeFileName('[[link]] #tag ^block')).toBe('link tag block');
  });

  it('caps names at 120 bytes without splitting a character', () => {
    const name = safeFileName('é'.repeat(100));
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(120);
    expect(name).toBe('é'.repeat(60));
    expect(safeFileName('🙂'.repeat(40))).toBe('🙂'.repeat(30));
  });

  it('dedupes names regardless of case', () => {
    const names = new FileNameAllocator();
    expect(['Notes', 'notes', 'NOTES', 'Notes (2)', ''].map((n) => names.allocate(n))).toEqual(['Notes', 'notes (2)', 'NOTES (3)', 'Notes (2) (2)', 'Untitled']);
  });

  it('dedupes names that Windows and macOS take for one name though lower case tells them apart', () => {
    const names = new FileNameAllocator();
    // NTFS and APFS fold both sigmas to Σ, the long s to S, the dotless i to I.
    expect(['Οδυσσευς', 'Οδυσσευσ', 'ſtate', 'state', 'Kıdal', 'KIDAL'].map((n) => names.allocate(n))).toEqual([
      'Οδυσσευς',
      'Οδυσσευσ (2)',
      'ſtate',
      'state (2)',
      'Kıdal',
      'KIDAL (2)',
    ]);
  });

  it('keeps an attachment’s extension last, and its whole name apart from a note named the same', () => {
    const names = new FileNameAllocator();
    expect([names.allocate('report.pdf'), names.allocate('report', 'pdf'), names.allocate('Report', 'pdf'), names.allocate('report', 'epub')]).toEqual([
      'report.pdf',
      'report (2).pdf',
      'Report (3).pdf',
      'report.epub',
    ]);
  });

  it('never gives a Windows device name', () => {
    expect(['CONIN$', 'conout$.txt', 'COM0', 'lpt²'].map((n) => safeFileName(n))).toEqual(['CONIN$_', 'conout$.txt_', 'COM0_', 'lpt²_']);
  });
});
