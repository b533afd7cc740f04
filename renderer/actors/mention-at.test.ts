import { describe, expect, it } from 'vitest';
import type { ActorMention } from '../../main/common/records';
import { mentionAt, mentionLabel } from './mention-at';

const mention = (actorId: number, start: number, end: number, status: ActorMention['status'] = 'suggested'): ActorMention => ({
  actorId,
  start,
  end,
  text: 'x'.repeat(end - start),
  status,
  recordId: null,
});

describe('the mention under a point of the text', () => {
  const mentions = [mention(1, 10, 14), mention(2, 20, 25, 'accepted'), mention(3, 30, 34, 'rejected'), mention(1, 40, 44)];

  it('is the one covering the offset, from its first character to before its end', () => {
    expect(mentionAt(mentions, 10)?.actorId).toBe(1);
    expect(mentionAt(mentions, 13)?.actorId).toBe(1);
    expect(mentionAt(mentions, 14)).toBeNull();
    expect(mentionAt(mentions, 22)?.actorId).toBe(2);
    expect(mentionAt(mentions, 43)?.start).toBe(40);
  });

  it('is none before the first, between two, or on a rejected one', () => {
    expect(mentionAt(mentions, 0)).toBeNull();
    expect(mentionAt(mentions, 17)).toBeNull();
    expect(mentionAt(mentions, 31)).toBeNull();
    expect(mentionAt([], 5)).toBeNull();
  });

  it('finds one starting earlier that covers a later one', () => {
    expect(mentionAt([mention(1, 0, 30, 'accepted'), mention(2, 5, 8)], 20)?.actorId).toBe(1);
  });

  it('is named with its judgement', () => {
    expect(mentionLabel('AQIM', { status: 'accepted' })).toBe('AQIM · accepted mention');
    expect(mentionLabel('AQIM', { status: 'suggested' })).toBe('AQIM? · suggested mention');
  });
});
