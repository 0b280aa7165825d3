import type * as Y from 'yjs';
import { err, ok, type Result } from './result';

/** Deletes entry `id` from a board's part (its statements, red lines, relationships, items), in
 *  one transaction: `no-board` when the board or part is gone, `missing` when the entry is. */
export function removeEntry<E extends string>(
  doc: Y.Doc, part: { has(id: string): boolean; delete(id: string): void } | undefined, ids: { boardId: string; id: string }, missing: E, origin: unknown,
): Result<void, E | 'no-board'> {
  if (!part) return err('no-board', ids.boardId);
  if (!part.has(ids.id)) return err(missing, ids.id);
  doc.transact(() => part.delete(ids.id), origin);
  return ok(undefined);
}
