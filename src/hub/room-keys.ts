import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { helloFor, type Hello } from '../core/channel/handshake';
import type { RoomKeys } from '../core/channel/room-keys';
import { writeDurably } from './data-dir';

/** The file, in the data directory, of the rooms the hub lets devices into. */
export const ROOM_KEYS_FILE = 'room-keys.json';

/** The rooms registered by a facilitator's device, each with its auth key: the hub lets a device in
 *  only once it has proven it holds that key. Kept beside the workshops (0600), so a restarted hub
 *  lets the room's devices back in before the facilitator's device returns. */
export class RoomKeyStore {
  readonly #keys = new Map<string, Uint8Array>();
  readonly #file: string | null;

  private constructor(file: string | null) {
    this.#file = file;
  }

  /** `dir`: the data directory, or null for a hub that keeps everything in memory. */
  static async open(dir: string | null): Promise<RoomKeyStore> {
    const store = new RoomKeyStore(dir ? join(dir, ROOM_KEYS_FILE) : null);
    if (store.#file) {
      const text = await readFile(store.#file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return '{}';
        throw error;
      });
      for (const [room, key] of Object.entries(JSON.parse(text) as Record<string, string>)) store.#keys.set(room, Buffer.from(key, 'base64'));
    }
    return store;
  }

  get size(): number {
    return this.#keys.size;
  }

  /** The room whose key made this HELLO, if any: the device never names its room in clear, so the
   *  hub tries each (a handful on a facilitator's laptop, a few hundred at most). */
  match(hello: Hello): RoomKeys | null {
    for (const [room, auth] of this.#keys) if (helloFor(hello, auth)) return { room, auth };
    return null;
  }

  /** Keeps the first key a room was registered with: a second registration of the same room with
   *  another key would let whoever made it take the room over. */
  async register(keys: RoomKeys): Promise<boolean> {
    const known = this.#keys.get(keys.room);
    if (known) return Buffer.from(known).equals(Buffer.from(keys.auth));
    this.#keys.set(keys.room, keys.auth);
    if (this.#file) {
      const all = Object.fromEntries([...this.#keys].map(([room, auth]) => [room, Buffer.from(auth).toString('base64')]));
      await writeDurably(this.#file, new TextEncoder().encode(JSON.stringify(all)));
    }
    return true;
  }
}
