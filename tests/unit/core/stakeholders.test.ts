import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoard } from '../../../src/core/boards';
import { boardMapOf } from '../../../src/core/schema';
import {
  ENGAGEMENT_LEVELS, KEY_PARTNER_LIMIT, NUDGE_STEP, SECTORS, addRelationship, addStakeholder, clearEstimate,
  deleteRelationship, deleteStakeholder, getStakeholder, keyPartnerWarning, listRelationships, listStakeholders,
  nudgeStakeholder, placeStakeholder, updateStakeholder,
} from '../../../src/core/stakeholders';
import { addBoard, addBoardOf, exchange, joinDevice, newWorkshop, recordWrites, unwrap } from './helpers';

function map() {
  const doc = newWorkshop();
  return { doc, board: addBoardOf(doc, 'stakeholders', 'Stakeholder map') };
}

const add = (doc: Y.Doc, board: string, name: string, more: Record<string, string> = {}) =>
  unwrap(addStakeholder(doc, board, { name, createdBy: 'p1', ...more }, 'setup'));

const place = (doc: Y.Doc, board: string, id: string, who: string, influence: number, interest: number) =>
  unwrap(placeStakeholder(doc, board, id, who, { influence, interest }, who));

describe('stakeholder boards', () => {
  it('are created with empty stakeholder and relationship maps', () => {
    const doc = newWorkshop();
    const board = unwrap(createBoard(doc, { type: 'stakeholders', title: 'Map' }, 'me'));
    expect(boardMapOf(doc, board).get('stakeholders')).toBeInstanceOf(Y.Map);
    expect(boardMapOf(doc, board).get('relationships')).toBeInstanceOf(Y.Map);
    expect(listStakeholders(doc, board)).toEqual([]);
    expect(SECTORS).toHaveLength(7);
    expect(ENGAGEMENT_LEVELS).toHaveLength(5);
  });
});

describe('addStakeholder and updateStakeholder', () => {
  it('adds a stakeholder with cleaned fields and defaults, unplaced', () => {
    const { doc, board } = map();
    const { result, updates, origins } = recordWrites(doc, () => addStakeholder(doc, board, {
      name: ' Ministry of Health ', createdBy: 'p1', sector: 'government', level: 'key-partner',
      needs: 'Reliable data\n\n\n\nfrom provinces', brings: 'Authority',
    }, 'me'));
    const id = unwrap(result);
    expect([updates, origins]).toEqual([1, ['me']]);
    expect(getStakeholder(doc, board, id)).toMatchObject({
      id, name: 'Ministry of Health', sector: 'government', level: 'key-partner', needs: 'Reliable data\n\nfrom provinces',
      interests: '', motivations: '', brings: 'Authority', createdBy: 'p1',
      estimates: 0, position: null, spread: null, mine: null,
    });
    const other = add(doc, board, 'Village committee');
    expect(getStakeholder(doc, board, other)).toMatchObject({ sector: 'other', level: 'informed' });
    expect(listStakeholders(doc, board).map((s) => s.name)).toEqual(['Ministry of Health', 'Village committee']);
  });

  it('updates only the fields given, and writes nothing when nothing changes', () => {
    const { doc, board } = map();
    const id = add(doc, board, 'UNICEF', { sector: 'international-agency' });
    const { updates } = recordWrites(doc, () => unwrap(updateStakeholder(doc, board, id, { level: 'active-partner', interests: 'Child health' }, 'me')));
    expect(updates).toBe(1);
    expect(getStakeholder(doc, board, id)).toMatchObject({ name: 'UNICEF', sector: 'international-agency', level: 'active-partner', interests: 'Child health' });
    expect(recordWrites(doc, () => updateStakeholder(doc, board, id, { level: 'active-partner' }, 'me')).updates).toBe(0);
  });

  it.each([
    ['an empty name', { name: ' ' }, 'empty', 'name'],
    ['too long a name', { name: 'x'.repeat(121) }, 'too-long', 'name'],
    ['too long needs', { needs: 'x'.repeat(501) }, 'too-long', 'needs'],
    ['too long motivations', { motivations: 'x'.repeat(501) }, 'too-long', 'motivations'],
    ['an unknown sector', { sector: 'military' }, 'bad-sector', 'military'],
    ['an unknown level', { level: 'boss' }, 'bad-level', 'boss'],
  ])('rejects %s and writes nothing', (_what, fields, error, detail) => {
    const { doc, board } = map();
    const id = add(doc, board, 'Donor');
    const bad = fields as Record<string, string>;
    const added = recordWrites(doc, () => addStakeholder(doc, board, { name: 'x', createdBy: 'p1', ...bad }, 'me'));
    expect(added.result).toMatchObject({ ok: false, error, detail });
    expect(added.updates).toBe(0);
    const updated = recordWrites(doc, () => updateStakeholder(doc, board, id, bad, 'me'));
    expect(updated.result).toMatchObject({ ok: false, error, detail });
    expect(updated.updates).toBe(0);
  });

  it('reports unknown stakeholders and boards of another type', () => {
    const { doc, board } = map();
    expect(updateStakeholder(doc, board, 'nope', { name: 'x' }, 'me')).toMatchObject({ ok: false, error: 'no-stakeholder' });
    expect(deleteStakeholder(doc, board, 'nope', 'me')).toMatchObject({ ok: false, error: 'no-stakeholder' });
    expect(addStakeholder(doc, addBoard(doc), { name: 'x', createdBy: 'p1' }, 'me')).toMatchObject({ ok: false, error: 'no-board' });
    expect(getStakeholder(doc, board, 'nope')).toBeUndefined();
    expect(listStakeholders(doc, 'nope')).toEqual([]);
  });
});

describe('placing on the influence × interest grid', () => {
  it('shows each person\'s own estimate, the mean, the spread and the count', () => {
    const { doc, board } = map();
    const id = add(doc, board, 'Ministry');
    const { updates, origins } = recordWrites(doc, () => place(doc, board, id, 'p1', 0.9, 0.2));
    expect([updates, origins]).toEqual([1, ['p1']]);
    expect(getStakeholder(doc, board, id, 'p1')).toMatchObject({
      estimates: 1, position: { influence: 0.9, interest: 0.2 }, mine: { influence: 0.9, interest: 0.2 },
      spread: { influence: { min: 0.9, max: 0.9, sd: 0 }, interest: { min: 0.2, max: 0.2, sd: 0 } },
    });
    place(doc, board, id, 'p2', 0.5, 0.6);
    const s = getStakeholder(doc, board, id, 'p2')!;
    expect(s.estimates).toBe(2);
    expect(s.mine).toEqual({ influence: 0.5, interest: 0.6 });
    expect(s.position!.influence).toBeCloseTo(0.7);
    expect(s.position!.interest).toBeCloseTo(0.4);
    expect(s.spread!.influence).toMatchObject({ min: 0.5, max: 0.9 });
    expect(s.spread!.influence.sd).toBeCloseTo(0.2);
    expect(s.spread!.interest.sd).toBeCloseTo(0.2);
    expect(getStakeholder(doc, board, id, 'p3')!.mine).toBeNull();
    place(doc, board, id, 'p2', 0.9, 0.2);
    expect(getStakeholder(doc, board, id)).toMatchObject({ estimates: 2, position: { influence: 0.9, interest: 0.2 } });
  });

  it('accepts the corners and rejects positions off the grid', () => {
    const { doc, board } = map();
    const id = add(doc, board, 'Ministry');
    place(doc, board, id, 'p1', 0, 1);
    for (const [influence, interest] of [[-0.01, 0.5], [0.5, 1.01], [Number.NaN, 0.5], [0.5, Number.POSITIVE_INFINITY]]) {
      const { result, updates } = recordWrites(doc, () => placeStakeholder(doc, board, id, 'p1', { influence: influence!, interest: interest! }, 'me'));
      expect(result).toMatchObject({ ok: false, error: 'bad-position' });
      expect(updates).toBe(0);
    }
    expect(placeStakeholder(doc, board, id, '', { influence: 0.5, interest: 0.5 }, 'me')).toMatchObject({ ok: false, error: 'no-id' });
    expect(placeStakeholder(doc, board, 'nope', 'p1', { influence: 0.5, interest: 0.5 }, 'me')).toMatchObject({ ok: false, error: 'no-stakeholder' });
    expect(getStakeholder(doc, board, id)!.position).toEqual({ influence: 0, interest: 1 });
  });

  it('nudges one\'s own estimate by steps, from the room\'s average or the middle, and stops at the edges', () => {
    const { doc, board } = map();
    const id = add(doc, board, 'Ministry');
    unwrap(nudgeStakeholder(doc, board, id, 'p1', { influence: 1 }, 'p1'));
    expect(getStakeholder(doc, board, id, 'p1')!.mine).toEqual({ influence: 0.5 + NUDGE_STEP, interest: 0.5 });
    place(doc, board, id, 'p2', 0.2, 0.2);
    unwrap(nudgeStakeholder(doc, board, id, 'p3', { interest: -2 }, 'p3'));
    // From the average (0.375, 0.35), snapped to the step grid, two steps down.
    expect(getStakeholder(doc, board, id, 'p3')!.mine).toEqual({ influence: 0.4, interest: 0.25 });
    for (let i = 0; i < 30; i++) unwrap(nudgeStakeholder(doc, board, id, 'p1', { influence: 1, interest: -1 }, 'p1'));
    expect(getStakeholder(doc, board, id, 'p1')!.mine).toEqual({ influence: 1, interest: 0 });
    unwrap(nudgeStakeholder(doc, board, id, 'p1', { influence: -3 }, 'p1'));
    expect(getStakeholder(doc, board, id, 'p1')!.mine!.influence).toBe(0.85);
    expect(nudgeStakeholder(doc, board, id, 'p1', { influence: 0.5 }, 'p1')).toMatchObject({ ok: false, error: 'bad-position' });
    expect(nudgeStakeholder(doc, board, id, '', { influence: 1 }, 'p1')).toMatchObject({ ok: false, error: 'no-id' });
    expect(nudgeStakeholder(doc, board, 'nope', 'p1', { influence: 1 }, 'p1')).toMatchObject({ ok: false, error: 'no-stakeholder' });
  });

  it('withdraws one\'s estimate', () => {
    const { doc, board } = map();
    const id = add(doc, board, 'Ministry');
    place(doc, board, id, 'p1', 0.3, 0.3);
    place(doc, board, id, 'p2', 0.5, 0.5);
    unwrap(clearEstimate(doc, board, id, 'p1', 'p1'));
    expect(getStakeholder(doc, board, id, 'p1')).toMatchObject({ estimates: 1, mine: null, position: { influence: 0.5, interest: 0.5 } });
    expect(recordWrites(doc, () => clearEstimate(doc, board, id, 'p1', 'p1')).updates).toBe(0);
    expect(clearEstimate(doc, board, 'nope', 'p1', 'p1')).toMatchObject({ ok: false, error: 'no-stakeholder' });
  });
});

describe('key partner warning', () => {
  it(`warns above ${KEY_PARTNER_LIMIT} key decision-making partners`, () => {
    const { doc, board } = map();
    const ids = Array.from({ length: KEY_PARTNER_LIMIT }, (_, i) => add(doc, board, `Partner ${i}`, { level: 'key-partner' }));
    add(doc, board, 'Advisor', { level: 'advisory' });
    expect(keyPartnerWarning(listStakeholders(doc, board))).toEqual({ count: 6, tooMany: false });
    const seventh = add(doc, board, 'Seventh', { level: 'key-partner' });
    expect(keyPartnerWarning(listStakeholders(doc, board))).toEqual({ count: 7, tooMany: true });
    unwrap(updateStakeholder(doc, board, seventh, { level: 'pilot' }, 'me'));
    unwrap(deleteStakeholder(doc, board, ids[0]!, 'me'));
    expect(keyPartnerWarning(listStakeholders(doc, board))).toEqual({ count: 5, tooMany: false });
    expect(keyPartnerWarning(listStakeholders(doc, 'nope'))).toEqual({ count: 0, tooMany: false });
  });

  it('counts active and key decision-making partners together (seed 000: "active or key")', () => {
    const { doc, board } = map();
    for (let i = 0; i < 4; i++) add(doc, board, `Key ${i}`, { level: 'key-partner' });
    for (let i = 0; i < 2; i++) add(doc, board, `Active ${i}`, { level: 'active-partner' });
    add(doc, board, 'Pilot', { level: 'pilot' });
    expect(keyPartnerWarning(listStakeholders(doc, board))).toEqual({ count: 6, tooMany: false });
    add(doc, board, 'Active 3', { level: 'active-partner' });
    expect(keyPartnerWarning(listStakeholders(doc, board))).toEqual({ count: 7, tooMany: true });
  });
});

describe('relationships', () => {
  it('adds, lists and deletes relationships', () => {
    const { doc, board } = map();
    const [a, b] = [add(doc, board, 'Ministry'), add(doc, board, 'Donor')];
    const id = unwrap(addRelationship(doc, board, { from: b!, to: a!, label: ' funds ' }, 'me'));
    const back = unwrap(addRelationship(doc, board, { from: a!, to: b! }, 'me'));
    expect(listRelationships(doc, board)).toEqual(expect.arrayContaining([
      { id, from: b, to: a, label: 'funds' }, { id: back, from: a, to: b, label: '' },
    ]));
    expect(listRelationships(doc, board)).toHaveLength(2);
    unwrap(deleteRelationship(doc, board, id, 'me'));
    expect(listRelationships(doc, board).map((r) => r.id)).toEqual([back]);
    expect(deleteRelationship(doc, board, id, 'me')).toMatchObject({ ok: false, error: 'no-relationship' });
    expect(deleteRelationship(doc, 'nope', id, 'me')).toMatchObject({ ok: false, error: 'no-board' });
  });

  it.each([
    ['an unknown stakeholder', (a: string) => ({ from: a, to: 'nope' }), 'no-stakeholder'],
    ['a stakeholder and itself', (a: string) => ({ from: a, to: a }), 'same-stakeholder'],
    ['the same pair twice', (a: string, b: string) => ({ from: a, to: b }), 'duplicate'],
    ['too long a label', (a: string, b: string) => ({ from: b, to: a, label: 'x'.repeat(61) }), 'too-long'],
  ])('rejects %s', (_what, fields, error) => {
    const { doc, board } = map();
    const [a, b] = [add(doc, board, 'Ministry'), add(doc, board, 'Donor')];
    unwrap(addRelationship(doc, board, { from: a!, to: b! }, 'me'));
    const { result, updates } = recordWrites(doc, () => addRelationship(doc, board, fields(a!, b!), 'me'));
    expect(result).toMatchObject({ ok: false, error });
    expect(updates).toBe(0);
  });

  it('deleting a stakeholder removes its relationships, in one transaction', () => {
    const { doc, board } = map();
    const [a, b, c] = [add(doc, board, 'A'), add(doc, board, 'B'), add(doc, board, 'C')];
    unwrap(addRelationship(doc, board, { from: a!, to: b! }, 'me'));
    unwrap(addRelationship(doc, board, { from: c!, to: a! }, 'me'));
    const kept = unwrap(addRelationship(doc, board, { from: b!, to: c! }, 'me'));
    const { updates } = recordWrites(doc, () => unwrap(deleteStakeholder(doc, board, a!, 'me')));
    expect(updates).toBe(1);
    expect(listStakeholders(doc, board).map((s) => s.name)).toEqual(['B', 'C']);
    expect(listRelationships(doc, board).map((r) => r.id)).toEqual([kept]);
    expect((boardMapOf(doc, board).get('relationships') as Y.Map<unknown>).size).toBe(1);
  });
});

describe('concurrent changes', () => {
  it('two people placing the same stakeholder at once: both estimates kept, the mean of both', () => {
    const { doc: a, board } = map();
    const id = add(a, board, 'Ministry');
    const b = joinDevice(a);
    place(a, board, id, 'p1', 0.8, 0.4);
    place(b, board, id, 'p2', 0.4, 0.8);
    exchange(a, b);
    expect(listStakeholders(a, board)).toEqual(listStakeholders(b, board));
    const s = getStakeholder(a, board, id)!;
    expect(s.estimates).toBe(2);
    expect(s.position!.influence).toBeCloseTo(0.6);
    expect(s.position!.interest).toBeCloseTo(0.6);
  });

  it('a relationship drawn to a stakeholder deleted on another device is not listed', () => {
    const { doc: a, board } = map();
    const [x, y] = [add(a, board, 'X'), add(a, board, 'Y')];
    const b = joinDevice(a);
    unwrap(deleteStakeholder(a, board, y!, 'a'));
    unwrap(addRelationship(b, board, { from: x!, to: y! }, 'b'));
    exchange(a, b);
    expect(listRelationships(a, board)).toEqual([]);
    expect(listRelationships(b, board)).toEqual([]);
  });

  it('two people changing different fields of one stakeholder keep both', () => {
    const { doc: a, board } = map();
    const id = add(a, board, 'Ministry');
    const b = joinDevice(a);
    unwrap(updateStakeholder(a, board, id, { needs: 'Data' }, 'a'));
    unwrap(updateStakeholder(b, board, id, { level: 'pilot' }, 'b'));
    exchange(a, b);
    expect(getStakeholder(b, board, id)).toMatchObject({ needs: 'Data', level: 'pilot' });
  });
});
