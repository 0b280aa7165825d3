import type * as Y from 'yjs';
import { createBoard, listBoards } from './boards';
import { addGroup, listGroups } from './groups';
import { getMeta, initWorkshop, updateMeta } from './meta';
import { ok, type Result } from './result';
import type { TextError } from './text';

/** Fills the empty `target` with the structure of `source`: purpose, place, groups and boards in
 *  agenda order, without anyone's contributions, so a facilitator can run the same workshop again.
 *  Returns each source board's id with the id of its copy. */
export function copyAsTemplate(
  source: Y.Doc, target: Y.Doc, fields: { title: string; createdBy: string }, origin: unknown,
): Result<Map<string, string>, TextError> {
  const meta = getMeta(source);
  const init = initWorkshop(target, { ...fields, locale: meta.locale }, origin);
  if (!init.ok) return init;
  const boards = new Map<string, string>();
  target.transact(() => {
    updateMeta(target, { purpose: meta.purpose, place: meta.place }, origin);
    for (const group of listGroups(source)) addGroup(target, group.name, origin, group.color);
    // A board of a kind from a newer app is left out: copied here it would become a notes board.
    for (const board of listBoards(source).filter((b) => b.unknownType === undefined)) {
      const { type, title, prompt, titleKm, promptKm } = board;
      const copy = createBoard(target, { type, title, prompt, titleKm, promptKm }, origin);
      if (copy.ok) boards.set(board.id, copy.value);
    }
  }, origin);
  return ok(boards);
}
