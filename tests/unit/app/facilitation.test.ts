import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { ensureKeys, Facilitation } from '../../../src/app/facilitation.svelte';
import { createBoard } from '../../../src/core/boards';
import type { WorkshopStore, WorkshopSummary } from '../../../src/storage/workshop-store';

/** The part of the store `ensureKeys` uses, recording what it writes. */
function fakeStore() {
  const writes: Record<string, unknown>[] = [];
  const store = { setSummary: async (_id: string, changes: Record<string, unknown>) => { writes.push(changes); } };
  return { store: store as unknown as WorkshopStore, writes };
}

const row = (fields: Partial<WorkshopSummary>): WorkshopSummary =>
  ({ id: 'w1', title: 'TWG', updatedAt: 0, role: 'participant', ...fields });

const open = (doc: Y.Doc, root: string | null, keys: Awaited<ReturnType<typeof ensureKeys>>['keys']) =>
  new Facilitation(doc, root, keys, new Awareness(doc), 'test');

describe('facilitation in the app', () => {
  it('makes the creator\'s device the root facilitator once, and keeps its keys on the row', async () => {
    const { store, writes } = fakeStore();
    const first = await ensureKeys(store, row({ role: 'facilitator' }));
    expect(first.root).toMatch(/^[\w-]{43}\.[\w-]{43}$/);
    expect(writes).toEqual([{ keys: first.keys, root: first.root }]);
    const again = await ensureKeys(store, row({ role: 'facilitator', keys: first.keys, root: first.root! }));
    expect(again).toEqual(first);
    expect(writes).toHaveLength(1);
  });

  it('gives a participant keys of their own but trusts only the root from the invite', async () => {
    const { store } = fakeStore();
    const creator = await ensureKeys(store, row({ role: 'facilitator' }));
    const invited = await ensureKeys(store, row({ root: creator.root! }));
    expect(invited.root).toBe(creator.root);
    expect(invited.keys.signing.public).not.toBe(creator.keys.signing.public);
    expect((await ensureKeys(store, row({}))).root).toBeNull();
  });

  it('names the creator in the roster, offers controls only to a facilitator\'s key, and lets a granted device sign', async () => {
    const { store } = fakeStore();
    const creator = await ensureKeys(store, row({ role: 'facilitator' }));
    const invited = await ensureKeys(store, row({ root: creator.root! }));
    const doc = new Y.Doc();
    const boardId = createBoard(doc, { type: 'notes', title: 'Expectations' }, 'test');
    if (!boardId.ok) throw new Error(boardId.error);
    const dara = open(doc, creator.root, creator.keys);
    const sokha = open(doc, invited.root, invited.keys);
    dara.nameMyself({ participantId: 'p-dara', name: 'Dara' });
    expect(dara.state.current.facilitators.map((f) => f.name)).toEqual(['Dara']);
    expect(dara.state.current.amFacilitator).toBe(true);
    expect(sokha.state.current.amFacilitator).toBe(false);
    expect(sokha.setLocked(boardId.value, true)).toBe('Only a facilitator can do this.');

    expect(dara.grant(sokha.myId, { participantId: 'p-sokha', name: 'Sokha' })).toBeNull();
    expect(sokha.state.current.amFacilitator).toBe(true);
    expect(sokha.setLocked(boardId.value, true)).toBeNull();
    expect(dara.isSilent(boardId.value)).toBe(false);
    expect(dara.startSilent(boardId.value)).toBeNull();
    expect(sokha.isSilent(boardId.value)).toBe(true);
    dara.destroy();
    sokha.destroy();
  });

  it('shows nothing of facilitation on a device whose invite named no facilitator', async () => {
    const { store } = fakeStore();
    const old = await ensureKeys(store, row({}));
    const doc = new Y.Doc();
    const device = open(doc, old.root, old.keys);
    expect(device.state.current).toEqual({ facilitators: [], amFacilitator: false, steps: [], current: undefined, timer: undefined, follow: undefined, breakouts: [] });
    expect(device.clock).toBeNull();
    expect(device.addHiddenNote('b', { text: 'x', createdBy: 'p', group: '' })).toMatch(/older version/);
    device.destroy();
  });
});
