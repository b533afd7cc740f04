import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';
import type { ActorMention } from '../../main/common/records';
import type { OpError, OpOutputs } from '../../main/common/contract';
import { api } from '../api/client';
import { useOp } from '../data/op-queries';
import { useActors } from './actors-store';
import { clearMentions, paintMentions } from './paint-mentions';

type Range = { start: number; end: number };

export interface Mentions {
  shown: boolean;
  toggle(): void;
  /** Null until the open document's mentions have arrived (or while they are hidden). */
  mentions: ActorMention[] | null;
  error: OpError | null;
  retry(): void;
  /** Records that the actor is named at these ranges (every suggested one, without ranges). No highlight is made. */
  accept(actorId: number, ranges?: Range[]): Promise<OpOutputs['actors.acceptMentions'] | OpError>;
  /** "Not this actor": remembered, so the place is no longer suggested. */
  reject(mention: ActorMention): Promise<OpOutputs['actors.rejectMention'] | OpError>;
  /** Forgets judgements (undo, "Remove", "Suggest again"). */
  forget(ids: number[]): Promise<OpOutputs['actors.forgetMentions'] | OpError>;
}

interface Options {
  documentId: number | null;
  articleRef: RefObject<HTMLElement | null>;
  /** Changes whenever the article's markup is set afresh, since painted ranges point into its nodes. */
  renderCount: number;
}

// Kept for the session, so moving between documents (or to an actor's page and back) keeps the choice.
let shownForSession = false;

const NO_DOCUMENT: OpError = { code: 'not_found', message: 'Open a document to judge its mentions.' };

/** The open document's actor mentions, fetched and painted while the reader asks to see them. */
export function useMentions({ documentId, articleRef, renderCount }: Options): Mentions {
  const [shown, setShown] = useState(shownForSession);
  const { byId } = useActors();
  // Which mentions count as accepted depends on the judgements (logged as their actor's changes)
  // and on tagged highlights: the cache reads them again whenever a highlight or an actor changes.
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
    async (actorId: number, ranges?: Range[]) => {
      if (documentId === null) return NO_DOCUMENT;
      const result = await api.call('actors.acceptMentions', { documentId, actorId, ranges });
      return result.ok ? result.value : result.error;
    },
    [documentId],
  );

  const reject = useCallback(
    async ({ actorId, start, end }: ActorMention) => {
      if (documentId === null) return NO_DOCUMENT;
      const result = await api.call('actors.rejectMention', { documentId, actorId, start, end });
      return result.ok ? result.value : result.error;
    },
    [documentId],
  );

  const forget = useCallback(async (ids: number[]) => {
    const result = await api.call('actors.forgetMentions', { ids });
    return result.ok ? result.value : result.error;
  }, []);

  return { shown, toggle, mentions, error: shown ? answer.error : null, retry, accept, reject, forget };
}
