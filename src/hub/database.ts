import pg from 'pg';
import type { Health } from './health';

/** Rooms (the last snapshot of each), the updates acknowledged since, snapshots that could not be
 *  read, and the room keys: what every hub process given the same database shares. */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS cg_rooms (name text PRIMARY KEY, snapshot bytea);
CREATE TABLE IF NOT EXISTS cg_updates (id bigserial PRIMARY KEY, room text NOT NULL, data bytea NOT NULL);
CREATE INDEX IF NOT EXISTS cg_updates_room ON cg_updates (room, id);
CREATE TABLE IF NOT EXISTS cg_set_aside (room text NOT NULL, snapshot bytea, at timestamptz NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS cg_room_keys (room text PRIMARY KEY, auth bytea NOT NULL);
`;

/** Any number, the same in every process: two processes starting at once would otherwise both
 *  try to create the tables and one would fail. */
const SCHEMA_LOCK = 4_711_001;

/** Whether `error` is Postgres refusing a statement, rather than no answer or a session it ended
 *  (FATAL: shutting down, starting up, connection terminated), which trying again may cure. */
export const answeredByPostgres = (error: unknown): boolean => (error as { severity?: unknown } | null)?.severity === 'ERROR';

export type Query = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;

/** A pool of connections to Postgres that tells `health` whether the last call reached it. */
export interface Database {
  query: Query;
  /** Runs `work` in one transaction on one connection: committed when it resolves, rolled back
   *  when it throws. */
  transaction<T>(work: (query: Query) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openDatabase(url: string, health: Health): Promise<Database> {
  // A hub in a room of phones needs few connections; every process gets its own pool.
  const pool = new pg.Pool({ connectionString: url, max: 8, connectionTimeoutMillis: 5_000 });
  // An idle connection dropped by the server: reported once, and the pool opens a new one.
  pool.on('error', (error) => health.down('database', error));
  const tracked = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      const result = await call();
      health.up('database');
      return result;
    } catch (error) {
      // A query Postgres answered with an error still reached it.
      if (!answeredByPostgres(error)) health.down('database', error);
      throw error;
    }
  };
  const db: Database = {
    query: (text, values) => tracked(() => pool.query(text, values)),
    transaction: (work) => tracked(async () => {
      const client = await pool.connect();
      let failed: Error | undefined;
      // pg's pool stops listening for a connection's errors while it is checked out, and an
      // 'error' with no listener ends the process: Postgres going away mid-transaction did.
      const onError = (error: Error) => { failed = error; };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await work((text, values) => client.query(text, values));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        failed = error instanceof Error ? error : new Error(String(error));
        throw error;
      } finally {
        client.off('error', onError);
        // A connection that failed mid-transaction is closed rather than handed out again.
        client.release(failed);
      }
    }),
    close: () => pool.end(),
  };
  try {
    await db.transaction(async (query) => {
      await query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      await query(SCHEMA);
    });
  } catch (error) {
    await pool.end();
    throw new Error(`--database: ${error instanceof Error ? error.message : String(error)}`);
  }
  return db;
}
