import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** What a device that holds a workshop's invite knows about its room on a hub. */
export interface RoomKeys {
  /** The relay document's name: derived from the secret, so the workshop id alone names nothing. */
  room: string;
  /** Proves to the hub, and the hub to the device, that each holds the invite (32 bytes). */
  auth: Uint8Array;
}

const SALT = utf8ToBytes('common-ground/room/v1');

/** HKDF-SHA256 of the invite's secret: the same on every device that holds the invite, and
 *  nothing on the wire or on the hub's disk leads back to the secret or the workshop id. */
export function roomKeys(workshopId: string, secret: string): RoomKeys {
  const okm = hkdf(sha256, utf8ToBytes(secret), SALT, utf8ToBytes(`workshop:${workshopId}`), 48);
  return { room: `cg-${bytesToHex(okm.subarray(0, 16))}`, auth: okm.slice(16) };
}
