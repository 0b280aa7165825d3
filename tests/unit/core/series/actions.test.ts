import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ACTION_STATUSES, addAction, byOwner, filterActions, listActions, updateAction, type ActionChanges, type Owner,
} from '../../../../src/core/series/actions';
import { createActionsUndo } from '../../../../src/core/series/doc';
import { exchange, send, syncAll, unwrap } from '../helpers';

const ctx = (meeting: string, by = 'p1') => ({ meeting, by });
const group = (label: string): Owner => ({ kind: 'group', key: label, label });

describe('actions', () => {
  it('are made with an owner, a due date and status open, and keep their source', () => {
    const doc = new Y.Doc();
    const id = unwrap(addAction(doc, {
      text: '  Draft the terms of reference ', owner: group('Government'), due: '2027-01-15',
      source: { meeting: 'm1', board: 'b1', item: 'n1', kind: 'note', label: 'Terms' },
    }, ctx('m1'), 'me'));
    const [a] = listActions(doc);
    expect(a).toMatchObject({
      id, text: 'Draft the terms of reference', owner: { kind: 'group', key: 'government', label: 'Government' },
      due: '2027-01-15', status: 'open', meeting: 'm1', createdBy: 'p1', source: { item: 'n1', kind: 'note' },
    });
    expect(a!.history.map((h) => [h.status, h.meeting])).toEqual([['open', 'm1']]);
  });

  it('refuse bad input and write nothing', () => {
    const doc = new Y.Doc();
    expect(addAction(doc, { text: ' ' }, ctx('m'), 'me')).toMatchObject({ ok: false, error: 'empty' });
    expect(addAction(doc, { text: 'x', due: '2027-02-30' }, ctx('m'), 'me')).toMatchObject({ ok: false, error: 'bad-date' });
    expect(addAction(doc, { text: 'x', owner: { kind: 'king' as 'group', key: 'k', label: 'K' } }, ctx('m'), 'me')).toMatchObject({ ok: false, error: 'bad-owner' });
    const id = unwrap(addAction(doc, { text: 'x' }, ctx('m'), 'me'));
    expect(updateAction(doc, id, { status: 'finished' as 'done', text: 'changed' }, ctx('m'), 'me')).toMatchObject({ ok: false, error: 'bad-status' });
    expect(listActions(doc)[0]!.text).toBe('x');
    expect(updateAction(doc, 'gone', { status: 'done' }, ctx('m'), 'me')).toMatchObject({ ok: false, error: 'no-action' });
  });

  it('two devices updating different fields of one action at once both keep theirs', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = unwrap(addAction(a, { text: 'Share the budget', owner: group('Donors') }, ctx('m1'), 'a'));
    exchange(a, b);
    unwrap(updateAction(a, id, { status: 'in-progress' }, ctx('m2', 'owner'), 'a'));
    unwrap(updateAction(b, id, { due: '2027-03-01', owner: group('Government') }, ctx('m2', 'other'), 'b'));
    exchange(a, b);
    for (const doc of [a, b]) {
      expect(listActions(doc)[0]).toMatchObject({ status: 'in-progress', due: '2027-03-01', owner: { label: 'Government' } });
    }
    expect(listActions(a)).toEqual(listActions(b));
  });

  it('can have their text and owner changed by anyone afterwards; two devices editing text and owner at once keep both', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = unwrap(addAction(a, { text: 'Share the budget', owner: group('Donors') }, ctx('m1'), 'a'));
    exchange(a, b);
    unwrap(updateAction(a, id, { text: '  Share the 2027 budget ' }, ctx('m2', 'pa'), 'a'));
    unwrap(updateAction(b, id, { owner: { kind: 'person', key: 'p9', label: 'Sok' } }, ctx('m2', 'pb'), 'b'));
    exchange(a, b);
    for (const doc of [a, b]) {
      expect(listActions(doc)[0]).toMatchObject({ text: 'Share the 2027 budget', owner: { kind: 'person', key: 'p9', label: 'Sok' }, status: 'open' });
    }
    // An edit of words or owner is no status change: the history keeps only statuses.
    expect(listActions(a)[0]!.history.map((h) => h.status)).toEqual(['open']);
    expect(updateAction(a, id, { text: ' ' }, ctx('m2'), 'a')).toMatchObject({ ok: false, error: 'empty' });
  });

  it('undo takes back only this device’s own edits, after another device’s edits have merged in', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const mine = { me: true };
    const id = unwrap(addAction(a, { text: 'Draft the terms', owner: group('Donors') }, ctx('m1'), 'setup'));
    exchange(a, b);
    const undo = createActionsUndo(a, mine, 0);
    unwrap(updateAction(a, id, { text: 'Draft the terms of reference' }, ctx('m2'), mine));
    unwrap(updateAction(b, id, { owner: group('Government'), status: 'in-progress' }, ctx('m2', 'pb'), 'b'));
    exchange(a, b);
    unwrap(updateAction(a, id, { owner: group('Academia') }, ctx('m2'), mine));
    undo.undo();
    expect(listActions(a)[0]).toMatchObject({ text: 'Draft the terms of reference', owner: { label: 'Government' }, status: 'in-progress' });
    undo.undo();
    exchange(a, b);
    for (const doc of [a, b]) expect(listActions(doc)[0]).toMatchObject({ text: 'Draft the terms', owner: { label: 'Government' }, status: 'in-progress' });
    undo.redo();
    expect(listActions(a)[0]!.text).toBe('Draft the terms of reference');
    undo.destroy();
  });

  it('keep every status change in their history, concurrent ones too', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = unwrap(addAction(a, { text: 'Report back' }, ctx('m1'), 'a'));
    exchange(a, b);
    unwrap(updateAction(a, id, { status: 'done' }, ctx('m2', 'pa'), 'a'));
    unwrap(updateAction(b, id, { status: 'dropped' }, ctx('m2', 'pb'), 'b'));
    exchange(a, b);
    const [action] = listActions(a);
    expect(action!.history.map((h) => h.status).sort()).toEqual(['done', 'dropped', 'open']);
    expect(['done', 'dropped']).toContain(action!.status);
    expect(listActions(b)).toEqual(listActions(a));
  });

  it('filter by my actions and my group (by name, any case), and group by owner', () => {
    const doc = new Y.Doc();
    unwrap(addAction(doc, { text: 'mine', owner: { kind: 'person', key: 'p7', label: 'Dara' } }, ctx('m'), 'me'));
    unwrap(addAction(doc, { text: 'ours', owner: group('Development Partners') }, ctx('m'), 'me'));
    unwrap(addAction(doc, { text: 'nobody' }, ctx('m'), 'me'));
    const all = listActions(doc);
    expect(filterActions(all, { kind: 'mine', participantId: 'p7' }).map((a) => a.text)).toEqual(['mine']);
    expect(filterActions(all, { kind: 'group', group: 'development partners' }).map((a) => a.text)).toEqual(['ours']);
    expect(byOwner(all).map((g) => g.owner?.label ?? null)).toEqual(['Dara', 'Development Partners', null]);
  });
});

/* Three devices share actions, then make random updates of random fields and random one-way
 * syncs. After a full exchange: no action is lost, every device lists the same actions, each
 * field holds a value some device wrote to that very field, and every status change made is in
 * the history. */
describe('actions under random concurrent updates (property)', () => {
  const change = fc.oneof(
    fc.record({ status: fc.constantFrom(...ACTION_STATUSES) }),
    fc.record({ due: fc.constantFrom('', '2027-01-01', '2027-06-30') }),
    fc.record({ text: fc.constantFrom('one', 'two', 'ស្វែងរក') }),
    fc.record({ owner: fc.constantFrom<Owner | null>(null, group('Government'), { kind: 'person', key: 'p2', label: 'Sok' }) }),
  ) as fc.Arbitrary<ActionChanges>;
  const step = fc.oneof(
    fc.record({ kind: fc.constant('add' as const), device: fc.nat(2) }),
    fc.record({ kind: fc.constant('update' as const), device: fc.nat(2), action: fc.nat(), change }),
    fc.record({ kind: fc.constant('send' as const), from: fc.nat(2), to: fc.nat(2) }),
  );

  it('converges without losing an action or a field', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
      const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
      const made: string[] = [];
      const written = new Map<string, Set<string>>();
      let statusChanges = 0;
      const note = (id: string, field: string, value: unknown) => {
        const key = `${id}.${field}`;
        written.set(key, (written.get(key) ?? new Set()).add(JSON.stringify(value)));
      };
      for (const s of steps) {
        if (s.kind === 'add') {
          const id = unwrap(addAction(docs[s.device]!, { text: 'start' }, ctx('m1'), 'x'));
          made.push(id);
          for (const [f, v] of Object.entries({ text: 'start', due: '', status: 'open', owner: null })) note(id, f, v);
        } else if (s.kind === 'update') {
          const known = listActions(docs[s.device]!);
          const target = known[s.action % Math.max(known.length, 1)];
          if (!target) continue;
          if (s.change.status !== undefined && s.change.status !== target.status) statusChanges++;
          unwrap(updateAction(docs[s.device]!, target.id, s.change, ctx('m2'), 'x'));
          for (const [f, v] of Object.entries(s.change)) note(target.id, f, f === 'owner' && v ? { ...v, key: (v as Owner).kind === 'group' ? 'government' : 'p2' } : v);
        } else send(docs[s.from]!, docs[s.to]!);
      }
      syncAll(docs);
      const lists = docs.map(listActions);
      expect(lists[1]).toEqual(lists[0]);
      expect(lists[2]).toEqual(lists[0]);
      expect(lists[0]!.map((a) => a.id).sort()).toEqual([...made].sort());
      for (const a of lists[0]!) {
        for (const field of ['text', 'due', 'status', 'owner'] as const) {
          expect(written.get(`${a.id}.${field}`)).toContain(JSON.stringify(a[field]));
        }
      }
      const history = lists[0]!.reduce((n, a) => n + a.history.length, 0);
      expect(history).toBe(made.length + statusChanges);
    }), { numRuns: 150 });
  }, 60_000);
});
