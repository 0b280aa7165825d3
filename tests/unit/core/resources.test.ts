import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addGroup } from '../../../src/core/groups';
import {
  RESOURCE_CATEGORIES, addCategory, addNeed, addPledge, commitmentGrid, commitmentsByPartner, deleteNeed, deletePledge,
  gapsByCategory, listCategories, listNeeds, listPartners, listPledges, needGaps, updateNeed, updatePledge,
} from '../../../src/core/resources';
import { createUndo } from '../../../src/core/undo';
import { addBoardOf, exchange, joinDevice, newWorkshop, recordWrites, unwrap } from './helpers';

function room() {
  const doc = newWorkshop();
  const gov = unwrap(addGroup(doc, 'Government', 'setup'));
  const dp = unwrap(addGroup(doc, 'Development Partners', 'setup'));
  const board = addBoardOf(doc, 'resources', 'Resources');
  const analyst = unwrap(addNeed(doc, board, { title: 'Data analyst', category: 'people', amount: 12, unit: 'person-months', createdBy: 'p1' }, 'a'));
  return { doc, gov, dp, board, analyst };
}

describe('needs', () => {
  it('are added in a category with an amount and unit, in one transaction with the writer\'s origin', () => {
    const { doc, board } = room();
    const { result, updates, origins } = recordWrites(doc, () =>
      addNeed(doc, board, { title: ' Training venue ', category: 'facilities', detail: 'Two days\n\n\n\nfor 40', createdBy: 'p2' }, 'b'));
    expect(result.ok).toBe(true);
    expect([updates, origins]).toEqual([1, ['b']]);
    expect(listNeeds(doc, board).at(-1)).toMatchObject({ title: 'Training venue', category: 'facilities', amount: null, unit: '', detail: 'Two days\n\nfor 40', createdBy: 'p2' });
  });

  it('refuse an empty title, an unknown category, a negative or absurd amount, a long unit', () => {
    const { doc, board } = room();
    const base = { title: 'x', category: 'money', createdBy: 'p1' };
    expect(addNeed(doc, board, { ...base, title: '  ' }, 'a')).toMatchObject({ ok: false, error: 'empty', detail: 'title' });
    expect(addNeed(doc, board, { ...base, category: 'weather' }, 'a')).toMatchObject({ error: 'bad-category' });
    expect(addNeed(doc, board, { ...base, amount: -1 }, 'a')).toMatchObject({ error: 'bad-amount' });
    expect(addNeed(doc, board, { ...base, amount: Number.NaN }, 'a')).toMatchObject({ error: 'bad-amount' });
    expect(addNeed(doc, board, { ...base, amount: 1e13 }, 'a')).toMatchObject({ error: 'bad-amount' });
    expect(addNeed(doc, board, { ...base, unit: 'u'.repeat(31) }, 'a')).toMatchObject({ error: 'too-long', detail: 'unit' });
    expect(addNeed(doc, 'nope', base, 'a')).toMatchObject({ error: 'no-board' });
  });

  it('take the seed\'s categories and the board\'s own, without duplicates', () => {
    const { doc, board } = room();
    const own = unwrap(addCategory(doc, board, 'Translation', 'a'));
    expect(addCategory(doc, board, ' translation ', 'a')).toMatchObject({ error: 'duplicate' });
    expect(listCategories(doc, board).map((c) => c.id)).toEqual([...RESOURCE_CATEGORIES, own]);
    unwrap(addNeed(doc, board, { title: 'Interpreters', category: own, createdBy: 'p1' }, 'a'));
    expect(gapsByCategory(doc, board).map((g) => g.category.name || g.category.id)).toEqual(['people', 'Translation']);
  });

  it('are edited field by field and deleted with their pledges', () => {
    const { doc, gov, board, analyst } = room();
    unwrap(updateNeed(doc, board, analyst, { amount: 6, unit: 'person-months' }, 'a'));
    expect(listNeeds(doc, board)[0]).toMatchObject({ amount: 6, title: 'Data analyst' });
    unwrap(addPledge(doc, board, { need: analyst, partner: gov, what: 'Two statisticians', form: 'in-kind', createdBy: 'p1' }, 'a'));
    unwrap(deleteNeed(doc, board, analyst, 'a'));
    expect([listNeeds(doc, board), listPledges(doc, board)]).toEqual([[], []]);
    expect(deleteNeed(doc, board, analyst, 'a')).toMatchObject({ error: 'no-need' });
  });
});

describe('pledges', () => {
  it('come from a partner group or a named outside source, never both or neither', () => {
    const { doc, gov, board, analyst } = room();
    const base = { need: analyst, what: 'Staff time', form: 'in-kind' as const, createdBy: 'p1' };
    expect(addPledge(doc, board, base, 'a')).toMatchObject({ error: 'no-partner' });
    expect(addPledge(doc, board, { ...base, partner: gov, outside: 'World Bank' }, 'a')).toMatchObject({ error: 'no-partner' });
    expect(addPledge(doc, board, { ...base, partner: 'ghost' }, 'a')).toMatchObject({ error: 'no-partner' });
    expect(addPledge(doc, board, { ...base, partner: gov, need: 'gone' }, 'a')).toMatchObject({ error: 'no-need' });
    expect(addPledge(doc, board, { ...base, partner: gov, form: 'barter' as 'cash' }, 'a')).toMatchObject({ error: 'bad-form' });
    expect(addPledge(doc, board, { ...base, partner: gov, by: '2026-02-30' }, 'a')).toMatchObject({ error: 'bad-date' });
    expect(addPledge(doc, board, { ...base, partner: gov, what: '' }, 'a')).toMatchObject({ error: 'empty', detail: 'what' });
    const id = unwrap(addPledge(doc, board, { ...base, partner: gov, amount: 4, by: '2026-03-31' }, 'a'));
    // The unit follows the need's unless given.
    expect(listPledges(doc, board)).toMatchObject([{ id, partner: gov, outside: '', unit: 'person-months', amount: 4, by: '2026-03-31' }]);
    expect(updatePledge(doc, board, id, { partner: '' }, 'a')).toMatchObject({ error: 'no-partner' });
    unwrap(updatePledge(doc, board, id, { partner: '', outside: 'UN agency' }, 'a'));
    expect(listPledges(doc, board)[0]).toMatchObject({ partner: '', outside: 'UN agency' });
    unwrap(deletePledge(doc, board, id, 'a'));
    expect(deletePledge(doc, board, id, 'a')).toMatchObject({ error: 'no-pledge' });
  });

  it('from inside the partnership are listed before outside sources', () => {
    const { doc, gov, dp, board, analyst } = room();
    const pledge = (fields: { partner?: string; outside?: string }, what: string) =>
      unwrap(addPledge(doc, board, { need: analyst, what, form: 'cash', ...fields, createdBy: 'p1' }, 'a'));
    pledge({ outside: 'Foundation X' }, 'first, outside');
    pledge({ partner: dp }, 'second, inside');
    pledge({ partner: gov }, 'third, inside');
    expect(listPledges(doc, board).map((p) => p.what)).toEqual(['second, inside', 'third, inside', 'first, outside']);
    expect(listPartners(doc, board).map((p) => [p.name, p.inside])).toEqual([
      ['Development Partners', true], ['Government', true], ['Foundation X', false],
    ]);
  });

  it('edited on two devices at once keep every field each changed, and both edits of the text', () => {
    const { doc: a, gov, dp, board, analyst } = room();
    const id = unwrap(addPledge(a, board, { need: analyst, partner: gov, what: 'Two statisticians', form: 'in-kind', amount: 4, createdBy: 'p1' }, 'a'));
    const b = joinDevice(a);
    unwrap(updatePledge(a, board, id, { amount: 6, what: 'Two senior statisticians' }, 'a'));
    unwrap(updatePledge(b, board, id, { by: '2026-06-30', partner: dp, what: 'Two statisticians, part time' }, 'b'));
    exchange(a, b);
    expect(listPledges(a, board)).toEqual(listPledges(b, board));
    expect(listPledges(a, board)[0]).toMatchObject({
      amount: 6, by: '2026-06-30', partner: dp, what: 'Two senior statisticians, part time',
    });
  });

  it('a pledge made offline against a need deleted elsewhere is left out', () => {
    const { doc: a, gov, board, analyst } = room();
    const b = joinDevice(a);
    unwrap(addPledge(b, board, { need: analyst, partner: gov, what: 'Staff', form: 'in-kind', createdBy: 'p2' }, 'b'));
    unwrap(deleteNeed(a, board, analyst, 'a'));
    exchange(a, b);
    expect(listPledges(b, board)).toEqual([]);
    expect(commitmentGrid(b, board).needs).toEqual([]);
  });
});

describe('the gap view', () => {
  function pledged() {
    const r = room();
    const { doc, gov, dp, board, analyst } = r;
    const fund = unwrap(addNeed(doc, board, { title: 'Survey budget', category: 'money', amount: 50_000, unit: 'USD', createdBy: 'p1' }, 'a'));
    const venue = unwrap(addNeed(doc, board, { title: 'Venue', category: 'facilities', createdBy: 'p1' }, 'a'));
    unwrap(addNeed(doc, board, { title: 'Printing', category: 'money', amount: 2_000, unit: 'usd', createdBy: 'p1' }, 'a'));
    const pledge = (need: string, fields: Record<string, unknown>) =>
      unwrap(addPledge(doc, board, { need, what: 'x', form: 'cash', createdBy: 'p1', ...fields }, 'a'));
    pledge(fund, { partner: dp, amount: 30_000 });
    pledge(fund, { partner: gov, amount: 5_000, unit: 'usd' });
    pledge(fund, { outside: 'Foundation X', amount: 1_000, unit: 'EUR' });
    pledge(analyst, { partner: gov, amount: 12, form: 'in-kind' });
    pledge(venue, { partner: gov, form: 'in-kind', what: 'Ministry hall' });
    return { ...r, fund, venue };
  }

  it('says per need what is pledged in its unit, what is missing and what cannot be counted', () => {
    const { doc, board } = pledged();
    expect(needGaps(doc, board).map((g) => [g.need.title, g.status, g.pledged, g.gap, g.otherUnits])).toEqual([
      ['Data analyst', 'covered', 12, 0, []],
      ['Survey budget', 'partly', 35_000, 15_000, [{ unit: 'EUR', amount: 1_000 }]],
      ['Venue', 'pledged', 0, null, []],
      ['Printing', 'open', 0, 2_000, []],
    ]);
  });

  it('adds up needed against pledged per category and unit', () => {
    const { doc, board } = pledged();
    expect(gapsByCategory(doc, board).map((g) => [g.category.id, g.needs, g.open, g.totals])).toEqual([
      ['people', 1, 0, [{ unit: 'person-months', needed: 12, pledged: 12, gap: 0 }]],
      ['facilities', 1, 0, []],
      ['money', 2, 1, [{ unit: 'USD', needed: 52_000, pledged: 35_000, gap: 17_000 }]],
    ]);
  });

  it('adds up each partner\'s cash and in kind, inside first', () => {
    const { doc, board } = pledged();
    expect(commitmentsByPartner(doc, board).map((c) => [c.partner.name, c.pledges.length, c.needs, c.cash, c.inKind])).toEqual([
      ['Development Partners', 1, 1, [{ unit: 'USD', amount: 30_000 }], []],
      ['Government', 3, 3, [{ unit: 'usd', amount: 5_000 }], [{ unit: 'person-months', amount: 12 }]],
      ['Foundation X', 1, 1, [{ unit: 'EUR', amount: 1_000 }], []],
    ]);
  });

  it('lays the pledges out as a needs × partners grid', () => {
    const { doc, board } = pledged();
    const grid = commitmentGrid(doc, board);
    expect(grid.partners.map((p) => p.name)).toEqual(['Development Partners', 'Government', 'Foundation X']);
    expect(grid.cells.map((row) => row.map((cell) => cell.map((p) => p.amount)))).toEqual([
      [[], [12], []],
      [[30_000], [5_000], [1_000]],
      [[], [null], []],
      [[], [], []],
    ]);
  });
});

it('undo takes back only my own pledge, never another device\'s', () => {
  const mine = { local: true };
  const { doc: a, gov, dp, board, analyst } = room();
  const b = joinDevice(a);
  const undo = createUndo(a, board, mine, 0);
  unwrap(addPledge(a, board, { need: analyst, partner: gov, what: 'mine', form: 'in-kind', createdBy: 'p1' }, mine));
  unwrap(addPledge(b, board, { need: analyst, partner: dp, what: 'theirs', form: 'cash', createdBy: 'p2' }, 'b'));
  exchange(a, b);
  undo.undo();
  expect(listPledges(a, board).map((p) => p.what)).toEqual(['theirs']);
  expect(a.getMap(`board:${board}`).get('pledges')).toBeInstanceOf(Y.Map);
});
