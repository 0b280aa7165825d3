import { describe, expect, it } from 'vitest';
import { Doc, Map as YMap } from 'yjs';
import { BOARD_KIND_RECORDS, BOARD_TYPES } from '../../../src/core/board-kinds';
import { getBoard, hasNoteFacilitation, listBoards, updateBoard } from '../../../src/core/boards';
import { addItem } from '../../../src/core/items';
import { boardMapOf, boardOrderOf } from '../../../src/core/schema';
import { copyAsTemplate } from '../../../src/core/template';
import { addBoard, addBoardOf, newWorkshop, unwrap } from './helpers';

/** A board as a newer app with a kind this version does not know would write it. */
function withFutureBoard(doc = new Doc()) {
  doc.transact(() => {
    const board = boardMapOf(doc, 'b1');
    board.set('type', 'timeline-from-the-future');
    board.set('title', 'Later');
    board.set('items', new YMap());
    board.set('events', new YMap());
    boardOrderOf(doc).push(['b1']);
  });
  return doc;
}

describe('board-kind registry', () => {
  it('knows the kinds in menu order, and what notes-like facilitation applies to', () => {
    expect(BOARD_TYPES).toEqual(['notes', 'swot', 'stakeholders', 'ground-rules', 'vision', 'indicators', 'resources', 'risks', 'agreement', 'health', 'actions', 'since']);
    expect(BOARD_TYPES.filter((k) => BOARD_KIND_RECORDS[k].noteFacilitation)).toEqual(['notes', 'swot']);
  });

  it('shows each known kind as itself, with no unknown type', () => {
    const doc = newWorkshop();
    const ids = BOARD_TYPES.map((type) => addBoardOf(doc, type, type));
    expect(ids.map((id) => getBoard(doc, id))).toEqual(BOARD_TYPES.map((type) => expect.objectContaining({ type })));
    expect(listBoards(doc).some((b) => 'unknownType' in b)).toBe(false);
  });
});

describe('a board of a kind from a newer app', () => {
  it('is shown as notes and keeps its raw type apart', () => {
    const doc = withFutureBoard();
    unwrap(addItem(doc, 'b1', { text: 'Pilot', createdBy: 'p1', group: '' }, 'them'));
    expect(getBoard(doc, 'b1')).toEqual({
      id: 'b1', type: 'notes', unknownType: 'timeline-from-the-future', title: 'Later', prompt: '', itemCount: 1,
    });
  });

  it('gets no silent brainstorm or dot vote, unlike a notes board', () => {
    const doc = withFutureBoard();
    const notes = addBoard(doc, 'Ideas');
    expect(hasNoteFacilitation(getBoard(doc, 'b1')!)).toBe(false);
    expect(hasNoteFacilitation(getBoard(doc, notes)!)).toBe(true);
  });

  it('is never rewritten: its type stays in the document after other changes to it', () => {
    const doc = withFutureBoard();
    unwrap(updateBoard(doc, 'b1', { title: 'Milestones' }, 'me'));
    expect(boardMapOf(doc, 'b1').get('type')).toBe('timeline-from-the-future');
    expect(getBoard(doc, 'b1')?.unknownType).toBe('timeline-from-the-future');
  });

  it('is left out of a template rather than copied as a notes board', () => {
    const source = withFutureBoard(newWorkshop());
    addBoard(source, 'Ideas');
    const target = new Doc();
    unwrap(copyAsTemplate(source, target, { title: 'Again', createdBy: 'p1' }, 'me'));
    expect(listBoards(target).map((b) => [b.title, b.type])).toEqual([['Ideas', 'notes']]);
  });
});
