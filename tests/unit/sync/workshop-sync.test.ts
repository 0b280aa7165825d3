import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createBoard } from '../../../src/core/boards';
import { addItem, editItem, listItems } from '../../../src/core/items';
import { initWorkshop } from '../../../src/core/meta';
import { addNote, moveNote } from '../../../src/core/swot';
import { WorkshopSync } from '../../../src/sync/connection';
import type { HubSignaling, Transports } from '../../../src/sync/transports';
import { MemoryHub } from './memory-transports';

const author = { createdBy: 'p1', group: '' };

/** A device: its document, its own writes' origin, and its sync through `hub`. */
function device(hub: MemoryHub) {
  const doc = new Y.Doc();
  const origin = { local: true };
  const sync = new WorkshopSync(doc, {
    workshopId: 'w1', secret: 's', hub: 'http://hub.test', register: false, signaling: [], relay: true, peers: false, iceServers: [],
    own: (o) => o === origin, transports: hub.transports,
  });
  syncs.push(sync);
  return { doc, origin, sync };
}

let syncs: WorkshopSync[] = [];
afterEach(() => {
  syncs.forEach((s) => s.destroy());
  syncs = [];
});

/** Two devices on one hub, holding a workshop with a notes board and a SWOT board. */
async function room() {
  const hub = new MemoryHub();
  const a = device(hub);
  const b = device(hub);
  initWorkshop(a.doc, { title: 'Retreat', createdBy: 'p1' }, a.origin);
  const notes = createBoard(a.doc, { type: 'notes', title: 'Expectations' }, a.origin);
  const swot = createBoard(a.doc, { type: 'swot', title: 'SWOT' }, a.origin);
  if (!notes.ok || !swot.ok) throw new Error('no board');
  await vi.waitFor(() => expect(listItems(b.doc, notes.value)).toEqual([]));
  await vi.waitFor(() => expect(a.sync.status.pending).toBe(0));
  return { hub, a, b, notes: notes.value, swot: swot.value };
}

const added = (r: { ok: boolean; value?: string }) => {
  if (!r.ok || !r.value) throw new Error('not added');
  return r.value;
};

/** B's note has reached A; then the hub holds its acknowledgements and A adds one. */
async function theirsThenMineHeld() {
  const r = await room();
  const theirs = added(addItem(r.b.doc, r.notes, { ...author, text: 'theirs' }, r.b.origin));
  await vi.waitFor(() => expect(listItems(r.a.doc, r.notes)).toHaveLength(1));
  r.hub.hold();
  return { ...r, theirs, mine: added(addItem(r.a.doc, r.notes, { ...author, text: 'mine' }, r.a.origin)) };
}

describe('WorkshopSync', () => {
  it('brings two devices to the same state through the hub', async () => {
    const { a, b, notes } = await room();
    addItem(a.doc, notes, { ...author, text: 'from A' }, a.origin);
    addItem(b.doc, notes, { ...author, text: 'from B' }, b.origin);
    await vi.waitFor(() => expect(listItems(a.doc, notes).map((i) => i.text).sort()).toEqual(['from A', 'from B']));
    expect(listItems(b.doc, notes)).toEqual(listItems(a.doc, notes));
  });

  it('marks exactly the entries this device changed, until the hub acknowledges them', async () => {
    const { hub, a, notes, theirs: other, mine } = await theirsThenMineHeld();
    editItem(a.doc, notes, mine, 'mine, edited', a.origin);
    expect([...a.sync.status.pendingIds]).toEqual([mine]);
    expect(a.sync.status.pending).toBe(2);
    expect(a.sync.status.pendingIds.has(other)).toBe(false);
    hub.release();
    await vi.waitFor(() => expect(a.sync.status.pending).toBe(0));
    expect(a.sync.status.pendingIds.size).toBe(0);
  });

  it('does not count another tab’s changes, applied by y-dexie under its own origin', async () => {
    const { a, notes } = await room();
    const tab = new Y.Doc();
    Y.applyUpdate(tab, Y.encodeStateAsUpdate(a.doc));
    const fromTab = added(addItem(tab, notes, { ...author, text: 'other tab' }, 'tab'));
    const dexieProvider = {};
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(tab, Y.encodeStateVector(a.doc)), dexieProvider);
    expect(listItems(a.doc, notes).map((i) => i.id)).toEqual([fromTab]);
    expect(a.sync.status.pending).toBe(0);
    expect(a.sync.status.pendingIds.size).toBe(0);
  });

  it('does not mark a remote edit stamped by a device whose clock runs ahead', async () => {
    const { hub, a, b, notes, theirs: note, mine } = await theirsThenMineHeld();
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3_600_000 });
    try {
      editItem(b.doc, notes, note, 'theirs, an hour ahead', b.origin);
    } finally {
      vi.useRealTimers();
    }
    expect(listItems(a.doc, notes).find((i) => i.id === note)?.text).toBe('theirs, an hour ahead');
    expect([...a.sync.status.pendingIds]).toEqual([mine]);
    hub.release();
  });

  it('marks a note this device moved', async () => {
    const { hub, a, b, swot } = await room();
    const note = added(addNote(b.doc, swot, { ...author, text: 'a strength', quadrant: 'strengths' }, b.origin));
    await vi.waitFor(() => expect(listItems(a.doc, swot)).toHaveLength(1));
    hub.hold();
    expect(moveNote(a.doc, swot, note, { quadrant: 'weaknesses', toIndex: 0 }, a.origin).ok).toBe(true);
    expect([...a.sync.status.pendingIds]).toEqual([note]);
    hub.release();
    await vi.waitFor(() => expect(a.sync.status.pendingIds.size).toBe(0));
  });
});

describe('a device with peers only (the relay off)', () => {
  it('hears from the hub\'s signaling that it is not invited, and stops saying so once let in', () => {
    let hub: HubSignaling | null = null;
    const transports: Transports = {
      relay: () => { throw new Error('the relay is off'); },
      peers: (room) => {
        hub = room.hub;
        return { on: () => undefined, setHub: () => undefined, destroy: () => undefined };
      },
    };
    const sync = new WorkshopSync(new Y.Doc(), {
      workshopId: 'w1', secret: 's', hub: 'http://hub.test', register: false, signaling: [], relay: false, peers: true, iceServers: [],
      own: () => false, transports,
    });
    syncs.push(sync);
    expect(hub!.url).toBe('ws://hub.test/signal');
    hub!.watch.closed({ code: 1006 });
    expect(sync.status.refused).toBeNull();
    hub!.watch.closed({ code: 4401, reason: 'not-invited' });
    expect(sync.status.refused).toBe('not-invited');
    hub!.watch.opened();
    expect(sync.status.refused).toBeNull();
  });
});
