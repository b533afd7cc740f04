import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { obsidianVaultFolder } from './export-files';
import { populate, tempLibrary, type Fixture, type TempLibrary } from '../../testing/populated-library';
import { writeExportFolder } from './export-output';

let t: TempLibrary;
let fixture: Fixture;
beforeEach(() => {
  t = tempLibrary('fieldbook-vault-');
  fixture = populate(t.library);
});
afterEach(() => t.cleanup());

const WIKILINK = /\[\[([^\]|#]+)(?:#([^\]|]+))?(?:\|[^\]]*)?\]\]/g;

describe('the Obsidian vault', () => {
  it('writes notes, documents and actors whose every wikilink resolves to a file (and block) in the vault', () => {
    // A note and an actor with the same name, and a title no file system accepts as is.
    const clash = t.call('notes.create', { title: 'aqim' });
    t.call('notes.create', { title: 'CON' });
    t.call('notes.create', { title: '  ' });
    t.call('notes.create', { title: 'What? <A>/"B"|C*. ' });
    const { files } = obsidianVaultFolder(t.library);

    const paths = files.map((f) => f.path).sort();
    expect(paths).toEqual(
      [
        'Actors/AQIM.md',
        'Actors/Mali.md',
        'Actors/Mokhtar Belmokhtar.md',
        `Documents/${fixture.article.title}.md`,
        'Documents/Field notes from Gao.md',
        'Notes/aqim (2).md',
        'Notes/CON_.md',
        'Notes/Reading notes Mali Sahel.md',
        'Notes/Sanctuaries.md',
        'Notes/Untitled.md',
        'Notes/What A B C.md',
      ].sort(),
    );
    expect(paths).not.toContain('Notes/Discarded idea.md');
    expect(clash.id).toBeGreaterThan(0);

    const byBase = new Map(files.map((f) => [path.posix.basename(f.path, '.md').toLowerCase(), f.content]));
    let checked = 0;
    for (const file of files) {
      for (const [, target, anchor] of file.content.matchAll(WIKILINK)) {
        const content = byBase.get(target!.toLowerCase());
        expect(content, `${file.path} links to [[${target}]]`).toBeDefined();
        if (anchor) expect(content, `${file.path} links to block ${anchor}`).toContain(`\n${anchor}\n`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);

    const reading = files.find((f) => f.path === 'Notes/Reading notes Mali Sahel.md')!.content;
    expect(reading.startsWith(`---\nid: "${fixture.notes.reading.uid}"\ntype: "note"\ntitle: "Reading notes: Mali/Sahel?"\n`)).toBe(true);
    expect(reading).toContain('See [[Sanctuaries]] and ask [[AQIM]].');
    expect(reading).toContain(`> — [[Field notes from Gao#^${fixture.highlights.convoy.uid}|Field notes from Gao]]`);
    const actor = files.find((f) => f.path === 'Actors/AQIM.md')!.content;
    expect(actor).toContain('aliases:\n  - "Al-Qaeda in the Islamic Maghreb"\n');
    expect(actor).toContain('- [[Reading notes Mali Sahel|Reading notes: Mali/Sahel?]]');
    const document = files.find((f) => f.path === 'Documents/Field notes from Gao.md')!.content;
    expect(document).toContain('- Actors: [[AQIM]], [[Mokhtar Belmokhtar]]');
    expect(document).toContain('## Orphaned highlights (1)');
  });

  it('lands on disk as a folder, and a later export replaces only the files the earlier one wrote', () => {
    const target = path.join(t.dir, 'vault');
    writeExportFolder(target, 'vault', [{ path: 'Notes/stale.md', content: 'old' }]);
    fs.writeFileSync(path.join(target, 'Notes', 'mine.md'), 'mine');
    const { files } = obsidianVaultFolder(t.library);
    const report = writeExportFolder(target, 'vault', files);
    expect(report).toMatchObject({ folder: target, intoSubfolder: false, written: files.length, removed: 1 });
    expect(fs.existsSync(path.join(target, 'Notes/stale.md'))).toBe(false);
    expect(fs.readFileSync(path.join(target, 'Notes/mine.md'), 'utf8')).toBe('mine');
    expect(fs.readFileSync(path.join(target, 'Actors/Mali.md'), 'utf8')).toContain('# Mali');
    expect(writeExportFolder(target, 'vault', files)).toMatchObject({ written: 0, unchanged: files.length, removed: 0 });
    expect(fs.readdirSync(t.dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});
