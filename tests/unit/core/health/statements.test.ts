import { describe, expect, it } from 'vitest';
import {
  addStatements, HEALTH_ASPECTS, HEALTH_SETS, listStatements, removeStatement, setStatements, updateStatement,
} from '../../../../src/core/health/statements';
import { addBoardOf, newWorkshop, unwrap } from '../helpers';

describe('health-check statements', () => {
  it('a built-in set adds its statements by aspect, once however often it is added', () => {
    const doc = newWorkshop();
    const board = addBoardOf(doc, 'health', 'Check');
    const review = setStatements('review').map((s) => ({ ...s, text: s.key }));
    expect(unwrap(addStatements(doc, board, review, 'f'))).toBe(12);
    expect(unwrap(addStatements(doc, board, review, 'f'))).toBe(0);
    const listed = listStatements(doc, board);
    expect(listed.map((s) => s.aspect)).toEqual([...Array(3).fill('impact'), ...Array(5).fill('relationship'), ...Array(4).fill('value')]);
    expect(listed[0]).toMatchObject({ key: 'review.delivery', text: 'review.delivery' });
  });

  it('every set uses known aspects and no statement key twice', () => {
    const keys = Object.keys(HEALTH_SETS).flatMap((set) => setStatements(set as keyof typeof HEALTH_SETS));
    expect(new Set(keys.map((k) => k.key)).size).toBe(keys.length);
    expect(keys.every((k) => (HEALTH_ASPECTS as readonly string[]).includes(k.aspect))).toBe(true);
  });

  it('a facilitator adds their own, edits words and aspect, removes; bad input is refused', () => {
    const doc = newWorkshop();
    const board = addBoardOf(doc, 'health', 'Check');
    unwrap(addStatements(doc, board, [{ aspect: 'value', text: '  We would start this partnership again  ' }], 'f'));
    const [own] = listStatements(doc, board);
    expect(own).toMatchObject({ key: '', aspect: 'value', text: 'We would start this partnership again' });
    unwrap(updateStatement(doc, board, own!.id, { text: 'We would partner again', aspect: 'impact' }, 'f'));
    expect(listStatements(doc, board)[0]).toMatchObject({ aspect: 'impact', text: 'We would partner again' });
    expect(updateStatement(doc, board, own!.id, { aspect: 'mood' }, 'f')).toMatchObject({ error: 'bad-aspect' });
    expect(updateStatement(doc, board, own!.id, { text: ' ' }, 'f')).toMatchObject({ error: 'empty' });
    expect(addStatements(doc, board, [{ aspect: 'value', text: 'x'.repeat(501) }], 'f')).toMatchObject({ error: 'too-long' });
    expect(addStatements(doc, 'nope', [{ aspect: 'value', text: 'x' }], 'f')).toMatchObject({ error: 'no-board' });
    unwrap(removeStatement(doc, board, own!.id, 'f'));
    expect(listStatements(doc, board)).toEqual([]);
    expect(removeStatement(doc, board, own!.id, 'f')).toMatchObject({ error: 'no-statement' });
  });
});
