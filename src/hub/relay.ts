import { Hocuspocus, type Extension } from '@hocuspocus/server';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { NOT_INVITED } from '../core/channel/handshake';
import { REFUSAL_CLOSE_CODE } from '../core/hub-refusals';
import { pacePresence } from '../core/presence-pace';
import { RELAY_PING } from '../core/relay-ping';
import { updateIn } from './acknowledged';
import { acceptChannel, onThisMachine, type ChannelOptions, type ChannelSocket } from './channel';
import { viaProxy } from './client-address';
import { fileBase } from './data-dir';
import { PING_INTERVAL_MS, SAVE_DEBOUNCE_MS, SAVE_MAX_DEBOUNCE_MS } from './limits';
import { stopPresenceEcho } from './presence-echo';
import { describeError, type Log } from './log';
import type { RoomStore, StoredRoom } from './persistence';
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

/** One socket's: Hocuspocus copies the context per room, not deeply. */
interface SocketContext {
  client: string;
  /** The one room the device proved it holds the key of. */
  room: string;
  ws: ChannelSocket;
}

/** Hocuspocus answers a thrown value with a permission-denied message carrying `reason`; a value
 *  without `message` keeps it from printing a second, multi-line report of its own. */
const refusal = (reason: string) => ({ reason });

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const turnedAway = new WeakSet<ChannelSocket>();

/** Turns the device away with its reason: the whole socket closes (the app opens one per
 *  workshop), which also drops anything else it already sent, and the device shows the reason.
 *  Its provider reconnects and, if the cause is gone, is let in. */
function turnAway(ws: ChannelSocket, refused: Refused): void {
  turnedAway.add(ws);
  ws.close(REFUSAL_CLOSE_CODE, refused.refusal);
}

/** What `beforeHandleMessage` returns for a message that must not be applied: Hocuspocus prints a
 *  report for a thrown value there, so the message is left waiting instead, and goes (with the
 *  promise) when the closed socket does. */
const dropped = () => new Promise<never>(() => undefined);

/** `extensions`: Redis's, when rooms are shared with other hub processes. */
export function createRelay(store: RoomStore, quota: StorageQuota, channel: ChannelOptions, extensions: Extension[] = []): Relay {
  stopPresenceEcho();
  const { log } = channel;
  const hocuspocus = new Hocuspocus({
    quiet: true,
    extensions,
    timeout: PING_INTERVAL_MS,
    debounce: SAVE_DEBOUNCE_MS,
    maxDebounce: SAVE_MAX_DEBOUNCE_MS,

    async onConnect({ documentName, context }) {
      const { client, room } = context as SocketContext;
      // The handshake let the device into one room; the key of one workshop opens no other.
      if (documentName !== room) {
        log('room-refused', `${client}: asked for ${JSON.stringify(documentName.slice(0, 100))} on a socket let into ${room}`);
        throw refusal(NOT_INVITED);
      }
      const full = quota.openRoom(fileBase(documentName));
      if (full) {
        log('room-refused', `${client}: ${documentName} is new and ${full.detail}`);
        turnAway((context as SocketContext).ws, full);
        throw refusal(full.refusal);
      }
    },

    // Before Hocuspocus applies an update and acknowledges it: the quota first (a refused update
    // must not come back from the journal at a restart), then the update reaches the disk.
    async beforeHandleMessage({ documentName, document, context, update: message }) {
      const { client, ws } = context as SocketContext;
      // Messages already on their way when the device was turned away must not slip in after.
      if (turnedAway.has(ws)) return dropped();
      const update = updateIn(message);
      if (!update) return;
      const refused = quota.admitUpdate(fileBase(documentName), update.byteLength, () => Y.encodeStateAsUpdate(document).byteLength);
      if (refused) {
        log('update-refused', `${client}: ${documentName}: ${refused.refusal}, ${refused.detail}`);
        turnAway(ws, refused);
        return dropped();
      }
      try {
        await store.append(documentName, update);
      } catch (error) {
        // Unacknowledged, the device keeps the change as not yet shared and sends it again.
        log('save-failed', `${documentName}: ${describeError(error)}; update refused`);
        throw refusal('hub-storage-failed');
      }
    },

    // The heartbeat of an app from before the channel's own (src/core/channel/frames.ts), still
    // cached on phones: answered at once, stored nowhere, sent to no one else.
    async onStateless({ payload, connection }) {
      if (payload === RELAY_PING) connection.sendStateless(RELAY_PING);
    },

    async onLoadDocument({ documentName, document }) {
      pacePresence(document.awareness);
      let stored: StoredRoom | null;
      try {
        stored = await store.load(documentName);
      } catch (error) {
        // Starting empty would overwrite the file at the next save: refuse the room instead.
        log('load-failed', `${documentName}: ${describeError(error)}`);
        throw refusal('hub-storage-unreadable');
      }
      if (!stored) {
        log('room-opened', `${documentName} (new)`);
        return;
      }
      const { snapshot, updates } = stored;
      try {
        if (snapshot) Y.applyUpdate(document, snapshot);
      } catch (error) {
        // The devices still hold the workshop and will send it again; the file is kept aside.
        const aside = await store.setAside(documentName).catch((e: unknown) => `nowhere (${describeError(e)})`);
        log('load-broken', `${documentName}: ${describeError(error)}; file moved to ${aside}`);
      }
      const skipped = updates.filter((update) => {
        try {
          Y.applyUpdate(document, update);
          return false;
        } catch {
          return true;
        }
      }).length;
      if (skipped > 0) log('load-broken', `${documentName}: ${skipped} journalled update(s) could not be applied`);
      log('room-opened', `${documentName} (${kb(snapshot?.byteLength ?? 0)} and ${updates.length} update(s) from disk)`);
    },

    async onStoreDocument({ documentName, document }) {
      try {
        quota.measured(fileBase(documentName), await store.save(documentName, document));
      } catch (error) {
        // Thrown, this would become an unhandled rejection inside Hocuspocus's debouncer. The
        // room stays in memory and the next change (or the shutdown flush) writes it again.
        log('save-failed', `${documentName}: ${describeError(error)}`);
      }
    },

    async afterUnloadDocument({ documentName }) {
      quota.closed(fileBase(documentName));
      log('room-closed', documentName);
      await store.release(documentName);
    },
  });

  async function flush(): Promise<void> {
    await Promise.all([...hocuspocus.documents].map(([name, document]) => store.save(name, document).then((bytes) => quota.measured(fileBase(name), bytes), (error: unknown) => {
      log('save-failed', `${name}: ${describeError(error)}`);
    })));
    await store.idle();
  }

  return {
    accept: (ws, request, client) => acceptChannel(ws, client, !viaProxy(request) && onThisMachine(request.socket), channel, (socket, room) => {
      const context: SocketContext = { client, room, ws: socket };
      // Hocuspocus uses of a socket only what ChannelSocket has.
      hocuspocus.handleConnection(socket as unknown as WebSocket, request, context);
    }),
    rooms: () => hocuspocus.getDocumentsCount(),
    flush,
  };
}
