import type * as Y from 'yjs';
import { err, ok, type Result } from './result';
import { SCHEMA_VERSION, metaOf } from './schema';
import { checkText, type TextError } from './text';

export interface WorkshopMeta {
  title: string;
  purpose: string;
  place: string;
  /** ISO date (yyyy-mm-dd) or empty when not scheduled. */
  startsAt: string;
  locale: string;
  createdBy: string;
  createdAt: number;
  schemaVersion: number;
}

export type EditableMeta = Pick<WorkshopMeta, 'title' | 'purpose' | 'place' | 'startsAt'>;
export type MetaError = TextError | 'bad-date';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Stamps a new, empty document as a workshop. */
export function initWorkshop(
  doc: Y.Doc, fields: { title: string; createdBy: string; locale?: string }, origin: unknown,
): Result<void, TextError> {
  const title = checkText(fields.title, 'title');
  if (!title.ok) return title;
  doc.transact(() => {
    const meta = metaOf(doc);
    meta.set('title', title.value);
    meta.set('createdBy', fields.createdBy);
    meta.set('createdAt', Date.now());
    meta.set('locale', fields.locale ?? 'en');
    meta.set('schemaVersion', SCHEMA_VERSION);
  }, origin);
  return ok(undefined);
}

export function getMeta(doc: Y.Doc): WorkshopMeta {
  const meta = metaOf(doc);
  return {
    title: str(meta.get('title')),
    purpose: str(meta.get('purpose')),
    place: str(meta.get('place')),
    startsAt: str(meta.get('startsAt')),
    locale: str(meta.get('locale')) || 'en',
    createdBy: str(meta.get('createdBy')),
    createdAt: Number(meta.get('createdAt') ?? 0),
    schemaVersion: Number(meta.get('schemaVersion') ?? 0),
  };
}

function checkMetaField<K extends keyof EditableMeta>(key: K, raw: string): Result<string, MetaError> {
  switch (key) {
    case 'title': return checkText(raw, 'title');
    case 'place': return checkText(raw, 'place', { optional: true });
    case 'purpose': return checkText(raw, 'purpose', { multiline: true, optional: true });
    default: {
      const date = raw.trim();
      return date === '' || isCalendarDate(date) ? ok(date) : err('bad-date', date);
    }
  }
}

/** A yyyy-mm-dd date that exists (no 2025-02-30). */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/** Changes one or more of the fields a facilitator edits; nothing changes if any is invalid. */
export function updateMeta(doc: Y.Doc, changes: Partial<EditableMeta>, origin: unknown): Result<void, MetaError> {
  const clean: [string, string][] = [];
  for (const [key, raw] of Object.entries(changes) as [keyof EditableMeta, string | undefined][]) {
    if (raw === undefined) continue;
    const checked = checkMetaField(key, raw);
    if (!checked.ok) return { ...checked, detail: key };
    clean.push([key, checked.value]);
  }
  doc.transact(() => {
    const meta = metaOf(doc);
    for (const [key, value] of clean) if (meta.get(key) !== value) meta.set(key, value);
  }, origin);
  return ok(undefined);
}
