import * as decoding from 'lib0/decoding';

/** Hocuspocus message types (its MessageType) and y-protocols sync steps. */
const SYNC = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** A Yjs update that carries nothing: no structs, no deletions. */
const isEmpty = (update: Uint8Array) => update.length === 2 && update[0] === 0 && update[1] === 0;

/** The document update inside a relay message from a device, or null if it carries none.
 *  Hocuspocus 3 applies a sync step 2 or update message and at once sends the device a
 *  SyncStatus for it, the acknowledgement the app clears "Not yet shared" on (MessageReceiver
 *  .readSyncMessage); `beforeHandleMessage` is the last hook awaited before that. A message that
 *  does not decode is left to Hocuspocus, which closes the socket on it. */
export function updateIn(message: Uint8Array): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== SYNC) return null;
    const step = decoding.readVarUint(decoder);
    if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return null;
    const update = decoding.readVarUint8Array(decoder);
    return isEmpty(update) ? null : update;
  } catch {
    return null;
  }
}
