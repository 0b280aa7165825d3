import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { hubSocketUrl, roomName } from '../../src/sync/room';

export interface RawClient {
  /** Everything this device holds of the workshop, as a modified client would see it. */
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Presence states of everyone in the room, as received. */
  presence(): unknown[];
  destroy(): void;
}

/** The workshop id of a join link. */
export const workshopOf = (link: string) => new URLSearchParams(new URL(link).hash.replace(/^#\/join\?/, '')).get('w')!;

/** A device in the room with no app in between, on the hub's relay as the app joins it: what a
 *  participant running a modified client receives, and what it can write. Resolves once synced. */
export async function rawClient(appUrl: string, workshopId: string): Promise<RawClient> {
  // Node 20 has no WebSocket of its own.
  const socket = new HocuspocusProviderWebsocket({ url: hubSocketUrl(appUrl, '/sync'), WebSocketPolyfill: WebSocket });
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: roomName(workshopId), document: doc });
  provider.attach();
  const deadline = Date.now() + 15_000;
  while (!provider.synced) {
    if (Date.now() > deadline) throw new Error(`raw client never synced with ${appUrl}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    doc,
    provider,
    presence: () => [...(provider.awareness?.getStates().values() ?? [])],
    destroy: () => { provider.destroy(); socket.destroy(); },
  };
}
