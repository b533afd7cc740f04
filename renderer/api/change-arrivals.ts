import type { LibraryChange } from '../../main/common/changes';

/**
 * A window hears of its own writes twice: in the answer to its call, and from the feed a moment
 * later. Each should act once, but nothing may be lost: answers race each other over separate
 * requests (a later write's answer can land first), and one feed event may cover several writes,
 * other windows' among them, up to its `seq`. So an answer is passed on unless the feed already
 * covered it; a feed event is passed on unless it is exactly one write, already heard as an
 * answer. Passing one on twice costs a second refresh; skipping one would leave a list stale.
 */
export class ChangeArrivals {
  /** The feed has told of every write up to here. */
  private feedSeq = 0;
  /** Answers passed on that the feed has not covered yet. */
  private readonly answered = new Set<number>();

  constructor(private readonly emit: (change: LibraryChange) => void) {}

  fromAnswer(change: LibraryChange): void {
    if (change.seq <= this.feedSeq || this.answered.has(change.seq)) return;
    this.answered.add(change.seq);
    this.emit(change);
  }

  fromFeed(change: LibraryChange): void {
    if (change.seq <= this.feedSeq) return;
    const onlyAnAnswer = change.seq === this.feedSeq + 1 && this.answered.has(change.seq);
    for (const seq of this.answered) if (seq <= change.seq) this.answered.delete(seq);
    this.feedSeq = change.seq;
    if (!onlyAnAnswer) this.emit(change);
  }
}
