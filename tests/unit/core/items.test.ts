import { describe, expect, it } from 'vitest';
import { deleteBoard, getBoard } from '../../../src/core/boards';
import {
  addItem, deleteItem, editItem, getItem, listItems, moveItem, moveItemToBoard, restoreItem,
} from '../../../src/core/items';
import {
  addBoard, addItems, author, exchange, joinDevice, recordWrites, textsOf, unwrap, workshopWithBoard,
} from './helpers';

describe('addItem', () => {
  it('adds a cleaned item at the end of its lane', () => {
    const { doc, board } = workshopWithBoard();
    addItems(doc, board, ['first']);
    const before = Date.now();
    const id = unwrap(addItem(doc, board, { text: '  Shared\tdata\n\n\n\nportal ', createdBy: 'p2', group: 'g1' }, 'me'));
    expect(textsOf(doc, board)).toEqual(['first', 'Shared data\n\nportal']);
    const item = getItem(doc, board, id)!;
    expect(item).toMatchObject({ id, text: 'Shared data\n\nportal', createdBy: 'p2', group: 'g1', lane: '' });
    expect(item.createdAt).toBeGreaterThanOrEqual(before);
    expect(item.updatedAt).toBe(item.createdAt);
    expect(item.order > listItems(doc, board)[0]!.order).toBe(true);
  });

  it('orders each lane on its own', () => {
    const { doc, board } = workshopWithBoard();
    addItems(doc, board, ['s1'], 'strengths');
    addItems(doc, board, ['w1'], 'weaknesses');
    addItems(doc, board, ['s2'], 'strengths');
    expect(textsOf(doc, board, 'strengths')).toEqual(['s1', 's2']);
    expect(textsOf(doc, board, 'weaknesses')).toEqual(['w1']);
    expect(textsOf(doc, board, '')).toEqual([]);
    expect(textsOf(doc, board)).toHaveLength(3);
  });

  it('accepts 500 characters and 500 emoji', () => {
    const { doc, board } = workshopWithBoard();
    expect(addItem(doc, board, { ...author, text: 'x'.repeat(500) }, 'me').ok).toBe(true);
    expect(addItem(doc, board, { ...author, text: '🌱'.repeat(500) }, 'me').ok).toBe(true);
  });

  it.each([
    ['empty text', '  \n ', 'empty', undefined],
    ['501 characters', 'x'.repeat(501), 'too-long', '501 > 500'],
  ])('rejects %s and writes nothing', (_what, text, error, detail) => {
    const { doc, board } = workshopWithBoard();
    const { result, updates } = recordWrites(doc, () => addItem(doc, board, { ...author, text }, 'me'));
    expect(result).toEqual({ ok: false, error, detail });
    expect(updates).toBe(0);
    expect(listItems(doc, board)).toEqual([]);
  });

  it('reports a missing or deleted board', () => {
    const { doc, board } = workshopWithBoard();
    expect(addItem(doc, 'nope', { ...author, text: 'hi' }, 'me')).toEqual({ ok: false, error: 'no-board', detail: 'nope' });
    deleteBoard(doc, board, 'me');
    expect(addItem(doc, board, { ...author, text: 'hi' }, 'me')).toEqual({ ok: false, error: 'no-board', detail: board });
    expect(listItems(doc, board)).toEqual([]);
  });
});

describe('editItem', () => {
  it('changes the text and the update time', () => {
    const { doc, board } = workshopWithBoard();
    const [id] = addItems(doc, board, ['Shared data']);
    const created = getItem(doc, board, id!)!;
    expect(editItem(doc, board, id!, ' Shared data\tportal ', 'me')).toEqual({ ok: true, value: undefined });
    const edited = getItem(doc, board, id!)!;
    expect(edited.text).toBe('Shared data portal');
    expect(edited.updatedAt).toBeGreaterThanOrEqual(created.updatedAt);
    expect(edited).toMatchObject({ createdAt: created.createdAt, order: created.order, createdBy: 'p1' });
  });

  it.each([
    ['an insertion in the middle', 'Shared data', 'Shared open data'],
    ['a deletion', 'Shared open data', 'Shared data'],
    ['a replacement', 'Clear roles', 'Clear duties'],
    ['a complete rewrite', 'abc', 'xyz'],
    ['repeated letters', 'aaaa', 'aaaaaa'],
    ['a Khmer word', 'សហគមន៍', 'សហគមន៍ខ្លាំង'],
    ['an emoji added after an emoji', 'Great 👍', 'Great 👍🎉'],
  ])('applies %s exactly', (_what, from, to) => {
    const { doc, board } = workshopWithBoard();
    const [id] = addItems(doc, board, [from]);
    unwrap(editItem(doc, board, id!, to, 'me'));
    expect(getItem(doc, board, id!)?.text).toBe(to);
    expect(getItem(joinDevice(doc), board, id!)?.text).toBe(to);
  });

  it('keeps the text intact when one emoji is changed into another (shared UTF-16 high surrogate)', () => {
    const { doc, board } = workshopWithBoard();
    const [id] = addItems(doc, board, ['Great 👍']);
    unwrap(editItem(doc, board, id!, 'Great 👎', 'me'));
    const other = joinDevice(doc);
    expect(getItem(doc, board, id!)?.text).toBe('Great 👎');
    expect(getItem(other, board, id!)?.text).toBe('Great 👎');
  });

  it('writes nothing when the cleaned text is unchanged', () => {
    const { doc, board } = workshopWithBoard();
    const [id] = addItems(doc, board, ['Same']);
    const { result, updates } = recordWrites(doc, () => editItem(doc, board, id!, '  Same\u0000 ', 'me'));
    expect(result.ok).toBe(true);
    expect(updates).toBe(0);
  });

  it.each([
    ['empty text', ' ', 'empty'],
    ['501 characters', 'y'.repeat(501), 'too-long'],
  ])('rejects %s and keeps the old text', (_what, text, error) => {
    const { doc, board } = workshopWithBoard();
    const [id] = addItems(doc, board, ['Keep']);
    expect(editItem(doc, board, id!, text, 'me')).toMatchObject({ ok: false, error });
    expect(textsOf(doc, board)).toEqual(['Keep']);
  });

  it('reports a missing board or item', () => {
    const { doc, board } = workshopWithBoard();
    expect(editItem(doc, 'nope', 'x', 'hi', 'me')).toMatchObject({ ok: false, error: 'no-board' });
    expect(editItem(doc, board, 'nope', 'hi', 'me')).toEqual({ ok: false, error: 'no-item', detail: 'nope' });
  });
});

describe('moveItem', () => {
  /** Board with items a..e in the default lane. */
  function abcde() {
    const { doc, board } = workshopWithBoard();
    const ids = addItems(doc, board, ['a', 'b', 'c', 'd', 'e']);
    return { doc, board, ids };
  }

  it.each([
    ['within the lane, forwards', 0, 2, 'b,c,a,d,e'],
    ['within the lane, backwards', 3, 1, 'a,d,b,c,e'],
    ['to index 0', 4, 0, 'e,a,b,c,d'],
    ['to the end', 0, 4, 'b,c,d,e,a'],
    ['to where it already is', 2, 2, 'a,b,c,d,e'],
  ])('moves %s', (_what, from, to, expected) => {
    const { doc, board, ids } = abcde();
    const { result, updates, origins } = recordWrites(doc, () => moveItem(doc, board, ids[from]!, { toIndex: to }, 'me'));
    expect(result).toEqual({ ok: true, value: undefined });
    expect(updates).toBe(1);
    expect(origins).toEqual(['me']);
    expect(textsOf(doc, board).join()).toBe(expected);
  });

  it('moves to another lane, at a given index or its end', () => {
    const { doc, board } = workshopWithBoard();
    const [s1, s2] = addItems(doc, board, ['s1', 's2'], 'strengths');
    addItems(doc, board, ['o1', 'o2'], 'opportunities');
    unwrap(moveItem(doc, board, s1!, { toIndex: 1, lane: 'opportunities' }, 'me'));
    expect(textsOf(doc, board, 'strengths')).toEqual(['s2']);
    expect(textsOf(doc, board, 'opportunities')).toEqual(['o1', 's1', 'o2']);
    unwrap(moveItem(doc, board, s2!, { toIndex: 3, lane: 'opportunities' }, 'me'));
    expect(textsOf(doc, board, 'strengths')).toEqual([]);
    expect(textsOf(doc, board, 'opportunities')).toEqual(['o1', 's1', 'o2', 's2']);
    expect(getItem(doc, board, s2!)?.lane).toBe('opportunities');
  });

  it('moves into an empty lane', () => {
    const { doc, board } = workshopWithBoard();
    const [id] = addItems(doc, board, ['s1'], 'strengths');
    unwrap(moveItem(doc, board, id!, { toIndex: 0, lane: 'threats' }, 'me'));
    expect(textsOf(doc, board, 'threats')).toEqual(['s1']);
  });

  it.each([-1, 5, 0.5, Number.NaN])('rejects the index %d and moves nothing', (toIndex) => {
    const { doc, board, ids } = abcde();
    const { result, updates } = recordWrites(doc, () => moveItem(doc, board, ids[0]!, { toIndex }, 'me'));
    expect(result).toEqual({ ok: false, error: 'bad-index', detail: String(toIndex) });
    expect(updates).toBe(0);
    expect(textsOf(doc, board).join()).toBe('a,b,c,d,e');
  });

  it('bounds the index by the target lane', () => {
    const { doc, board, ids } = abcde();
    addItems(doc, board, ['x'], 'other');
    expect(moveItem(doc, board, ids[0]!, { toIndex: 2, lane: 'other' }, 'me')).toMatchObject({ ok: false, error: 'bad-index' });
    expect(moveItem(doc, board, ids[0]!, { toIndex: 1, lane: 'other' }, 'me').ok).toBe(true);
  });

  it('reports a missing board or item', () => {
    const { doc, board } = abcde();
    expect(moveItem(doc, 'nope', 'x', { toIndex: 0 }, 'me')).toEqual({ ok: false, error: 'no-board', detail: 'nope' });
    expect(moveItem(doc, board, 'nope', { toIndex: 0 }, 'me')).toEqual({ ok: false, error: 'no-item', detail: 'nope' });
  });

  it('keeps a correct order after 200 moves into the same gap', () => {
    const { doc, board, ids } = abcde();
    const expected = ['a', 'b', 'c', 'd', 'e'];
    const idOf = new Map(expected.map((t, i) => [t, ids[i]!]));
    for (let n = 0; n < 200; n++) {
      // Always the last item into the gap right after the first: the gap halves every time.
      const last = expected.pop()!;
      expected.splice(1, 0, last);
      const { result, updates } = recordWrites(doc, () => moveItem(doc, board, idOf.get(last)!, { toIndex: 1 }, 'me'));
      expect(result.ok).toBe(true);
      expect(updates).toBe(1);
      expect(textsOf(doc, board)).toEqual(expected);
    }
    const orders = listItems(doc, board).map((i) => i.order);
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('keeps a correct order after 200 moves into the gap before the first item and after the second', () => {
    const { doc, board } = workshopWithBoard();
    const ids = addItems(doc, board, ['a', 'b', 'c']);
    const order = [...ids];
    for (let n = 0; n < 200; n++) {
      // Alternate: move the third item between the first two, then the first to the end.
      const [moved, to] = n % 2 === 0 ? [order[2]!, 1] : [order[0]!, 2];
      order.splice(order.indexOf(moved), 1);
      order.splice(to, 0, moved);
      unwrap(moveItem(doc, board, moved, { toIndex: to }, 'me'));
      expect(listItems(doc, board).map((i) => i.id)).toEqual(order);
    }
  });

  it('orders items correctly again after two offline devices add at the end at once', () => {
    const { doc: a, board } = workshopWithBoard();
    addItems(a, board, ['first']);
    const b = joinDevice(a);
    const [fromA] = addItems(a, board, ['from a']);
    const [fromB] = addItems(b, board, ['from b']);
    exchange(a, b);
    // Both filled the same gap; their random digits keep the keys apart.
    expect(getItem(a, board, fromA!)?.order).not.toBe(getItem(a, board, fromB!)?.order);
    expect(listItems(a, board)).toEqual(listItems(b, board));
    // Moving between the two must put it between them.
    const middle = listItems(a, board)[1]!.id;
    const last = listItems(a, board)[2]!.id;
    const first = listItems(a, board)[0]!.id;
    unwrap(moveItem(a, board, first, { toIndex: 1 }, 'me'));
    expect(listItems(a, board).map((i) => i.id)).toEqual([middle, first, last]);
  });
});

describe('moveItemToBoard', () => {
  it('moves the item to the end of the other board, keeping id, author and text', () => {
    const { doc, board } = workshopWithBoard('From');
    const to = addBoard(doc, 'To');
    addItems(doc, to, ['already here']);
    const [id] = addItems(doc, board, ['Travel'], 'strengths');
    const before = getItem(doc, board, id!)!;
    const { result, updates, origins } = recordWrites(doc, () => moveItemToBoard(doc, board, id!, to, 'me'));
    expect(result).toEqual({ ok: true, value: undefined });
    expect(updates).toBe(1);
    expect(origins).toEqual(['me']);
    expect(listItems(doc, board)).toEqual([]);
    expect(textsOf(doc, to)).toEqual(['already here', 'Travel']);
    expect(getItem(doc, to, id!)).toMatchObject({
      id, text: 'Travel', createdBy: before.createdBy, createdAt: before.createdAt, lane: '',
    });
    expect(getBoard(doc, board)?.itemCount).toBe(0);
    expect(getBoard(doc, to)?.itemCount).toBe(2);
  });

  it('keeps the item when the target is its own board', () => {
    const { doc, board } = workshopWithBoard();
    const [id] = addItems(doc, board, ['Stay']);
    moveItemToBoard(doc, board, id!, board, 'me');
    expect(textsOf(doc, board)).toEqual(['Stay']);
  });

  it('reports a missing board or item and changes nothing', () => {
    const { doc, board } = workshopWithBoard();
    const to = addBoard(doc, 'To');
    const [id] = addItems(doc, board, ['x']);
    expect(moveItemToBoard(doc, 'nope', id!, to, 'me')).toEqual({ ok: false, error: 'no-board', detail: 'nope' });
    expect(moveItemToBoard(doc, board, id!, 'nope', 'me')).toEqual({ ok: false, error: 'no-board', detail: 'nope' });
    expect(moveItemToBoard(doc, board, 'nope', to, 'me')).toEqual({ ok: false, error: 'no-item', detail: 'nope' });
    deleteBoard(doc, to, 'me');
    expect(moveItemToBoard(doc, board, id!, to, 'me')).toEqual({ ok: false, error: 'no-board', detail: to });
    expect(textsOf(doc, board)).toEqual(['x']);
  });
});

describe('deleteItem and restoreItem', () => {
  it('deletes in one transaction and restores exactly', () => {
    const { doc, board } = workshopWithBoard();
    const [a, b, c] = addItems(doc, board, ['a', 'b', 'c']);
    const item = getItem(doc, board, b!)!;
    const { result, updates, origins } = recordWrites(doc, () => deleteItem(doc, board, b!, 'me'));
    expect(result.ok).toBe(true);
    expect(updates).toBe(1);
    expect(origins).toEqual(['me']);
    expect(listItems(doc, board).map((i) => i.id)).toEqual([a, c]);
    expect(getItem(doc, board, b!)).toBeUndefined();
    unwrap(restoreItem(doc, board, item, 'me'));
    expect(getItem(doc, board, b!)).toEqual(item);
    expect(listItems(doc, board).map((i) => i.id)).toEqual([a, b, c]);
  });

  it('reports a missing board or item', () => {
    const { doc, board } = workshopWithBoard();
    const [id] = addItems(doc, board, ['x']);
    deleteItem(doc, board, id!, 'me');
    expect(deleteItem(doc, board, id!, 'me')).toEqual({ ok: false, error: 'no-item', detail: id });
    expect(deleteItem(doc, 'nope', id!, 'me')).toEqual({ ok: false, error: 'no-board', detail: 'nope' });
  });

  it('lists nothing on a deleted board', () => {
    const { doc, board } = workshopWithBoard();
    addItems(doc, board, ['x']);
    deleteBoard(doc, board, 'me');
    expect(listItems(doc, board)).toEqual([]);
  });
});

describe('one action, one transaction, with the writer\'s origin', () => {
  const origin = { device: 'tablet' };
  it.each([
    ['addItem', (d: Ctx) => addItem(d.doc, d.board, { ...author, text: 'new' }, origin)],
    ['editItem', (d: Ctx) => editItem(d.doc, d.board, d.ids[0]!, 'a, edited in the middle', origin)],
    ['moveItem', (d: Ctx) => moveItem(d.doc, d.board, d.ids[0]!, { toIndex: 2 }, origin)],
    ['moveItem to a lane', (d: Ctx) => moveItem(d.doc, d.board, d.ids[0]!, { toIndex: 0, lane: 'other' }, origin)],
    ['moveItemToBoard', (d: Ctx) => moveItemToBoard(d.doc, d.board, d.ids[0]!, d.other, origin)],
    ['deleteItem', (d: Ctx) => deleteItem(d.doc, d.board, d.ids[0]!, origin)],
    ['restoreItem', (d: Ctx) => restoreItem(d.doc, d.board, { ...getItem(d.doc, d.board, d.ids[0]!)!, id: 'restored' }, origin)],
  ])('%s', (_name, write) => {
    const { doc, board } = workshopWithBoard();
    const ctx: Ctx = { doc, board, other: addBoard(doc, 'Other'), ids: addItems(doc, board, ['a', 'b', 'c']) };
    const { result, updates, origins } = recordWrites(doc, () => write(ctx));
    expect(result.ok).toBe(true);
    expect(updates).toBe(1);
    expect(origins).toHaveLength(1);
    expect(origins[0]).toBe(origin);
  });
});
type Ctx = { doc: ReturnType<typeof workshopWithBoard>['doc']; board: string; other: string; ids: string[] };

describe('items on several devices', () => {
  it('keeps both edits when two devices change different places of one item\'s text', () => {
    const { doc: a, board } = workshopWithBoard();
    const [id] = addItems(a, board, ['Shared data']);
    const b = joinDevice(a);
    unwrap(editItem(a, board, id!, 'Shared open data', 'a'));
    unwrap(editItem(b, board, id!, 'Shared data portal', 'b'));
    exchange(a, b);
    expect(getItem(a, board, id!)?.text).toBe('Shared open data portal');
    expect(listItems(a, board)).toEqual(listItems(b, board));
  });

  it('keeps a text edit on one device and a move on the other', () => {
    const { doc: a, board } = workshopWithBoard();
    const [x, y, z] = addItems(a, board, ['x', 'Clear roles', 'z']);
    const b = joinDevice(a);
    unwrap(editItem(a, board, y!, 'Clear roles and duties', 'a'));
    unwrap(moveItem(b, board, y!, { toIndex: 0, lane: 'agreed' }, 'b'));
    exchange(a, b);
    for (const doc of [a, b]) {
      expect(getItem(doc, board, y!)).toMatchObject({ text: 'Clear roles and duties', lane: 'agreed' });
      expect(listItems(doc, board, '').map((i) => i.id)).toEqual([x, z]);
    }
    expect(listItems(a, board)).toEqual(listItems(b, board));
  });

  it('agrees on the outcome when an edit races a delete', () => {
    const { doc: a, board } = workshopWithBoard();
    const [keep, gone] = addItems(a, board, ['keep', 'gone']);
    const b = joinDevice(a);
    unwrap(editItem(a, board, gone!, 'gone, but edited', 'a'));
    unwrap(deleteItem(b, board, gone!, 'b'));
    exchange(a, b);
    expect(listItems(a, board)).toEqual(listItems(b, board));
    expect(listItems(a, board).map((i) => i.id)).toEqual([keep]);
  });

  it('keeps items two offline devices add to one board, in the same order on both', () => {
    const { doc: a, board } = workshopWithBoard();
    const b = joinDevice(a);
    addItems(a, board, ['a1', 'a2']);
    addItems(b, board, ['b1']);
    exchange(a, b);
    expect(listItems(a, board)).toEqual(listItems(b, board));
    expect([...textsOf(a, board)].sort()).toEqual(['a1', 'a2', 'b1']);
  });

  it('marks changes that arrive from another device with the remote origin', () => {
    const { doc: a, board } = workshopWithBoard();
    const b = joinDevice(a);
    addItems(b, board, ['from b']);
    const { origins } = recordWrites(a, () => exchange(a, b));
    expect(origins).toContain('remote');
    expect(origins.every((o) => o === 'remote')).toBe(true);
  });
});
