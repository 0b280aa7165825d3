/** What one device may ask of the hub. A room holds a few dozen phones; these leave generous
 *  room for them and stop one broken or hostile client from exhausting the laptop. */

/** A whole workshop arrives in one relay message when a device first syncs: several MB. */
export const RELAY_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/** Signaling carries WebRTC offers and answers (a few KB each), never document data. */
export const SIGNAL_MAX_MESSAGE_BYTES = 256 * 1024;

/** Workshops one socket may join on the relay, and topics it may subscribe to on /signal. */
export const MAX_ROOMS_PER_SOCKET = 32;

/** Sockets (relay and signaling together) from one IP address. Every phone in a room may sit
 *  behind one address (a hotel's NAT), so this is high; it still bounds a runaway reconnect loop. */
export const MAX_SOCKETS_PER_IP = 64;

/** Room (relay document) and signaling topic names: the app uses `cg-<workshop id>`. The name
 *  also becomes a file name in the data directory, so nothing else may pass. */
export const ROOM_NAME = /^[\w-]{1,80}$/;

/** A socket that answers no ping for this long is gone (a phone that slept or left the Wi-Fi). */
export const PING_INTERVAL_MS = 30_000;

/** Persist a relayed workshop after this much quiet, and at least this often while busy. */
export const SAVE_DEBOUNCE_MS = 500;
export const SAVE_MAX_DEBOUNCE_MS = 3_000;

/** How long sockets get to close politely when the hub stops, before they are cut. */
export const CLOSE_GRACE_MS = 1_000;
