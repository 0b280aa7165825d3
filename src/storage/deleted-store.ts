import type { DeletedEntry } from '../core/deleted-entries';
import { deletedKey } from '../core/deleted-key';
import type { CommonGroundDb } from './db';

/** The entries a device saw disappear from a workshop's boards, kept with the workshop so that
 *  a facilitator can still restore them after closing it. */
export interface DeletedStore {
  list(workshop: string): Promise<DeletedEntry[]>;
  /** Stores entries newly deleted and drops those that are back on their board (`deletedKey`s). */
  update(workshop: string, added: readonly DeletedEntry[], back: readonly string[]): Promise<void>;
}

export function dexieDeletedStore(db: CommonGroundDb): DeletedStore {
  return {
    async list(workshop) {
      const rows = await db.deleted.where('workshop').equals(workshop).toArray();
      return rows.map(({ workshop: _, key: __, ...entry }) => entry);
    },
    async update(workshop, added, back) {
      await db.transaction('rw', db.deleted, async () => {
        if (back.length) await db.deleted.bulkDelete(back.map((key) => [workshop, key]));
        if (added.length) await db.deleted.bulkPut(added.map((entry) => ({ ...entry, workshop, key: deletedKey(entry) })));
      });
    },
  };
}
