import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { equalBytes } from '@noble/ciphers/utils.js';
import { concatBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { FrameCipher } from './frames';
import type { RoomKeys } from './room-keys';

/* The handshake that opens every relay socket (README, "What the hub can and cannot see"):
 *   device → hub  HELLO      ephemeral X25519 key, nonce, tag = HMAC(auth, key | nonce)
 *   hub → device  CHALLENGE  ephemeral X25519 key, nonce, proof = HMAC(auth, "hub" | transcript),
 *                            or no proof when no room of the hub has that tag
 *   device → hub  REGISTER   (only then, from a facilitator's device) the room and its auth key,
 *                            sealed under the X25519 secret and the hub's pairing code; the hub
 *                            answers with a CHALLENGE that has its proof
 *   device → hub  FINISH     HMAC(auth, "device" | transcript)
 * after which each direction is XChaCha20-Poly1305 under keys from HKDF(X25519 secret, auth,
 * transcript). The room name is never on the wire; the tag changes with every connection. */

export const CHANNEL_VERSION = 1;
const enum Kind { Hello = 1, Challenge = 2, Register = 3, Finish = 4 }
const KEY = 32;
const NONCE = 32;
const MAC = 32;

/** Close codes and reasons of the channel (4000–4999 are left to applications). */
export const NOT_INVITED_CLOSE_CODE = 4401;
export const BAD_FRAME_CLOSE_CODE = 4400;
export const NOT_INVITED = 'not-invited';
export const BAD_FRAME = 'bad-frame';

const label = (text: string) => utf8ToBytes(`common-ground/channel/v${CHANNEL_VERSION}/${text}`);
const mac = (key: Uint8Array, what: string, ...parts: Uint8Array[]) => hmac(sha256, key, concatBytes(label(what), ...parts));

export interface Hello { key: Uint8Array; nonce: Uint8Array; tag: Uint8Array; bytes: Uint8Array }
export interface Challenge { key: Uint8Array; nonce: Uint8Array; proof: Uint8Array | null; bytes: Uint8Array }

/** One end's ephemeral key pair and nonce, fresh for every connection. */
export interface Ephemeral { secret: Uint8Array; key: Uint8Array; nonce: Uint8Array }

export function ephemeral(): Ephemeral {
  const secret = x25519.utils.randomSecretKey();
  return { secret, key: x25519.getPublicKey(secret), nonce: randomBytes(NONCE) };
}

export const helloTag = (auth: Uint8Array, key: Uint8Array, nonce: Uint8Array): Uint8Array => mac(auth, 'hello', key, nonce);

export function encodeHello(mine: Ephemeral, auth: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(Kind.Hello, CHANNEL_VERSION), mine.key, mine.nonce, helloTag(auth, mine.key, mine.nonce));
}

export function decodeHello(bytes: Uint8Array): Hello | null {
  if (bytes.length !== 2 + KEY + NONCE + MAC || bytes[0] !== Kind.Hello || bytes[1] !== CHANNEL_VERSION) return null;
  return { key: bytes.slice(2, 2 + KEY), nonce: bytes.slice(2 + KEY, 2 + KEY + NONCE), tag: bytes.slice(2 + KEY + NONCE), bytes };
}

/** Whether the HELLO was made with `auth`. */
export const helloFor = (hello: Hello, auth: Uint8Array): boolean => equalBytes(helloTag(auth, hello.key, hello.nonce), hello.tag);

/** Everything both ends said before the proofs: each proof and key covers all of it. */
const transcript = (hello: Hello, hub: { key: Uint8Array; nonce: Uint8Array }) => concatBytes(hello.bytes, hub.key, hub.nonce);

export function encodeChallenge(mine: Ephemeral, hello: Hello, auth: Uint8Array | null): Uint8Array {
  const proof = auth ? mac(auth, 'hub', transcript(hello, mine)) : new Uint8Array(0);
  return concatBytes(Uint8Array.of(Kind.Challenge), mine.key, mine.nonce, proof);
}

export function decodeChallenge(bytes: Uint8Array): Challenge | null {
  const head = 1 + KEY + NONCE;
  if (bytes[0] !== Kind.Challenge || (bytes.length !== head && bytes.length !== head + MAC)) return null;
  return { key: bytes.slice(1, 1 + KEY), nonce: bytes.slice(1 + KEY, head), proof: bytes.length > head ? bytes.slice(head) : null, bytes };
}

/** The X25519 secret of the two ephemeral keys; null for a key that is no key (a low-order point). */
export function sharedSecret(mine: Ephemeral, theirs: Uint8Array): Uint8Array | null {
  try {
    return x25519.getSharedSecret(mine.secret, theirs);
  } catch {
    return null;
  }
}

/** The device checks the hub's proof: a man in the middle without the room's key cannot make it. */
export const hubProven = (auth: Uint8Array, hello: Hello, challenge: Challenge): boolean =>
  challenge.proof !== null && equalBytes(challenge.proof, mac(auth, 'hub', transcript(hello, challenge)));

export const encodeFinish = (auth: Uint8Array, hello: Hello, hub: { key: Uint8Array; nonce: Uint8Array }): Uint8Array =>
  concatBytes(Uint8Array.of(Kind.Finish), mac(auth, 'device', transcript(hello, hub)));

/** The hub checks the device's FINISH. */
export const deviceProven = (bytes: Uint8Array, auth: Uint8Array, hello: Hello, hub: { key: Uint8Array; nonce: Uint8Array }): boolean =>
  bytes.length === 1 + MAC && bytes[0] === Kind.Finish && equalBytes(bytes.subarray(1), mac(auth, 'device', transcript(hello, hub)));

function registrationKey(shared: Uint8Array, pairingCode: string, hello: Hello, hub: { key: Uint8Array; nonce: Uint8Array }): Uint8Array {
  return hkdf(sha256, shared, label(`register/${pairingCode}`), transcript(hello, hub), KEY);
}

/** A pairing code the way a person may type it: case, spaces and dashes do not matter. */
export const normalisePairingCode = (code: string): string => code.toUpperCase().replace(/[^0-9A-Z]/g, '');

/** The room and its auth key for a hub that does not know them yet, readable only by a hub that
 *  holds the pairing code (or none, for a device on the hub's own computer). */
export function encodeRegister(shared: Uint8Array, pairingCode: string, hello: Hello, hub: Challenge, keys: RoomKeys): Uint8Array {
  const key = registrationKey(shared, normalisePairingCode(pairingCode), hello, hub);
  // The key is used for this one message only, so a fixed nonce is safe.
  return concatBytes(Uint8Array.of(Kind.Register), xchacha20poly1305(key, new Uint8Array(24)).encrypt(concatBytes(keys.auth, utf8ToBytes(keys.room))));
}

export const isRegister = (bytes: Uint8Array): boolean => bytes[0] === Kind.Register;

export function decodeRegister(bytes: Uint8Array, shared: Uint8Array, pairingCode: string, hello: Hello, hub: { key: Uint8Array; nonce: Uint8Array }): RoomKeys | null {
  if (bytes[0] !== Kind.Register) return null;
  try {
    const key = registrationKey(shared, normalisePairingCode(pairingCode), hello, hub);
    const plain = xchacha20poly1305(key, new Uint8Array(24)).decrypt(bytes.subarray(1));
    if (plain.length <= KEY) return null;
    return { auth: plain.slice(0, KEY), room: new TextDecoder('utf-8', { fatal: true }).decode(plain.subarray(KEY)) };
  } catch {
    return null;
  }
}

/** The two directions' ciphers of an open channel. */
export interface Ciphers { toHub: FrameCipher; toDevice: FrameCipher }

export function channelCiphers(shared: Uint8Array, auth: Uint8Array, hello: Hello, hub: { key: Uint8Array; nonce: Uint8Array }): Ciphers {
  const keys = hkdf(sha256, shared, auth, concatBytes(label('keys'), transcript(hello, hub)), 2 * KEY);
  return { toHub: new FrameCipher(keys.slice(0, KEY)), toDevice: new FrameCipher(keys.slice(KEY)) };
}
