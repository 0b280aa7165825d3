import * as Y from 'yjs';
import { BOARD_KIND_RECORDS, shownKind } from './board-kinds';
import { liveBoard } from './schema';

/** The map of a board whose entries people add and delete: the one its kind counts. */
export const partOf = (board: Y.Map<unknown>) => BOARD_KIND_RECORDS[shownKind(String(board.get('type')))].counted;

/** That map's entries (notes, stakeholders, proposals) on a live board. */
export function entriesOf(doc: Y.Doc, boardId: string): Y.Map<unknown> | undefined {
  const board = liveBoard(doc, boardId);
  const map = board?.get(partOf(board));
  return map instanceof Y.Map ? map : undefined;
}
