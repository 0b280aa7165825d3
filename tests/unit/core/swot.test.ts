import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoard, deleteBoard, getBoard } from '../../../src/core/boards';
import { deleteItem, editItem, getItem, listItems } from '../../../src/core/items';
import { boardMapOf } from '../../../src/core/schema';
import {
  QUADRANTS, addCluster, addNote, clusterNote, compareGroups, deleteCluster, isQuadrant, listClusters, listNotes,
  moveCluster, moveNote, renameCluster, swotView,
} from '../../../src/core/swot';
import { addBoard, addBoardOf, exchange, joinDevice, newWorkshop, recordWrites, unwrap } from './helpers';

const gov = { createdBy: 'p1', group: 'gov' };
const dp = { createdBy: 'p2', group: 'dp' };

function swot() {
  const doc = newWorkshop();
  return { doc, board: addBoardOf(doc, 'swot', 'SWOT') };
}

const note = (doc: Y.Doc, board: string, text: string, quadrant: string, who = gov, cluster?: string) =>
  unwrap(addNote(doc, board, { ...who, text, quadrant, ...(cluster === undefined ? {} : { cluster }) }, 'setup'));

const texts = (doc: Y.Doc, board: string, quadrant: string, cluster = '') => {
  const view = swotView(doc, board).find((q) => q.quadrant === quadrant)!;
  const notes = cluster ? view.clusters.find((c) => c.id === cluster)?.notes ?? [] : view.notes;
  return notes.map((n) => n.text);
};

describe('SWOT boards', () => {
  it('creates a SWOT board with an empty cluster map in the same transaction', () => {
    const doc = newWorkshop();
    const { result, updates, origins } = recordWrites(doc, () => createBoard(doc, { type: 'swot', title: 'SWOT' }, 'me'));
    const id = unwrap(result);
    expect(updates).toBe(1);
    expect(origins).toEqual(['me']);
    expect(boardMapOf(doc, id).get('clusters')).toBeInstanceOf(Y.Map);
    expect(getBoard(doc, id)).toMatchObject({ type: 'swot', itemCount: 0 });
    expect(swotView(doc, id).map((q) => q.quadrant)).toEqual([...QUADRANTS]);
  });

  it('knows its quadrants', () => {
    expect(QUADRANTS.every(isQuadrant)).toBe(true);
    expect(isQuadrant('risks')).toBe(false);
  });
});

describe('addNote', () => {
  it('adds a note with author and group to the end of its quadrant', () => {
    const { doc, board } = swot();
    note(doc, board, 'Political will', 'strengths');
    const { result, origins } = recordWrites(doc, () => addNote(doc, board, { ...dp, text: ' Funding\tgaps ', quadrant: 'strengths' }, 'me'));
    const id = unwrap(result);
    expect(origins).toEqual(['me']);
    expect(texts(doc, board, 'strengths')).toEqual(['Political will', 'Funding gaps']);
    expect(getItem(doc, board, id)).toMatchObject({ text: 'Funding gaps', createdBy: 'p2', group: 'dp', lane: 'strengths', cluster: '' });
  });

  it('adds a note straight under a cluster', () => {
    const { doc, board } = swot();
    const cluster = unwrap(addCluster(doc, board, { title: 'Data', quadrant: 'weaknesses' }, 'me'));
    note(doc, board, 'Weak data systems', 'weaknesses', gov, cluster);
    expect(texts(doc, board, 'weaknesses', cluster)).toEqual(['Weak data systems']);
    expect(texts(doc, board, 'weaknesses')).toEqual([]);
  });

  it.each([
    ['empty text', { text: ' ', quadrant: 'strengths' }, 'empty'],
    ['too long a text', { text: 'x'.repeat(501), quadrant: 'strengths' }, 'too-long'],
    ['an unknown quadrant', { text: 'x', quadrant: 'risks' }, 'bad-quadrant'],
    ['an unknown cluster', { text: 'x', quadrant: 'strengths', cluster: 'nope' }, 'no-cluster'],
  ])('rejects %s and writes nothing', (_what, fields, error) => {
    const { doc, board } = swot();
    const { result, updates } = recordWrites(doc, () => addNote(doc, board, { ...gov, ...fields }, 'me'));
    expect(result).toMatchObject({ ok: false, error });
    expect(updates).toBe(0);
  });

  it('rejects a cluster of another quadrant', () => {
    const { doc, board } = swot();
    const cluster = unwrap(addCluster(doc, board, { title: 'Data', quadrant: 'weaknesses' }, 'me'));
    expect(addNote(doc, board, { ...gov, text: 'x', quadrant: 'strengths', cluster }, 'me')).toMatchObject({ ok: false, error: 'bad-quadrant' });
  });

  it('reports a missing, deleted or non-SWOT board', () => {
    const { doc, board } = swot();
    const notes = addBoard(doc);
    expect(addNote(doc, 'nope', { ...gov, text: 'x', quadrant: 'threats' }, 'me')).toMatchObject({ ok: false, error: 'no-board' });
    expect(addNote(doc, notes, { ...gov, text: 'x', quadrant: 'threats' }, 'me')).toMatchObject({ ok: false, error: 'no-board' });
    deleteBoard(doc, board, 'me');
    expect(addNote(doc, board, { ...gov, text: 'x', quadrant: 'threats' }, 'me')).toMatchObject({ ok: false, error: 'no-board' });
    expect(swotView(doc, board).every((q) => q.notes.length === 0 && q.clusters.length === 0)).toBe(true);
  });
});

describe('editing and deleting notes (items.ts)', () => {
  it('edits in place and deletes', () => {
    const { doc, board } = swot();
    const id = note(doc, board, 'Political will', 'strengths');
    unwrap(editItem(doc, board, id, 'Strong political will', 'me'));
    expect(texts(doc, board, 'strengths')).toEqual(['Strong political will']);
    unwrap(deleteItem(doc, board, id, 'me'));
    expect(listNotes(doc, board)).toEqual([]);
  });
});

describe('moveNote', () => {
  it('moves between quadrants to a given slot, in one transaction', () => {
    const { doc, board } = swot();
    const s1 = note(doc, board, 's1', 'strengths');
    note(doc, board, 'o1', 'opportunities');
    note(doc, board, 'o2', 'opportunities');
    const { result, updates, origins } = recordWrites(doc, () => moveNote(doc, board, s1, { quadrant: 'opportunities', toIndex: 1 }, 'me'));
    expect(result).toEqual({ ok: true, value: undefined });
    expect(updates).toBe(1);
    expect(origins).toEqual(['me']);
    expect(texts(doc, board, 'strengths')).toEqual([]);
    expect(texts(doc, board, 'opportunities')).toEqual(['o1', 's1', 'o2']);
  });

  it('reorders within a quadrant', () => {
    const { doc, board } = swot();
    const [, , c] = ['a', 'b', 'c'].map((t) => note(doc, board, t, 'threats'));
    unwrap(moveNote(doc, board, c!, { quadrant: 'threats', toIndex: 0 }, 'me'));
    expect(texts(doc, board, 'threats')).toEqual(['c', 'a', 'b']);
  });

  it('moves into and out of a cluster, counting slots among the cluster\'s notes', () => {
    const { doc, board } = swot();
    const cluster = unwrap(addCluster(doc, board, { title: 'Capacity', quadrant: 'weaknesses' }, 'me'));
    note(doc, board, 'in1', 'weaknesses', gov, cluster);
    note(doc, board, 'in2', 'weaknesses', gov, cluster);
    const loose = note(doc, board, 'loose', 'strengths');
    unwrap(moveNote(doc, board, loose, { quadrant: 'weaknesses', cluster, toIndex: 1 }, 'me'));
    expect(texts(doc, board, 'weaknesses', cluster)).toEqual(['in1', 'loose', 'in2']);
    unwrap(moveNote(doc, board, loose, { quadrant: 'weaknesses', toIndex: 0 }, 'me'));
    expect(texts(doc, board, 'weaknesses', cluster)).toEqual(['in1', 'in2']);
    expect(texts(doc, board, 'weaknesses')).toEqual(['loose']);
  });

  it.each([
    ['an unknown quadrant', { quadrant: 'risks', toIndex: 0 }, 'bad-quadrant'],
    ['an unknown cluster', { quadrant: 'strengths', cluster: 'nope', toIndex: 0 }, 'no-cluster'],
    ['a slot past the end', { quadrant: 'strengths', toIndex: 2 }, 'bad-index'],
    ['a negative slot', { quadrant: 'strengths', toIndex: -1 }, 'bad-index'],
    ['a fractional slot', { quadrant: 'strengths', toIndex: 0.5 }, 'bad-index'],
  ])('rejects %s and writes nothing', (_what, target, error) => {
    const { doc, board } = swot();
    const id = note(doc, board, 'x', 'strengths');
    note(doc, board, 'y', 'strengths');
    const { result, updates } = recordWrites(doc, () => moveNote(doc, board, id, target, 'me'));
    expect(result).toMatchObject({ ok: false, error });
    expect(updates).toBe(0);
  });

  it('reports an unknown note or board', () => {
    const { doc, board } = swot();
    expect(moveNote(doc, board, 'nope', { quadrant: 'threats', toIndex: 0 }, 'me')).toMatchObject({ ok: false, error: 'no-item' });
    expect(moveNote(doc, 'nope', 'nope', { quadrant: 'threats', toIndex: 0 }, 'me')).toMatchObject({ ok: false, error: 'no-board' });
  });
});

describe('clusters', () => {
  it('adds, renames, reorders and lists clusters per quadrant', () => {
    const { doc, board } = swot();
    const a = unwrap(addCluster(doc, board, { title: ' Data ', quadrant: 'weaknesses' }, 'me'));
    const b = unwrap(addCluster(doc, board, { title: 'Funding', quadrant: 'weaknesses' }, 'me'));
    const c = unwrap(addCluster(doc, board, { title: 'Will', quadrant: 'strengths' }, 'me'));
    expect(listClusters(doc, board, 'weaknesses').map((x) => x.title)).toEqual(['Data', 'Funding']);
    expect(listClusters(doc, board).map((x) => x.id).sort()).toEqual([a, b, c].sort());
    const { updates, origins } = recordWrites(doc, () => unwrap(renameCluster(doc, board, a, 'Data systems', 'me')));
    expect([updates, origins]).toEqual([1, ['me']]);
    expect(recordWrites(doc, () => renameCluster(doc, board, a, 'Data systems', 'me')).updates).toBe(0);
    unwrap(moveCluster(doc, board, b, 0, 'me'));
    expect(listClusters(doc, board, 'weaknesses')).toEqual([
      expect.objectContaining({ id: b, title: 'Funding', quadrant: 'weaknesses' }),
      expect.objectContaining({ id: a, title: 'Data systems', quadrant: 'weaknesses' }),
    ]);
    expect(swotView(doc, board)[1]!.clusters.map((x) => x.title)).toEqual(['Funding', 'Data systems']);
  });

  it('keeps a correct order after 100 moves into one gap', () => {
    const { doc, board } = swot();
    const ids = ['a', 'b', 'c'].map((title) => unwrap(addCluster(doc, board, { title, quadrant: 'threats' }, 'me')));
    for (let n = 0; n < 100; n++) unwrap(moveCluster(doc, board, ids[n % 2 === 0 ? 2 : 0]!, 1, 'me'));
    const orders = listClusters(doc, board, 'threats').map((c) => c.order);
    expect(new Set(orders).size).toBe(3);
    // Alternately c, then a, into the middle slot: the last move (a) leaves c, a, b.
    expect(listClusters(doc, board, 'threats').map((c) => c.title)).toEqual(['c', 'a', 'b']);
  });

  it.each([
    ['an empty title', { title: '', quadrant: 'threats' }, 'empty'],
    ['a too-long title', { title: 'x'.repeat(121), quadrant: 'threats' }, 'too-long'],
    ['an unknown quadrant', { title: 'x', quadrant: 'risks' }, 'bad-quadrant'],
  ])('rejects %s', (_what, fields, error) => {
    const { doc, board } = swot();
    expect(addCluster(doc, board, fields, 'me')).toMatchObject({ ok: false, error });
    expect(listClusters(doc, board)).toEqual([]);
  });

  it('reports unknown clusters, boards and slots', () => {
    const { doc, board } = swot();
    const id = unwrap(addCluster(doc, board, { title: 'x', quadrant: 'threats' }, 'me'));
    expect(renameCluster(doc, board, 'nope', 'y', 'me')).toMatchObject({ ok: false, error: 'no-cluster' });
    expect(renameCluster(doc, board, id, ' ', 'me')).toMatchObject({ ok: false, error: 'empty' });
    expect(moveCluster(doc, board, 'nope', 0, 'me')).toMatchObject({ ok: false, error: 'no-cluster' });
    expect(moveCluster(doc, board, id, 1, 'me')).toMatchObject({ ok: false, error: 'bad-index' });
    expect(deleteCluster(doc, board, 'nope', 'me')).toMatchObject({ ok: false, error: 'no-cluster' });
    expect(deleteCluster(doc, addBoard(doc), id, 'me')).toMatchObject({ ok: false, error: 'no-board' });
    expect(addCluster(doc, 'nope', { title: 'x', quadrant: 'threats' }, 'me')).toMatchObject({ ok: false, error: 'no-board' });
  });

  it('clusterNote puts a note at the end of a cluster, moving it to the cluster\'s quadrant, and back out', () => {
    const { doc, board } = swot();
    const cluster = unwrap(addCluster(doc, board, { title: 'Capacity', quadrant: 'weaknesses' }, 'me'));
    note(doc, board, 'first', 'weaknesses', gov, cluster);
    const id = note(doc, board, 'Staff turnover', 'threats');
    const { updates } = recordWrites(doc, () => unwrap(clusterNote(doc, board, id, cluster, 'me')));
    expect(updates).toBe(1);
    expect(texts(doc, board, 'weaknesses', cluster)).toEqual(['first', 'Staff turnover']);
    unwrap(clusterNote(doc, board, id, '', 'me'));
    expect(texts(doc, board, 'weaknesses')).toEqual(['Staff turnover']);
    expect(clusterNote(doc, board, id, 'nope', 'me')).toMatchObject({ ok: false, error: 'no-cluster' });
    expect(clusterNote(doc, board, 'nope', cluster, 'me')).toMatchObject({ ok: false, error: 'no-item' });
    expect(clusterNote(doc, 'nope', id, cluster, 'me')).toMatchObject({ ok: false, error: 'no-board' });
  });

  it('deleting a cluster leaves its notes loose in their quadrant, in one transaction', () => {
    const { doc, board } = swot();
    const cluster = unwrap(addCluster(doc, board, { title: 'Capacity', quadrant: 'weaknesses' }, 'me'));
    note(doc, board, 'a', 'weaknesses', gov, cluster);
    note(doc, board, 'b', 'weaknesses', dp, cluster);
    const { updates, origins } = recordWrites(doc, () => unwrap(deleteCluster(doc, board, cluster, 'me')));
    expect([updates, origins]).toEqual([1, ['me']]);
    expect(listClusters(doc, board)).toEqual([]);
    expect(texts(doc, board, 'weaknesses')).toEqual(['a', 'b']);
    expect(listItems(doc, board).map((i) => i.cluster)).toEqual(['', '']);
  });
});

describe('queries', () => {
  it('filters by group', () => {
    const { doc, board } = swot();
    note(doc, board, 'gov strength', 'strengths', gov);
    note(doc, board, 'dp strength', 'strengths', dp);
    note(doc, board, 'dp threat', 'threats', dp);
    expect(listNotes(doc, board, { group: 'dp' }).map((n) => n.text)).toEqual(['dp strength', 'dp threat']);
    const view = swotView(doc, board, { group: 'gov' });
    expect(view.map((q) => q.notes.map((n) => n.text))).toEqual([['gov strength'], [], [], []]);
    expect(listNotes(doc, board, { group: 'nobody' })).toEqual([]);
  });

  it('ignores items that are in no quadrant', () => {
    const { doc, board } = swot();
    note(doc, board, 'kept', 'strengths');
    // As an item written by a newer app or moved with the generic item API might be.
    const items = boardMapOf(doc, board).get('items') as Y.Map<Y.Map<unknown>>;
    doc.transact(() => {
      const stray = new Y.Map<unknown>();
      stray.set('id', 'stray');
      stray.set('lane', 'risks');
      items.set('stray', stray);
    });
    expect(listNotes(doc, board).map((n) => n.text)).toEqual(['kept']);
  });
});

describe('compareGroups', () => {
  function alignment() {
    const { doc, board } = swot();
    const coordination = unwrap(addCluster(doc, board, { title: 'Coordination', quadrant: 'weaknesses' }, 'me'));
    const ids = {
      govWill: note(doc, board, 'Strong government ownership', 'strengths', gov),
      dpWill: note(doc, board, 'Government ownership is strong!', 'strengths', dp),
      govAlone: note(doc, board, 'Clear legal mandate', 'strengths', gov),
      dpAlone: note(doc, board, 'Technical expertise', 'strengths', dp),
      govCoord: note(doc, board, 'Meetings are irregular', 'weaknesses', gov, coordination),
      dpCoord: note(doc, board, 'No joint work plan', 'weaknesses', dp, coordination),
      govSame: note(doc, board, 'Limited budget', 'threats', gov),
      govSame2: note(doc, board, 'limited budget', 'threats', gov),
      other: note(doc, board, 'Strong government ownership', 'strengths', { createdBy: 'p3', group: 'ngo' }),
    };
    return { doc, board, coordination, ids };
  }

  it('puts each group\'s notes side by side per quadrant, in the order asked', () => {
    const { doc, board, ids } = alignment();
    const { quadrants } = compareGroups(doc, board, ['dp', 'gov']);
    expect(quadrants.map((q) => q.quadrant)).toEqual([...QUADRANTS]);
    expect(quadrants[0]!.columns.map((c) => [c.group, c.notes.map((n) => n.id)])).toEqual([
      ['dp', [ids.dpWill, ids.dpAlone]],
      ['gov', [ids.govWill, ids.govAlone]],
    ]);
    expect(quadrants[3]!.columns[1]!.notes.map((n) => n.text)).toEqual(['Limited budget', 'limited budget']);
  });

  it('finds themes shared by several groups, from clusters and near-duplicates, not within one group', () => {
    const { doc, board, coordination, ids } = alignment();
    expect(compareGroups(doc, board, ['gov', 'dp']).themes).toEqual([
      { quadrant: 'strengths', noteIds: [ids.govWill, ids.dpWill], groups: ['gov', 'dp'], clusters: [], similar: true },
      {
        quadrant: 'weaknesses', noteIds: [ids.govCoord, ids.dpCoord], groups: ['gov', 'dp'],
        clusters: [{ id: coordination, title: 'Coordination' }], similar: false,
      },
    ]);
  });

  it('leaves out groups not compared, and finds nothing shared with one group', () => {
    const { doc, board, ids } = alignment();
    const themes = compareGroups(doc, board, ['gov', 'ngo']).themes;
    expect(themes).toEqual([
      { quadrant: 'strengths', noteIds: [ids.govWill, ids.other], groups: ['gov', 'ngo'], clusters: [], similar: true },
    ]);
    expect(compareGroups(doc, board, ['gov']).themes).toEqual([]);
    expect(compareGroups(doc, board, []).quadrants.every((q) => q.columns.length === 0)).toBe(true);
  });

  it('chains near-duplicates and clusters into one theme', () => {
    const { doc, board } = swot();
    const cluster = unwrap(addCluster(doc, board, { title: 'Data', quadrant: 'weaknesses' }, 'me'));
    const a = note(doc, board, 'Weak data systems', 'weaknesses', gov, cluster);
    const b = note(doc, board, 'Poor statistics', 'weaknesses', gov, cluster);
    const c = note(doc, board, 'weak data system', 'weaknesses', dp);
    expect(compareGroups(doc, board, ['gov', 'dp']).themes).toEqual([
      { quadrant: 'weaknesses', noteIds: [a, b, c], groups: ['gov', 'dp'], clusters: [{ id: cluster, title: 'Data' }], similar: true },
    ]);
  });

  it('takes a stricter or looser threshold', () => {
    const { doc, board } = swot();
    note(doc, board, 'Political will', 'strengths', gov);
    note(doc, board, 'Political instability', 'strengths', dp);
    expect(compareGroups(doc, board, ['gov', 'dp']).themes).toEqual([]);
    expect(compareGroups(doc, board, ['gov', 'dp'], 0.3).themes).toHaveLength(1);
  });

  it('returns empty columns for an unknown board', () => {
    const doc = newWorkshop();
    expect(compareGroups(doc, 'nope', ['gov']).themes).toEqual([]);
  });
});

describe('concurrent changes', () => {
  it('the same note moved to different quadrants on two devices ends in one quadrant on both', () => {
    const { doc: a, board } = swot();
    const id = note(a, board, 'Donor funding', 'opportunities');
    note(a, board, 'other', 'threats');
    const b = joinDevice(a);
    unwrap(moveNote(a, board, id, { quadrant: 'strengths', toIndex: 0 }, 'a'));
    unwrap(moveNote(b, board, id, { quadrant: 'threats', toIndex: 0 }, 'b'));
    exchange(a, b);
    expect(swotView(a, board)).toEqual(swotView(b, board));
    const placed = listNotes(a, board).filter((n) => n.id === id);
    expect(placed).toHaveLength(1);
    expect(['strengths', 'threats']).toContain(placed[0]!.lane);
  });

  it('a note moved on one device and edited on the other keeps both changes', () => {
    const { doc: a, board } = swot();
    const id = note(a, board, 'Shared data', 'strengths');
    const b = joinDevice(a);
    unwrap(moveNote(a, board, id, { quadrant: 'opportunities', toIndex: 0 }, 'a'));
    unwrap(editItem(b, board, id, 'Shared data portal', 'b'));
    exchange(a, b);
    expect(swotView(a, board)).toEqual(swotView(b, board));
    expect(getItem(a, board, id)).toMatchObject({ text: 'Shared data portal', lane: 'opportunities' });
  });

  it('a note clustered on one device and moved to another quadrant on the other is shown loose there', () => {
    const { doc: a, board } = swot();
    const cluster = unwrap(addCluster(a, board, { title: 'Will', quadrant: 'strengths' }, 'a'));
    const id = note(a, board, 'Political will', 'strengths');
    const b = joinDevice(a);
    unwrap(clusterNote(a, board, id, cluster, 'a'));
    unwrap(moveNote(b, board, id, { quadrant: 'threats', toIndex: 0 }, 'b'));
    exchange(a, b);
    expect(swotView(a, board)).toEqual(swotView(b, board));
    const shown = listNotes(a, board)[0]!;
    expect(shown.cluster === '' || shown.lane === 'strengths').toBe(true);
  });

  it('a cluster deleted while a note is added to it: the note survives, loose', () => {
    const { doc: a, board } = swot();
    const cluster = unwrap(addCluster(a, board, { title: 'Capacity', quadrant: 'weaknesses' }, 'a'));
    const b = joinDevice(a);
    unwrap(deleteCluster(a, board, cluster, 'a'));
    const id = note(b, board, 'Few trained staff', 'weaknesses', dp, cluster);
    exchange(a, b);
    expect(swotView(a, board)).toEqual(swotView(b, board));
    expect(listClusters(b, board)).toEqual([]);
    expect(texts(b, board, 'weaknesses')).toEqual(['Few trained staff']);
    expect(listNotes(b, board).find((n) => n.id === id)?.cluster).toBe('');
  });

  it('counts a note left under a cluster deleted elsewhere among the loose notes when moving', () => {
    const { doc: a, board } = swot();
    const cluster = unwrap(addCluster(a, board, { title: 'Capacity', quadrant: 'weaknesses' }, 'a'));
    const b = joinDevice(a);
    unwrap(deleteCluster(a, board, cluster, 'a'));
    note(b, board, 'dangling', 'weaknesses', dp, cluster);
    exchange(a, b);
    const loose = note(a, board, 'loose', 'threats');
    unwrap(moveNote(a, board, loose, { quadrant: 'weaknesses', toIndex: 1 }, 'a'));
    expect(texts(a, board, 'weaknesses')).toEqual(['dangling', 'loose']);
    unwrap(moveNote(a, board, loose, { quadrant: 'weaknesses', toIndex: 0 }, 'a'));
    expect(texts(a, board, 'weaknesses')).toEqual(['loose', 'dangling']);
  });

  it('two devices renaming and reordering one cluster keep both changes', () => {
    const { doc: a, board } = swot();
    const first = unwrap(addCluster(a, board, { title: 'first', quadrant: 'threats' }, 'a'));
    const second = unwrap(addCluster(a, board, { title: 'second', quadrant: 'threats' }, 'a'));
    const b = joinDevice(a);
    unwrap(renameCluster(a, board, second, 'Second!', 'a'));
    unwrap(moveCluster(b, board, second, 0, 'b'));
    exchange(a, b);
    expect(listClusters(a, board)).toEqual(listClusters(b, board));
    expect(listClusters(a, board).map((c) => [c.id, c.title])).toEqual([[second, 'Second!'], [first, 'first']]);
  });
});
