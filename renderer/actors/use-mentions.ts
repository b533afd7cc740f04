import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import type { ActorMention, Highlight, HighlightColour } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { api } from '../api/client';
import { reloadActors, useActors } from './actors-store';
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
  highlights: readonly Highlight[] | null;
  /** The colour new highlights are made in. */
  colour: HighlightColour;
  /** Highlights were created or tagged: the reader's list must show them. */
  onAccepted(): void;
}

// Kept for the session, so moving between documents (or to an actor's page and back) keeps the choice.
let shownForSession = false;

/** The open document's actor mentions, fetched and painted while the reader asks to see them. */
export function useMentions({ documentId, articleRef, renderCount, highlights, colour, onAccepted }: Options): Mentions {
  const [shown, setShown] = useState(shownForSession);
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<{ documentId: number; mentions: ActorMention[] | null; error: OpError | null } | null>(null);
  const { revision, byId } = useActors();
  // Which mentions count as accepted depends on the highlights and their tags.
  const tags = highlights?.map((h) => `${h.id}:${h.actorIds.join(',')}`).join(';') ?? '';

  useEffect(() => {
    if (!shown || documentId === null) return;
    let current = true;
    void api.call('actors.mentions', { documentId }).then((result) => {
      if (!current) return;
      setAnswer((previous) => {
        if (result.ok) return { documentId, mentions: result.value, error: null };
        const kept = previous?.documentId === documentId ? previous.mentions : null;
        return { documentId, mentions: kept, error: result.error };
      });
    });
    return () => {
      current = false;
    };
  }, [shown, documentId, tags, revision, attempt]);

  const current = shown && answer?.documentId === documentId ? answer : null;
  const mentions = current?.mentions ?? null;

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

  const retry = useCallback(() => setAttempt((value) => value + 1), []);

  const accept = useCallback(
    async (actorId: number, ranges?: Array<{ start: number; end: number }>) => {
      if (documentId === null) return { code: 'not_found', message: 'Open a document to accept its mentions.' } as OpError;
      const result = await api.call('actors.acceptMentions', { documentId, actorId, ranges, colour });
      if (!result.ok) return result.error;
      onAccepted();
      void reloadActors();
      return result.value;
    },
    [documentId, colour, onAccepted],
  );

  return { shown, toggle, mentions, error: current?.error ?? null, retry, accept };
}
