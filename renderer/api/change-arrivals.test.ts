import { describe, expect, it } from 'vitest';
import type { LibraryChange } from '../../main/common/changes';
import { ChangeArrivals } from './change-arrivals';

const change = (seq: number, changed: LibraryChange['changed'] = { actor: [seq] }): LibraryChange => ({ seq, changed });

function arrivals() {
  const heard: number[] = [];
  return { heard, arrivals: new ChangeArrivals((each) => heard.push(each.seq)) };
}

describe('ChangeArrivals', () => {
  it('acts once on a write heard in its answer and then from the feed', () => {
    const { heard, arrivals: a } = arrivals();
    a.fromFeed(change(4));
    a.fromAnswer(change(5));
    a.fromFeed(change(5));
    expect(heard).toEqual([4, 5]);
  });

  it('loses no write whose answer lands after a later one’s (an actor created while a place is saved)', () => {
    const { heard, arrivals: a } = arrivals();
    a.fromFeed(change(6));
    a.fromAnswer(change(8));
    a.fromAnswer(change(7));
    a.fromFeed(change(7));
    a.fromFeed(change(8));
    expect(heard).toEqual([6, 8, 7]);
  });

  it('passes on a feed event that covers several writes, even when this window answered the last of them', () => {
    const { heard, arrivals: a } = arrivals();
    a.fromFeed(change(10));
    a.fromAnswer(change(12));
    // 11 was another window's write, told together with this one's 12.
    a.fromFeed(change(12, { note: [3], actor: [12] }));
    expect(heard).toEqual([10, 12, 12]);
  });

  it('ignores an answer the feed has already told of', () => {
    const { heard, arrivals: a } = arrivals();
    a.fromFeed(change(20));
    a.fromAnswer(change(19));
    a.fromAnswer(change(20));
    expect(heard).toEqual([20]);
  });
});
