import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addProposal, listProposals, respond } from '../../../src/core/ground-rules';
import { editItem } from '../../../src/core/items';
import { addStakeholder, getStakeholder, placeStakeholder } from '../../../src/core/stakeholders';
import { addCluster, addNote, deleteCluster, listClusters, listNotes, moveNote } from '../../../src/core/swot';
import { UNDO_CAPTURE_MS, createUndo } from '../../../src/core/undo';
import { addBoardOf, exchange, joinDevice, newWorkshop, unwrap } from './helpers';

/** This device's origin, as the app passes it to every write. */
const mine = { local: true };
const gov = { createdBy: 'p1', group: 'gov' };

/** Two devices sharing one board; `a` is this device, with an undo manager that merges nothing. */
function setup(type: 'swot' | 'stakeholders' | 'ground-rules') {
  const a = newWorkshop();
  const board = addBoardOf(a, type, 'Board');
  const b = joinDevice(a);
  const undo = createUndo(a, board, mine, 0);
  return { a, b, board, undo };
}

const texts = (doc: Y.Doc, board: string) => listNotes(doc, board).map((n) => n.text);

describe('createUndo', () => {
  it('tracks only the given origin, merging changes within the capture time', () => {
    const a = newWorkshop();
    const board = addBoardOf(a, 'swot');
    const undo = createUndo(a, board, mine);
    expect(undo.trackedOrigins.has(mine)).toBe(true);
    expect(undo.trackedOrigins.has('remote')).toBe(false);
    expect(UNDO_CAPTURE_MS).toBe(500);
    unwrap(addNote(a, board, { ...gov, text: 'one', quadrant: 'strengths' }, mine));
    unwrap(addNote(a, board, { ...gov, text: 'two', quadrant: 'strengths' }, mine));
    undo.undo();
    expect(texts(a, board)).toEqual([]);
    undo.destroy();
  });

  it('undoes my note but not one someone else added, then redoes it', () => {
    const { a, b, board, undo } = setup('swot');
    unwrap(addNote(a, board, { ...gov, text: 'mine', quadrant: 'strengths' }, mine));
    unwrap(addNote(b, board, { createdBy: 'p2', group: 'dp', text: 'theirs', quadrant: 'threats' }, 'b'));
    exchange(a, b);
    expect(undo.canUndo()).toBe(true);
    undo.undo();
    expect(texts(a, board)).toEqual(['theirs']);
    expect(undo.canUndo()).toBe(false);
    undo.redo();
    expect(texts(a, board)).toEqual(['mine', 'theirs']);
    exchange(a, b);
    expect(texts(b, board)).toEqual(['mine', 'theirs']);
  });

  it('never undoes a change from another origin on this same device', () => {
    const { a, board, undo } = setup('swot');
    unwrap(addNote(a, board, { ...gov, text: 'imported', quadrant: 'strengths' }, 'import'));
    expect(undo.canUndo()).toBe(false);
    undo.undo();
    expect(texts(a, board)).toEqual(['imported']);
  });

  it('undoes my move while keeping their edit of the same note', () => {
    const { a, b, board, undo } = setup('swot');
    const id = unwrap(addNote(a, board, { ...gov, text: 'Shared data', quadrant: 'strengths' }, 'setup'));
    exchange(a, b);
    unwrap(moveNote(a, board, id, { quadrant: 'threats', toIndex: 0 }, mine));
    unwrap(editItem(b, board, id, 'Shared data portal', 'b'));
    exchange(a, b);
    undo.undo();
    expect(listNotes(a, board)[0]).toMatchObject({ text: 'Shared data portal', lane: 'strengths' });
    undo.redo();
    expect(listNotes(a, board)[0]).toMatchObject({ text: 'Shared data portal', lane: 'threats' });
  });

  it('undoes my cluster deletion, putting its notes back under it', () => {
    const { a, board, undo } = setup('swot');
    const cluster = unwrap(addCluster(a, board, { title: 'Data', quadrant: 'weaknesses' }, 'setup'));
    unwrap(addNote(a, board, { ...gov, text: 'Weak data', quadrant: 'weaknesses', cluster }, 'setup'));
    unwrap(deleteCluster(a, board, cluster, mine));
    expect(listNotes(a, board)[0]!.cluster).toBe('');
    undo.undo();
    expect(listClusters(a, board).map((c) => c.title)).toEqual(['Data']);
    expect(listNotes(a, board)[0]!.cluster).toBe(cluster);
  });

  it('undoes my estimate on a stakeholder map, leaving theirs', () => {
    const { a, b, board, undo } = setup('stakeholders');
    const id = unwrap(addStakeholder(a, board, { name: 'Ministry', createdBy: 'p1' }, 'setup'));
    exchange(a, b);
    unwrap(placeStakeholder(a, board, id, 'p1', { influence: 1, interest: 1 }, mine));
    unwrap(placeStakeholder(b, board, id, 'p2', { influence: 0, interest: 0 }, 'b'));
    exchange(a, b);
    undo.undo();
    expect(getStakeholder(a, board, id, 'p1')).toMatchObject({ estimates: 1, mine: null, position: { influence: 0, interest: 0 } });
  });

  it('undoes my answer to a ground rule, leaving theirs', () => {
    const { a, b, board, undo } = setup('ground-rules');
    const id = unwrap(addProposal(a, board, { text: 'Start on time', proposedBy: 'p1' }, 'setup'));
    exchange(a, b);
    unwrap(respond(a, board, id, 'p1', { answer: 'object' }, mine));
    unwrap(respond(b, board, id, 'p2', { answer: 'agree' }, 'b'));
    exchange(a, b);
    expect(listProposals(a, board)[0]!.status).toBe('needs-discussion');
    undo.undo();
    expect(listProposals(a, board)[0]).toMatchObject({ status: 'adopted', tally: { agree: 1, reservations: 0, object: 0 } });
  });

  it('is scoped to one board', () => {
    const { a, board, undo } = setup('swot');
    const other = addBoardOf(a, 'swot', 'Other');
    unwrap(addNote(a, other, { ...gov, text: 'elsewhere', quadrant: 'threats' }, mine));
    expect(undo.canUndo()).toBe(false);
    expect(texts(a, other)).toEqual(['elsewhere']);
    expect(texts(a, board)).toEqual([]);
  });
});
