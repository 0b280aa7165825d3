import * as Y from 'yjs';
import { simpleDiffString } from 'lib0/diff';
import { newId } from './ids';
import { entryValue } from './entry-cache';
import { byOrder, isSlot, keyAfter, keyAt, orderOf } from './order';
import { err, ok, type Result } from './result';
import { removeEntry } from './remove-entry';
import { itemsOf } from './schema';
import { checkText, type TextError } from './text';

/** One contribution on a board (a note, a card). */
export interface Item {
  id: string;
  text: string;
  createdBy: string;
  /** Stakeholder group id, or '' when the author has none. */
  group: string;
  createdAt: number;
  updatedAt: number;
  /** Position among the items of its lane: a string key, so a move writes one field. */
  order: string;
  /** A column of the board (a SWOT quadrant); '' on a plain notes board. */
  lane: string;
  /** The heading (SWOT cluster id) the item sits under in its lane; '' when none. May name a
   *  cluster deleted on another device: the board's own queries then treat it as none. */
  cluster: string;
}

export type ItemError = TextError | 'no-board' | 'no-item' | 'bad-index';
export type NewItem = Pick<Item, 'text' | 'createdBy' | 'group'> & { lane?: string; cluster?: string };

function toItem(map: Y.Map<unknown>): Item {
  const text = map.get('text');
  return {
    id: String(map.get('id')),
    text: text instanceof Y.Text ? text.toString() : String(text ?? ''),
    createdBy: String(map.get('createdBy') ?? ''),
    group: String(map.get('group') ?? ''),
    createdAt: Number(map.get('createdAt') ?? 0),
    updatedAt: Number(map.get('updatedAt') ?? map.get('createdAt') ?? 0),
    order: orderOf(map, 'items'),
    lane: String(map.get('lane') ?? ''),
    cluster: String(map.get('cluster') ?? ''),
  };
}

const keptItem = (map: Y.Map<unknown>): Item => entryValue(map, 'item', () => toItem(map));

/** Items of a board in display order; `lane` narrows to one column. */
export function listItems(doc: Y.Doc, boardId: string, lane?: string): Item[] {
  const items = itemsOf(doc, boardId);
  if (!items) return [];
  const all = [...items.values()].map(keptItem);
  return (lane === undefined ? all : all.filter((i) => i.lane === lane)).sort(byOrder);
}

export function getItem(doc: Y.Doc, boardId: string, itemId: string): Item | undefined {
  const map = itemsOf(doc, boardId)?.get(itemId);
  return map && keptItem(map);
}

function writeItem(items: Y.Map<Y.Map<unknown>>, item: Item): void {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(item)) map.set(key, key === 'text' ? new Y.Text(value as string) : value);
  items.set(item.id, map);
}

/** A note's text, cleaned and checked: every way a note is written (on a board, sealed during
 *  a silent brainstorm, opened from a box) goes through here. */
export const checkNoteText = (raw: string) => checkText(raw, 'note', { multiline: true });

const laneEnd = (doc: Y.Doc, boardId: string, lane: string) => keyAfter(listItems(doc, boardId, lane));

export function addItem(doc: Y.Doc, boardId: string, fields: NewItem, origin: unknown): Result<string, ItemError> {
  const text = checkNoteText(fields.text);
  if (!text.ok) return text;
  const items = itemsOf(doc, boardId);
  if (!items) return err('no-board', boardId);
  const lane = fields.lane ?? '';
  const now = Date.now();
  const item: Item = {
    id: newId(), text: text.value, createdBy: fields.createdBy, group: fields.group,
    createdAt: now, updatedAt: now, order: laneEnd(doc, boardId, lane), lane, cluster: fields.cluster ?? '',
  };
  doc.transact(() => writeItem(items, item), origin);
  return ok(item.id);
}

/** Replaces only the changed middle of the text, so two people editing different parts of one
 *  note both keep their words when their devices merge. */
export function applyTextChange(ytext: Y.Text, next: string): void {
  const { index, remove, insert } = simpleDiffString(ytext.toString(), next);
  if (remove > 0) ytext.delete(index, remove);
  if (insert) ytext.insert(index, insert);
}

export function editItem(doc: Y.Doc, boardId: string, itemId: string, rawText: string, origin: unknown): Result<void, ItemError> {
  const text = checkNoteText(rawText);
  if (!text.ok) return text;
  const map = itemsOf(doc, boardId)?.get(itemId);
  if (!map) return err(itemsOf(doc, boardId) ? 'no-item' : 'no-board', itemId);
  const ytext = map.get('text');
  if (ytext instanceof Y.Text && ytext.toString() === text.value) return ok(undefined);
  doc.transact(() => {
    if (ytext instanceof Y.Text) applyTextChange(ytext, text.value);
    else map.set('text', new Y.Text(text.value));
    map.set('updatedAt', Date.now());
  }, origin);
  return ok(undefined);
}

/** Moves an item to position `toIndex` of `lane` (its own lane when omitted). With `cluster`,
 *  the item goes under that heading ('' = none); with `among`, `toIndex` counts only the items of
 *  the lane it accepts (those shown beside the item, e.g. under the same heading). Only `order`,
 *  `lane` and `cluster` change, so a concurrent edit of its text survives the move. */
export function moveItem(
  doc: Y.Doc, boardId: string, itemId: string,
  target: { toIndex: number; lane?: string; cluster?: string; among?: (item: Item) => boolean }, origin: unknown,
): Result<void, ItemError> {
  const items = itemsOf(doc, boardId);
  if (!items) return err('no-board', boardId);
  const map = items.get(itemId);
  if (!map) return err('no-item', itemId);
  const lane = target.lane ?? String(map.get('lane') ?? '');
  const { cluster, toIndex, among = () => true } = target;
  const others = listItems(doc, boardId, lane).filter((i) => i.id !== itemId && among(i));
  if (!isSlot(toIndex, others.length)) return err('bad-index', String(toIndex));
  doc.transact(() => {
    map.set('order', keyAt(others, toIndex));
    if (map.get('lane') !== lane) map.set('lane', lane);
    if (cluster !== undefined && String(map.get('cluster') ?? '') !== cluster) map.set('cluster', cluster);
  }, origin);
  return ok(undefined);
}

/** Moves an item to the end of another board, keeping its id, author and text. */
export function moveItemToBoard(
  doc: Y.Doc, fromBoard: string, itemId: string, toBoard: string, origin: unknown,
): Result<void, ItemError> {
  const source = itemsOf(doc, fromBoard);
  const target = itemsOf(doc, toBoard);
  if (fromBoard === toBoard && source?.has(itemId)) return ok(undefined);
  if (!source || !target) return err('no-board', source ? toBoard : fromBoard);
  const map = source.get(itemId);
  if (!map) return err('no-item', itemId);
  const item = toItem(map);
  doc.transact(() => {
    writeItem(target, { ...item, lane: '', cluster: '', order: laneEnd(doc, toBoard, ''), updatedAt: Date.now() });
    source.delete(itemId);
  }, origin);
  return ok(undefined);
}

export function deleteItem(doc: Y.Doc, boardId: string, itemId: string, origin: unknown): Result<void, ItemError> {
  return removeEntry(doc, itemsOf(doc, boardId), { boardId, id: itemId }, 'no-item', origin);
}

/** Puts back an item exactly as it was (the undo of a delete). */
export function restoreItem(doc: Y.Doc, boardId: string, item: Item, origin: unknown): Result<void, ItemError> {
  const items = itemsOf(doc, boardId);
  if (!items) return err('no-board', boardId);
  doc.transact(() => writeItem(items, item), origin);
  return ok(undefined);
}
