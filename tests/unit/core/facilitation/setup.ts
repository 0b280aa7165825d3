/** A facilitated workshop: the creator's keys make the root, as the creator's device would. */
import type * as Y from 'yjs';
import type { Signer } from '../../../../src/core/facilitation/controls';
import { facilitatorId, newFacilitatorKeys } from '../../../../src/core/facilitation/keys';
import { grantFacilitator } from '../../../../src/core/facilitation/roles';
import { addBoard, newWorkshop, unwrap } from '../helpers';

export function facilitated(): { doc: Y.Doc; board: string; root: string; creator: Signer } {
  const keys = newFacilitatorKeys();
  const root = facilitatorId(keys);
  const creator: Signer = { root, keys };
  const doc = newWorkshop();
  const board = addBoard(doc);
  unwrap(grantFacilitator(doc, creator, root, { participantId: 'p1', name: 'Ana' }, 'setup'));
  return { doc, board, root, creator };
}

/** Another device's keys, acting in the same workshop (a co-facilitator once granted). */
export const otherSigner = (root: string): Signer => ({ root, keys: newFacilitatorKeys() });
