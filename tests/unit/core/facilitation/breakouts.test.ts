import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoard, listBoards } from '../../../../src/core/boards';
import { hiddenBoards, runningBreakout, tableResults } from '../../../../src/core/breakout';
import { controlsOf } from '../../../../src/core/facilitation/controls';
import { endBreakouts, listBreakouts, startBreakouts } from '../../../../src/core/facilitation/breakouts';
import { followTarget } from '../../../../src/core/facilitation/follow';
import { signRecord } from '../../../../src/core/facilitation/signature';
import { timerOf } from '../../../../src/core/facilitation/timer';
import { guardRecords } from '../../../../src/core/facilitation/witness';
import { addItem } from '../../../../src/core/items';
import { upsertParticipant } from '../../../../src/core/participants';
import { addNote } from '../../../../src/core/swot';
import { exchange, joinDevice, unwrap } from '../helpers';
import { facilitated, otherSigner } from './setup';

const plan = (source: string) => ({
  source, tables: [['sokha', 'vanna'], ['chan', 'dara']], titles: ['SWOT · Table 1', 'SWOT · Table 2'], minutes: 15,
});

function swotWorkshop() {
  const setup = facilitated();
  const swot = unwrap(createBoard(setup.doc, { type: 'swot', title: 'SWOT', prompt: 'Our partnership' }, 'x'));
  for (const id of ['sokha', 'chan', 'vanna', 'dara']) unwrap(upsertParticipant(setup.doc, { id, name: id, group: '', color: '#000' }, 'x'));
  return { ...setup, swot };
}

describe('breakouts', () => {
  it('copies the board once per table, seats everyone and starts each table\'s timer', () => {
    const { doc, root, creator, swot } = swotWorkshop();
    const id = unwrap(startBreakouts(doc, creator, plan(swot), 1000, 'x'));
    const phone = joinDevice(doc);
    const [breakout] = listBreakouts(phone, root);
    expect(breakout).toMatchObject({ id, source: swot, running: true });
    const copies = breakout!.tables.map((t) => listBoards(phone).find((b) => b.id === t.board));
    expect(copies.map((b) => [b?.type, b?.title, b?.prompt])).toEqual([['swot', 'SWOT · Table 1', 'Our partnership'], ['swot', 'SWOT · Table 2', 'Our partnership']]);
    expect(breakout!.tables.map((t) => t.members)).toEqual([['sokha', 'vanna'], ['chan', 'dara']]);
    for (const t of breakout!.tables) expect(timerOf(phone, root, t.board)).toMatchObject({ running: true, remainingMs: 15 * 60_000 });
    expect(timerOf(phone, root)).toBeUndefined();
  });

  it('hides the other tables\' copies from a participant while they run, not from a facilitator', () => {
    const { doc, root, creator, swot } = swotWorkshop();
    unwrap(startBreakouts(doc, creator, plan(swot), 1000, 'x'));
    const [breakout] = listBreakouts(doc, root);
    const [one, two] = breakout!.tables.map((t) => t.board);
    expect([...hiddenBoards(listBreakouts(doc, root), 'sokha', false)]).toEqual([two]);
    expect([...hiddenBoards(listBreakouts(doc, root), 'dara', false)]).toEqual([one]);
    expect(hiddenBoards(listBreakouts(doc, root), 'sokha', true).size).toBe(0);
    unwrap(endBreakouts(doc, creator, breakout!.id, 'x'));
    expect(hiddenBoards(listBreakouts(doc, root), 'sokha', false).size).toBe(0);
  });

  it('bringing everyone back ends the breakout, brings every device to the source, and keeps each table\'s notes', () => {
    const { doc, root, creator, swot } = swotWorkshop();
    const id = unwrap(startBreakouts(doc, creator, plan(swot), 1000, 'x'));
    const [one, two] = listBreakouts(doc, root)[0]!.tables.map((t) => t.board);
    unwrap(addNote(doc, one!, { text: 'Shared data', quadrant: 'strengths', createdBy: 'sokha', group: '' }, 'x'));
    unwrap(addNote(doc, two!, { text: 'Slow funding', quadrant: 'threats', createdBy: 'dara', group: '' }, 'x'));
    expect(startBreakouts(doc, creator, plan(swot), 1000, 'x')).toMatchObject({ ok: false, error: 'running' });
    unwrap(endBreakouts(doc, creator, id, 'x'));
    const [ended] = listBreakouts(doc, root);
    expect(runningBreakout(listBreakouts(doc, root))).toBeUndefined();
    expect(followTarget(doc, root)?.boardId).toBe(swot);
    expect(tableResults(doc, ended!).map((r) => [r.number, r.members, r.notes.map((n) => [n.text, n.lane])])).toEqual([
      [1, ['sokha', 'vanna'], [['Shared data', 'strengths']]],
      [2, ['chan', 'dara'], [['Slow funding', 'threats']]],
    ]);
  });

  it('refuses a participant, and ignores a breakout a participant signs themselves', () => {
    const { doc, root, swot } = swotWorkshop();
    const participant = otherSigner(root);
    const before = listBoards(doc).length;
    expect(startBreakouts(doc, participant, plan(swot), 1000, 'x')).toMatchObject({ ok: false, error: 'not-facilitator' });
    expect(listBoards(doc)).toHaveLength(before);
    const notes = unwrap(createBoard(doc, { type: 'notes', title: 'Mine' }, 'x'));
    const forged = signRecord(root, participant.keys.signing.secret, {
      kind: 'breakout', target: 'forged', seq: 99, signer: participant.keys.signing.public,
      value: { source: swot, tables: [{ board: notes, members: ['sokha'] }, { board: swot, members: ['chan'] }], running: true },
    });
    controlsOf(doc).set('breakout|forged', forged);
    controlsOf(doc).set('breakout|unsigned', { kind: 'breakout', target: 'unsigned', seq: 100, signer: '', sig: '', value: forged.value });
    const phone = joinDevice(doc);
    expect(listBreakouts(phone, root)).toEqual([]);
    expect(hiddenBoards(listBreakouts(phone, root), 'chan', false).size).toBe(0);
  });

  it('refuses a board of another kind, a person at two tables, and too few or too many tables', () => {
    const { doc, creator, swot } = swotWorkshop();
    const map = unwrap(createBoard(doc, { type: 'stakeholders', title: 'Map' }, 'x'));
    expect(startBreakouts(doc, creator, plan(map), 0, 'x')).toMatchObject({ ok: false, error: 'bad-type' });
    expect(startBreakouts(doc, creator, { ...plan(swot), tables: [['a'], ['a']] }, 0, 'x')).toMatchObject({ ok: false, error: 'bad-tables' });
    expect(startBreakouts(doc, creator, { ...plan(swot), tables: [['a']], titles: ['T1'] }, 0, 'x')).toMatchObject({ ok: false, error: 'bad-tables' });
    const nine = Array.from({ length: 9 }, (_, i) => [`p${i}`]);
    expect(startBreakouts(doc, creator, { ...plan(swot), tables: nine, titles: nine.map((_, i) => `T${i}`) }, 0, 'x')).toMatchObject({ ok: false, error: 'bad-tables' });
  });

  it('works on a notes board too, and reaches a device that merges later', () => {
    const { doc, root, creator, board } = facilitated();
    const phone = joinDevice(doc);
    unwrap(startBreakouts(doc, creator, { ...plan(board), minutes: 0 }, 1000, 'x'));
    const [breakout] = listBreakouts(doc, root);
    unwrap(addItem(doc, breakout!.tables[0]!.board, { text: 'Meet monthly', createdBy: 'sokha', group: '' }, 'x'));
    exchange(doc, phone);
    expect(tableResults(phone, listBreakouts(phone, root)[0]!)[0]!.notes.map((n) => n.text)).toEqual(['Meet monthly']);
    expect(timerOf(phone, root, breakout!.tables[0]!.board)).toBeUndefined();
  });
});

describe('breakouts against a modified client', () => {
  it('a device that saw the breakout end puts it back when a participant rolls it back to running', () => {
    const { doc, root, creator, swot } = swotWorkshop();
    const stop = guardRecords(doc, root, 'heal');
    const id = unwrap(startBreakouts(doc, creator, plan(swot), 1000, 'x'));
    const running = [...controlsOf(doc)];
    unwrap(endBreakouts(doc, creator, id, 'x'));
    const insider = joinDevice(doc);
    const before = Y.encodeStateVector(insider);
    insider.transact(() => {
      controlsOf(insider).clear();
      for (const [key, value] of running) controlsOf(insider).set(key, value);
    });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(insider, before), 'remote');
    expect(runningBreakout(listBreakouts(doc, root))).toBeUndefined();
    stop();
  });
});
