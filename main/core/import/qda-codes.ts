import { nameKey } from '../../common/fold-text';
import { ACTOR_KINDS, type ActorKind } from '../../common/records';
import { actorIdNamed, createActor, freeAliases } from '../actors/actor-repo';
import type { Library } from '../db/library';
import { prepare } from '../db/prepare';
import { headOf } from '../text/code-points';
import { createTheme } from '../themes/theme-repo';
import type { QdaCode, QdaLeftOut, QdaProject } from './qda-project';

/** What a code became: codings with it tag a highlight with this theme or actor. */
export type CodeTarget = { kind: 'theme'; id: number } | { kind: 'actor'; id: number };

export interface ImportedCodes {
  targets: Map<string, CodeTarget>;
  themesAdded: Array<{ id: number; name: string }>;
  actorsAdded: Array<{ id: number; name: string }>;
  leftOut: QdaLeftOut[];
  /** The codes left out, whose codings go with them. */
  leftOutGuids: Set<string>;
}

/** The contract's limits on a name and a description (contract.ts), which a row made here keeps too. */
const MAX_NAME = 200;
const MAX_DESCRIPTION = 5_000;
const MAX_ALIASES = 100;

/**
 * The codebook as themes, its tree kept. A code matches a theme the library already has with the
 * same name (up to case and accents) under the same parent, which is reused, not duplicated: so
 * importing a project twice, or one made from this library's own export, adds no second codebook.
 *
 * A project Fieldbook wrote (origin "Fieldbook") holds its actors as the codes under a code
 * "Actors" that is not codable (see export/refi-qda.ts): those become actors again, matched by
 * name or alias, with their kind and aliases read back from the description the export wrote.
 */
export function importCodes(library: Library, project: QdaProject): ImportedCodes {
  const result: ImportedCodes = { targets: new Map(), themesAdded: [], actorsAdded: [], leftOut: [], leftOutGuids: new Set() };
  const actorsCode = project.origin === 'Fieldbook' ? project.codes.find((code) => code.name === 'Actors' && !code.isCodable) : undefined;
  for (const code of actorsCode?.children ?? []) importActor(library, code, result);
  for (const code of project.codes) if (code !== actorsCode) importTheme(library, code, null, result);
  return result;
}

function importTheme(library: Library, code: QdaCode, parentId: number | null, result: ImportedCodes): void {
  const name = clip(code.name.trim(), MAX_NAME).trim();
  if (nameKey(name).length === 0) {
    result.leftOut.push({
      kind: 'code',
      name: code.name || code.guid,
      reason: 'a theme’s name needs a letter or a digit; its codings were left out and its sub-codes kept one level up',
    });
    result.leftOutGuids.add(code.guid);
    for (const each of code.children) importTheme(library, each, parentId, result);
    return;
  }
  let id = themeIdNamed(library, name, parentId);
  if (id === null) {
    const theme = createTheme(library, { name, parentId, description: clip(code.description, MAX_DESCRIPTION), ...(code.colour ? { colour: code.colour } : {}) });
    id = theme.id;
    result.themesAdded.push({ id, name });
  }
  if (code.guid) result.targets.set(code.guid, { kind: 'theme', id });
  for (const each of code.children) importTheme(library, each, id, result);
}

function themeIdNamed(library: Library, name: string, parentId: number | null): number | null {
  const row = prepare<[number, string], { id: number }>(library.db, 'SELECT id FROM themes WHERE coalesce(parent_id, 0) = ? AND name_key = ?').get(
    parentId ?? 0,
    nameKey(name),
  );
  return row?.id ?? null;
}

function importActor(library: Library, code: QdaCode, result: ImportedCodes): void {
  const name = clip(code.name.trim(), MAX_NAME).trim();
  if (nameKey(name).length === 0) {
    result.leftOut.push({ kind: 'actor', name: code.name || code.guid, reason: 'an actor’s name needs a letter or a digit; its codings were left out' });
    result.leftOutGuids.add(code.guid);
    return;
  }
  let id = actorIdNamed(library, name);
  if (id === null) {
    const fields = actorFields(code.description);
    const actor = createActor(library, {
      name,
      kind: fields.kind,
      aliases: freeAliases(library, fields.aliases.map((alias) => clip(alias, MAX_NAME).trim())).slice(0, MAX_ALIASES),
      description: clip(fields.description, MAX_DESCRIPTION),
      ...(code.colour ? { colour: code.colour } : {}),
    });
    id = actor.id;
    result.actorsAdded.push({ id, name });
  }
  if (code.guid) result.targets.set(code.guid, { kind: 'actor', id });
}

/** Reads back what export/refi-qda.ts writes: "Kind: group.", then "Also known as: A; B.", then the description. */
export function actorFields(description: string): { kind: ActorKind; aliases: string[]; description: string } {
  const lines = description.split('\n');
  const kind = /^Kind: (\w+)\.$/.exec(lines[0] ?? '')?.[1];
  const known = (ACTOR_KINDS as readonly string[]).includes(kind ?? '') ? (kind as ActorKind) : null;
  if (known) lines.shift();
  const aliases = /^Also known as: (.*)\.$/.exec(lines[0] ?? '')?.[1];
  if (aliases !== undefined) lines.shift();
  return {
    kind: known ?? 'other',
    aliases: aliases?.split('; ').map((alias) => alias.trim()).filter(Boolean) ?? [],
    description: lines.join('\n').trim(),
  };
}

/** Cut to the limit, never inside a character. */
function clip(text: string, limit: number): string {
  return text.length <= limit ? text : headOf(text, limit);
}
