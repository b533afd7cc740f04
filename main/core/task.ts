import type { OpProgress } from '../common/progress';
import { FieldbookError } from './errors';

/**
 * What a long operation is handed by whoever runs it: where to say how far it has got, and
 * whether it has been asked to stop. It looks only at points where stopping leaves nothing
 * half-written (between files, or inside a transaction that the stop then rolls back).
 */
export interface Task {
  report(progress: OpProgress): void;
  cancelled(): boolean;
}

/** Throws a `cancelled` FieldbookError with `message` when the task was asked to stop. */
export function stopIfCancelled(task: Task | undefined, message: string): void {
  if (task?.cancelled()) throw new FieldbookError('cancelled', message);
}
