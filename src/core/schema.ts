import * as Y from 'yjs';
import { keyBoardOrders } from './order';
import { err, ok, type Result } from './result';

/** Bump when the document layout changes, and add a step to `MIGRATIONS`. */
export const SCHEMA_VERSION = 2;

/** The shared types at the root of a workshop document; views and exports never hold them. */
export const metaOf = (doc: Y.Doc) => doc.getMap<unknown>('meta');
export const groupsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('groups');
export const boardOrderOf = (doc: Y.Doc) => doc.getArray<string>('boards');
export const boardMapOf = (doc: Y.Doc, boardId: string) => doc.getMap<unknown>(`board:${boardId}`);

/** A board exists once its map has a type and no tombstone. Root maps cannot be removed from a
 *  Y.Doc, so a deleted board keeps its map with `deleted: true`. */
export function liveBoard(doc: Y.Doc, boardId: string): Y.Map<unknown> | undefined {
  if (!doc.share.has(`board:${boardId}`)) return undefined;
  const board = boardMapOf(doc, boardId);
  return typeof board.get('type') === 'string' && board.get('deleted') !== true ? board : undefined;
}

export function itemsOf(doc: Y.Doc, boardId: string): Y.Map<Y.Map<unknown>> | undefined {
  return liveBoard(doc, boardId)?.get('items') as Y.Map<Y.Map<unknown>> | undefined;
}

/** A map that only some board types have (a SWOT board's `clusters`...); undefined on a missing
 *  or deleted board and on a board of another type. */
export function boardPartOf<T = Y.Map<unknown>>(doc: Y.Doc, boardId: string, part: string): Y.Map<T> | undefined {
  const value = liveBoard(doc, boardId)?.get(part);
  return value instanceof Y.Map ? (value as Y.Map<T>) : undefined;
}

/** Each step lifts a document from version `n` to `n + 1`. A document from before versioning
 *  (version 0) only needs its version stamped; version 2 orders by string keys instead of
 *  numbers. Deleted boards are migrated too: their maps stay in the document. */
const MIGRATIONS: Record<number, (doc: Y.Doc) => void> = {
  0: () => {},
  1: (doc) => {
    for (const name of [...doc.share.keys()]) if (name.startsWith('board:')) keyBoardOrders(doc.getMap<unknown>(name));
  },
};

export function schemaVersionOf(doc: Y.Doc): number {
  const v = metaOf(doc).get('schemaVersion');
  return typeof v === 'number' ? v : 0;
}

/** Brings a document up to `SCHEMA_VERSION` in one transaction. A document written by a newer
 *  app is left alone: changing it could destroy fields this version does not know. */
export function migrate(doc: Y.Doc, origin: unknown): Result<number, 'newer-schema'> {
  const from = schemaVersionOf(doc);
  if (from > SCHEMA_VERSION) return err('newer-schema', `${from} > ${SCHEMA_VERSION}`);
  if (from === SCHEMA_VERSION) return ok(from);
  doc.transact(() => {
    for (let v = from; v < SCHEMA_VERSION; v++) MIGRATIONS[v]?.(doc);
    metaOf(doc).set('schemaVersion', SCHEMA_VERSION);
  }, origin);
  return ok(from);
}
