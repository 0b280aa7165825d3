import * as Y from 'yjs';
import { fileBase } from './data-dir';
import { answeredByPostgres, type Database } from './database';
import { fold, type RoomStore, type StoredRoom } from './persistence';

/** How often an update waiting for an unreachable database tries again. */
const RETRY_MS = 1_000;

const bytes = (value: Buffer | null): Uint8Array | null => value ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : null;

/** The rooms in Postgres (tables in database.ts), shared by every hub process given the same
 *  database. An update is acknowledged once its INSERT has committed (Postgres waits for its
 *  write-ahead log to reach the disk before answering a commit). Saves from several processes may
 *  meet: each folds the stored snapshot, its own document and the updates since into the new
 *  snapshot under a row lock, and deletes only the updates it folded in, so a process whose copy
 *  lags (Redis was away) never drops what another one stored. */
export class PgStore implements RoomStore {
  readonly where: string;
  readonly #db: Database;
  readonly #pending = new Set<Promise<unknown>>();

  constructor(db: Database, where: string) {
    this.#db = db;
    this.where = where;
  }

  load(room: string): Promise<StoredRoom | null> {
    // One statement: one view of the tables, so a save by another process cannot fold updates
    // into the snapshot between reading one and the other.
    return this.#track(async () => {
      const { rows } = await this.#db.query(
        'SELECT (SELECT snapshot FROM cg_rooms WHERE name = $1) AS snapshot, ARRAY(SELECT data FROM cg_updates WHERE room = $1 ORDER BY id) AS updates',
        [room],
      );
      const row = rows[0] as { snapshot: Buffer | null; updates: Buffer[] };
      const snapshot = bytes(row.snapshot);
      const updates = row.updates.map((u) => bytes(u)!);
      return snapshot || updates.length > 0 ? { snapshot, updates } : null;
    });
  }

  /** While the database cannot be reached the update waits, unacknowledged, and goes in when it
   *  returns: the room's devices stay connected and see each other's presence meanwhile. */
  append(room: string, update: Uint8Array): Promise<void> {
    return this.#track(async () => {
      for (;;) {
        try {
          await this.#db.query('INSERT INTO cg_updates (room, data) VALUES ($1, $2)', [room, Buffer.from(update)]);
          return;
        } catch (error) {
          if (answeredByPostgres(error)) throw error;
          await new Promise((retry) => setTimeout(retry, RETRY_MS));
        }
      }
    });
  }

  save(room: string, doc: Y.Doc): Promise<number> {
    return this.#track(() => this.#db.transaction(async (query) => {
      await query('INSERT INTO cg_rooms (name) VALUES ($1) ON CONFLICT DO NOTHING', [room]);
      const stored = (await query('SELECT snapshot FROM cg_rooms WHERE name = $1 FOR UPDATE', [room])).rows[0] as { snapshot: Buffer | null };
      const journal = (await query('SELECT id, data FROM cg_updates WHERE room = $1 ORDER BY id', [room])).rows as { id: string; data: Buffer }[];
      const old = bytes(stored.snapshot);
      const state = fold(Y.encodeStateAsUpdate(doc), [...(old ? [old] : []), ...journal.map((r) => bytes(r.data)!)]);
      await query('UPDATE cg_rooms SET snapshot = $2 WHERE name = $1', [room, Buffer.from(state)]);
      await query('DELETE FROM cg_updates WHERE id = ANY($1::bigint[])', [journal.map((r) => r.id)]);
      return state.byteLength;
    }));
  }

  async sizes(): Promise<Map<string, number>> {
    const { rows } = await this.#db.query(`SELECT room, sum(bytes)::bigint AS bytes FROM (
      SELECT name AS room, coalesce(length(snapshot), 0) AS bytes FROM cg_rooms
      UNION ALL SELECT room, length(data) FROM cg_updates) AS parts GROUP BY room`);
    return new Map((rows as { room: string; bytes: string }[]).map((r) => [fileBase(r.room), Number(r.bytes)]));
  }

  /** Kept for a person to inspect, in its own table, rather than overwritten. */
  setAside(room: string): Promise<string> {
    return this.#track(() => this.#db.transaction(async (query) => {
      await query('INSERT INTO cg_set_aside (room, snapshot) SELECT name, snapshot FROM cg_rooms WHERE name = $1', [room]);
      await query('UPDATE cg_rooms SET snapshot = NULL WHERE name = $1', [room]);
      return 'the table cg_set_aside';
    }));
  }

  /** Nothing is held open per room: the pool's connections serve them all. */
  async release(): Promise<void> {}

  async idle(): Promise<void> {
    await Promise.allSettled([...this.#pending]);
  }

  #track<T>(work: () => Promise<T>): Promise<T> {
    const running = work();
    this.#pending.add(running);
    void running.finally(() => this.#pending.delete(running)).catch(() => undefined);
    return running;
  }
}
