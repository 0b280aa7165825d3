import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import * as Y from 'yjs';
import { sealedOf } from '../../src/core/facilitation/hidden-notes';
import { listParticipants } from '../../src/core/participants';
import type { PresenceState } from '../../src/sync/presence';
import { useHubAndBrowser } from './harness';
import { listeningDevice, type ListeningDevice } from './room-client';
import { addNote, addSwotNote, inviteLink, waitForNotes, withRoom } from './workshop-steps';

const env = useHubAndBrowser();

const FACILITATOR_CONTROLS = ['Lock board', 'Unlock board', 'Start silent brainstorm', 'Reveal', 'Open dot vote', 'Close the vote'];

/** Whether any facilitator control of a board shows on this page. */
async function seesControls(page: Page): Promise<boolean> {
  if (await page.getByRole('group', { name: 'Facilitator controls' }).count()) return true;
  for (const name of FACILITATOR_CONTROLS) if (await page.getByRole('button', { name }).count()) return true;
  return false;
}

const card = (within: Page | Locator, text: string) => within.getByTestId('note').filter({ hasText: text });
const hiddenCard = (within: Page | Locator, text: string) => within.getByTestId('hidden-note').filter({ hasText: text });

/** Every record (and key) of every object store of the app's IndexedDB database, as the page
 *  holds it; byte arrays as plain arrays of bytes, so nothing is lost on the way to the test. */
async function readIndexedDb(page: Page): Promise<{ store: string; keys: unknown[]; records: unknown[] }[]> {
  return page.evaluate(async () => {
    const ask = <T>(request: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const plain = (value: unknown): unknown => {
      if (value instanceof ArrayBuffer) return { bytes: [...new Uint8Array(value)] };
      if (ArrayBuffer.isView(value)) return { bytes: [...new Uint8Array(value.buffer, value.byteOffset, value.byteLength)] };
      if (Array.isArray(value)) return value.map(plain);
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
      return value;
    };
    const db = await ask(indexedDB.open('common-ground'));
    const stores = [];
    for (const store of [...db.objectStoreNames]) {
      const table = db.transaction(store, 'readonly').objectStore(store);
      const [keys, records] = await Promise.all([ask(table.getAllKeys()), ask(table.getAll())]);
      stores.push({ store, keys: keys.map(plain), records: records.map(plain) });
    }
    db.close();
    return stores;
  });
}

/** Strings and byte arrays anywhere in a value read from the page. */
function leaves(value: unknown, out: { strings: string[]; bytes: Buffer[] } = { strings: [], bytes: [] }) {
  if (typeof value === 'string') out.strings.push(value);
  else if (Array.isArray(value)) value.forEach((v) => leaves(v, out));
  else if (value && typeof value === 'object') {
    const { bytes } = value as { bytes?: unknown };
    if (Array.isArray(bytes)) out.bytes.push(Buffer.from(bytes as number[]));
    else Object.values(value).forEach((v) => leaves(v, out));
  }
  return out;
}

/** Where `needle` occurs: in a string, in bytes decoded as UTF-8, or in the raw bytes as UTF-8 or UTF-16. */
function occurrences(value: unknown, needle: string): string[] {
  const { strings, bytes } = leaves(value);
  const found = strings.filter((s) => s.includes(needle)).map((s) => `string: ${s.slice(0, 80)}`);
  for (const b of bytes) {
    if (new TextDecoder().decode(b).includes(needle)) found.push('bytes decoded as UTF-8');
    if (b.includes(Buffer.from(needle, 'utf8')) || b.includes(Buffer.from(needle, 'utf16le'))) found.push('raw bytes');
  }
  return found;
}

/** The workshop document a device keeps, rebuilt from its stored Yjs updates (y-dexie writes
 *  them in the V2 encoding, each row's `u`). */
function storedDoc(stores: Awaited<ReturnType<typeof readIndexedDb>>): Y.Doc {
  const doc = new Y.Doc();
  const updates = stores.find((s) => s.store === '$workshops.doc_updates')?.records ?? [];
  for (const row of updates as { u?: { bytes: number[] } }[]) if (row.u) Y.applyUpdateV2(doc, Uint8Array.from(row.u.bytes));
  return doc;
}

/** Hidden notes in a document: each entry, and the Yjs client id that wrote it. Yjs keeps the
 *  writer of a map entry on its item (`_map` is the map's internal table). */
function sealedEntries(doc: Y.Doc): { entry: unknown; client: number }[] {
  const map = sealedOf(doc) as unknown as { _map: Map<string, { id: { client: number } }> };
  return [...sealedOf(doc).entries()].map(([key, entry]) => ({ entry: { key, entry }, client: map._map.get(key)!.id.client }));
}

/** Sokha's participant id and the Yjs client id of Sokha's device (its presence is keyed by it). */
function sokhaIn(device: ListeningDevice) {
  const participant = listParticipants(device.doc).find((p) => p.name === 'Sokha')!;
  const client = [...device.sync.awareness.getStates()].find(([, s]) => (s as PresenceState).user?.name === 'Sokha')?.[0];
  return { id: participant.id, client };
}

/** Checks that neither Vanna's stored document nor what her device received holds the hidden
 *  texts, and that no hidden entry names Sokha or comes from Sokha's device. */
async function expectNothingLeaks(vanna: Page, device: ListeningDevice, texts: string[], notes: number) {
  const sokha = sokhaIn(device);
  expect(sokha.client).toBeTypeOf('number');
  expect(device.presence.flat().some((state) => state.user?.name === 'Sokha'), 'presence recorded').toBe(true);
  const stores = await readIndexedDb(vanna);
  expect(stores.map((s) => s.store)).toContain('$workshops.doc_updates');
  const stored = storedDoc(stores);
  // The boxes are there (Vanna's device holds them, sealed), so the search below means something.
  await expect.poll(async () => sealedEntries(storedDoc(await readIndexedDb(vanna))).length).toBe(notes);
  expect(sealedEntries(device.doc)).toHaveLength(notes);
  for (const text of texts) {
    expect(occurrences(stores, text), `"${text}" in Vanna's IndexedDB`).toEqual([]);
    expect(occurrences(device.presence, text), `"${text}" in the presence Vanna's device received`).toEqual([]);
    expect(occurrences(device.updates.map((u) => ({ bytes: [...u] })), text), `"${text}" in updates received`).toEqual([]);
    expect(occurrences({ bytes: [...Y.encodeStateAsUpdate(device.doc)] }, text)).toEqual([]);
    expect(occurrences({ bytes: [...Y.encodeStateAsUpdate(stored)] }, text)).toEqual([]);
  }
  for (const doc of [stored, device.doc]) {
    for (const { entry, client } of sealedEntries(doc)) {
      expect(occurrences(entry, 'Sokha')).toEqual([]);
      expect(occurrences(entry, sokha.id)).toEqual([]);
      expect(occurrences(entry, 'Government')).toEqual([]);
      expect(client).not.toBe(sokha.client);
    }
  }
}

describe('board controls: a facilitator and two participants on phones', () => {
  it('a locked board is read-only for participants, with a notice; the facilitator keeps editing; unlocking restores', () =>
    withRoom(env.browser, env.hub.url, { workshop: 'TWG lock', board: 'Priorities', kind: 'Notes' }, async ({ facilitator: dara, sokha, vanna, errors }) => {
      await addNote(sokha, 'Joint monitoring visits');
      await waitForNotes(vanna, ['Joint monitoring visits']);
      for (const phone of [sokha, vanna]) expect(await seesControls(phone)).toBe(false);

      await dara.getByRole('button', { name: 'Lock board' }).click();
      await dara.getByTestId('locked-notice').getByText('participants can read this board but not change it').waitFor();
      for (const phone of [sokha, vanna]) {
        await phone.getByTestId('locked-notice').getByText('Locked by the facilitator').waitFor();
        await phone.getByLabel('Your note').waitFor({ state: 'detached' });
        expect(await card(phone, 'Joint monitoring visits').getByRole('button', { name: 'Edit' }).count()).toBe(0);
        expect(await seesControls(phone)).toBe(false);
      }
      // The facilitator still writes, and everyone sees it.
      await addNote(dara, 'Agree indicators first');
      await waitForNotes(sokha, ['Agree indicators first', 'Joint monitoring visits']);
      expect(await card(dara, 'Joint monitoring visits').getByRole('button', { name: 'Edit' }).count()).toBe(1);

      await dara.getByRole('button', { name: 'Unlock board' }).click();
      await sokha.getByTestId('locked-notice').waitFor({ state: 'detached' });
      await addNote(sokha, 'Share travel costs');
      await waitForNotes(vanna, ['Agree indicators first', 'Joint monitoring visits', 'Share travel costs']);
      // Unlocked, its author edits the note again; another participant does not (own words).
      expect(await card(sokha, 'Joint monitoring visits').getByRole('button', { name: 'Edit' }).count()).toBe(1);
      expect(await card(vanna, 'Joint monitoring visits').getByRole('button', { name: 'Edit' }).count()).toBe(0);
      expect(errors.flat()).toEqual([]);
    }));

  it('silent brainstorm: nobody else\'s document or presence holds a hidden note; the facilitator reveals it after its author left', () =>
    withRoom(env.browser, env.hub.url, { workshop: 'TWG silent', board: 'Ideas', kind: 'Notes' }, async (room) => {
      const { facilitator: dara, sokha, vanna, errors } = room;
      const device = await listeningDevice(await inviteLink(dara), env.hub.url);
      try {
        await dara.getByRole('button', { name: 'Start silent brainstorm' }).click();
        for (const page of [dara, sokha, vanna]) await page.getByTestId('silent-notice').waitFor();

        const texts = ['Pool the district budgets', 'Rotate the chair each quarter'];
        for (const text of texts) {
          await addNote(sokha, text);
          await hiddenCard(sokha, text).getByText('You').waitFor();
        }
        // An author takes a hidden note back before the reveal.
        await addNote(sokha, 'Scrap this idea');
        await hiddenCard(sokha, 'Scrap this idea').getByRole('button', { name: 'Delete' }).click();
        await hiddenCard(sokha, 'Scrap this idea').waitFor({ state: 'detached' });

        await vanna.getByTestId('hidden-count').getByText('2 notes hidden so far.').waitFor();
        expect(await vanna.getByTestId('hidden-note').count()).toBe(0);
        for (const text of [...texts, 'Scrap this idea']) expect(await vanna.content()).not.toContain(text);
        // The facilitator reads every hidden note, with its author.
        for (const text of texts) await hiddenCard(dara, text).getByText('Sokha · Government').waitFor();
        await expect.poll(() => dara.getByTestId('hidden-note').count()).toBe(2);

        await expectNothingLeaks(vanna, device, [...texts, 'Scrap this idea'], 2);
        // The hub confirms the hidden notes, written as one-off clients, like any other change.
        await sokha.getByText(/not yet shared/).waitFor({ state: 'hidden' });

        // The author leaves; the facilitator's device alone opens and publishes the notes.
        await room.contexts[1]!.close();
        await dara.getByRole('button', { name: 'Reveal 2 notes' }).click();
        await dara.getByText('Revealed 2 notes.').waitFor();
        await waitForNotes(vanna, texts);
        for (const text of texts) await card(vanna, text).getByText('Sokha · Government').waitFor();
        // Now the text is in Vanna's document: the search that found nothing before finds it.
        await expect.poll(async () => occurrences(await readIndexedDb(vanna), texts[0]!).length).toBeGreaterThan(0);
        expect(occurrences(device.updates.map((u) => ({ bytes: [...u] })), texts[0]!)).not.toEqual([]);
        await vanna.getByTestId('silent-notice').waitFor({ state: 'detached' });
        expect(await vanna.getByTestId('hidden-note').count()).toBe(0);
        expect(await seesControls(vanna)).toBe(false);
        expect([errors[0], errors[2]].flat()).toEqual([]);
      } finally {
        device.destroy();
      }
    }));

  it('silent brainstorm on a SWOT grid: hidden notes wait in their quadrant and appear there at the reveal', () =>
    withRoom(env.browser, env.hub.url, { workshop: 'TWG silent SWOT', board: 'Health SWOT', kind: 'SWOT grid' }, async (room) => {
      const { facilitator: dara, sokha, vanna, errors } = room;
      const device = await listeningDevice(await inviteLink(dara), env.hub.url);
      try {
        await dara.getByRole('button', { name: 'Start silent brainstorm' }).click();
        await sokha.getByTestId('silent-notice').waitFor();
        const text = 'Village health volunteers in every commune';
        await addSwotNote(sokha, 'Strengths', text);
        await hiddenCard(sokha.getByTestId('quadrant-strengths'), text).waitFor();

        await vanna.getByTestId('hidden-count').getByText('1 note hidden so far.').waitFor();
        expect(await vanna.content()).not.toContain(text);
        await hiddenCard(dara.getByTestId('quadrant-strengths'), text).getByText('Sokha · Government').waitFor();
        await expectNothingLeaks(vanna, device, [text], 1);

        await dara.getByRole('button', { name: 'Reveal 1 note' }).click();
        const revealed = card(vanna.getByTestId('quadrant-strengths'), text);
        await revealed.getByText('Sokha · Government').waitFor();
        expect(await vanna.getByTestId('hidden-note').count()).toBe(0);
        expect(await seesControls(sokha)).toBe(false);
        expect(errors.flat()).toEqual([]);
      } finally {
        device.destroy();
      }
    }));

  it('dot voting: N dots each, a third is refused, live results for the facilitator, results by group for everyone after closing', () =>
    withRoom(env.browser, env.hub.url, { workshop: 'TWG vote', board: 'Next year', kind: 'Notes' }, async ({ facilitator: dara, sokha, vanna, errors }) => {
      const [shared, budget, voice] = ['Shared data dashboard', 'Bigger district budgets', 'Community voice in planning'];
      for (const text of [shared, budget, voice]) await addNote(dara, text);
      await waitForNotes(vanna, [budget, voice, shared]);
      await waitForNotes(sokha, [budget, voice, shared]);

      await dara.getByLabel('Dots each').fill('2');
      await dara.getByRole('button', { name: 'Open dot vote' }).click();
      for (const phone of [sokha, vanna]) {
        await phone.getByTestId('dots-left').getByText('2 of 2 dots left').waitFor();
        expect(await seesControls(phone)).toBe(false);
      }

      const place = (page: Page, text: string) => card(page, text).getByRole('button', { name: 'Place a dot' });
      // Government favours the shared dashboard and budgets; civil society the dashboard and a voice.
      await place(sokha, shared).click();
      await place(sokha, budget).click();
      await place(vanna, shared).click();
      await place(vanna, voice).click();
      await vanna.getByTestId('dots-left').getByText('No dots left').waitFor();
      for (const text of [shared, budget, voice]) expect(await place(vanna, text).isDisabled()).toBe(true);
      // Taking one back frees it again.
      await card(vanna, voice).getByRole('button', { name: 'Take a dot back' }).click();
      await vanna.getByTestId('dots-left').getByText('1 of 2 dots left').waitFor();
      await place(vanna, voice).click();
      await expect.poll(() => card(vanna, voice).getByTestId('my-dots').getAttribute('aria-label')).toBe('Your dots here: 1');

      // Live results for the facilitator only.
      const results = (page: Page) => page.getByTestId('vote-results');
      const row = (page: Page, text: string) => results(page).getByTestId('vote-result').filter({ hasText: text });
      await results(dara).getByText('Live results').waitFor();
      await expect.poll(() => row(dara, shared).textContent()).toContain('2 dots');
      expect(await row(dara, shared).textContent()).toContain('Government: 1 dot');
      expect(await row(dara, shared).textContent()).toContain('Civil society: 1 dot');
      expect(await row(dara, budget).textContent()).toContain('Government: 1 dot');
      expect(await row(dara, budget).textContent()).toContain('Civil society: 0 dots');
      for (const phone of [sokha, vanna]) expect(await results(phone).count()).toBe(0);

      await dara.getByRole('button', { name: 'Close the vote' }).click();
      for (const phone of [sokha, vanna]) {
        await results(phone).getByRole('heading', { name: 'Dot vote results' }).waitFor();
        await phone.getByTestId('dot-vote').waitFor({ state: 'detached' });
        expect(await row(phone, shared).getAttribute('data-differs')).toBe('false');
        expect(await row(phone, budget).getAttribute('data-differs')).toBe('true');
        expect(await row(phone, voice).getAttribute('data-differs')).toBe('true');
        expect(await row(phone, voice).textContent()).toContain('Civil society: 1 dot');
        expect(await card(phone, budget).getByTestId('differs').count()).toBe(1);
        expect(await card(phone, shared).getByTestId('differs').count()).toBe(0);
        expect(await card(phone, shared).getByTestId('dot-total').textContent()).toBe('2 dots');
        expect(await phone.getByRole('button', { name: 'Place a dot' }).count()).toBe(0);
        expect(await seesControls(phone)).toBe(false);
      }
      expect(errors.flat()).toEqual([]);
    }));
});
