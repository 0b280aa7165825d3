import type * as Y from 'yjs';
import { createBoard, listBoards, type BoardType } from './boards';
import { addGroup, listGroups } from './groups';
import { getMeta, initWorkshop, updateMeta } from './meta';
import type { Result } from './result';
import type { TextError } from './text';

/** Fills the empty `target` with the structure of `source`: purpose, place, groups and boards in
 *  agenda order, without anyone's contributions, so a facilitator can run the same workshop again. */
export function copyAsTemplate(
  source: Y.Doc, target: Y.Doc, fields: { title: string; createdBy: string }, origin: unknown,
): Result<void, TextError> {
  const meta = getMeta(source);
  const init = initWorkshop(target, { ...fields, locale: meta.locale }, origin);
  if (!init.ok) return init;
  target.transact(() => {
    updateMeta(target, { purpose: meta.purpose, place: meta.place }, origin);
    for (const group of listGroups(source)) addGroup(target, group.name, origin, group.color);
    for (const board of listBoards(source)) {
      createBoard(target, { type: board.type as BoardType, title: board.title, prompt: board.prompt }, origin);
    }
  }, origin);
  return init;
}
