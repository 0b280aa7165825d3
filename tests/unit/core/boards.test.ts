import { describe, expect, it } from 'vitest';
import {
  boardIds, createBoard, deleteBoard, getBoard, listBoards, moveBoard, updateBoard, type BoardType,
} from '../../../src/core/boards';
import { addProposal } from '../../../src/core/ground-rules';
import { addItem } from '../../../src/core/items';
import { addStakeholder } from '../../../src/core/stakeholders';
import { boardOrderOf, liveBoard } from '../../../src/core/schema';
import { addBoard, author, exchange, joinDevice, newWorkshop, recordWrites, unwrap } from './helpers';

const titles = (doc: Parameters<typeof listBoards>[0]) => listBoards(doc).map((b) => b.title);

/** A workshop with boards titled A, B, C... in that order. */
function withBoards(...names: string[]) {
  const doc = newWorkshop();
  const ids = names.map((name) => addBoard(doc, name));
  return { doc, ids };
}

describe('createBoard', () => {
  it('creates an empty board at the end of the agenda in one transaction', () => {
    const { doc, ids: [first] } = withBoards('Expectations');
    const { result, updates, origins } = recordWrites(doc, () =>
      createBoard(doc, { type: 'notes', title: '  Ground\trules ', prompt: 'What helps us\n\n\n\nwork well?' }, 'me'));
    const id = unwrap(result);
    expect(updates).toBe(1);
    expect(origins).toEqual(['me']);
    expect(boardIds(doc)).toEqual([first, id]);
    expect(getBoard(doc, id)).toEqual({
      id, type: 'notes', title: 'Ground rules', prompt: 'What helps us\n\nwork well?', itemCount: 0,
    });
  });

  it('defaults the prompt to empty', () => {
    const doc = newWorkshop();
    const id = addBoard(doc, 'Expectations');
    expect(getBoard(doc, id)?.prompt).toBe('');
  });

  it.each([
    ['an empty title', { type: 'notes', title: '  ' }, 'empty'],
    ['a too-long title', { type: 'notes', title: 'x'.repeat(121) }, 'too-long'],
    ['a too-long prompt', { type: 'notes', title: 'Fine', prompt: 'x'.repeat(301) }, 'too-long'],
    ['an unknown type', { type: 'swot-from-the-future', title: 'Fine' }, 'bad-type'],
  ])('rejects %s and writes nothing', (_what, fields, error) => {
    const doc = newWorkshop();
    const { result, updates } = recordWrites(doc, () =>
      createBoard(doc, fields as { type: BoardType; title: string; prompt?: string }, 'me'));
    expect(result).toMatchObject({ ok: false, error });
    expect(updates).toBe(0);
    expect(listBoards(doc)).toEqual([]);
  });

  it('counts the items of a board', () => {
    const doc = newWorkshop();
    const id = addBoard(doc);
    addItem(doc, id, { ...author, text: 'one' }, 'me');
    addItem(doc, id, { ...author, text: 'two' }, 'me');
    expect(getBoard(doc, id)?.itemCount).toBe(2);
  });

  it('counts stakeholders on a stakeholder map and proposals on a ground-rules board', () => {
    const doc = newWorkshop();
    const map = createBoard(doc, { type: 'stakeholders', title: 'Who' }, 'me');
    const rules = createBoard(doc, { type: 'ground-rules', title: 'Rules' }, 'me');
    if (!map.ok || !rules.ok) throw new Error('no board');
    addStakeholder(doc, map.value, { name: 'Ministry of Health', createdBy: 'p1' }, 'me');
    addProposal(doc, rules.value, { text: 'Phones on silent', proposedBy: 'p1' }, 'me');
    addProposal(doc, rules.value, { text: 'Start on time', proposedBy: 'p1' }, 'me');
    expect([getBoard(doc, map.value)?.itemCount, getBoard(doc, rules.value)?.itemCount]).toEqual([1, 2]);
  });
});

describe('updateBoard', () => {
  it('changes title and prompt in one transaction', () => {
    const { doc, ids: [id] } = withBoards('Old');
    const { result, updates, origins } = recordWrites(doc, () =>
      updateBoard(doc, id!, { title: ' New ', prompt: ' Why? ' }, 'me'));
    expect(result.ok).toBe(true);
    expect(updates).toBe(1);
    expect(origins).toEqual(['me']);
    expect(getBoard(doc, id!)).toMatchObject({ title: 'New', prompt: 'Why?' });
  });

  it('changes only what is given', () => {
    const { doc, ids: [id] } = withBoards('Old');
    updateBoard(doc, id!, { prompt: 'Why?' }, 'me');
    expect(getBoard(doc, id!)).toMatchObject({ title: 'Old', prompt: 'Why?' });
  });

  it('rejects an empty title and changes nothing, not even a valid prompt', () => {
    const { doc, ids: [id] } = withBoards('Old');
    const { result, updates } = recordWrites(doc, () => updateBoard(doc, id!, { title: ' ', prompt: 'Why?' }, 'me'));
    expect(result).toMatchObject({ ok: false, error: 'empty' });
    expect(updates).toBe(0);
    expect(getBoard(doc, id!)).toMatchObject({ title: 'Old', prompt: '' });
  });

  it('keeps a Khmer title and question beside the English ones, and drops a cleared one', () => {
    const { doc, ids: [id] } = withBoards('Strengths');
    unwrap(updateBoard(doc, id!, { titleKm: ' ចំណុចខ្លាំង ', promptKm: 'អ្វីដែល\n\n\n\nដំណើរការល្អ?' }, 'me'));
    expect(getBoard(doc, id!)).toMatchObject({ title: 'Strengths', titleKm: 'ចំណុចខ្លាំង', promptKm: 'អ្វីដែល\n\nដំណើរការល្អ?' });
    unwrap(updateBoard(doc, id!, { titleKm: ' ', promptKm: '' }, 'me'));
    expect(getBoard(doc, id!)).not.toHaveProperty('titleKm');
    expect(getBoard(doc, id!)).not.toHaveProperty('promptKm');
    expect(liveBoard(doc, id!)?.has('titleKm')).toBe(false);
  });

  it('caps the Khmer title and question like the English ones, counting code points', () => {
    const { doc, ids: [id] } = withBoards('Old');
    expect(updateBoard(doc, id!, { titleKm: 'ក'.repeat(121) }, 'me')).toMatchObject({ ok: false, error: 'too-long' });
    expect(updateBoard(doc, id!, { promptKm: 'ក'.repeat(301) }, 'me')).toMatchObject({ ok: false, error: 'too-long' });
    expect(updateBoard(doc, id!, { titleKm: 'ក'.repeat(120), promptKm: 'ក'.repeat(300) }, 'me').ok).toBe(true);
  });

  it('creates a board with both languages\' words', () => {
    const doc = newWorkshop();
    const id = unwrap(createBoard(doc, { type: 'swot', title: 'SWOT', titleKm: 'SWOT ខ្មែរ', prompt: 'Where?', promptKm: 'នៅឯណា?' }, 'me'));
    expect(getBoard(doc, id)).toMatchObject({ title: 'SWOT', titleKm: 'SWOT ខ្មែរ', prompt: 'Where?', promptKm: 'នៅឯណា?' });
  });

  it('reports a missing or deleted board', () => {
    const { doc, ids: [id] } = withBoards('Old');
    expect(updateBoard(doc, 'nope', { title: 'X' }, 'me')).toEqual({ ok: false, error: 'no-board', detail: 'nope' });
    deleteBoard(doc, id!, 'me');
    expect(updateBoard(doc, id!, { title: 'X' }, 'me')).toEqual({ ok: false, error: 'no-board', detail: id });
  });
});

describe('moveBoard', () => {
  it.each([
    [0, 2, ['B', 'C', 'A']],
    [2, 0, ['C', 'A', 'B']],
    [1, 0, ['B', 'A', 'C']],
    [1, 2, ['A', 'C', 'B']],
  ])('moves the board at %i to %i', (from, to, expected) => {
    const { doc, ids } = withBoards('A', 'B', 'C');
    const { result, updates, origins } = recordWrites(doc, () => moveBoard(doc, ids[from]!, to, 'me'));
    expect(result.ok).toBe(true);
    expect(updates).toBe(1);
    expect(origins).toEqual(['me']);
    expect(titles(doc)).toEqual(expected);
  });

  it('writes nothing when the board is already there', () => {
    const { doc, ids } = withBoards('A', 'B', 'C');
    const { result, updates } = recordWrites(doc, () => moveBoard(doc, ids[1]!, 1, 'me'));
    expect(result.ok).toBe(true);
    expect(updates).toBe(0);
  });

  it.each([-1, 3, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects the index %d', (to) => {
    const { doc, ids } = withBoards('A', 'B', 'C');
    const { result, updates } = recordWrites(doc, () => moveBoard(doc, ids[0]!, to, 'me'));
    expect(result).toEqual({ ok: false, error: 'bad-index', detail: String(to) });
    expect(updates).toBe(0);
    expect(titles(doc)).toEqual(['A', 'B', 'C']);
  });

  it('reports a missing or deleted board', () => {
    const { doc, ids } = withBoards('A', 'B');
    expect(moveBoard(doc, 'nope', 0, 'me')).toEqual({ ok: false, error: 'no-board', detail: 'nope' });
    deleteBoard(doc, ids[0]!, 'me');
    expect(moveBoard(doc, ids[0]!, 0, 'me')).toMatchObject({ ok: false, error: 'no-board' });
  });

  it('indexes into the live boards, skipping deleted ones', () => {
    const { doc, ids } = withBoards('A', 'B', 'C', 'D');
    deleteBoard(doc, ids[1]!, 'me');
    expect(moveBoard(doc, ids[3]!, 1, 'me').ok).toBe(true);
    expect(titles(doc)).toEqual(['A', 'D', 'C']);
  });
});

describe('deleteBoard', () => {
  it('hides the board and removes it from the agenda in one transaction', () => {
    const { doc, ids } = withBoards('A', 'B', 'C');
    const { result, updates, origins } = recordWrites(doc, () => deleteBoard(doc, ids[1]!, 'me'));
    expect(result.ok).toBe(true);
    expect(updates).toBe(1);
    expect(origins).toEqual(['me']);
    expect(titles(doc)).toEqual(['A', 'C']);
    expect(getBoard(doc, ids[1]!)).toBeUndefined();
    expect(liveBoard(doc, ids[1]!)).toBeUndefined();
    expect(boardOrderOf(doc).toArray()).toEqual([ids[0], ids[2]]);
  });

  it('reports a missing or already deleted board', () => {
    const { doc, ids: [id] } = withBoards('A');
    expect(deleteBoard(doc, 'nope', 'me')).toEqual({ ok: false, error: 'no-board', detail: 'nope' });
    deleteBoard(doc, id!, 'me');
    expect(deleteBoard(doc, id!, 'me')).toEqual({ ok: false, error: 'no-board', detail: id });
  });
});

describe('boards on several devices', () => {
  it('lists every board once, in the same order, when two devices move the same board at once', () => {
    const { doc: a, ids } = withBoards('A', 'B', 'C', 'D');
    const b = joinDevice(a);
    unwrap(moveBoard(a, ids[0]!, 3, 'a'));
    unwrap(moveBoard(b, ids[0]!, 1, 'b'));
    exchange(a, b);
    expect(boardIds(a)).toEqual(boardIds(b));
    expect(listBoards(a)).toEqual(listBoards(b));
    expect([...boardIds(a)].sort()).toEqual([...ids].sort());
    expect(['B,C,D,A', 'B,A,C,D']).toContain(titles(a).join());
  });

  it('lists every board once when two devices reorder different boards at once', () => {
    const { doc: a, ids } = withBoards('A', 'B', 'C', 'D');
    const b = joinDevice(a);
    moveBoard(a, ids[0]!, 3, 'a');
    moveBoard(b, ids[3]!, 0, 'b');
    exchange(a, b);
    expect(listBoards(a)).toEqual(listBoards(b));
    expect([...boardIds(a)].sort()).toEqual([...ids].sort());
  });

  it('cleans up the duplicates a concurrent move leaves with the next move', () => {
    const { doc: a, ids } = withBoards('A', 'B', 'C');
    const b = joinDevice(a);
    moveBoard(a, ids[0]!, 2, 'a');
    moveBoard(b, ids[0]!, 1, 'b');
    exchange(a, b);
    expect(boardOrderOf(a).length).toBeGreaterThan(3);
    unwrap(moveBoard(a, ids[2]!, 0, 'a'));
    exchange(a, b);
    expect(boardOrderOf(a).length).toBe(3);
    expect(boardIds(b)).toEqual(boardIds(a));
  });

  it('keeps a board deleted when a move on another device races the delete', () => {
    const { doc: a, ids } = withBoards('A', 'B', 'C');
    const b = joinDevice(a);
    unwrap(deleteBoard(a, ids[1]!, 'a'));
    unwrap(moveBoard(b, ids[1]!, 0, 'b'));
    exchange(a, b);
    for (const doc of [a, b]) {
      expect(titles(doc)).toEqual(['A', 'C']);
      expect(getBoard(doc, ids[1]!)).toBeUndefined();
    }
  });

  it('keeps a board deleted when a rename on another device races the delete', () => {
    const { doc: a, ids } = withBoards('A', 'B');
    const b = joinDevice(a);
    deleteBoard(a, ids[1]!, 'a');
    updateBoard(b, ids[1]!, { title: 'Renamed' }, 'b');
    exchange(a, b);
    expect(titles(a)).toEqual(['A']);
    expect(titles(b)).toEqual(['A']);
  });

  it('keeps both boards, in the same order everywhere, when two offline devices create one each', () => {
    const { doc: a } = withBoards('Expectations');
    const b = joinDevice(a);
    const fromA = addBoard(a, 'Ground rules', 'a');
    const fromB = addBoard(b, 'Stakeholders', 'b');
    exchange(a, b);
    expect(listBoards(a)).toEqual(listBoards(b));
    expect(titles(a)).toHaveLength(3);
    expect(titles(a)[0]).toBe('Expectations');
    expect(boardIds(a).slice(1).sort()).toEqual([fromA, fromB].sort());
  });

  it('keeps a board created on one device while another device reorders the agenda', () => {
    const { doc: a, ids } = withBoards('A', 'B');
    const b = joinDevice(a);
    const c = addBoard(a, 'C', 'a');
    moveBoard(b, ids[1]!, 0, 'b');
    exchange(a, b);
    expect(listBoards(a)).toEqual(listBoards(b));
    expect([...boardIds(a)].sort()).toEqual([ids[0], ids[1], c].sort());
  });
});
