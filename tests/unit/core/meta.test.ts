import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getMeta, initWorkshop, updateMeta } from '../../../src/core/meta';
import { SCHEMA_VERSION, metaOf, migrate, schemaVersionOf } from '../../../src/core/schema';
import { exchange, joinDevice, newWorkshop, recordWrites } from './helpers';

describe('initWorkshop', () => {
  it('stamps title, author, locale, creation time and schema version in one transaction', () => {
    const doc = new Y.Doc();
    const before = Date.now();
    const { result, updates, origins } = recordWrites(doc, () =>
      initWorkshop(doc, { title: '  TWG\tretreat ', createdBy: 'p1', locale: 'km' }, 'me'));
    expect(result).toEqual({ ok: true, value: undefined });
    expect(updates).toBe(1);
    expect(origins).toEqual(['me']);
    const meta = getMeta(doc);
    expect(meta).toMatchObject({
      title: 'TWG retreat', createdBy: 'p1', locale: 'km', schemaVersion: SCHEMA_VERSION,
      purpose: '', place: '', startsAt: '',
    });
    expect(meta.createdAt).toBeGreaterThanOrEqual(before);
    expect(meta.createdAt).toBeLessThanOrEqual(Date.now());
  });

  it('defaults the locale to en', () => {
    expect(getMeta(newWorkshop()).locale).toBe('en');
  });

  it('rejects an empty or too-long title and writes nothing', () => {
    for (const [title, error] of [['  ', 'empty'], ['x'.repeat(121), 'too-long']] as const) {
      const doc = new Y.Doc();
      const { result, updates } = recordWrites(doc, () => initWorkshop(doc, { title, createdBy: 'p1' }, 'me'));
      expect(result).toMatchObject({ ok: false, error });
      expect(updates).toBe(0);
      expect(metaOf(doc).size).toBe(0);
    }
  });
});

describe('getMeta', () => {
  it('gives defaults for a document that is not (yet) a workshop', () => {
    expect(getMeta(new Y.Doc())).toEqual({
      title: '', purpose: '', place: '', startsAt: '', locale: 'en', createdBy: '', createdAt: 0, schemaVersion: 0,
    });
  });

  it('ignores fields of the wrong type rather than passing them to views', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      metaOf(doc).set('title', 42);
      metaOf(doc).set('place', { city: 'Phnom Penh' });
    });
    expect(getMeta(doc)).toMatchObject({ title: '', place: '' });
  });
});

describe('updateMeta', () => {
  it('cleans and writes the given fields in one transaction with the origin', () => {
    const doc = newWorkshop();
    const { result, updates, origins } = recordWrites(doc, () => updateMeta(doc, {
      title: ' Annual review ', place: 'Phnom\tPenh', purpose: 'Agree roles\n\n\n\nand budget', startsAt: '2025-03-14',
    }, 'me'));
    expect(result).toEqual({ ok: true, value: undefined });
    expect(updates).toBe(1);
    expect(origins).toEqual(['me']);
    expect(getMeta(doc)).toMatchObject({
      title: 'Annual review', place: 'Phnom Penh', purpose: 'Agree roles\n\nand budget', startsAt: '2025-03-14',
    });
  });

  it('leaves other fields alone', () => {
    const doc = newWorkshop('First');
    updateMeta(doc, { place: 'Kampot' }, 'me');
    updateMeta(doc, { startsAt: '2025-01-02' }, 'me');
    expect(getMeta(doc)).toMatchObject({ title: 'First', place: 'Kampot', startsAt: '2025-01-02', createdBy: 'p1' });
  });

  it('clears optional fields with an empty string', () => {
    const doc = newWorkshop();
    updateMeta(doc, { place: 'Kampot', purpose: 'Plan', startsAt: '2025-01-02' }, 'me');
    expect(updateMeta(doc, { place: ' ', purpose: '', startsAt: '' }, 'me').ok).toBe(true);
    expect(getMeta(doc)).toMatchObject({ place: '', purpose: '', startsAt: '' });
  });

  it('changes nothing at all when the title is invalid, even if other fields are valid', () => {
    const doc = newWorkshop('Keep me');
    const before = getMeta(doc);
    const { result, updates } = recordWrites(doc, () => updateMeta(doc, { place: 'Kampot', title: '   ' }, 'me'));
    expect(result).toEqual({ ok: false, error: 'empty', detail: 'title' });
    expect(updates).toBe(0);
    expect(getMeta(doc)).toEqual(before);
  });

  it('names the field that is too long', () => {
    const doc = newWorkshop();
    expect(updateMeta(doc, { purpose: 'x'.repeat(1001) }, 'me')).toEqual({ ok: false, error: 'too-long', detail: 'purpose' });
    expect(updateMeta(doc, { place: 'x'.repeat(121) }, 'me')).toEqual({ ok: false, error: 'too-long', detail: 'place' });
    expect(getMeta(doc)).toMatchObject({ purpose: '', place: '' });
  });

  it.each(['tomorrow', '14/03/2025', '2025-3-14', '2025-03-14T10:00', '20250314'])(
    'rejects the date %j as bad-date and changes nothing', (startsAt) => {
      const doc = newWorkshop();
      const { result, updates } = recordWrites(doc, () => updateMeta(doc, { title: 'New title', startsAt }, 'me'));
      expect(result).toMatchObject({ ok: false, error: 'bad-date' });
      expect(updates).toBe(0);
      expect(getMeta(doc)).toMatchObject({ title: 'TWG retreat', startsAt: '' });
    });

  it.each(['2025-13-01', '2025-02-30', '2025-00-10'])('rejects the impossible date %j as bad-date', (startsAt) => {
    const doc = newWorkshop();
    expect(updateMeta(doc, { startsAt }, 'me')).toMatchObject({ ok: false, error: 'bad-date' });
    expect(getMeta(doc).startsAt).toBe('');
  });

  it('accepts a date with surrounding spaces, trimmed', () => {
    const doc = newWorkshop();
    expect(updateMeta(doc, { startsAt: ' 2025-03-14 ' }, 'me').ok).toBe(true);
    expect(getMeta(doc).startsAt).toBe('2025-03-14');
  });

  it('treats a field given as undefined as not given, as updateBoard and updateGroup do', () => {
    const doc = newWorkshop('Keep me');
    const changes: Parameters<typeof updateMeta>[1] = { title: undefined, place: 'Kampot' };
    expect(updateMeta(doc, changes, 'me')).toEqual({ ok: true, value: undefined });
    expect(getMeta(doc)).toMatchObject({ title: 'Keep me', place: 'Kampot' });
  });

  it('sends nothing to other devices when a field is set to the value it already has', () => {
    const doc = newWorkshop('Same');
    updateMeta(doc, { place: 'Kampot' }, 'me');
    const other = joinDevice(doc);
    const sv = Y.encodeStateVector(doc);
    expect(updateMeta(doc, { title: 'Same', place: 'Kampot' }, 'me').ok).toBe(true);
    expect(Y.encodeStateVector(doc)).toEqual(sv);
    exchange(doc, other);
    expect(getMeta(other)).toEqual(getMeta(doc));
  });

  it('keeps both fields when two devices change different fields offline', () => {
    const a = newWorkshop();
    const b = joinDevice(a);
    updateMeta(a, { place: 'Kampot' }, 'a');
    updateMeta(b, { startsAt: '2025-03-14' }, 'b');
    exchange(a, b);
    expect(getMeta(a)).toEqual(getMeta(b));
    expect(getMeta(a)).toMatchObject({ place: 'Kampot', startsAt: '2025-03-14' });
  });
});

describe('migrate', () => {
  it('stamps a document from before versioning (version 0) with the current version', () => {
    const doc = new Y.Doc();
    doc.transact(() => metaOf(doc).set('title', 'Old workshop'));
    expect(schemaVersionOf(doc)).toBe(0);
    const { result, updates, origins } = recordWrites(doc, () => migrate(doc, 'migration'));
    expect(result).toEqual({ ok: true, value: 0 });
    expect(updates).toBe(1);
    expect(origins).toEqual(['migration']);
    expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION);
    expect(getMeta(doc)).toMatchObject({ title: 'Old workshop', schemaVersion: SCHEMA_VERSION });
  });

  it('does nothing to a document already at the current version', () => {
    const doc = newWorkshop();
    const state = Y.encodeStateAsUpdate(doc);
    const { result, updates } = recordWrites(doc, () => migrate(doc, 'migration'));
    expect(result).toEqual({ ok: true, value: SCHEMA_VERSION });
    expect(updates).toBe(0);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
  });

  it('refuses a document written by a newer app and leaves it unchanged', () => {
    const doc = newWorkshop();
    doc.transact(() => {
      metaOf(doc).set('schemaVersion', SCHEMA_VERSION + 1);
      metaOf(doc).set('futureField', 'keep me');
    });
    const state = Y.encodeStateAsUpdate(doc);
    const { result, updates } = recordWrites(doc, () => migrate(doc, 'migration'));
    expect(result).toEqual({ ok: false, error: 'newer-schema', detail: `${SCHEMA_VERSION + 1} > ${SCHEMA_VERSION}` });
    expect(updates).toBe(0);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
    expect(metaOf(doc).get('futureField')).toBe('keep me');
  });

  it('treats a non-numeric version as 0', () => {
    const doc = new Y.Doc();
    doc.transact(() => metaOf(doc).set('schemaVersion', '1'));
    expect(schemaVersionOf(doc)).toBe(0);
    expect(migrate(doc, 'migration')).toEqual({ ok: true, value: 0 });
    expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION);
  });
});
