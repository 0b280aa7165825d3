import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import type * as Y from 'yjs';
import { nextMeeting, startSeries } from '../../../src/app/series-setup';
import type { Services } from '../../../src/app/services.svelte';
import { createWorkshop, importBackup, readBackup } from '../../../src/app/workshops';
import { backupFile } from '../../../src/app/exports';
import { listBoards } from '../../../src/core/boards';
import { listSteps } from '../../../src/core/facilitation/agenda';
import { addAction, listActions } from '../../../src/core/series/actions';
import { getSeriesLink } from '../../../src/core/series/link';
import { openDb, type CommonGroundDb } from '../../../src/storage/db';
import { dexieWorkshopStore } from '../../../src/storage/workshop-store';
import { unwrap } from '../core/helpers';

let dbs: CommonGroundDb[] = [];
afterEach(async () => {
  for (const db of dbs) {
    db.close();
    await Dexie.delete(db.name);
  }
  dbs = [];
});

/** A device's services as far as making meetings and importing files needs them. */
async function device(): Promise<Services> {
  const db = await openDb(`series-${Math.random()}`);
  dbs.push(db);
  return { store: dexieWorkshopStore(db), profile: { participantId: 'dara', name: 'Dara', group: 'Ministry', color: '#1d4e5f' } } as unknown as Services;
}

async function withOpened<T>(services: Services, id: string, use: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
  const opened = await services.store.open(id);
  if (!opened) throw new Error(`${id} is not on this device`);
  try {
    return await use(opened.doc);
  } finally {
    opened.close();
  }
}

/** The kinds of the boards the meeting's agenda steps are on, in agenda order. */
async function agendaKinds(services: Services, id: string): Promise<string[]> {
  const root = (await services.store.get(id))?.root;
  if (!root) throw new Error('no facilitator key');
  return withOpened(services, id, (doc) => listSteps(doc, root).map((s) => listBoards(doc).find((b) => b.id === s.boardId)!.type));
}

async function firstMeeting(services: Services) {
  const first = unwrap(await createWorkshop(services, 'Health TWG meeting 1'));
  const series = unwrap(await withOpened(services, first, (doc) => startSeries(services, { id: first, doc, origin: 'me' })));
  return { first, series };
}

describe('Next meeting', () => {
  it('opens every meeting after the first with the Since last time step, once', async () => {
    const services = await device();
    const { series } = await firstMeeting(services);
    const second = unwrap(await nextMeeting(services, series));
    expect(await agendaKinds(services, second)).toEqual(['since']);
    expect(await withOpened(services, second, (doc) => getSeriesLink(doc)?.id)).toBe(series);
    // Meeting 3 copies meeting 2's boards and agenda, Since last time with them: still one.
    const third = unwrap(await nextMeeting(services, series));
    expect(await agendaKinds(services, third)).toEqual(['since']);
    expect(await withOpened(services, third, (doc) => listBoards(doc).filter((b) => b.type === 'since'))).toHaveLength(1);
  });
});

describe('a meeting’s backup imported on another device', () => {
  it('brings the series with it: the meeting finds its actions there', async () => {
    const services = await device();
    const { first, series } = await firstMeeting(services);
    const row = (await services.store.get(series))!;
    await withOpened(services, series, (doc) => unwrap(addAction(doc, { text: 'Share the district data calendar' }, { meeting: first, by: 'dara' }, 'me')));
    const file = await withOpened(services, first, (meeting) => withOpened(services, series, (seriesDoc) =>
      backupFile(meeting, { id: first, title: 'Health TWG meeting 1', role: 'facilitator' }, { id: series, secret: row.secret!, doc: seriesDoc })));

    const other = await device();
    const read = unwrap(await readBackup(other, file));
    unwrap(await importBackup(other, read));
    expect(await other.store.get(series)).toMatchObject({ kind: 'series', secret: row.secret, title: 'Health TWG meeting 1' });
    expect(await withOpened(other, series, (doc) => listActions(doc).map((a) => a.text))).toEqual(['Share the district data calendar']);
    expect(await withOpened(other, first, (doc) => getSeriesLink(doc)?.id)).toBe(series);
  });
});
