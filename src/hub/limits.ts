/** What one device may ask of the hub. A room holds a few dozen phones; these leave generous
 *  room for them and stop one broken or hostile client from exhausting the laptop. */

/** The caps a facilitator can change on the command line (src/hub/options.ts). */
export interface HubLimits {
  /** One change a device sends, or what it sends when it (re)joins: the relay refuses more. */
  maxUpdateBytes: number;
  /** One workshop's whole state on the hub. */
  maxRoomBytes: number;
  /** Workshops the hub keeps, on disk and open. */
  maxRooms: number;
  /** All workshops together. */
  maxStoredBytes: number;
  /** Open sockets (relay and signaling together) from one address. */
  maxSocketsPerAddress: number;
  /** Open sockets in all. */
  maxSockets: number;
}

const MiB = 1024 * 1024;

/** A 2,000-note board is 0.6 MB of state with notes of 55 characters and 1.4 MB with notes of the
 *  full 500, and a device that (re)joins sends what the hub lacks in one message: one update may
 *  be a whole large workshop, and a room several such. On a LAN each phone has its own address,
 *  and one device uses two sockets per open workshop tab (relay and signaling). */
export const DEFAULT_LIMITS: HubLimits = {
  maxUpdateBytes: 4 * MiB,
  maxRoomBytes: 32 * MiB,
  maxRooms: 200,
  maxStoredBytes: 1024 * MiB,
  maxSocketsPerAddress: 24,
  maxSockets: 500,
};

/** Room name, message type and length prefixes around an update in one relay message. */
export const RELAY_MESSAGE_OVERHEAD_BYTES = 1024;

/** Signaling carries WebRTC offers and answers (a few KB each), never document data. */
export const SIGNAL_MAX_MESSAGE_BYTES = 256 * 1024;

/** Room (relay document) and signaling topic names: the app uses `cg-<32 hex>`. The name
 *  also becomes a file name in the data directory, so nothing else may pass. */
export const ROOM_NAME = /^[\w-]{1,80}$/;

/** A socket that answers no ping for this long is gone (a phone that slept or left the Wi-Fi). */
export const PING_INTERVAL_MS = 30_000;

/** Persist a relayed workshop after this much quiet, and at least this often while busy. */
export const SAVE_DEBOUNCE_MS = 500;
export const SAVE_MAX_DEBOUNCE_MS = 3_000;

/** How long sockets get to close politely when the hub stops, before they are cut. */
export const CLOSE_GRACE_MS = 1_000;
