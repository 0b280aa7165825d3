import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editItem, listItems, moveItem } from '../../../src/core/items';
import { itemsOf } from '../../../src/core/schema';
import { addItems, joinDevice, send, unwrap, workshopWithBoard } from './helpers';

/** Entries listed again keep their identity unless they changed (src/core/entry-cache.ts): what a
 *  board of 2,000 notes relies on to redraw one note, not all of them, after an edit. */
describe('entries kept between listings', () => {
  it('keeps every unchanged note the same object, and gives the changed one anew', () => {
    const { doc, board } = workshopWithBoard();
    const [a, b] = addItems(doc, board, ['first', 'second', 'third']);
    const before = listItems(doc, board);
    expect(listItems(doc, board)[0]).toBe(before[0]);
    unwrap(editItem(doc, board, b!, 'second, edited', 'me'));
    const after = listItems(doc, board);
    expect(after.map((i) => i.text)).toEqual(['first', 'second, edited', 'third']);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).not.toBe(before[1]);
    expect(a).toBe(after[0]?.id);
  });

  it('sees a change to a note\'s text (a type below the entry) and a change that came from another device', () => {
    const { doc, board } = workshopWithBoard();
    const [id] = addItems(doc, board, ['one']);
    listItems(doc, board);
    (itemsOf(doc, board)?.get(id!)?.get('text') as Y.Text).insert(3, ' more');
    expect(listItems(doc, board)[0]?.text).toBe('one more');
    const other = joinDevice(doc);
    listItems(other, board);
    unwrap(editItem(doc, board, id!, 'from the laptop', 'me'));
    send(doc, other);
    expect(listItems(other, board)[0]?.text).toBe('from the laptop');
  });

  it('reads fresh inside a transaction and in an observer, where the change is not yet forgotten', () => {
    const { doc, board } = workshopWithBoard();
    const [first, second] = addItems(doc, board, ['a', 'b']);
    listItems(doc, board);
    let seenInObserver: string[] = [];
    itemsOf(doc, board)?.observeDeep(() => { seenInObserver = listItems(doc, board).map((i) => i.text); });
    doc.transact(() => {
      unwrap(editItem(doc, board, first!, 'a, edited', 'me'));
      expect(listItems(doc, board)[0]?.text).toBe('a, edited');
      unwrap(moveItem(doc, board, second!, { toIndex: 0 }, 'me'));
    });
    expect(seenInObserver).toEqual(['b', 'a, edited']);
    expect(listItems(doc, board).map((i) => i.text)).toEqual(['b', 'a, edited']);
  });

  it('reads fresh in an observer after another observer changed an entry (a transaction whose observers wait)', () => {
    const { doc, board } = workshopWithBoard();
    const [first, second] = addItems(doc, board, ['a', 'b']);
    listItems(doc, board);
    const items = itemsOf(doc, board)!;
    let seen: string[] = [];
    items.observeDeep(() => {
      if (listItems(doc, board)[1]?.text === 'b') unwrap(editItem(doc, board, second!, 'b, edited by an observer', 'me'));
    });
    // What it reads in the first transaction's turn, before the second one's observers come.
    items.observeDeep(() => { if (seen.length === 0) seen = listItems(doc, board).map((i) => i.text); });
    unwrap(editItem(doc, board, first!, 'a, edited', 'me'));
    expect(seen).toEqual(['a, edited', 'b, edited by an observer']);
  });

  it('hands out frozen values, which no caller can change for the others', () => {
    const { doc, board } = workshopWithBoard();
    addItems(doc, board, ['one']);
    const [item] = listItems(doc, board);
    expect(() => { (item as { text: string }).text = 'changed'; }).toThrow(TypeError);
    expect(listItems(doc, board)[0]?.text).toBe('one');
  });
});
