import type * as Y from 'yjs';

/** Each entry's plain value (a note as `Item`, a stakeholder), kept until the entry or anything
 *  below it changes. A board of 2,000 notes is listed again after every edit, and without this
 *  each listing rebuilt 2,000 objects for one that changed (and the screen compared them all). */

type Values = Map<string, unknown>;

const values = new WeakMap<Y.AbstractType<any>, Values>();
const watched = new WeakSet<Y.Doc>();

/** Drops the kept values of every type a transaction changed and of their ancestors. */
function forgetChanged(transaction: Y.Transaction): void {
  for (const changed of transaction.changed.keys()) {
    let type: Y.AbstractType<any> | null = changed;
    while (type) {
      values.delete(type);
      const parent: unknown = type._item?.parent;
      type = parent && typeof parent === 'object' ? (parent as Y.AbstractType<any>) : null;
    }
  }
}

/** `make()` for `entry`, or the value it gave last time under the same `kind` if the entry has not
 *  changed since. `make` must read nothing but `entry` and what lies below it; `kind` names the
 *  conversion and any parameter it takes. While a transaction runs or its observers are called,
 *  nothing is kept or reused: what a transaction changed is forgotten only when its observers are
 *  about to be called, and an observer may begin another. */
export function entryValue<T>(entry: Y.AbstractType<any>, kind: string, make: () => T): T {
  const doc = entry.doc;
  if (!doc || doc._transaction || doc._transactionCleanups.length > 0) return make();
  if (!watched.has(doc)) {
    watched.add(doc);
    doc.on('beforeObserverCalls', forgetChanged);
  }
  let kept = values.get(entry);
  if (!kept) values.set(entry, (kept = new Map()));
  if (kept.has(kind)) return kept.get(kind) as T;
  // Shared by every listing from now on: frozen, so that no caller can change it for the others.
  const value = Object.freeze(make()) as T;
  kept.set(kind, value);
  return value;
}
