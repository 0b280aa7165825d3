import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';

const SUFFIX = '.yjs';
const TEMP = '.tmp';

/** macOS and Windows file systems ignore case, so `cg-A` and `cg-a` would share a file:
 *  capitals are spelled out as `+a`, which no room name can contain. */
const fileName = (room: string) => room.replace(/[A-Z]/g, (c) => `+${c.toLowerCase()}`) + SUFFIX;
const roomOf = (file: string) => file.slice(0, -SUFFIX.length).replace(/\+([a-z])/g, (_, c: string) => c.toUpperCase());

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';

/** The hub's copy of every relayed workshop, kept while no device is connected to it, so a phone
 *  joining after everyone left still gets everything. Room names are checked (`ROOM_NAME`) before
 *  they reach a store. */
export interface RoomStore {
  /** Where the rooms are kept, for people to read. */
  readonly where: string;
  /** The stored state of `room`, or null if it has never been stored. */
  load(room: string): Promise<Uint8Array | null>;
  /** Resolves with the bytes the room now takes. */
  save(room: string, doc: Y.Doc): Promise<number>;
  /** Every room kept and the bytes it takes, for the hub's quota. */
  sizes(): Promise<Map<string, number>>;
  /** Puts an unreadable copy out of the way so the room can start afresh from what its devices
   *  hold. Returns where it went. */
  setAside(room: string): Promise<string>;
  /** Resolves once every save asked for so far has finished (or failed). */
  idle(): Promise<void>;
}

/** For tests and throwaway hubs: the same behaviour as on disk until the process ends. */
export class MemoryStore implements RoomStore {
  readonly where = 'memory only';
  readonly #rooms = new Map<string, Uint8Array>();

  async load(room: string): Promise<Uint8Array | null> {
    return this.#rooms.get(room) ?? null;
  }

  async save(room: string, doc: Y.Doc): Promise<number> {
    const state = Y.encodeStateAsUpdate(doc);
    this.#rooms.set(room, state);
    return state.byteLength;
  }

  async sizes(): Promise<Map<string, number>> {
    return new Map([...this.#rooms].map(([room, state]) => [room, state.byteLength]));
  }

  async setAside(room: string): Promise<string> {
    this.#rooms.delete(room);
    return 'nowhere (dropped from memory)';
  }

  async idle(): Promise<void> {}
}

/** One file per room holding the whole document state (`Y.encodeStateAsUpdate`), so that a hub
 *  restart loses nothing either. */
export class DiskStore implements RoomStore {
  readonly where: string;
  readonly #writes = new Map<string, Promise<number>>();
  #counter = 0;

  private constructor(dir: string) {
    this.where = dir;
  }

  /** Creates the directory if needed and removes temp files a killed hub left half written. */
  static async open(dir: string): Promise<DiskStore> {
    await mkdir(dir, { recursive: true });
    const stale = (await readdir(dir)).filter((f) => f.endsWith(TEMP));
    await Promise.all(stale.map((f) => rm(join(dir, f), { force: true })));
    return new DiskStore(dir);
  }

  async load(room: string): Promise<Uint8Array | null> {
    try {
      return await readFile(this.#path(room));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /** The file is kept for a person to inspect rather than overwritten. */
  async setAside(room: string): Promise<string> {
    const aside = `${this.#path(room)}.broken-${Date.now()}`;
    await rename(this.#path(room), aside);
    return aside;
  }

  /** Writes for one room run one after another, and each encodes the document only when its turn
   *  comes, so a slow earlier write can never replace a newer state. */
  save(room: string, doc: Y.Doc): Promise<number> {
    const previous = this.#writes.get(room);
    // An earlier failure was already reported to whoever asked for that write; this write
    // carries the whole state, so it repairs the file regardless.
    const next = (previous ? previous.catch(() => undefined) : Promise.resolve())
      .then(() => this.#write(room, Y.encodeStateAsUpdate(doc)));
    this.#writes.set(room, next);
    const settle = () => {
      if (this.#writes.get(room) === next) this.#writes.delete(room);
    };
    next.then(settle, settle);
    return next;
  }

  async sizes(): Promise<Map<string, number>> {
    const files = (await readdir(this.where)).filter((f) => f.endsWith(SUFFIX));
    return new Map(await Promise.all(files.map(async (f) => [roomOf(f), (await stat(join(this.where, f))).size] as const)));
  }

  async idle(): Promise<void> {
    while (this.#writes.size > 0) await Promise.allSettled([...this.#writes.values()]);
  }

  #path(room: string): string {
    return join(this.where, fileName(room));
  }

  /** A crash or power cut mid-write leaves the previous file intact: the new state goes to a temp
   *  file, reaches the disk, and only then replaces the old one. */
  async #write(room: string, state: Uint8Array): Promise<number> {
    const file = this.#path(room);
    const temp = `${file}.${process.pid}.${++this.#counter}${TEMP}`;
    try {
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(state);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, file);
      return state.byteLength;
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }
}
