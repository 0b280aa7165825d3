import * as Y from 'yjs';
import { applyTextChange } from './items';

/* An entry of a board's map (a need, a pledge, a risk) is a Y.Map with one key per field, and
 * its longer texts are Y.Text: two people changing different fields of one entry both win, and
 * two editing one text both keep their words. */

export type EntryValues = Record<string, string | number | boolean | null>;

/** A new entry with `values`; the keys in `texts` become Y.Text. */
export function newEntry(values: EntryValues, texts: readonly string[]): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(values)) map.set(key, texts.includes(key) ? new Y.Text(String(value)) : value);
  return map;
}

/** Writes only the fields that differ; a Y.Text only its changed middle. Returns whether
 *  anything changed (the caller's transaction then has something to send). */
export function updateEntry(entry: Y.Map<unknown>, changes: EntryValues): boolean {
  let changed = false;
  for (const [key, value] of Object.entries(changes)) {
    const current = entry.get(key);
    if (current instanceof Y.Text) {
      if (current.toString() === value) continue;
      applyTextChange(current, String(value));
    } else if (current === value) continue;
    else entry.set(key, value);
    changed = true;
  }
  return changed;
}

/** A field as text, whether it is a Y.Text or a plain value (a modified client may write either). */
export function textOf(entry: Y.Map<unknown>, key: string): string {
  const value = entry.get(key);
  return value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '';
}

/** A field as a number, or null when it holds none. */
export function numberOf(entry: Y.Map<unknown>, key: string): number | null {
  const value = entry.get(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

