import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, editItem, listItems } from '../../../src/core/items';
import { getMeta, updateMeta } from '../../../src/core/meta';
import { addNote } from '../../../src/core/swot';
import {
  backupFileName, BACKUP_MAX_BYTES, encodeBackup, IMPORT_ORIGIN, mergeBackup, parseBackup, type BackupError,
} from '../../../src/export/backup';
import { toBase64 } from 'lib0/buffer';
import { summaryModel } from '../../../src/export/summary-model';
import { newWorkshop, recordWrites, unwrap } from '../core/helpers';
import { fixtureWorkshop, PEOPLE } from './helpers';
import { fixtureSeries, M1 } from './series-fixture';
import { listActions } from '../../../src/core/series/actions';
import { seriesReportModel } from '../../../src/export/series-report';

const limits = { maxBytes: BACKUP_MAX_BYTES };
const WHEN = new Date('2025-03-12T09:30:00.000Z');

/** Rewrites fields of a backup file as a damaged or hand-edited file would have them. */
function tamper(text: string, change: (backup: Record<string, unknown>) => void): string {
  const backup = JSON.parse(text) as Record<string, unknown>;
  change(backup);
  return JSON.stringify(backup);
}

/** An envelope around arbitrary bytes, with their correct checksum. */
async function withState(text: string, bytes: Uint8Array): Promise<string> {
  const { sha256 } = await import('@noble/hashes/sha2.js');
  const { bytesToHex } = await import('@noble/hashes/utils.js');
  return tamper(text, (b) => {
    b.state = toBase64(bytes);
    b.checksum = `sha256:${bytesToHex(sha256(bytes))}`;
  });
}

function expectError(result: ReturnType<typeof parseBackup>, error: BackupError): void {
  expect(result.ok ? 'ok' : result.error).toBe(error);
}

describe('backup round trip', () => {
  it('restores the whole workshop on another device', () => {
    const { doc } = fixtureWorkshop();
    const text = encodeBackup(doc, { id: 'w-health-twg', role: 'facilitator' }, WHEN);
    const parsed = unwrap(parseBackup(text, limits));
    expect(parsed).toMatchObject({ id: 'w-health-twg', title: 'Health TWG strategic meeting', role: 'facilitator', exportedAt: WHEN.toISOString() });
    const restored = new Y.Doc();
    mergeBackup(restored, parsed.update);
    expect(summaryModel(restored, { showNames: true })).toEqual(summaryModel(doc, { showNames: true }));
    expect(Y.encodeStateVector(restored)).toEqual(Y.encodeStateVector(doc));
  });

  it('writes a readable envelope with a format, a version and a checksum', () => {
    const backup = JSON.parse(encodeBackup(newWorkshop('Retreat'), { id: 'w1' }, WHEN)) as Record<string, unknown>;
    expect(Object.keys(backup)).toEqual(['format', 'version', 'exportedAt', 'workshop', 'state', 'checksum']);
    expect(backup).toMatchObject({ format: 'common-ground-backup', version: 1, workshop: { id: 'w1', title: 'Retreat' } });
    expect(backup.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('carries a meeting’s series, so importing the meeting restores its actions, decisions and parked items', () => {
    const { doc } = fixtureWorkshop();
    const series = fixtureSeries();
    const link = { id: 'series0001', secret: 'secret00000001' };
    const text = encodeBackup(doc, { id: M1 }, WHEN, { ...link, doc: series });
    const parsed = unwrap(parseBackup(text, limits));
    expect(parsed.series).toMatchObject(link);
    const restored = new Y.Doc();
    mergeBackup(restored, parsed.series!.update);
    expect(seriesReportModel(restored, new Map([[M1, doc]]), { locale: 'en' })).toEqual(seriesReportModel(series, new Map([[M1, doc]]), { locale: 'en' }));
    expect(listActions(restored)).toEqual(listActions(series));
    // A workshop outside a series carries none, and a damaged series state is refused like the workshop's.
    expect(unwrap(parseBackup(encodeBackup(doc, { id: M1 }, WHEN), limits)).series).toBeUndefined();
    expectError(parseBackup(tamper(text, (b) => { (b.series as Record<string, unknown>).checksum = `sha256:${'0'.repeat(64)}`; }), limits), 'checksum');
    expectError(parseBackup(tamper(text, (b) => { (b.series as Record<string, unknown>).secret = 'Not A Secret!'; }), limits), 'not-backup');
  });

  it('accepts a file saved with a byte-order mark', () => {
    expect(parseBackup(`\uFEFF${encodeBackup(newWorkshop(), { id: 'w1' })}`, limits).ok).toBe(true);
  });
});

describe('merging a backup into the copy already on the device', () => {
  it('keeps both sides’ edits when two copies diverged offline', () => {
    const { doc: laptop, boards } = fixtureWorkshop();
    const phone = new Y.Doc();
    mergeBackup(phone, unwrap(parseBackup(encodeBackup(laptop, { id: 'w1' }), limits)).update);
    const portal = listItems(phone, boards.swot).find((n) => n.text === 'Shared data portal')!;

    // Offline, apart: each changes something, and both change one note in different places.
    unwrap(updateMeta(laptop, { place: 'Siem Reap' }, 'laptop'));
    unwrap(addNote(laptop, boards.swot, { text: 'Donor fatigue', createdBy: PEOPLE.sokha.id, group: '', quadrant: 'threats' }, 'laptop'));
    unwrap(editItem(laptop, boards.swot, portal.id, 'Shared national data portal', 'laptop'));
    unwrap(updateMeta(phone, { purpose: 'Agree the annual plan.' }, 'phone'));
    unwrap(addItem(phone, boards.notes, { text: 'Clear next steps', createdBy: PEOPLE.anna.id, group: '' }, 'phone'));
    unwrap(editItem(phone, boards.swot, portal.id, 'Shared data portal (open)', 'phone'));

    // The phone's backup, carried over on a USB stick, is imported on the laptop.
    mergeBackup(laptop, unwrap(parseBackup(encodeBackup(phone, { id: 'w1' }), limits)).update);
    expect(getMeta(laptop)).toMatchObject({ place: 'Siem Reap', purpose: 'Agree the annual plan.' });
    const texts = [...listItems(laptop, boards.swot), ...listItems(laptop, boards.notes)].map((n) => n.text);
    expect(texts).toEqual(expect.arrayContaining(['Donor fatigue', 'Clear next steps', 'Shared national data portal (open)']));
  });

  it('changes nothing when imported again, and marks its change as an import', () => {
    const { doc } = fixtureWorkshop();
    const other = new Y.Doc();
    const { update } = unwrap(parseBackup(encodeBackup(doc, { id: 'w1' }), limits));
    const first = recordWrites(other, () => mergeBackup(other, update));
    expect(first.origins).toEqual([IMPORT_ORIGIN]);
    const before = Y.encodeStateAsUpdate(other);
    const again = recordWrites(other, () => mergeBackup(other, update));
    expect(again.updates).toBe(0);
    expect(Y.encodeStateAsUpdate(other)).toEqual(before);
  });
});

describe('a file that cannot be imported', () => {
  const good = () => encodeBackup(fixtureWorkshop().doc, { id: 'w1' }, WHEN);

  it('is not a backup: other text, other JSON, another format, a wrong shape', () => {
    for (const text of ['', 'hello', '<html></html>', '[]', 'null', '{}', '{"format":"something-else","version":1}']) {
      expectError(parseBackup(text, limits), 'not-backup');
    }
    expectError(parseBackup(tamper(good(), (b) => delete b.checksum), limits), 'not-backup');
    expectError(parseBackup(tamper(good(), (b) => { b.checksum = 'md5:abc'; }), limits), 'not-backup');
    expectError(parseBackup(tamper(good(), (b) => { b.state = 'not base64!'; }), limits), 'not-backup');
    expectError(parseBackup(tamper(good(), (b) => { b.workshop = { id: '../../etc', title: 'x' }; }), limits), 'not-backup');
    expectError(parseBackup(tamper(good(), (b) => { b.workshop = { id: 'w1', title: 'x', role: 'admin' }; }), limits), 'not-backup');
  });

  it('comes from a newer version', () => {
    const result = parseBackup(tamper(good(), (b) => { b.version = 2; }), limits);
    expectError(result, 'unknown-version');
    expect(result.ok || result.detail).toBe('2');
  });

  it('was cut short: the JSON ends early, or the state has a broken length', () => {
    const text = good();
    for (const cut of [text.length - 2, Math.floor(text.length / 2), 120, 40]) {
      expectError(parseBackup(text.slice(0, cut), limits), 'truncated');
    }
    expectError(parseBackup(tamper(text, (b) => { b.state = (b.state as string).slice(0, -5); }), limits), 'truncated');
  });

  it('does not match its checksum', () => {
    const flipped = tamper(good(), (b) => {
      const state = b.state as string;
      const i = Math.floor(state.length / 2);
      b.state = state.slice(0, i) + (state[i] === 'A' ? 'B' : 'A') + state.slice(i + 1);
    });
    expectError(parseBackup(flipped, limits), 'checksum');
  });

  it('is over the size limit, counted in UTF-8 bytes', () => {
    const text = encodeBackup(newWorkshop('កិច្ចប្រជុំ TWG'), { id: 'w1' });
    const bytes = new TextEncoder().encode(text).byteLength;
    expect(parseBackup(text, { maxBytes: bytes }).ok).toBe(true);
    expectError(parseBackup(text, { maxBytes: bytes - 1 }), 'too-large');
    // The Khmer title in the envelope makes the file longer in bytes than in characters.
    expect(bytes).toBeGreaterThan(text.length);
    expectError(parseBackup(text, { maxBytes: text.length }), 'too-large');
  });

  it('holds a corrupt Yjs update, or one without a workshop', async () => {
    const text = good();
    expectError(parseBackup(await withState(text, new Uint8Array([1, 2, 3, 4, 250, 251, 252, 253, 254, 255, 7, 9])), limits), 'corrupt-update');
    expectError(parseBackup(await withState(text, Y.encodeStateAsUpdate(new Y.Doc())), limits), 'corrupt-update');
    const full = Y.encodeStateAsUpdate(fixtureWorkshop().doc);
    expectError(parseBackup(await withState(text, full.subarray(0, full.length - 40)), limits), 'corrupt-update');
    const notes = new Y.Doc();
    notes.getMap('notes').set('a', 1);
    expectError(parseBackup(await withState(text, Y.encodeStateAsUpdate(notes)), limits), 'corrupt-update');
  });

  it('leaves the workshop on the device exactly as it was', async () => {
    const { doc } = fixtureWorkshop();
    const before = Y.encodeStateAsUpdate(doc);
    const text = good();
    const bad = [
      'hello', text.slice(0, 200), tamper(text, (b) => { b.version = 3; }),
      tamper(text, (b) => { b.checksum = `sha256:${'0'.repeat(64)}`; }),
      await withState(text, new Uint8Array([9, 9, 9])),
    ];
    let updates = 0;
    doc.on('update', () => updates++);
    for (const file of bad) {
      // The import flow: a failed parse returns before anything touches the document.
      const result = parseBackup(file, { maxBytes: 1000 });
      if (result.ok) mergeBackup(doc, result.value.update);
      expect(result.ok).toBe(false);
    }
    expectError(parseBackup(text, { maxBytes: 1000 }), 'too-large');
    expect(updates).toBe(0);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe('backup file name', () => {
  it('keeps letters of any script and the local date, and nothing a file system refuses', () => {
    const day = new Date(2025, 2, 12, 15, 0);
    expect(backupFileName('Health TWG: strategic meeting 2025/26', day)).toBe('Health-TWG-strategic-meeting-2025-26-2025-03-12.common-ground.json');
    expect(backupFileName('កិច្ចប្រជុំ TWG', day)).toBe('កិច្ចប្រជុំ-TWG-2025-03-12.common-ground.json');
    expect(backupFileName('<>:"/\\|?*', day)).toBe('workshop-2025-03-12.common-ground.json');
    expect(backupFileName('..', day)).toBe('workshop-2025-03-12.common-ground.json');
    expect([...backupFileName('x'.repeat(200), day).split('-2025')[0]!]).toHaveLength(60);
  });
});
