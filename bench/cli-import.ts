import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../main/cli/fieldbook.mjs');
/** Preloaded into the child: reports its own peak resident memory and CPU time as it exits. */
const REPORT_USAGE = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\nUSAGE '+JSON.stringify({maxRssKb:u.maxRSS,cpuMs:(u.userCPUTime+u.systemCPUTime)/1000})+'\\n')})`;

export interface CliImport {
  ms: number;
  /** The process's peak resident memory, its threads' (a PDF's reader thread) included. */
  maxRssMb: number;
  cpuMs: number;
  stdout: string;
}

/**
 * `fieldbook --library DIR import FILE` as a user runs it, in a process of its own so that its
 * peak memory is the import's alone; throws when the command fails.
 */
export function importThroughCli(libraryDir: string, file: string): CliImport {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', REPORT_USAGE, CLI, '--library', libraryDir, 'import', file], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  const usage = /USAGE (\{.*\})/.exec(child.stderr)?.[1];
  if (child.status !== 0 || !usage) throw new Error(`fieldbook import ${path.basename(file)} failed (${child.status}): ${child.stderr}`);
  const { maxRssKb, cpuMs } = JSON.parse(usage) as { maxRssKb: number; cpuMs: number };
  return { ms, maxRssMb: maxRssKb / 1024, cpuMs, stdout: child.stdout };
}

/** The document an import added, from the line the CLI prints: `imported NAME as #ID …`. */
export function importedDocumentId(run: CliImport, fileName: string): number {
  const escaped = fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const id = new RegExp(`imported ${escaped} as #(\\d+)`).exec(run.stdout)?.[1];
  if (id === undefined) throw new Error(`${fileName} was not imported: ${run.stdout}`);
  return Number(id);
}
