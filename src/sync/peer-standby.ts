import * as encoding from 'lib0/encoding';
import { encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import { writeSyncStep1 } from 'y-protocols/sync';
import type * as Y from 'yjs';

/** A peer link between two devices that both hear the hub stands by: the hub already brings each
 *  of them every edit and presence, so y-webrtc's copies of those over the link would only be
 *  work (every phone decoding every edit twice, and passing it on). The link still opens, syncs
 *  once and answers heartbeats; the moment either end loses the hub it carries everything again,
 *  after a catch-up. */

/** y-webrtc's message kinds (its first varuint) and y-protocols' sync steps (the second). */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const SYNC_UPDATE = 2;

/** Whether `message` is one of y-webrtc's broadcasts (an edit or a presence change) rather than
 *  part of the sync between two ends (step 1, step 2) or a query. */
export function isBroadcast(message: Uint8Array): boolean {
  return message[0] === MESSAGE_AWARENESS || (message[0] === MESSAGE_SYNC && message[1] === SYNC_UPDATE);
}

/** What a link that stood by sends when it wakes, as y-webrtc does when a link opens: this end's
 *  state vector (the other end answers with every edit this end lacks) and every presence this
 *  end knows. The other end does the same when it sees the change, so both catch up. */
export function catchUp(doc: Y.Doc, awareness: Awareness): Uint8Array[] {
  const sync = encoding.createEncoder();
  encoding.writeVarUint(sync, MESSAGE_SYNC);
  writeSyncStep1(sync, doc);
  const messages = [encoding.toUint8Array(sync)];
  const clients = [...awareness.getStates().keys()];
  if (clients.length > 0) {
    const presence = encoding.createEncoder();
    encoding.writeVarUint(presence, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(presence, encodeAwarenessUpdate(awareness, clients));
    messages.push(encoding.toUint8Array(presence));
  }
  return messages;
}
