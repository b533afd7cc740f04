import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';
import type { ActorMention, HighlightColour } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { api } from '../api/client';
import { useOp } from '../data/op-queries';
import { useActors } from './actors-store';
import { clearMentions, paintMentions } from './paint-mentions';

export interface Mentions {
  shown: boolean;
  toggle(): void;
  /** Null until the open document's mentions have arrived (or while they are hidden). */
  mentions: ActorMention[] | null;
  error: OpError | null;
  retry(): void;
  /** Turns mentions into highlights tagged with the actor: these ranges, or all of the actor's. */
  accept(actorId: number, ranges?: Array<{ start: number; end: number }>): Promise<{ created: number; tagged: number } | OpError>;
}

interface Options {
  documentId: number | null;
  articleRef: RefObject<HTMLElement | null>;
  /** Changes whenever the article's markup is set afresh, since painted ranges point into its nodes. */
  renderCount: number;
  /** The colour new highlights are made in. */
  colour: HighlightColour;
}

// Kept for the session, so moving between documents (or to an actor's page and back) keeps the choice.
let shownForSession = false;

/** The open document's actor mentions, fetched and painted while the reader asks to see them. */
export function useMentions({ documentId, articleRef, renderCount, colour }: Options): Mentions {
  const [shown, setShown] = useState(shownForSession);
  const { byId } = useActors();
  // Which mentions count as accepted depends on the highlights and their tags: the cache reads
  // them again whenever a highlight or an actor changes.
  const answer = useOp('actors.mentions', { documentId: documentId ?? 0 }, { enabled: shown && documentId !== null });
  const mentions: ActorMention[] | null = shown && documentId !== null ? (answer.data ?? null) : null;

  useLayoutEffect(() => {
    const root = articleRef.current;
    if (!root || !mentions) {
      clearMentions();
      return;
    }
    paintMentions(root, mentions, (actorId) => byId.get(actorId)?.colour);
  }, [articleRef, mentions, byId, renderCount]);

  useLayoutEffect(() => clearMentions, []);

  const toggle = useCallback(() => {
    setShown((value) => {
      shownForSession = !value;
      return !value;
    });
  }, []);

  const retry = answer.refetch;

  const accept = useCallback(
    async (actorId: number, ranges?: Array<{ start: number; end: number }>) => {
      if (documentId === null) return { code: 'not_found', message: 'Open a document to accept its mentions.' } as OpError;
      const result = await api.call('actors.acceptMentions', { documentId, actorId, ranges, colour });
      return result.ok ? result.value : result.error;
    },
    [documentId, colour],
  );

  return { shown, toggle, mentions, error: shown ? answer.error : null, retry, accept };
}
