import type Database from 'better-sqlite3';
import { CHANGED_KINDS, type ChangedKind, type LibraryChange } from '../../common/changes';
import type { Library } from '../db/library';

/** Beyond this many rows in one read, the feed says which kinds changed but not which rows. */
const MAX_ROWS_READ = 5_000;
/** A window refreshes a kind's lists anyway past a handful of ids; it need not hear of thousands. */
const MAX_IDS_PER_KIND = 500;

interface LogRow {
  seq: number;
  kind: ChangedKind;
  row_id: number;
}

/**
 * Reads the change log (see migrations/0030-change-log.ts) from where it last stopped: what every
 * write committed since, by this connection or any other. One feed per open library; its reader
 * is whoever tells the windows.
 */
export class ChangeFeed {
  private lastSeq: number;
  private lastDataVersion: number;
  private readonly readAfter: Database.Statement<[number, number], LogRow>;
  private readonly kindsAfter: Database.Statement<[number], { kind: ChangedKind }>;
  private readonly newestSeq: Database.Statement<[], { seq: number | null }>;

  constructor(private readonly library: Library) {
    const { db } = library;
    this.readAfter = db.prepare('SELECT seq, kind, row_id FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?');
    this.kindsAfter = db.prepare('SELECT DISTINCT kind FROM change_log WHERE seq > ?');
    this.newestSeq = db.prepare('SELECT max(seq) AS seq FROM change_log');
    this.lastSeq = this.newestSeq.get()?.seq ?? 0;
    this.lastDataVersion = this.dataVersion();
  }

  /**
   * Cheap enough to ask several times a second: true when another connection (the command line,
   * another process's window) committed since the last poll. This connection's own commits do not
   * count; poll after each of them instead.
   */
  otherCommitted(): boolean {
    return this.dataVersion() !== this.lastDataVersion;
  }

  /** What was committed since the last poll; null when nothing was. */
  poll(): LibraryChange | null {
    this.lastDataVersion = this.dataVersion();
    const rows = this.readAfter.all(this.lastSeq, MAX_ROWS_READ + 1);
    if (rows.length === 0) return null;
    // Sequence numbers have no gaps but those pruning leaves: a gap means rows were missed.
    const fellBehind = rows[0]!.seq !== this.lastSeq + 1 && this.lastSeq !== 0;
    const change = fellBehind ? everything(this.newestSeq.get()?.seq ?? rows.at(-1)!.seq)
      : rows.length > MAX_ROWS_READ ? this.kindsOnly()
      : grouped(rows);
    this.lastSeq = change.seq;
    return change;
  }

  private kindsOnly(): LibraryChange {
    const seq = this.newestSeq.get()?.seq ?? this.lastSeq;
    const changed: LibraryChange['changed'] = {};
    for (const { kind } of this.kindsAfter.all(this.lastSeq)) changed[kind] = 'all';
    return { seq, changed };
  }

  private dataVersion(): number {
    return this.library.db.pragma('data_version', { simple: true }) as number;
  }
}

function grouped(rows: LogRow[]): LibraryChange {
  const ids = new Map<ChangedKind, Set<number>>();
  for (const row of rows) {
    let set = ids.get(row.kind);
    if (!set) ids.set(row.kind, (set = new Set()));
    set.add(row.row_id);
  }
  const changed: LibraryChange['changed'] = {};
  for (const [kind, set] of ids) changed[kind] = set.size > MAX_IDS_PER_KIND ? 'all' : [...set];
  return { seq: rows.at(-1)!.seq, changed };
}

function everything(seq: number): LibraryChange {
  return { seq, changed: Object.fromEntries(CHANGED_KINDS.map((kind) => [kind, 'all'])) };
}
