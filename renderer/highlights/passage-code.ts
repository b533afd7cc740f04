import type { Actor, Theme } from '../../main/common/records';

/** What a new highlight is tagged with as it is made from the selection toolbar. */
export type PassageCode = { kind: 'actor'; actor: Actor } | { kind: 'theme'; theme: Theme };
