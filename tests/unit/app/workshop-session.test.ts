import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import * as Y from 'yjs';
import { GroundRulesActions } from '../../../src/app/ground-rules-actions';
import { StakeholderActions } from '../../../src/app/stakeholder-actions';
import { SwotActions } from '../../../src/app/swot-actions';
import { WorkshopSession, type SessionServices } from '../../../src/app/workshop-session.svelte';
import { createBoard } from '../../../src/core/boards';
import { setBoardLocked } from '../../../src/core/facilitation/board-modes';
import { controlsOf } from '../../../src/core/facilitation/controls';
import { facilitatorId, newFacilitatorKeys } from '../../../src/core/facilitation/keys';
import { rolesOf } from '../../../src/core/facilitation/roster';
import { listGroups } from '../../../src/core/groups';
import { editItem, listItems } from '../../../src/core/items';
import { initWorkshop } from '../../../src/core/meta';
import { listParticipants } from '../../../src/core/participants';
import { openDb, type CommonGroundDb } from '../../../src/storage/db';
import { dexieDeletedStore } from '../../../src/storage/deleted-store';
import { dexieWorkshopStore } from '../../../src/storage/workshop-store';
import { MemoryHub } from '../sync/memory-transports';

const HUB = 'http://hub.test';
const WORKSHOP = 'w1';

let dbs: CommonGroundDb[] = [];
let sessions: WorkshopSession[] = [];
afterEach(async () => {
  sessions.forEach((s) => s.close());
  sessions = [];
  for (const db of dbs) {
    db.close();
    await Dexie.delete(db.name);
  }
  dbs = [];
});

/** A device with its own IndexedDB, holding workshop `w1`: the facilitator's made it, a
 *  participant's starts empty as after opening an invite. */
async function device(hub: MemoryHub, who: { id: string; name: string; group: string }, role: 'facilitator' | 'participant') {
  const db = await openDb(`session-${who.id}-${Math.random()}`);
  dbs.push(db);
  const store = dexieWorkshopStore(db);
  await store.create({ id: WORKSHOP, title: 'Retreat', role, secret: 'secret', hub: HUB }, (doc) => {
    if (role !== 'facilitator') return;
    initWorkshop(doc, { title: 'Retreat', createdBy: who.id }, 'setup');
    for (const type of ['notes', 'swot', 'stakeholders', 'ground-rules'] as const) createBoard(doc, { type, title: type }, 'setup');
  });
  const services: SessionServices = {
    profile: { participantId: who.id, name: who.name, group: who.group, color: '#1d4e5f' },
    store,
    hubKnown: Promise.resolve({ origin: HUB, lan: [], ca: false }),
    transports: { relay: true, peers: false },
    deletedEntries: dexieDeletedStore(db),
  };
  const session = await WorkshopSession.open(services, WORKSHOP, hub.transports);
  if (!session) throw new Error('not opened');
  sessions.push(session);
  return { session, services };
}

/** The facilitator's and a participant's sessions on one hub, in step. */
async function room() {
  const hub = new MemoryHub();
  const { session: dara } = await device(hub, { id: 'dara', name: 'Dara', group: 'Ministry' }, 'facilitator');
  const { session: sokha, services: sokhaServices } = await device(hub, { id: 'sokha', name: 'Sokha', group: 'NGO' }, 'participant');
  await vi.waitFor(() => expect(sokha.boards.current).toHaveLength(4));
  await vi.waitFor(() => expect(dara.syncStatus.pending + sokha.syncStatus.pending).toBe(0));
  const board = (type: string) => dara.boards.current.find((b) => b.type === type)!.id;
  return { hub, dara, sokha, sokhaServices, board };
}

/** Each update `doc` emits from now on. */
function recordUpdates(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return updates;
}

/** Sokha's note has reached Dara; then the hub holds its acknowledgements and Dara adds one. */
async function theirsThenMineHeld() {
  const r = await room();
  const notes = r.board('notes');
  expect(r.sokha.addNote(notes, 'Theirs')).toBeNull();
  await vi.waitFor(() => expect(listItems(r.dara.doc, notes)).toHaveLength(1));
  r.hub.hold();
  expect(r.dara.addNote(notes, 'Mine')).toBeNull();
  return { ...r, theirs: idOf(r.dara, notes, 'Theirs'), mine: idOf(r.dara, notes, 'Mine') };
}

/** Closes a session before the test ends, as a device closing the workshop would. */
function closeSession(session: WorkshopSession): void {
  session.close();
  sessions = sessions.filter((s) => s !== session);
}

async function reopen(services: SessionServices, hub: MemoryHub): Promise<WorkshopSession> {
  const session = await WorkshopSession.open(services, WORKSHOP, hub.transports);
  if (!session) throw new Error('not reopened');
  sessions.push(session);
  return session;
}

const idOf = (session: WorkshopSession, boardId: string, text: string) =>
  listItems(session.doc, boardId).find((i) => i.text === text)!.id;

// Each test opens two IndexedDB databases and makes facilitator keys: slow on a busy machine.
describe('WorkshopSession', { timeout: 30_000 }, () => {
  it('brings two devices to the same notes', async () => {
    const { dara, sokha, board } = await room();
    expect(dara.addNote(board('notes'), 'More time for questions')).toBeNull();
    expect(sokha.addNote(board('notes'), 'Khmer interpretation')).toBeNull();
    const texts = (s: WorkshopSession) => listItems(s.doc, board('notes')).map((i) => i.text).sort();
    await vi.waitFor(() => expect(texts(sokha)).toEqual(['Khmer interpretation', 'More time for questions']));
    await vi.waitFor(() => expect(texts(dara)).toEqual(texts(sokha)));
  });

  it('writes a change with its author and their group in one transaction', async () => {
    const { sokha, sokhaServices, board } = await room();
    // Joined another group since opening the workshop: the next write registers it.
    sokhaServices.profile = { ...sokhaServices.profile, group: 'Provincial NGO' };
    const updates = recordUpdates(sokha.doc);
    expect(sokha.addNote(board('notes'), 'First note')).toBeNull();
    const group = listGroups(sokha.doc).find((g) => g.name === 'Provincial NGO')?.id;
    expect(group).toBeDefined();
    expect(listItems(sokha.doc, board('notes'))[0]).toMatchObject({ text: 'First note', createdBy: 'sokha', group });
    expect(listParticipants(sokha.doc).find((p) => p.id === 'sokha')?.group).toBe(group);
    // The group, the participant's new group and the note reach other devices as one update.
    expect(updates).toHaveLength(1);
    sokhaServices.profile = { ...sokhaServices.profile, group: 'Provincial health' };
    expect(new StakeholderActions(sokha, board('stakeholders')).add({ name: 'Health department' })).toBeNull();
    expect(new GroundRulesActions(sokha, board('ground-rules')).propose('Phones on silent')).toBeNull();
    expect(updates).toHaveLength(3);
    expect(listParticipants(sokha.doc).find((p) => p.id === 'sokha')?.group)
      .toBe(listGroups(sokha.doc).find((g) => g.name === 'Provincial health')?.id);
  });

  it('marks as not yet shared exactly what this device changed, until the hub has it', async () => {
    const { hub, dara, sokha, board, theirs, mine } = await theirsThenMineHeld();
    const stakeholder = new StakeholderActions(dara, board('stakeholders'));
    expect(stakeholder.add({ name: 'Donor' })).toBeNull();
    expect(new GroundRulesActions(dara, board('ground-rules')).propose('Start on time')).toBeNull();
    await vi.waitFor(() => expect(listItems(sokha.doc, board('notes'))).toHaveLength(2));
    expect(dara.isPending(mine)).toBe(true);
    expect(dara.isPending(theirs)).toBe(false);
    expect(sokha.isPending(mine)).toBe(false);
    expect(dara.syncStatus.pendingIds.size).toBe(3); // the note, the stakeholder, the proposal
    hub.release();
    await vi.waitFor(() => expect(dara.isPending(mine)).toBe(false));
    expect(dara.syncStatus.pendingIds.size).toBe(0);
  });

  it('does not mark an edit from a device whose clock runs an hour ahead', async () => {
    const { hub, dara, sokha, board, theirs, mine } = await theirsThenMineHeld();
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3_600_000 });
    try {
      expect(editItem(sokha.doc, board('notes'), theirs, 'Theirs, edited', sokha.origin).ok).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    await vi.waitFor(() => expect(listItems(dara.doc, board('notes')).map((i) => i.text)).toContain('Theirs, edited'));
    expect(dara.isPending(theirs)).toBe(false);
    expect(dara.isPending(mine)).toBe(true);
    hub.release();
  });

  it('keeps a co-facilitator removed on a device that saw the removal, though it was deleted from its stored copy while the workshop was closed', async () => {
    const { hub, dara, sokha, sokhaServices, board } = await room();
    const root = dara.facilitation.root!;
    // Sokha joined from an invite link, which carries the root.
    await sokhaServices.store.setSummary(WORKSHOP, { root });
    closeSession(sokha);
    const seeing = await reopen(sokhaServices, hub);
    const co = { root, keys: newFacilitatorKeys() };
    const coId = facilitatorId(co.keys);
    expect(dara.facilitation.grant(coId, { participantId: 'bo', name: 'Bo' })).toBeNull();
    expect(dara.facilitation.removeFacilitator(coId)).toBeNull();
    await vi.waitFor(async () => {
      const kept = (await sokhaServices.store.get(WORKSHOP))?.witnessed?.roles ?? [];
      expect(kept.some(([, r]) => r.kind === 'remove' && r.target === coId)).toBe(true);
    });
    closeSession(seeing);
    closeSession(dara);

    // A modified client deletes the removal and, a facilitator again in its copy, locks a board.
    const insider = new Y.Doc();
    Y.applyUpdate(insider, Y.encodeStateAsUpdate(hub.doc));
    const before = Y.encodeStateVector(insider);
    for (const [key, r] of rolesOf(insider)) if ((r as { kind: string }).kind === 'remove') rolesOf(insider).delete(key);
    expect(setBoardLocked(insider, co, board('notes'), true, 'insider').ok).toBe(true);
    const update = Y.encodeStateAsUpdate(insider, before);
    Y.applyUpdate(hub.doc, update);
    // It reaches Sokha's stored copy too (through another app, or a backup file merged in), so
    // the witness starts from a document that no longer holds the removal.
    const stored = (await sokhaServices.store.open(WORKSHOP))!;
    Y.applyUpdate(stored.doc, update, 'remote');
    stored.close();
    const check = (await sokhaServices.store.open(WORKSHOP))!;
    expect([...rolesOf(check.doc).values()].some((r) => (r as { kind: string }).kind === 'remove')).toBe(false);
    check.close();

    const reopened = await reopen(sokhaServices, hub);
    const coLock = () => [...controlsOf(reopened.doc).values()].some((r) => (r as { signer: string }).signer === co.keys.signing.public);
    await vi.waitFor(() => expect(coLock()).toBe(true));
    expect(reopened.facilitation.state.current.facilitators.map((f) => f.id)).toEqual([root]);
    expect(reopened.facilitation.boardView(board('notes'), 'sokha').current.modes.locked).toBe(false);
    await vi.waitFor(() => expect([...rolesOf(hub.doc).values()].some((r) => (r as { kind: string }).kind === 'remove')).toBe(true));
  });

  it('marks a note this device moved to another quadrant', async () => {
    const { hub, dara, sokha, board } = await room();
    expect(sokha.addNote(board('swot'), 'Good partners', 'strengths')).toBeNull();
    await vi.waitFor(() => expect(listItems(dara.doc, board('swot'))).toHaveLength(1));
    const note = idOf(dara, board('swot'), 'Good partners');
    hub.hold();
    expect(new SwotActions(dara, board('swot')).toQuadrant(note, 'opportunities')).toBeNull();
    expect(dara.isPending(note)).toBe(true);
    hub.release();
    await vi.waitFor(() => expect(dara.isPending(note)).toBe(false));
  });
});
