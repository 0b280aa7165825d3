import { readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { fileBase, JOURNAL, prepareDataDir, SNAPSHOT, syncDir, writeDurably } from './data-dir';
import { Journal, readRecords } from './journal';
import { describeError, type Log } from './log';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';

/** What a store holds of one room: the last snapshot, then the updates acknowledged since. */
export interface StoredRoom {
  snapshot: Uint8Array | null;
  updates: readonly Uint8Array[];
}

/** The hub's copy of every relayed workshop, kept while no device is connected to it, so a phone
 *  joining after everyone left still gets everything. Room names are checked (`ROOM_NAME`) before
 *  they reach a store. */
export interface RoomStore {
  /** Where the rooms are kept, for people to read. */
  readonly where: string;
  /** What is stored of `room`, or null if nothing has ever been. */
  load(room: string): Promise<StoredRoom | null>;
  /** Resolves once `update` would survive the hub being killed: only then may the hub
   *  acknowledge it. */
  append(room: string, update: Uint8Array): Promise<void>;
  /** Stores the whole state of `doc` (which holds every update appended so far, or is about to);
   *  resolves with the bytes the room now takes. */
  save(room: string, doc: Y.Doc): Promise<number>;
  /** Every room kept and the bytes it takes, by `fileBase` of its name, for the hub's quota. */
  sizes(): Promise<Map<string, number>>;
  /** Puts an unreadable snapshot out of the way so the room can start afresh from what its
   *  devices hold. Returns where it went. */
  setAside(room: string): Promise<string>;
  /** The room left memory: let go of what is held open for it. */
  release(room: string): Promise<void>;
  /** Resolves once every write asked for so far has finished (or failed). */
  idle(): Promise<void>;
}

/** For tests and throwaway hubs: the same behaviour as on disk until the process ends. */
export class MemoryStore implements RoomStore {
  readonly where = 'memory only';
  readonly #rooms = new Map<string, Uint8Array>();

  async load(room: string): Promise<StoredRoom | null> {
    const snapshot = this.#rooms.get(room);
    return snapshot ? { snapshot, updates: [] } : null;
  }

  /** Nothing outlives the process here, so nothing needs to reach a disk first. */
  async append(): Promise<void> {}

  async save(room: string, doc: Y.Doc): Promise<number> {
    const state = Y.encodeStateAsUpdate(doc);
    this.#rooms.set(room, state);
    return state.byteLength;
  }

  async sizes(): Promise<Map<string, number>> {
    return new Map([...this.#rooms].map(([room, state]) => [fileBase(room), state.byteLength]));
  }

  async setAside(room: string): Promise<string> {
    this.#rooms.delete(room);
    return 'nowhere (dropped from memory)';
  }

  async release(): Promise<void> {}

  async idle(): Promise<void> {}
}

/** The snapshot with every journalled update folded in. An update that cannot be merged was never
 *  applied either (the relay would have failed on it too): it is left out, the rest kept. */
export function fold(snapshot: Uint8Array, updates: readonly Uint8Array[]): Uint8Array {
  if (updates.length === 0) return snapshot;
  try {
    return Y.mergeUpdates([snapshot, ...updates]);
  } catch {
    return updates.reduce((state, update) => {
      try {
        return Y.mergeUpdates([state, update]);
      } catch {
        return state;
      }
    }, snapshot);
  }
}

/** Per room, a snapshot file and a journal file (see data-dir.ts for their names). Every update
 *  the hub acknowledges is in the journal first; a save writes a new snapshot and empties the
 *  journal, so a restart, even after `kill -9`, loses nothing that was acknowledged. */
export class DiskStore implements RoomStore {
  readonly where: string;
  readonly #log: Log;
  readonly #journals = new Map<string, Promise<Journal>>();
  /** Journals being closed, so a room that comes straight back waits for its file. */
  readonly #closing = new Map<string, Promise<void>>();

  private constructor(dir: string, log: Log) {
    this.where = dir;
    this.#log = log;
  }

  static async open(dir: string, log: Log): Promise<DiskStore> {
    await prepareDataDir(dir, log);
    return new DiskStore(dir, log);
  }

  async load(room: string): Promise<StoredRoom | null> {
    // The journal first: a save still running for the room's previous stay in memory finishes
    // (snapshot written, journal emptied) before either file is read.
    const journal = await this.#journal(room);
    await journal.idle();
    let snapshot: Uint8Array | null = null;
    try {
      snapshot = await readFile(this.#path(room, SNAPSHOT));
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    const updates = journal.records;
    return snapshot || updates.length > 0 ? { snapshot, updates: [...updates] } : null;
  }

  async append(room: string, update: Uint8Array): Promise<void> {
    await (await this.#journal(room)).append(update);
  }

  /** Encodes the document only when its turn comes, after every earlier append and save of the
   *  room, so a slow earlier write can never replace a newer state. */
  async save(room: string, doc: Y.Doc): Promise<number> {
    const journal = await this.#journal(room);
    let bytes = 0;
    await journal.compact((updates) => {
      const state = fold(Y.encodeStateAsUpdate(doc), updates);
      bytes = state.byteLength;
      return writeDurably(this.#path(room, SNAPSHOT), state);
    });
    return bytes;
  }

  /** The file is kept for a person to inspect rather than overwritten. */
  async setAside(room: string): Promise<string> {
    const file = this.#path(room, SNAPSHOT);
    const aside = `${file}.broken-${Date.now()}`;
    await rename(file, aside);
    return aside;
  }

  async release(room: string): Promise<void> {
    const journal = this.#journals.get(room);
    if (!journal) return;
    this.#journals.delete(room);
    const closed = journal.then((j) => j.close()).catch((error: unknown) => {
      this.#log('save-failed', `${room}: closing its journal: ${describeError(error)}`);
    }).finally(() => {
      if (this.#closing.get(room) === closed) this.#closing.delete(room);
    });
    this.#closing.set(room, closed);
    await closed;
  }

  async sizes(): Promise<Map<string, number>> {
    const sizes = new Map<string, number>();
    for (const file of await readdir(this.where)) {
      const suffix = [SNAPSHOT, JOURNAL].find((s) => file.endsWith(s));
      if (!suffix) continue;
      const base = file.slice(0, -suffix.length);
      sizes.set(base, (sizes.get(base) ?? 0) + (await stat(join(this.where, file))).size);
    }
    return sizes;
  }

  async idle(): Promise<void> {
    await Promise.allSettled([...this.#closing.values()]);
    await Promise.allSettled([...this.#journals.values()].map(async (j) => (await j).idle()));
  }

  #path(room: string, suffix: string): string {
    return join(this.where, fileBase(room) + suffix);
  }

  #journal(room: string): Promise<Journal> {
    let journal = this.#journals.get(room);
    if (!journal) {
      journal = this.#openJournal(room);
      this.#journals.set(room, journal);
      // A journal that could not be read is tried again next time rather than remembered.
      journal.catch(() => {
        if (this.#journals.get(room) === journal) this.#journals.delete(room);
      });
    }
    return journal;
  }

  /** Reads what the journal holds; a damaged tail (a hub killed mid-write, a disk error) is
   *  dropped with a line in the log, and the intact records before it are kept. */
  async #openJournal(room: string): Promise<Journal> {
    await this.#closing.get(room);
    const path = this.#path(room, JOURNAL);
    const bytes = await readFile(path).catch((error: unknown) => {
      if (isMissing(error)) return new Uint8Array(0);
      throw error;
    });
    const read = readRecords(bytes);
    if (read.goodBytes < bytes.byteLength) {
      this.#log('journal-damaged', `${room}: kept ${read.records.length} intact update(s), dropped ${bytes.byteLength - read.goodBytes} damaged byte(s) at the end`);
    }
    return new Journal(path, read, () => syncDir(this.where));
  }
}
