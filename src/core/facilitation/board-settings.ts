import type * as Y from 'yjs';
import { err, type Result } from '../result';
import { isAnonymity, type Anonymity, type Editing } from '../room-rules';
import { liveBoard } from '../schema';
import { winner, writeChanges, type Change, type Signer } from './controls';
import type { Json } from './encoding';
import type { BoardModeError } from './board-modes';

/** How a board treats its authors: whose names the room sees, and who may change whose words.
 *  Signed records like the lock, so a modified client cannot flip them (and the witness puts
 *  them back when one is deleted or rolled back). */
export interface BoardSettings {
  anonymity: Anonymity;
  editing: Editing;
}

export const DEFAULT_SETTINGS: BoardSettings = { anonymity: 'names', editing: 'own' };

const parseAnonymity = (value: Json) => (isAnonymity(value) ? value : undefined);
const parseEditing = (value: Json): Editing | undefined => (value === 'own' || value === 'everyone' ? value : undefined);

export function boardSettings(doc: Y.Doc, root: string, boardId: string): BoardSettings {
  return {
    anonymity: winner(doc, root, 'anonymity', boardId, parseAnonymity)?.value ?? DEFAULT_SETTINGS.anonymity,
    editing: winner(doc, root, 'editing', boardId, parseEditing)?.value ?? DEFAULT_SETTINGS.editing,
  };
}

export function setBoardSetting<K extends keyof BoardSettings>(
  doc: Y.Doc, signer: Signer, boardId: string, setting: K, value: BoardSettings[K], origin: unknown,
): Result<void, BoardModeError> {
  if (!liveBoard(doc, boardId)) return err('no-board', boardId);
  const change: Change = { kind: setting, target: boardId, value };
  return writeChanges(doc, signer, [change], origin);
}
