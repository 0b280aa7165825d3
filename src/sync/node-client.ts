import WebSocket from 'ws';
import * as Y from 'yjs';
import { NOT_INVITED } from '../core/channel/handshake';
import { WorkshopSync } from './connection';
import { parseInvite } from './invite';
import type { Transports } from './transports';

/** A script's seat in a room: the app's own transports (./connection.ts) on the hub's relay. */
export interface ScriptDevice {
  /** Everything this device holds of the workshop; what a script writes to it reaches the room. */
  doc: Y.Doc;
  /** The origin to write with: the sync counts only such changes as this device's pending ones. */
  origin: object;
  sync: WorkshopSync;
  destroy(): void;
}

export interface JoinOptions {
  /** The hub to use when the link names none (a room that met through signaling only). */
  hub?: string;
  /** How long to wait for the workshop's boards before giving up. */
  timeoutMs?: number;
  /** Register the room with the hub if it does not know it yet, as a facilitator's device does:
   *  from the hub's own computer, or with the `pairingCode` it printed. */
  register?: boolean;
  pairingCode?: string;
  /** The network ones unless a test brings its own (to watch what the relay carries). */
  transports?: Transports;
  /** Called as soon as the device exists, before the workshop arrives: to record what it receives. */
  onOpen?: (device: ScriptDevice) => void;
}

/** Joins a room from an invite link as a participant's device does, for operators' tooling and
 *  tests; resolves once the device holds the workshop's boards. Node only: it brings its own
 *  WebSocket, which Node 20 lacks and the provider takes from the global scope. */
export async function joinRoom(link: string, options: JoinOptions = {}): Promise<ScriptDevice> {
  const invite = parseInvite(new URL(link).hash.replace(/^#\/join/, ''));
  if (!invite) throw new Error('not an invite link');
  const hub = invite.hub ?? options.hub;
  if (!hub) throw new Error('the invite names no hub; pass one');
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
  const doc = new Y.Doc();
  const origin = { script: true };
  const sync = new WorkshopSync(doc, {
    workshopId: invite.workshopId, secret: invite.secret, hub, fallbackHubs: invite.hub ? invite.fallbackHubs : [], register: options.register ?? false, pairingCode: options.pairingCode,
    signaling: [], relay: true, peers: false, iceServers: [], own: (o) => o === origin, transports: options.transports,
  });
  const device = { doc, origin, sync, destroy: () => sync.destroy() };
  options.onOpen?.(device);
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  while (doc.getArray('boards').length === 0) {
    // A stranger's phone is told the same; a script need not wait out its timeout to hear it.
    if (sync.status.refused === 'not-invited') {
      sync.destroy();
      throw new Error(`${hub} refused this device: not invited to this workshop (${NOT_INVITED})`);
    }
    if (Date.now() > deadline) {
      sync.destroy();
      throw new Error(`never received the workshop from ${hub}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return device;
}
