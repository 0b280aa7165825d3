import type * as Y from 'yjs';

const BOARD_PREFIX = 'board:';

type Shared = Y.Transaction['changed'] extends Map<infer T, unknown> ? T : never;

/** Keys from the document root down to `type`: the root's name, then each parent's key
 *  (null where a level sits in an array). */
function pathOf(type: Shared): (string | null)[] {
  const path: (string | null)[] = [];
  let at = type;
  while (at._item) {
    path.unshift(at._item.parentSub);
    at = at._item.parent as Shared;
  }
  const doc = at.doc;
  const root = doc ? [...doc.share].find(([, t]) => t === at)?.[0] : undefined;
  path.unshift(root ?? null);
  return path;
}

/** The ids of the board entries (notes, stakeholders, proposals, headings…) a transaction
 *  changed. A board is a root map of parts (`items`, `stakeholders`, `proposals`…) keyed by
 *  entry id, so a key of a part is an entry added, replaced or deleted, and a change further
 *  down (a note's text or place, someone's estimate) belongs to the entry it sits in. */
export function changedEntries(transaction: Y.Transaction): Set<string> {
  const ids = new Set<string>();
  for (const [type, keys] of transaction.changed) {
    const path = pathOf(type);
    if (!path[0]?.startsWith(BOARD_PREFIX)) continue;
    if (path.length === 2) {
      for (const key of keys) if (key !== null) ids.add(key);
    } else if (path.length > 2 && path[2]) {
      ids.add(path[2]);
    }
  }
  return ids;
}
