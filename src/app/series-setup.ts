import type * as Y from 'yjs';
import { newId } from '../core/ids';
import { getMeta } from '../core/meta';
import { err, ok, type Result } from '../core/result';
import { addMeeting, initSeries, listMeetings, seriesTitle } from '../core/series/doc';
import { getSeriesLink, setSeriesLink } from '../core/series/link';
import { loadLocale, t, translator } from '../i18n/i18n';
import { lazy } from '../core/lazy';
import type { Services } from './services.svelte';
import { duplicateAsTemplate } from './workshops';

type Store = Pick<Services, 'store'>;

async function withOpened<T>(services: Store, id: string, use: (doc: Y.Doc) => T): Promise<T | undefined> {
  const opened = await services.store.open(id);
  if (!opened) return undefined;
  try {
    return use(opened.doc);
  } finally {
    opened.close();
  }
}

/** Makes the open workshop the first meeting of a new series, named after it. The link goes
 *  into the workshop's own document, so every device of the meeting (those invited earlier
 *  too) learns the series and its secret. */
export async function startSeries(services: Store, workshop: { id: string; doc: Y.Doc; origin: unknown }): Promise<Result<string>> {
  const existing = getSeriesLink(workshop.doc);
  if (existing) return ok(existing.id);
  const row = await services.store.get(workshop.id);
  if (!row) return err('not-found', workshop.id);
  const meta = getMeta(workshop.doc);
  const link = { id: newId(), secret: newId() + newId() };
  await services.store.create({ id: link.id, title: meta.title, role: 'facilitator', kind: 'series', secret: link.secret, hub: row.hub ?? null }, (doc) => {
    initSeries(doc, meta.title, 'create');
    addMeeting(doc, { id: workshop.id, title: meta.title, startsAt: meta.startsAt, createdAt: meta.createdAt || Date.now() }, 'create');
  });
  setSeriesLink(workshop.doc, link, workshop.origin);
  await services.store.setSummary(workshop.id, { series: link.id });
  return ok(link.id);
}

/** *Next meeting*: a new workshop in the series, from its last meeting as a template (boards
 *  and agenda, no one's notes), opening with a *Since last time* step; what carries over lives
 *  in the series' own document. */
export async function nextMeeting(services: Services, seriesId: string): Promise<Result<string>> {
  const series = await services.store.get(seriesId);
  if (!series?.secret || series.kind !== 'series') return err('not-found', seriesId);
  const known = await withOpened(services, seriesId, (doc) => ({ meetings: listMeetings(doc), title: seriesTitle(doc) }));
  if (!known) return err('not-found', seriesId);
  const held = await Promise.all(known.meetings.map((m) => services.store.get(m.id)));
  const last = held.filter((row) => row && row.deletedAt === undefined).at(-1);
  if (!last) return err('not-found', seriesId);
  const title = t('series.meetingTitle', { title: known.title || series.title, n: known.meetings.length + 1 }).slice(0, 120);
  const made = await duplicateAsTemplate(services, last.id, title);
  if (!made.ok) return made;
  const link = { id: seriesId, secret: series.secret };
  const row = await services.store.get(made.value);
  const signer = row?.root && row.keys ? { root: row.root, keys: row.keys } : null;
  const [{ addSinceStep }] = await Promise.all([lazy(() => import('../core/series/agenda')), loadLocale('km')]);
  await withOpened(services, made.value, (doc) => {
    setSeriesLink(doc, link, 'series');
    if (signer) addSinceStep(doc, signer, { title: translator('en')('series.since.title'), titleKm: translator('km')('series.since.title') }, 'series');
  });
  await services.store.setSummary(made.value, { series: seriesId });
  await withOpened(services, seriesId, (doc) => addMeeting(doc, { id: made.value, title, startsAt: '' }, 'series'));
  return made;
}
