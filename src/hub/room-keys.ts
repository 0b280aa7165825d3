import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { helloFor, type Hello } from '../core/channel/handshake';
import type { RoomKeys } from '../core/channel/room-keys';
import type { Database } from './database';
import { writeDurably } from './data-dir';

/** The file, in the data directory, of the rooms the hub lets devices into. */
export const ROOM_KEYS_FILE = 'room-keys.json';

/** Where the room keys outlive the process. */
interface KeyBacking {
  /** Other processes register rooms too: a hello no known key matches is worth reading again for. */
  readonly shared: boolean;
  read(): Promise<Map<string, Uint8Array>>;
  /** Keeps `keys` unless the room has a key already; resolves with the room's key now kept. */
  add(keys: RoomKeys, all: ReadonlyMap<string, Uint8Array>): Promise<Uint8Array>;
}

/** Beside the workshops (0600), so a restarted hub lets the room's devices back in before the
 *  facilitator's device returns. */
const fileBacking = (file: string): KeyBacking => ({
  shared: false,
  read: async () => {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '{}';
      throw error;
    });
    return new Map(Object.entries(JSON.parse(text) as Record<string, string>).map(([room, key]) => [room, Buffer.from(key, 'base64')]));
  },
  add: async (keys, all) => {
    const entries = Object.fromEntries([...all, [keys.room, keys.auth] as const].map(([room, auth]) => [room, Buffer.from(auth).toString('base64')]));
    await writeDurably(file, new TextEncoder().encode(JSON.stringify(entries)));
    return keys.auth;
  },
});

/** In the organisation's database, for every hub process. */
const databaseBacking = (db: Database): KeyBacking => ({
  shared: true,
  read: async () => new Map(((await db.query('SELECT room, auth FROM cg_room_keys')).rows as { room: string; auth: Buffer }[]).map((r) => [r.room, r.auth])),
  add: async (keys) => {
    await db.query('INSERT INTO cg_room_keys (room, auth) VALUES ($1, $2) ON CONFLICT DO NOTHING', [keys.room, Buffer.from(keys.auth)]);
    return ((await db.query('SELECT auth FROM cg_room_keys WHERE room = $1', [keys.room])).rows[0] as { auth: Buffer }).auth;
  },
});

/** The rooms registered by a facilitator's device, each with its auth key: the hub lets a device in
 *  only once it has proven it holds that key. */
export class RoomKeyStore {
  #keys = new Map<string, Uint8Array>();
  readonly #backing: KeyBacking | null;

  private constructor(backing: KeyBacking | null) {
    this.#backing = backing;
  }

  /** `dir`: the data directory, or null for a hub that keeps everything in memory. */
  static open(dir: string | null): Promise<RoomKeyStore> {
    return RoomKeyStore.#load(dir ? fileBacking(join(dir, ROOM_KEYS_FILE)) : null);
  }

  static inDatabase(db: Database): Promise<RoomKeyStore> {
    return RoomKeyStore.#load(databaseBacking(db));
  }

  static async #load(backing: KeyBacking | null): Promise<RoomKeyStore> {
    const store = new RoomKeyStore(backing);
    if (backing) store.#keys = await backing.read();
    return store;
  }

  get size(): number {
    return this.#keys.size;
  }

  /** The room whose key made this HELLO, if any: the device never names its room in clear, so the
   *  hub tries each (a handful on a facilitator's laptop, a few hundred at most). A room another
   *  process registered is found by reading the keys again, the one case that waits. */
  match(hello: Hello): RoomKeys | null | Promise<RoomKeys | null> {
    const known = this.#find(hello);
    if (known || !this.#backing?.shared) return known;
    return this.#backing.read().then((keys) => {
      this.#keys = keys;
      return this.#find(hello);
    });
  }

  /** Keeps the first key a room was registered with: a second registration of the same room with
   *  another key would let whoever made it take the room over. */
  async register(keys: RoomKeys): Promise<boolean> {
    const kept = this.#keys.get(keys.room) ?? (this.#backing ? await this.#backing.add(keys, this.#keys) : keys.auth);
    this.#keys.set(keys.room, kept);
    return Buffer.from(kept).equals(Buffer.from(keys.auth));
  }

  #find(hello: Hello): RoomKeys | null {
    for (const [room, auth] of this.#keys) if (helloFor(hello, auth)) return { room, auth };
    return null;
  }
}
