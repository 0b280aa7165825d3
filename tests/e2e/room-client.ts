import WebSocket from 'ws';
import * as Y from 'yjs';
import { WorkshopSync } from '../../src/sync/connection';
import { parseInvite } from '../../src/sync/invite';
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

/** A participant's device without its screen: the app's own transports (src/sync/connection.ts)
 *  on the hub's relay, with the id and secret of the invite, recording every presence state and
 *  document update it receives, as another participant's device receives them; or, writing to
 *  `doc` directly, a modified client. Resolves once it holds the workshop's boards. */
export async function listeningDevice(link: string, hubUrl: string): Promise<ListeningDevice> {
  const invite = parseInvite(new URL(link).hash.replace(/^#\/join/, ''))!;
  // Node 20 has no WebSocket of its own; the provider takes the global one.
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
  const doc = new Y.Doc();
  const sync = new WorkshopSync(doc, {
    workshopId: invite.workshopId, secret: invite.secret, hub: invite.hub ?? hubUrl,
    signaling: [], relay: true, peers: false, iceServers: [],
  });
  const presence: PresenceState[][] = [];
  sync.awareness.on('update', () => presence.push([...sync.awareness.getStates().values()] as PresenceState[]));
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const deadline = Date.now() + 15_000;
  while (doc.getArray('boards').length === 0) {
    if (Date.now() > deadline) throw new Error(`the listening device never received the workshop from ${hubUrl}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { doc, sync, presence, updates, destroy: () => sync.destroy() };
}
