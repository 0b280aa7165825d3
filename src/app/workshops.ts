import type * as Y from 'yjs';
import { newId } from '../core/ids';
import { getMeta, initWorkshop, updateMeta } from '../core/meta';
import { err, ok, type Result } from '../core/result';
import { copyAsTemplate } from '../core/template';
import { checkText } from '../core/text';
import { planById, type PlanId } from '../core/workshop-plan';
import type { BackupRole, BackupSeries } from '../export/backup';
import type { ImportPreview } from '../export/import-preview';
import { locale, translator } from '../i18n/i18n';
import type { Invite } from '../sync/invite';
import { lazy } from '../core/lazy';
import type { Services } from './services.svelte';

/** The home screen's actions on whole workshops. Each returns the workshop's id or an error
 *  whose code is an i18n key. */
async function withDoc<T>(services: Services, id: string, use: (doc: Y.Doc) => Promise<Result<T>>): Promise<Result<T>> {
  const opened = await services.store.open(id);
  if (!opened) return err('not-found', id);
  try {
    return await use(opened.doc);
  } finally {
    opened.close();
  }
}

export async function createWorkshop(services: Services, rawTitle: string): Promise<Result<string>> {
  const title = checkText(rawTitle, 'title');
  if (!title.ok) return title;
  const id = newId();
  const createdBy = services.profile.participantId;
  await services.store.create({ id, title: title.value, role: 'facilitator' }, (doc) =>
    initWorkshop(doc, { title: title.value, createdBy }, 'create'));
  return ok(id);
}

export async function renameWorkshop(services: Services, id: string, rawTitle: string): Promise<Result<string>> {
  const title = checkText(rawTitle, 'title');
  if (!title.ok) return title;
  return withDoc(services, id, async (doc) => {
    updateMeta(doc, { title: title.value }, 'rename');
    await services.store.setSummary(id, { title: title.value, updatedAt: Date.now() });
    return ok(id);
  });
}

/** Keys for a workshop this device is creating, as its first facilitator. Loaded on use: the
 *  home screen carries no cryptography. */
async function creatorKeys() {
  const { facilitatorId, newFacilitatorKeys } = await lazy(() => import('../core/facilitation/keys'));
  const keys = newFacilitatorKeys();
  return { keys, root: facilitatorId(keys) };
}

export async function duplicateAsTemplate(services: Services, sourceId: string, rawTitle: string): Promise<Result<string>> {
  const title = checkText(rawTitle, 'title');
  if (!title.ok) return title;
  const sourceRoot = (await services.store.get(sourceId))?.root;
  const [{ copyAgenda }, { keys, root }] = await Promise.all([lazy(() => import('../core/facilitation/agenda')), creatorKeys()]);
  return withDoc(services, sourceId, async (source) => {
    const id = newId();
    const createdBy = services.profile.participantId;
    // The copy is a new workshop with this device as its creator: new keys, and the agenda
    // signed again with them (the source's signatures name the source's root).
    await services.store.create({ id, title: title.value, role: 'facilitator', keys, root }, (doc) => {
      const boards = copyAsTemplate(source, doc, { title: title.value, createdBy }, 'template');
      if (boards.ok && sourceRoot) copyAgenda(source, sourceRoot, doc, { root, keys }, boards.value, 'template');
    });
    return ok(id);
  });
}

/** Makes a workshop from a built-in template, in this device's language, with this device as its
 *  facilitator. An empty `rawTitle` takes the template's name. */
export async function createFromTemplate(services: Services, planId: PlanId, rawTitle: string): Promise<Result<string>> {
  const plan = planById(planId);
  if (!plan) return err('not-found', planId);
  const words = translator(locale());
  const title = checkText(rawTitle.trim() || words(plan.name), 'title');
  if (!title.ok) return title;
  const [{ createFromPlan }, { keys, root }] = await Promise.all([lazy(() => import('../core/plan-workshop')), creatorKeys()]);
  const id = newId();
  const fields = { title: title.value, createdBy: services.profile.participantId, locale: locale() };
  await services.store.create({ id, title: title.value, role: 'facilitator', keys, root }, (doc) => {
    const made = createFromPlan(doc, plan, fields, words, { root, keys }, 'template');
    // Built-in words that do not fit are a bug: throwing here stores no half-made workshop.
    if (!made.ok) throw new Error(`template ${plan.id}: ${made.error} ${made.detail ?? ''}`);
  });
  return ok(id);
}

/** Lands a participant in an invited workshop. A device that already holds a copy keeps it:
 *  the sync merges both (nothing is overwritten), and a facilitator stays facilitator. */
/** Checks a name and stakeholder group and keeps them in this device's profile; `detail` says
 *  which field was refused. */
export async function saveNameAndGroup(
  services: Pick<Services, 'updateProfile'>, who: { name: string; group: string },
): Promise<Result<void, 'empty' | 'too-long'>> {
  const name = checkText(who.name, 'displayName');
  if (!name.ok) return { ...name, detail: 'name' };
  const group = checkText(who.group, 'groupName');
  if (!group.ok) return { ...group, detail: 'group' };
  await services.updateProfile({ name: name.value, group: group.value });
  return ok(undefined);
}

export async function joinWorkshop(
  services: Services, invite: Invite, who: { name: string; group: string },
): Promise<Result<string, 'empty' | 'too-long'>> {
  const named = await saveNameAndGroup(services, who);
  if (!named.ok) return named;
  const existing = await services.store.get(invite.workshopId);
  // The first facilitator key a device learns stays: a later link cannot swap it for another.
  const root = invite.root ? { root: existing?.root ?? invite.root } : {};
  if (existing) {
    if (existing.deletedAt !== undefined) await services.store.restore(invite.workshopId);
    if (existing.role === 'participant') await services.store.setSummary(invite.workshopId, { secret: invite.secret, hub: invite.hub, fallbackHubs: invite.fallbackHubs ?? [], ...root });
  } else {
    const title = checkText(invite.title, 'title');
    await services.store.create(
      { id: invite.workshopId, title: title.ok ? title.value : invite.workshopId, role: 'participant', secret: invite.secret, hub: invite.hub, fallbackHubs: invite.fallbackHubs ?? [], ...root },
      () => {},
    );
  }
  if (invite.series && !(await services.store.get(invite.series.id))) {
    const { id, secret } = invite.series;
    await services.store.create({ id, title: '', role: 'participant', kind: 'series', secret, hub: invite.hub }, () => {});
  }
  // As with the root key, the first series a device learns for a workshop stays.
  if (invite.series && !existing?.series) await services.store.setSummary(invite.workshopId, { series: invite.series.id });
  return ok(invite.workshopId);
}

/** A backup file read and checked, not yet imported. */
export interface BackupToImport {
  id: string;
  /** The workshop's title on this device when it is here, else the file's. */
  title: string;
  role?: BackupRole;
  update: Uint8Array;
  /** The series a meeting's backup carries. */
  series?: BackupSeries;
  /** What merging it would do to the workshop on this device; absent when the workshop is new here. */
  preview?: ImportPreview;
}

/** Reads a backup file without importing it. For a workshop already on this device (deleted
 *  within the undo window too, which this brings back) it works out what the merge would add,
 *  change and remove, so the person can see it first. Nothing changes when the file is refused. */
export async function readBackup(services: Services, file: File): Promise<Result<BackupToImport>> {
  // Loaded on use: validation and hashing stay out of the first load.
  const [{ BACKUP_MAX_BYTES, parseBackup }, { previewImport }] = await Promise.all([
    lazy(() => import('../export/backup')), lazy(() => import('../export/import-preview')),
  ]);
  if (file.size > BACKUP_MAX_BYTES) return err('too-large');
  let text: string;
  try {
    text = await file.text();
  } catch {
    return err('read-failed');
  }
  const parsed = parseBackup(text, { maxBytes: BACKUP_MAX_BYTES });
  if (!parsed.ok) return parsed;
  const existing = await services.store.get(parsed.value.id);
  if (!existing) return parsed;
  if (existing.deletedAt !== undefined) await services.store.restore(existing.id);
  return withDoc(services, existing.id, async (doc) =>
    ok({ ...parsed.value, title: getMeta(doc).title, preview: previewImport(doc, parsed.value.update) }));
}

/** Merges the series a backed-up meeting carries into this device's copy of it (made when
 *  absent), so the restored meeting finds its actions, decisions and parked items. */
async function importSeries(services: Services, series: BackupSeries, role: BackupRole): Promise<void> {
  const { mergeBackup } = await lazy(() => import('../export/backup'));
  const { seriesTitle } = await lazy(() => import('../core/series/doc'));
  const existing = await services.store.get(series.id);
  if (existing && existing.kind !== 'series') return;
  if (!existing) {
    await services.store.create({ id: series.id, title: '', role, kind: 'series', secret: series.secret, hub: null }, (doc) => mergeBackup(doc, series.update));
  } else {
    await withDoc(services, series.id, async (doc) => ok(mergeBackup(doc, series.update)));
  }
  await withDoc(services, series.id, async (doc) => ok(await services.store.setSummary(series.id, { title: seriesTitle(doc) })));
}

/** Imports a backup read by `readBackup`. A workshop already on this device is merged with it,
 *  never overwritten; otherwise the file becomes a new workshop. */
export async function importBackup(
  services: Services, backup: BackupToImport,
): Promise<Result<{ id: string; title: string; merged: boolean }>> {
  const { mergeBackup } = await lazy(() => import('../export/backup'));
  const { id, title, role, update } = backup;
  if (backup.series) await importSeries(services, backup.series, role ?? 'participant');
  if (!(await services.store.get(id))) {
    await services.store.create({ id, title, role: role ?? 'participant' }, (doc) => mergeBackup(doc, update));
    return ok({ id, title, merged: false });
  }
  return withDoc(services, id, async (doc) => {
    mergeBackup(doc, update);
    const merged = getMeta(doc).title;
    await services.store.setSummary(id, { title: merged, updatedAt: Date.now() });
    return ok({ id, title: merged, merged: true });
  });
}
