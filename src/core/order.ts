import * as Y from 'yjs';
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/** Positions are string keys (fractional-indexing): there is always a key between two others,
 *  so a move writes one field of the moved entry and never renumbers its neighbours, which
 *  would mix with another device renumbering them at the same time. Shared by items, clusters,
 *  proposals, stakeholders and agenda steps. */
export interface Ordered {
  id: string;
  order: string;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Keys, then ids: two entries rarely share a key, but every device must show them alike. Ids
 *  compare by code unit, which unlike `localeCompare` does not depend on the device's locale. */
export const byOrder = (a: Ordered, b: Ordered): number => compare(a.order, b.order) || compare(a.id, b.id);

/** Whether `toIndex` is a slot among `count` entries (0 = first, `count` = after the last). */
export const isSlot = (toIndex: number, count: number): boolean =>
  Number.isInteger(toIndex) && toIndex >= 0 && toIndex <= count;

const BASE_62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const JITTER_DIGITS = 4;

function randomDigits(count: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(count));
  // The last digit is never '0': a key's fraction may not end in zero.
  return Array.from(bytes, (b, i) => (i === count - 1 ? BASE_62[1 + (b % 61)] : BASE_62[b % 62])).join('');
}

/** A key strictly between `lo` and `hi` (either may be missing: the start or the end). Two devices
 *  filling one gap at once would compute the same key; random digits keep theirs apart, so a
 *  later move can still go between them. Digits appended to a prefix of `hi` could pass it, so
 *  such a key is first stepped towards `hi` until it is none. */
function keyBetween(lo: string | undefined, hi: string | undefined): string {
  let key = generateKeyBetween(lo, hi);
  while (hi?.startsWith(key)) key = generateKeyBetween(key, hi);
  return key + randomDigits(JITTER_DIGITS);
}

/** The key for slot `toIndex` of `others` (sorted by `byOrder`, without the moved entry). Entries
 *  sharing a key cannot be split: the slot then moves after them. */
export function keyAt(others: readonly Ordered[], toIndex: number): string {
  const lo = others[toIndex - 1]?.order;
  const hi = others.slice(toIndex).find((o) => lo === undefined || o.order > lo)?.order;
  return keyBetween(lo, hi);
}

/** A key after every entry of `list`, sorted or not. */
export const keyAfter = (list: readonly { order: string }[]): string =>
  keyBetween(list.reduce<string | undefined>((max, e) => (max === undefined || e.order > max ? e.order : max), undefined), undefined);

/** `count` keys in a row after every entry of `list`: a random start as `keyAfter` gives, then
 *  plain consecutive keys, since only the start can meet another device's keys. */
export function keysAfter(list: readonly { order: string }[], count: number): string[] {
  if (count === 0) return [];
  const first = keyAfter(list);
  return [first, ...generateNKeysBetween(first, undefined, count - 1)];
}

/** A valid key: an integer part whose length its head letter gives (a-z: 2-27, Z-A: 2-27), then
 *  base-62 digits not ending in zero. */
function isKey(value: string): boolean {
  if (!/^[A-Za-z][0-9A-Za-z]*$/.test(value)) return false;
  const head = value.charCodeAt(0);
  const intLength = head >= 97 ? head - 97 + 2 : 90 - head + 2;
  return value.length >= intLength && !(value.length > intLength && value.endsWith('0')) && value !== `A${'0'.repeat(26)}`;
}

/** Digits '2'..'z' (60 symbols) for what follows a version-1 number; '1' ends a string, so a
 *  prefix sorts first, and no digit is '0', so the key never ends in zero. */
const LEGACY_DIGITS = BASE_62.slice(2);

const chunk = (u16: number): string =>
  LEGACY_DIGITS[Math.floor(u16 / 3600)]! + LEGACY_DIGITS[Math.floor(u16 / 60) % 60]! + LEGACY_DIGITS[u16 % 60]!;

/** Digits that sort as the values do: a number by its IEEE-754 bits (sign bit flipped, negative
 *  numbers inverted), a string by its code units. */
function legacyDigits(value: number | string): string {
  if (typeof value === 'string') return Array.from({ length: value.length }, (_, i) => chunk(value.charCodeAt(i))).join('') + '1';
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value + 0); // + 0 turns -0 into 0, which version 1 treated alike
  const negative = view.getUint8(0) >= 0x80;
  let digits = '';
  for (let i = 0; i < 8; i += 2) {
    const u16 = view.getUint16(i);
    digits += chunk(negative ? 0xffff - u16 : i === 0 ? u16 ^ 0x8000 : u16);
  }
  return digits;
}

/** The key of a stored position. Version 1 stored numbers, and a device still running it may
 *  write them into a migrated document: a number reads as a key between "a0" and "a1", in
 *  numeric order, followed by `ties` (what ordered equal numbers then, the id last), so no two
 *  entries share a key and a move can go between any two. A missing order is 0, as in version
 *  1; anything else unreadable (NaN from version 1 reading keys) sorts after every number. */
export function orderKey(stored: unknown, ties: readonly (number | string)[]): string {
  if (typeof stored === 'string' && isKey(stored)) return stored;
  const n = stored === undefined || stored === null ? 0 : typeof stored === 'number' ? stored : Number.NaN;
  return `a0${[n, ...ties].map(legacyDigits).join('')}`;
}

/** The maps of a board whose entries carry an `order`, with what broke a tie between equal
 *  version-1 numbers before the id did: items showed the older first. */
const LEGACY_TIES = { items: ['createdAt'], clusters: [], proposals: [], stakeholders: [] } as const;

export type OrderedPart = keyof typeof LEGACY_TIES;

/** The key of an entry of one of a board's ordered maps. */
export function orderOf(entry: Y.Map<unknown>, part: OrderedPart): string {
  const ties = LEGACY_TIES[part].map((field) => Number(entry.get(field) ?? 0));
  return orderKey(entry.get('order'), [...ties, String(entry.get('id'))]);
}

/** Version 1 to 2: every numeric order of a board becomes the key it reads as, so the board
 *  shows what it showed. The key depends on the entry alone: devices migrating one document at
 *  once write the same values, and an entry an older device adds later sorts among them. */
export function keyBoardOrders(board: Y.Map<unknown>): void {
  for (const part of Object.keys(LEGACY_TIES) as OrderedPart[]) {
    const entries = board.get(part);
    if (!(entries instanceof Y.Map)) continue;
    for (const entry of entries.values()) {
      if (entry instanceof Y.Map && typeof entry.get('order') !== 'string') entry.set('order', orderOf(entry, part));
    }
  }
}
