import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, randomBytes } from '@noble/hashes/utils.js';
import { fromBase64url, toBase64url, utf8 } from './encoding';
import { keyBytes } from './keys';

/* A sealed box for several recipients: one ephemeral X25519 key, a random content key wrapped
 * once per recipient, the content under XChaCha20-Poly1305. Recipients are not named in the
 * box (each tries the slots), slot counts are padded to a multiple of four and contents to a
 * multiple of 256 bytes, so a box says nothing about who wrote it, to whom, or how much. */

const VERSION = 1;
const KEY = 32;
const NONCE = 24;
const SLOT = KEY + 16;
const SLOT_ROUND = 4;
const PAD = 256;
const HEADER = 1 + KEY + NONCE + 1;

const wrappingKey = (shared: Uint8Array, ephemeral: Uint8Array, recipient: Uint8Array) =>
  sha256(concatBytes(utf8('common-ground/seal/1'), shared, ephemeral, recipient));

function pad(plain: Uint8Array): Uint8Array {
  if (plain.length > 0xffff) throw new RangeError(`too large to seal: ${plain.length} bytes`);
  const padded = new Uint8Array(Math.ceil((plain.length + 2) / PAD) * PAD);
  padded[0] = plain.length >> 8;
  padded[1] = plain.length & 0xff;
  padded.set(plain, 2);
  return padded;
}

function unpad(padded: Uint8Array): Uint8Array | undefined {
  const length = ((padded[0] ?? 0) << 8) | (padded[1] ?? 0);
  return length + 2 <= padded.length ? padded.subarray(2, 2 + length) : undefined;
}

/** Seals `plain` to every X25519 public key in `recipients`; `context` (authenticated, not
 *  stored) binds the box to its place, so a box copied elsewhere does not open. */
export function seal(plain: Uint8Array, recipients: readonly string[], context: string): string {
  const ephemeral = x25519.keygen();
  const nonce = randomBytes(NONCE);
  const contentKey = randomBytes(KEY);
  const slots = recipients.map((recipient) => {
    const pub = keyBytes(recipient);
    const kek = wrappingKey(x25519.getSharedSecret(ephemeral.secretKey, pub), ephemeral.publicKey, pub);
    return xchacha20poly1305(kek, nonce).encrypt(contentKey);
  });
  while (slots.length === 0 || slots.length % SLOT_ROUND !== 0) slots.push(randomBytes(SLOT));
  const body = xchacha20poly1305(contentKey, nonce, utf8(context)).encrypt(pad(plain));
  return toBase64url(concatBytes(Uint8Array.of(VERSION), ephemeral.publicKey, nonce, Uint8Array.of(slots.length), ...slots, body));
}

/** The contents of a box if `secret` is one of its recipients and nothing was changed; else
 *  undefined. Boxes come from any peer, so every failure (a bad point, a wrong tag) is "not
 *  for this key", never an exception. */
export function unseal(box: string, secret: string, context: string): Uint8Array | undefined {
  const bytes = fromBase64url(box);
  if (!bytes || bytes.length < HEADER || bytes[0] !== VERSION) return undefined;
  const ephemeral = bytes.subarray(1, 1 + KEY);
  const nonce = bytes.subarray(1 + KEY, 1 + KEY + NONCE);
  const count = bytes[HEADER - 1]!;
  const body = bytes.subarray(HEADER + count * SLOT);
  if (body.length < 16) return undefined;
  const mine = keyBytes(secret);
  const kek = attempt(() => wrappingKey(x25519.getSharedSecret(mine, ephemeral), ephemeral, x25519.getPublicKey(mine)));
  if (!kek) return undefined;
  for (let i = 0; i < count; i++) {
    const slot = bytes.subarray(HEADER + i * SLOT, HEADER + (i + 1) * SLOT);
    const contentKey = attempt(() => xchacha20poly1305(kek, nonce).decrypt(slot));
    if (!contentKey) continue;
    const padded = attempt(() => xchacha20poly1305(contentKey, nonce, utf8(context)).decrypt(body));
    return padded && unpad(padded);
  }
  return undefined;
}

/** @noble throws on a failed tag or a low-order point; for a box, that only means "not mine". */
function attempt<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}
