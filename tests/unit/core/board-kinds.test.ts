import { describe, expect, it } from 'vitest';
import { Doc, Map as YMap } from 'yjs';
import { BOARD_TYPES, boardKind, shownKind } from '../../../src/core/board-kinds';
import { getBoard } from '../../../src/core/boards';
import { boardMapOf, boardOrderOf } from '../../../src/core/schema';

describe('board-kind registry', () => {
  it('knows the four kinds in menu order, and what notes-like facilitation applies to', () => {
    expect(BOARD_TYPES).toEqual(['notes', 'swot', 'stakeholders', 'ground-rules']);
    expect(BOARD_TYPES.filter((k) => boardKind(k).noteFacilitation)).toEqual(['notes', 'swot']);
  });

  it('shows a kind from a newer app as notes, and does not rewrite its type', () => {
    const doc = new Doc();
    doc.transact(() => {
      const board = boardMapOf(doc, 'b1');
      board.set('type', 'timeline-from-the-future');
      board.set('title', 'Later');
      board.set('events', new YMap());
      boardOrderOf(doc).push(['b1']);
    });
    const board = getBoard(doc, 'b1');
    expect(board?.type).toBe('timeline-from-the-future');
    expect(shownKind(board!.type)).toBe('notes');
    expect(boardKind(board!.type).noteFacilitation).toBe(true);
    expect(boardMapOf(doc, 'b1').get('type')).toBe('timeline-from-the-future');
  });
});
