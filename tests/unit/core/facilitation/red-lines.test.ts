import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addGroup } from '../../../../src/core/groups';
import { addRedLine, openRedLines, revealRedLines, withdrawRedLine } from '../../../../src/core/facilitation/red-lines';
import { deleteRedLine, listRedLines, redLinesByPartner, sealedRedLineCount } from '../../../../src/core/risks';
import { newSealingKeys } from '../../../../src/core/facilitation/keys';
import { createUndo } from '../../../../src/core/undo';
import { addBoardOf, exchange, joinDevice, recordWrites, unwrap } from '../helpers';
import { facilitated } from './setup';

const RED_LINE = 'No budget support through parallel systems';

/** A risks board; the laptop facilitates; a Development Partners phone seals a red line; a
 *  Government phone is in the room too. */
function room() {
  const { doc: laptop, root, creator } = facilitated();
  const gov = unwrap(addGroup(laptop, 'Government', 'setup'));
  const dp = unwrap(addGroup(laptop, 'Development Partners', 'setup'));
  const board = addBoardOf(laptop, 'risks', 'Risks');
  const phone = joinDevice(laptop);
  const neighbour = joinDevice(laptop);
  const author = newSealingKeys();
  const { result, updates } = recordWrites(phone, () =>
    addRedLine(phone, root, board, { partner: dp, text: RED_LINE, authorKey: author.public }, 'dp'));
  const id = unwrap(result);
  // What the phone sends the room: the bytes every other device receives.
  const sent = Y.encodeStateAsUpdate(phone, Y.encodeStateVector(neighbour));
  exchange(phone, laptop);
  exchange(laptop, neighbour);
  return { laptop, phone, neighbour, board, root, creator, gov, dp, author, id, sent, updates };
}

/** Everything a curious participant's device holds, as text: the document and its raw bytes. */
function rawCopy(doc: Y.Doc): string[] {
  for (const name of [...doc.share.keys()]) void (name === 'boards' ? doc.getArray(name) : doc.getMap(name));
  const update = Y.encodeStateAsUpdate(doc);
  return [JSON.stringify(doc.toJSON()), new TextDecoder('latin1').decode(update), new TextDecoder().decode(update)];
}

describe('a red line before the reveal', () => {
  it('is in no other participant\'s copy, nor in the update that carried it: not its text, not its partner', () => {
    const { neighbour, board, dp, sent, updates } = room();
    expect(updates).toBe(1);
    for (const raw of [...rawCopy(neighbour), new TextDecoder('latin1').decode(sent), new TextDecoder().decode(sent)]) {
      expect(raw).not.toContain(RED_LINE);
      expect(raw).not.toContain('parallel systems');
    }
    const sealedPart = JSON.stringify(neighbour.getMap(`board:${board}`).get('sealedRedLines'));
    expect(sealedPart).not.toContain(dp);
    expect(listRedLines(neighbour, board)).toEqual([]);
    expect(sealedRedLineCount(neighbour, board)).toBe(1);
  });

  it('was written by a one-off Yjs client, so presence cannot link it to the phone', () => {
    const { phone, sent } = room();
    const writers = Y.decodeUpdate(sent).structs.map((s) => s.id.client);
    expect(writers.length).toBeGreaterThan(0);
    expect(writers).not.toContain(phone.clientID);
  });

  it('opens for its author\'s key and the facilitator\'s, not for another participant\'s', () => {
    const { neighbour, board, creator, author, dp } = room();
    expect(openRedLines(neighbour, board, author.secret)).toMatchObject([{ partner: dp, text: RED_LINE }]);
    expect(openRedLines(neighbour, board, creator.keys.sealing.secret)).toMatchObject([{ partner: dp, text: RED_LINE }]);
    expect(openRedLines(neighbour, board, newSealingKeys().secret)).toEqual([]);
  });

  it('is refused without a partner group, a board or a facilitator to seal to, and can be withdrawn', () => {
    const { phone, board, root, gov, id } = room();
    expect(addRedLine(phone, root, board, { partner: 'ghost', text: 'x' }, 'p')).toMatchObject({ error: 'no-partner' });
    expect(addRedLine(phone, root, board, { partner: gov, text: '  ' }, 'p')).toMatchObject({ error: 'empty' });
    expect(addRedLine(phone, root, 'nope', { partner: gov, text: 'x' }, 'p')).toMatchObject({ error: 'no-board' });
    expect(addRedLine(phone, 'not-a-root', board, { partner: gov, text: 'x' }, 'p')).toMatchObject({ error: 'bad-root' });
    expect(addRedLine(phone, root, board, { partner: gov, text: 'x', authorKey: 'short' }, 'p')).toMatchObject({ error: 'bad-key' });
    unwrap(withdrawRedLine(phone, board, id, 'p'));
    expect(sealedRedLineCount(phone, board)).toBe(0);
    expect(withdrawRedLine(phone, board, id, 'p')).toMatchObject({ error: 'no-red-line' });
  });
});

describe('revealRedLines', () => {
  it('publishes every red line the facilitator opens, with its partner, in one transaction', () => {
    const { laptop, phone, neighbour, board, creator, dp, gov, root } = room();
    unwrap(addRedLine(neighbour, root, board, { partner: gov, text: 'Ministry keeps the final say on hiring' }, 'gov'));
    exchange(neighbour, laptop);
    phone.destroy();
    const { result, updates } = recordWrites(laptop, () => revealRedLines(laptop, board, creator.keys.sealing.secret, 'reveal'));
    expect(result).toEqual({ ok: true, value: { revealed: 2, unreadable: 0 } });
    expect(updates).toBe(1);
    exchange(laptop, neighbour);
    expect(sealedRedLineCount(neighbour, board)).toBe(0);
    expect(redLinesByPartner(neighbour, board).map((p) => [p.partner.name, p.lines.map((l) => l.text)])).toEqual([
      ['Development Partners', [RED_LINE]], ['Government', ['Ministry keeps the final say on hiring']],
    ]);
    expect(listRedLines(neighbour, board).map((l) => l.partner)).toEqual([dp, gov]);
  });

  it('with a participant\'s key publishes nothing of anyone else\'s', () => {
    const { neighbour, board } = room();
    expect(revealRedLines(neighbour, board, newSealingKeys().secret, 'x')).toEqual({ ok: true, value: { revealed: 0, unreadable: 1 } });
    expect(listRedLines(neighbour, board)).toEqual([]);
  });

  it('a revealed red line can be taken off the board; undo of the author never brings the box back', () => {
    const { laptop, board, creator, id } = room();
    const undo = createUndo(laptop, board, 'mine', 0);
    unwrap(revealRedLines(laptop, board, creator.keys.sealing.secret, 'reveal'));
    undo.undo();
    expect(listRedLines(laptop, board).map((l) => l.id)).toEqual([id]);
    unwrap(deleteRedLine(laptop, board, id, 'mine'));
    expect(listRedLines(laptop, board)).toEqual([]);
    expect(deleteRedLine(laptop, board, id, 'mine')).toMatchObject({ error: 'no-red-line' });
  });
});
