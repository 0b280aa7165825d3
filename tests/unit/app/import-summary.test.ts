import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateBoard } from '../../../src/core/boards';
import { deleteItem, listItems } from '../../../src/core/items';
import { confirmLabel, mergedMessage, previewView } from '../../../src/app/import-summary';
import { previewImport } from '../../../src/export/import-preview';
import { addBoard, addItems, joinDevice, newWorkshop, unwrap } from '../core/helpers';

describe('import preview in words', () => {
  it('names what a crafted file removes and changes, on the button too', () => {
    const laptop = newWorkshop();
    const board = addBoard(laptop, 'Expectations');
    addItems(laptop, board, ['One', 'Two', 'Three', 'Four', 'Five', 'Six']);
    const attacker = joinDevice(laptop);
    for (const item of listItems(attacker, board)) unwrap(deleteItem(attacker, board, item.id, 'attack'));
    unwrap(updateBoard(attacker, board, { title: 'Nothing here' }, 'attack'));
    const preview = previewImport(laptop, Y.encodeStateAsUpdate(attacker));

    expect(confirmLabel(preview)).toBe('Merge and remove 6 notes');
    const [shown] = previewView(preview).boards;
    expect(shown).toMatchObject({ title: 'Nothing here', notes: ['Renamed from “Expectations”'], summary: '6 notes removed' });
    expect(shown!.removed.texts).toHaveLength(5);
    expect(shown!.removed.more).toBe(1);
    expect(mergedMessage('TWG retreat', preview, true)).toBe('Merged the backup into “TWG retreat”: 6 notes removed, 1 board changed.');
  });

  it('an adds-only merge says what it added', () => {
    const laptop = newWorkshop();
    const board = addBoard(laptop);
    const phone = joinDevice(laptop);
    addItems(phone, board, ['Offline note']);
    addBoard(phone, 'Parking lot');
    const preview = previewImport(laptop, Y.encodeStateAsUpdate(phone));
    expect(mergedMessage('TWG retreat', preview, false)).toBe('Merged the backup into “TWG retreat”: 1 board and 1 note added. Nothing was lost.');
    expect(mergedMessage('TWG retreat', previewImport(laptop, Y.encodeStateAsUpdate(laptop)), false))
      .toBe('“TWG retreat” already holds everything in this backup.');
  });
});
