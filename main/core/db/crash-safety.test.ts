import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..', '..');
/*
 * The writer is bundled once into plain JavaScript: started a hundred times through tsx, compiling
 * it took most of each run. It sits inside the package (two folders down, as its source does) so
 * that its packages and resources/ resolve as they do from source.
 */
const WRITER = path.join(ROOT, 'node_modules', '.cache', 'fieldbook-crash-writer.mjs');

beforeAll(() => {
  buildSync({
    entryPoints: [path.join(HERE, 'crash-writer.fixture.ts')],
    outfile: WRITER,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
});
const KILLS_PER_CHAIN = 50;
const CHAINS = 2; // two libraries killed side by side: 100 kills in all

interface Acks {
  highlights: Map<number, { start: number; end: number }>;
  comments: Map<number, number>;
  notes: Map<number, number>;
}

/** Runs the writer until a random moment after it is ready, then SIGKILLs it. Returns what it acknowledged. */
function writeAndKill(file: string, seed: number, acks: Acks): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, file, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 120));
        const [word, kind, id, a, b] = line.split(' ');
        if (word !== 'ack') continue;
        if (kind === 'highlight') acks.highlights.set(Number(id), { start: Number(a), end: Number(b) });
        if (kind === 'comment') acks.comments.set(Number(id), Number(a));
        if (kind === 'note') acks.notes.set(Number(id), Number(a));
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`the writer stopped by itself (${code}): ${stderr}`));
    });
  });
}

function checkLibrary(file: string, acks: Acks): { lost: number } {
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    let lost = 0;
    const highlight = db.prepare('SELECT position_start AS start, position_end AS end, comment FROM highlights WHERE id = ?');
    for (const [id, range] of acks.highlights) {
      const row = highlight.get(id) as { start: number; end: number } | undefined;
      if (!row || row.start !== range.start || row.end !== range.end) lost++;
    }
    for (const [id, seq] of acks.comments) {
      const row = highlight.get(id) as { comment: string } | undefined;
      // A later write may have committed without being acknowledged: newer is fine, older is loss.
      if (!row || Number(row.comment.replace('comment ', '')) < seq) lost++;
    }
    const note = db.prepare("SELECT title, body_text FROM notes WHERE id = ?");
    const link = db.prepare("SELECT count(*) AS n FROM links WHERE from_note_id = ? AND target_kind = 'note' AND target_id = ?");
    for (const [id, seq] of acks.notes) {
      const row = note.get(id) as { title: string; body_text: string } | undefined;
      const linked = (link.get(id, id) as { n: number }).n === 1;
      if (!row || row.title !== `Note ${seq}` || !row.body_text.startsWith(`body ${seq}`) || !linked) lost++;
    }
    return { lost };
  } finally {
    db.close();
  }
}

async function killChain(chain: number): Promise<{ kills: number; acknowledged: number; lost: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-crash-'));
  const file = path.join(dir, 'library.sqlite');
  const acks: Acks = { highlights: new Map(), comments: new Map(), notes: new Map() };
  let lost = 0;
  try {
    for (let kill = 0; kill < KILLS_PER_CHAIN; kill++) {
      await writeAndKill(file, chain * 1000 + kill + 1, acks);
      lost += checkLibrary(file, acks).lost;
    }
    return { kills: KILLS_PER_CHAIN, acknowledged: acks.highlights.size + acks.comments.size + acks.notes.size, lost };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('crash safety', () => {
  it(
    'loses no acknowledged write when the writer is SIGKILLed 100 times',
    async () => {
      const results = await Promise.all(Array.from({ length: CHAINS }, (_, chain) => killChain(chain)));
      const total = results.reduce((sum, r) => ({ kills: sum.kills + r.kills, acknowledged: sum.acknowledged + r.acknowledged, lost: sum.lost + r.lost }));
      console.log(`crash safety: ${total.kills} kills, ${total.acknowledged} acknowledged writes, ${total.lost} lost`);
      expect(total.kills).toBe(100);
      expect(total.acknowledged).toBeGreaterThan(100);
      expect(total.lost).toBe(0);
    },
    300_000,
  );
});
