import type * as Y from 'yjs';
import type { WorkshopSync } from '../../src/sync/connection';
import { joinRoom } from '../../src/sync/node-client';
import type { PresenceState } from '../../src/sync/presence';

export interface ListeningDevice {
  /** Everything this device holds of the workshop; what it writes reaches the room. */
  doc: Y.Doc;
  sync: WorkshopSync;
  /** Every presence state received, after each presence update. */
  presence: PresenceState[][];
  /** Every document update received or made. */
  updates: Uint8Array[];
  destroy(): void;
}

/** A participant's device without its screen (the scripts' client, src/sync/node-client.ts),
 *  recording every presence state and document update it receives, as another participant's
 *  device receives them; or, writing to `doc` directly, a modified client. Resolves once it holds
 *  the workshop's boards. */
export async function listeningDevice(link: string, hubUrl: string): Promise<ListeningDevice> {
  const presence: PresenceState[][] = [];
  const updates: Uint8Array[] = [];
  const device = await joinRoom(link, {
    hub: hubUrl,
    onOpen: ({ doc, sync }) => {
      sync.awareness.on('update', () => presence.push([...sync.awareness.getStates().values()] as PresenceState[]));
      doc.on('update', (update: Uint8Array) => updates.push(update));
    },
  });
  return { ...device, presence, updates };
}
