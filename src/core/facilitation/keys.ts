import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { fromBase64url, toBase64url } from './encoding';

/** A key pair as text (base64url of 32 bytes each). Secrets stay on the device that made them:
 *  nothing in this folder writes one into a document. */
export interface KeyPair {
  secret: string;
  public: string;
}

/** Ed25519 signs facilitator-only changes; X25519 receives hidden notes. Two separate pairs:
 *  one key never serves two algorithms. */
export interface FacilitatorKeys {
  signing: KeyPair;
  sealing: KeyPair;
}

export interface PublicKeys {
  signing: string;
  sealing: string;
}

const pair = (secret: Uint8Array, pub: Uint8Array): KeyPair => ({ secret: toBase64url(secret), public: toBase64url(pub) });

/** Random bytes come from `crypto.getRandomValues` (through @noble), which plain-http pages have. */
export function newFacilitatorKeys(): FacilitatorKeys {
  const signing = ed25519.keygen();
  return { signing: pair(signing.secretKey, signing.publicKey), sealing: newSealingKeys() };
}

/** A participant's own X25519 pair, so that their hidden notes can also be sealed to themselves. */
export function newSealingKeys(): KeyPair {
  const sealing = x25519.keygen();
  return pair(sealing.secretKey, sealing.publicKey);
}

/** The text that names a facilitator in invite links and records: both public keys, 87
 *  characters, short enough for a QR code beside the workshop secret. */
export function facilitatorId(keys: PublicKeys | FacilitatorKeys): string {
  const signing = typeof keys.signing === 'string' ? keys.signing : keys.signing.public;
  const sealing = typeof keys.sealing === 'string' ? keys.sealing : keys.sealing.public;
  return `${signing}.${sealing}`;
}

/** The public keys named by a facilitator id, or undefined when it is not one. */
export function parseFacilitatorId(id: string): PublicKeys | undefined {
  const [signing = '', sealing = '', ...rest] = id.split('.');
  if (rest.length > 0 || fromBase64url(signing)?.length !== 32 || fromBase64url(sealing)?.length !== 32) return undefined;
  return { signing, sealing };
}

/** Bytes of a key known to be well-formed (made here or checked by `parseFacilitatorId`). */
export const keyBytes = (key: string): Uint8Array => fromBase64url(key)!;
