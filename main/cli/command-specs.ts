import type { Library } from '../core/db/library';
import type { CliIo } from './cli-io';

export interface CommandInput {
  library: Library;
  io: CliIo;
  operands: string[];
  json: boolean;
  options: Record<string, string>;
}

export type CommandRun = (input: CommandInput) => number | Promise<number>;

export interface CommandSpec {
  name: string;
  synopsis: string;
  summary: string;
  operands: { min: number; max: number; name: string };
  acceptsJson: boolean;
  /** Options that take a value (`--replace ID`), without the dashes. */
  options?: readonly string[];
  /**
   * Loaded only when the command runs: the core pulls in jsdom and friends (a few hundred ms),
   * which `--help` and a mistyped command should not wait for.
   */
  load: () => Promise<CommandRun>;
}

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'import',
    synopsis: 'import [--replace ID] [--password PW] FILE...',
    summary:
      'Import HTML, Markdown, plain-text, PDF or EPUB files, or a REFI-QDA project (.qdpx); --password opens an encrypted PDF; --replace swaps in a newer version of document ID.',
    operands: { min: 1, max: Infinity, name: 'FILE' },
    acceptsJson: false,
    options: ['replace', 'password'],
    load: async () => (await import('./commands/import-command')).runImport,
  },
  {
    name: 'list',
    synopsis: 'list [--json]',
    summary: 'List the documents in the library.',
    operands: { min: 0, max: 0, name: '' },
    acceptsJson: true,
    load: async () => (await import('./commands/list-command')).runList,
  },
  {
    name: 'show',
    synopsis: 'show ID [--page N] [--json]',
    summary: "Print a document's details, its grade and its plain text (a PDF's with page markers; --page N: only its Nth page).",
    operands: { min: 1, max: 1, name: 'ID' },
    acceptsJson: true,
    options: ['page'],
    load: async () => (await import('./commands/show-command')).runShow,
  },
  {
    name: 'grade',
    synopsis: 'grade ID|--highlight ID [--reliability A-F|none] [--credibility 1-6|none]',
    summary: 'Grade document ID as a source with the Admiralty code (B2: usually reliable, probably true), or give one passage a credibility of its own.',
    operands: { min: 0, max: 1, name: 'ID' },
    acceptsJson: true,
    options: ['reliability', 'credibility', 'highlight'],
    load: async () => (await import('./commands/grade-command')).runGrade,
  },
  {
    name: 'search',
    synopsis: 'search QUERY... [--json]',
    summary: 'Search documents, highlights, notes, actors, themes and analyses ("phrases", -exclusions).',
    operands: { min: 1, max: Infinity, name: 'QUERY' },
    acceptsJson: true,
    load: async () => (await import('./commands/search-command')).runSearch,
  },
  {
    name: 'actors',
    synopsis: 'actors [--json]',
    summary: 'List the actors with their kinds, aliases and tag counts.',
    operands: { min: 0, max: 0, name: '' },
    acceptsJson: true,
    load: async () => (await import('./commands/actors-command')).runActors,
  },
  {
    name: 'actor',
    synopsis: 'actor ID [--json]',
    summary: "Print an actor's file: passages, notes that mention it, who appears with it.",
    operands: { min: 1, max: 1, name: 'ID' },
    acceptsJson: true,
    load: async () => (await import('./commands/actors-command')).runActorPage,
  },
  {
    name: 'network',
    synopsis: 'network [--json] [--min-weight N] [--kind K,K] [--document ID] [--collection ID] [--from DATE] [--to DATE]',
    // The grade options stay out of the synopsis, which sets the width of every line of the help.
    summary: 'Print the actor network: actors with their passages, and the actors tagged together with how often; --reliability A,B and --credibility 1,2 keep passages so graded (none: not graded).',
    operands: { min: 0, max: 0, name: '' },
    acceptsJson: true,
    options: ['min-weight', 'kind', 'document', 'collection', 'from', 'to', 'reliability', 'credibility'],
    load: async () => (await import('./commands/network-command')).runNetwork,
  },
  {
    name: 'cooccurrence',
    synopsis: 'cooccurrence [--json] [--against themes|actors] [--document ID] [--collection ID] [--from DATE] [--to DATE]',
    summary: 'Print how many passages carry each theme together with each other theme (or each actor, with --against actors); --reliability and --credibility narrow by grade, as for network.',
    operands: { min: 0, max: 0, name: '' },
    acceptsJson: true,
    options: ['against', 'document', 'collection', 'from', 'to', 'reliability', 'credibility'],
    load: async () => (await import('./commands/cooccurrence-command')).runCoOccurrence,
  },
  {
    name: 'timeline',
    synopsis: 'timeline [--json] [--suggested] [--document ID] [--collection ID]',
    summary: 'Print the dated passages, earliest first (--suggested: the dates found in passages and not yet confirmed too); --reliability and --credibility narrow by grade, as for network.',
    operands: { min: 0, max: 0, name: '' },
    acceptsJson: true,
    options: ['suggested', 'document', 'collection', 'from', 'to', 'reliability', 'credibility'],
    load: async () => (await import('./commands/timeline-command')).runTimeline,
  },
  {
    name: 'ach',
    synopsis: 'ach [ID] [--json]',
    summary: 'List the analyses of competing hypotheses, or print analysis ID: its hypotheses ranked by weighted inconsistency and its matrix of ratings (unrated: .).',
    operands: { min: 0, max: 1, name: 'ID' },
    acceptsJson: true,
    load: async () => (await import('./commands/ach-command')).runAch,
  },
  {
    name: 'themes',
    synopsis: 'themes [--json]',
    summary: 'Print the codebook: themes as a tree, with their passage counts.',
    operands: { min: 0, max: 0, name: '' },
    acceptsJson: true,
    load: async () => (await import('./commands/themes-command')).runThemes,
  },
  {
    name: 'theme',
    synopsis: 'theme ID [--json]',
    summary: "Print a theme's page: where it sits in the codebook and its passages across documents.",
    operands: { min: 1, max: 1, name: 'ID' },
    acceptsJson: true,
    load: async () => (await import('./commands/themes-command')).runThemePage,
  },
  {
    name: 'export',
    synopsis: 'export --format FORMAT --out PATH [--note ID | --document ID | --actor ID] [--bom no] [--originals refer]',
    summary: 'Write markdown, html, w3c, csv (with a BOM for Excel unless --bom no), json (the whole library), vault, qdpx (REFI-QDA) or qdc (its codebook), the actor network as graphml or gexf, the co-occurrence matrix as CSV (cooccurrence: themes x themes; cooccurrence-actors: themes x actors), or the timeline (timeline-csv, timeline-markdown). json and vault carry the PDFs and EPUBs unless --originals refer, which only names them (file name, size, SHA-256).',
    operands: { min: 0, max: 0, name: '' },
    acceptsJson: false,
    options: ['format', 'out', 'note', 'document', 'actor', 'bom', 'originals'],
    load: async () => (await import('./commands/export-command')).runExport,
  },
  {
    name: 'restore',
    synopsis: 'restore ARCHIVE.json [--files FOLDER]',
    summary:
      'Restore a JSON archive: into an empty library exactly, else merged (conflicts reported). --files: a folder holding the PDFs and EPUBs an archive exported with --originals refer names (found by their bytes, in it or its subfolders).',
    operands: { min: 1, max: 1, name: 'ARCHIVE' },
    acceptsJson: false,
    options: ['files'],
    load: async () => (await import('./commands/export-command')).runRestore,
  },
  {
    name: 'backup',
    synopsis: 'backup',
    summary: 'Write a consistent copy of the library into its Backups folder now.',
    operands: { min: 0, max: 0, name: '' },
    acceptsJson: false,
    load: async () => (await import('./commands/backup-command')).runBackup,
  },
  {
    name: 'backups',
    synopsis: 'backups [--json]',
    summary: "List the library's backups, newest first.",
    operands: { min: 0, max: 0, name: '' },
    acceptsJson: true,
    load: async () => (await import('./commands/backup-command')).runBackups,
  },
  {
    name: 'restore-backup',
    synopsis: 'restore-backup FILE',
    summary: 'Put a backup in the library’s place; the library as it was is kept aside.',
    operands: { min: 1, max: 1, name: 'FILE' },
    acceptsJson: false,
    load: async () => (await import('./commands/backup-command')).runRestoreBackup,
  },
  {
    name: 'reindex',
    synopsis: 'reindex',
    summary: 'Rebuild the search index (for libraries whose index was lost).',
    operands: { min: 0, max: 0, name: '' },
    acceptsJson: false,
    load: async () => (await import('./commands/reindex-command')).runReindex,
  },
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((command) => command.name === name);
}
