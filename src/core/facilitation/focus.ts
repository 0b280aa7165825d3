import type * as Y from 'yjs';
import { entriesOf } from '../board-entries';
import { err, type Result } from '../result';
import { winner, writeChanges, type ControlError, type Signer } from './controls';
import type { Json } from './encoding';
import type { FocusTarget } from '../focus-entry';

/** The entry on every screen: "board/entry", or '' once the facilitator brings everyone back. */
const parseFocus = (value: Json) => (typeof value === 'string' ? value : undefined);

export function setFocus(doc: Y.Doc, signer: Signer, target: { boardId: string; entryId: string } | null, origin: unknown): Result<void, ControlError | 'no-entry'> {
  if (target && !entriesOf(doc, target.boardId)?.has(target.entryId)) return err('no-entry', target.entryId);
  return writeChanges(doc, signer, [{ kind: 'focus', target: '', value: target ? `${target.boardId}/${target.entryId}` : '' }], origin);
}

/** The focused entry, unless focus has ended or the entry (or its board) is gone. */
export function focusTarget(doc: Y.Doc, root: string): FocusTarget | undefined {
  const win = winner(doc, root, 'focus', '', parseFocus);
  const [boardId, entryId] = (win?.value ?? '').split('/');
  return win && boardId && entryId && entriesOf(doc, boardId)?.has(entryId) ? { boardId, entryId, seq: win.record.seq } : undefined;
}
