import { describe, expect, it } from 'vitest';
import { focusTarget, setFocus } from '../../../../src/core/facilitation/focus';
import { deleteItem } from '../../../../src/core/items';
import { focusedEntry } from '../../../../src/core/focus-entry';
import { addItems, exchange, joinDevice, unwrap } from '../helpers';
import { facilitated, otherSigner } from './setup';

describe('focus', () => {
  it('puts one entry on every device, and ends for everyone', () => {
    const { doc, board, root, creator } = facilitated();
    const [note] = addItems(doc, board, ['Meet monthly']);
    const phone = joinDevice(doc);
    expect(focusTarget(phone, root)).toBeUndefined();
    unwrap(setFocus(doc, creator, { boardId: board, entryId: note! }, 'ana'));
    exchange(doc, phone);
    expect(focusTarget(phone, root)).toMatchObject({ boardId: board, entryId: note });
    expect(focusedEntry(phone, board, note!)).toEqual({ title: 'Meet monthly', details: [] });
    unwrap(setFocus(doc, creator, null, 'ana'));
    exchange(doc, phone);
    expect(focusTarget(phone, root)).toBeUndefined();
  });

  it('ends when the entry is deleted; refuses a missing entry and a participant', () => {
    const { doc, board, root, creator } = facilitated();
    const [note] = addItems(doc, board, ['Meet monthly']);
    expect(setFocus(doc, creator, { boardId: board, entryId: 'nope' }, 'x')).toMatchObject({ ok: false, error: 'no-entry' });
    expect(setFocus(doc, otherSigner(root), { boardId: board, entryId: note! }, 'x')).toMatchObject({ ok: false, error: 'not-facilitator' });
    unwrap(setFocus(doc, creator, { boardId: board, entryId: note! }, 'x'));
    unwrap(deleteItem(doc, board, note!, 'x'));
    expect(focusTarget(doc, root)).toBeUndefined();
  });
});
