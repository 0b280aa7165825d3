import { Hocuspocus } from '@hocuspocus/server';
import type { IncomingMessage } from 'node:http';
import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { REFUSAL_CLOSE_CODE } from '../core/hub-refusals';
import { MAX_ROOMS_PER_SOCKET, PING_INTERVAL_MS, ROOM_NAME, SAVE_DEBOUNCE_MS, SAVE_MAX_DEBOUNCE_MS } from './limits';
import { describeError, type Log } from './log';
import type { RoomStore } from './persistence';
import type { Refused, StorageQuota } from './quota';

/** The Yjs relay at /sync: Hocuspocus keeps one document per room in memory while devices are
 *  connected, and the store keeps it for the devices that come later. */
export interface Relay {
  accept(ws: WebSocket, request: IncomingMessage, client: string): void;
  /** Rooms open in memory. */
  rooms(): number;
  /** Writes every open room to the store and waits for all writes. */
  flush(): Promise<void>;
}

/** Shared by every room one socket joins: Hocuspocus copies the context per room, not deeply. */
interface SocketContext {
  client: string;
  rooms: Set<string>;
  ws: WebSocket;
}

/** Hocuspocus answers a thrown value with a permission-denied message carrying `reason`; a value
 *  without `message` keeps it from printing a second, multi-line report of its own. */
const refusal = (reason: string) => ({ reason });

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Hocuspocus' message types that carry y-protocols sync messages, and the sync messages among
 *  them that carry document state (SyncStep2, Update), as @hocuspocus/common numbers them. */
const SYNC_MESSAGES = new Set([0, 4]);
const STATE_MESSAGES = new Set([1, 2]);

/** The bytes of document state a relay message brings, or 0 (awareness, SyncStep1 and the rest). */
function stateBytes(message: Uint8Array): number {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder);
  if (!SYNC_MESSAGES.has(decoding.readVarUint(decoder))) return 0;
  if (!STATE_MESSAGES.has(decoding.readVarUint(decoder))) return 0;
  return decoding.readVarUint(decoder);
}

const turnedAway = new WeakSet<WebSocket>();

/** Turns the device away with its reason: the whole socket closes (the app opens one per
 *  workshop), which also drops anything else it already sent, and the device shows the reason.
 *  Its provider reconnects and, if the cause is gone, is let in. */
function turnAway(ws: WebSocket, refused: Refused): void {
  turnedAway.add(ws);
  ws.close(REFUSAL_CLOSE_CODE, refused.refusal);
}

/** What `beforeHandleMessage` returns for a message that must not be applied: Hocuspocus prints a
 *  report for a thrown value there, so the message is left waiting instead, and goes (with the
 *  promise) when the closed socket does. */
const dropped = () => new Promise<never>(() => undefined);

export function createRelay(store: RoomStore, quota: StorageQuota, log: Log): Relay {
  const hocuspocus = new Hocuspocus({
    quiet: true,
    timeout: PING_INTERVAL_MS,
    debounce: SAVE_DEBOUNCE_MS,
    maxDebounce: SAVE_MAX_DEBOUNCE_MS,

    async onConnect({ documentName, context }) {
      const { client, rooms } = context as SocketContext;
      if (!ROOM_NAME.test(documentName)) {
        log('room-refused', `${client}: ${JSON.stringify(documentName.slice(0, 100))} is not a room name`);
        throw refusal('invalid-room-name');
      }
      if (!rooms.has(documentName) && rooms.size >= MAX_ROOMS_PER_SOCKET) {
        log('room-refused', `${client}: ${documentName} would be room ${rooms.size + 1} on one socket (limit ${MAX_ROOMS_PER_SOCKET})`);
        throw refusal('too-many-rooms');
      }
      const full = quota.openRoom(documentName);
      if (full) {
        log('room-refused', `${client}: ${documentName} is new and ${full.detail}`);
        turnAway((context as SocketContext).ws, full);
        throw refusal(full.refusal);
      }
      rooms.add(documentName);
    },

    async beforeHandleMessage({ documentName, document, context, update }) {
      const { client, ws } = context as SocketContext;
      // Messages already on their way when the device was turned away must not slip in after.
      if (turnedAway.has(ws)) return dropped();
      let bytes: number;
      try {
        bytes = stateBytes(update);
      } catch {
        return; // Hocuspocus itself answers a message it cannot read.
      }
      if (bytes === 0) return;
      const refused = quota.admitUpdate(documentName, bytes, () => Y.encodeStateAsUpdate(document).byteLength);
      if (!refused) return;
      log('update-refused', `${client}: ${documentName}: ${refused.refusal}, ${refused.detail}`);
      turnAway(ws, refused);
      return dropped();
    },

    async onDisconnect({ documentName, context }) {
      (context as SocketContext).rooms.delete(documentName);
    },

    async onLoadDocument({ documentName, document }) {
      let state: Uint8Array | null;
      try {
        state = await store.load(documentName);
      } catch (error) {
        // Starting empty would overwrite the file at the next save: refuse the room instead.
        log('load-failed', `${documentName}: ${describeError(error)}`);
        throw refusal('hub-storage-unreadable');
      }
      if (!state) {
        log('room-opened', `${documentName} (new)`);
        return;
      }
      try {
        Y.applyUpdate(document, state);
        log('room-opened', `${documentName} (${kb(state.byteLength)} from disk)`);
      } catch (error) {
        // The devices still hold the workshop and will send it again; the file is kept aside.
        const aside = await store.setAside(documentName).catch((e: unknown) => `nowhere (${describeError(e)})`);
        log('load-broken', `${documentName}: ${describeError(error)}; file moved to ${aside}`);
      }
    },

    async onStoreDocument({ documentName, document }) {
      try {
        quota.measured(documentName, await store.save(documentName, document));
      } catch (error) {
        // Thrown, this would become an unhandled rejection inside Hocuspocus's debouncer. The
        // room stays in memory and the next change (or the shutdown flush) writes it again.
        log('save-failed', `${documentName}: ${describeError(error)}`);
      }
    },

    async afterUnloadDocument({ documentName }) {
      quota.closed(documentName);
      log('room-closed', documentName);
    },
  });

  async function flush(): Promise<void> {
    await Promise.all([...hocuspocus.documents].map(([name, document]) => store.save(name, document).then((bytes) => quota.measured(name, bytes), (error: unknown) => {
      log('save-failed', `${name}: ${describeError(error)}`);
    })));
    await store.idle();
  }

  return {
    accept: (ws, request, client) => {
      const context: SocketContext = { client, rooms: new Set(), ws };
      hocuspocus.handleConnection(ws, request, context);
    },
    rooms: () => hocuspocus.getDocumentsCount(),
    flush,
  };
}
