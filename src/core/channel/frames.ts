import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';

/** A frame with nothing in it is a heartbeat: a device sends one every few seconds, the hub answers
 *  with one, and neither end passes it on. Sealed, it is 16 bytes: a device learns cheaply that its
 *  link to the hub still works (a stateless message through the relay, as before, cost 61). */
export const HEARTBEAT = new Uint8Array(0);

/** One direction of an open channel: XChaCha20-Poly1305 under that direction's key, the nonce a
 *  frame counter both ends keep. The counter never travels, so a replayed, reordered or dropped
 *  frame fails authentication at the next frame, and the channel is closed. */
export class FrameCipher {
  readonly #key: Uint8Array;
  #counter = 0n;

  constructor(key: Uint8Array) {
    this.#key = key;
  }

  #nonce(): Uint8Array {
    const nonce = new Uint8Array(24);
    new DataView(nonce.buffer).setBigUint64(16, this.#counter++);
    return nonce;
  }

  seal(plain: Uint8Array): Uint8Array {
    return xchacha20poly1305(this.#key, this.#nonce()).encrypt(plain);
  }

  /** Null for a frame that is not the next one this key sealed: the channel is then unusable. */
  open(frame: Uint8Array): Uint8Array | null {
    try {
      return xchacha20poly1305(this.#key, this.#nonce()).decrypt(frame);
    } catch {
      return null;
    }
  }
}
