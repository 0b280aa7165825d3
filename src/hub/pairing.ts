import { randomBytes } from 'node:crypto';

/** Letters and digits a person cannot confuse when copying them off a terminal (no I, L, O, U). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A fresh code for each start of the hub, 80 random bits in four groups: what a facilitator's
 *  device on another computer types once to register a workshop's room (see channel.ts). Long
 *  enough that nobody on the Wi-Fi can guess it, even offline from a registration they caught. */
export function newPairingCode(): string {
  const chars = [...randomBytes(16)].map((b) => ALPHABET[b % 32]!).join('');
  return chars.match(/.{4}/g)!.join('-');
}
