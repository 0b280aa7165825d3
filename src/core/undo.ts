import * as Y from 'yjs';
import { boardMapOf } from './schema';

/** Changes closer together than this undo as one step (typing a note, a drag's several moves). */
export const UNDO_CAPTURE_MS = 500;

/** Undo and redo of one person's changes on one board. Only transactions with `origin` (the
 *  origin this device passes to every write) are tracked, so undo never takes back what someone
 *  else did, even after their changes have merged in. Everything a board holds (notes, clusters,
 *  stakeholders and estimates, proposals and responses) lives under its map, so one manager
 *  covers it; agenda order lives outside and is not undone here. Call `destroy()` when the board
 *  closes: the manager listens to the document until then. */
export function createUndo(doc: Y.Doc, boardId: string, origin: unknown, captureTimeout = UNDO_CAPTURE_MS): Y.UndoManager {
  return new Y.UndoManager(boardMapOf(doc, boardId), { trackedOrigins: new Set([origin]), captureTimeout });
}
