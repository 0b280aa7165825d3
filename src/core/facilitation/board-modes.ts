import type * as Y from 'yjs';
import { err, type Result } from '../result';
import { liveBoard } from '../schema';
import { winner, writeChanges, type Change, type ControlError, type Signer } from './controls';
import type { Json } from './encoding';

/** How a board behaves for participants. `locked`: read-only. `silent`: new notes are sealed
 *  to the facilitators until a reveal (see hidden-notes.ts). Facilitators are never locked out. */
export interface BoardModes {
  locked: boolean;
  silent: boolean;
}

export type BoardModeError = ControlError | 'no-board';

const flag = (value: Json) => (typeof value === 'boolean' ? value : undefined);

export const silentChange = (boardId: string, silent: boolean): Change => ({ kind: 'silent', target: boardId, value: silent });

export function boardModes(doc: Y.Doc, root: string, boardId: string): BoardModes {
  return {
    locked: winner(doc, root, 'lock', boardId, flag)?.value ?? false,
    silent: winner(doc, root, 'silent', boardId, flag)?.value ?? false,
  };
}

export function setBoardLocked(doc: Y.Doc, signer: Signer, boardId: string, locked: boolean, origin: unknown): Result<void, BoardModeError> {
  if (!liveBoard(doc, boardId)) return err('no-board', boardId);
  return writeChanges(doc, signer, [{ kind: 'lock', target: boardId, value: locked }], origin);
}

/** Starts a silent brainstorm; it ends with `revealBoard`, which publishes the notes. */
export function startSilent(doc: Y.Doc, signer: Signer, boardId: string, origin: unknown): Result<void, BoardModeError> {
  if (!liveBoard(doc, boardId)) return err('no-board', boardId);
  return writeChanges(doc, signer, [silentChange(boardId, true)], origin);
}
