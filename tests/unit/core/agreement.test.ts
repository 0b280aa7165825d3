import { describe, expect, it } from 'vitest';
import {
  acceptSection, adoptedContent, AGREEMENT_PROMPT_KEYS, AGREEMENT_SECTIONS, agreementPrompts, editPrompt, sectionRounds,
} from '../../../src/core/agreement';
import { getBoard } from '../../../src/core/boards';
import { addGroup } from '../../../src/core/groups';
import { upsertParticipant } from '../../../src/core/participants';
import { createUndo } from '../../../src/core/undo';
import { agreementWorkshop, DECISIONS, OPEN_RULE, RED_LINE, RULE, ROLES, SEALED_RED_LINE, VISION_TEXT } from './agreement-fixture';
import { addBoardOf, exchange, joinDevice, newWorkshop, recordWrites, unwrap } from './helpers';

/** An agreement board in a room of two groups, Government (Sokha, p2) and Development Partners (Ana, p1). */
function room() {
  const doc = newWorkshop();
  const gov = unwrap(addGroup(doc, 'Government', 'setup'));
  const dp = unwrap(addGroup(doc, 'Development Partners', 'setup'));
  unwrap(upsertParticipant(doc, { id: 'p1', name: 'Ana', group: dp, color: '#0072B2' }, 'setup'));
  unwrap(upsertParticipant(doc, { id: 'p2', name: 'Sokha', group: gov, color: '#E69F00' }, 'setup'));
  return { doc, gov, dp, board: addBoardOf(doc, 'agreement', 'Agreement') };
}

const roundOf = (doc: Parameters<typeof sectionRounds>[0], board: string, section: string, me?: string) =>
  sectionRounds(doc, board, me).find((r) => r.section === section)!.round;

describe('agreement board', () => {
  it('is made with every section\'s round and every question, empty', () => {
    const { doc, board } = room();
    expect(getBoard(doc, board)).toMatchObject({ type: 'agreement', itemCount: AGREEMENT_SECTIONS.length });
    expect(sectionRounds(doc, board).map((r) => [r.section, r.round.status])).toEqual(AGREEMENT_SECTIONS.map((s) => [s, 'open']));
    expect(Object.keys(agreementPrompts(doc, board))).toEqual([...AGREEMENT_PROMPT_KEYS]);
    expect(Object.values(agreementPrompts(doc, board)).every((t) => t === '')).toBe(true);
  });

  it('accepts a section when every group present agrees, and says whom it waits for', () => {
    const { doc, board, gov, dp } = room();
    unwrap(acceptSection(doc, board, 'roles', { participant: 'p2', group: gov }, { answer: 'agree' }, 'a'));
    expect(roundOf(doc, board, 'roles', 'p2')).toMatchObject({ status: 'open', waitingFor: [dp], mine: 'agree' });
    unwrap(acceptSection(doc, board, 'roles', { participant: 'p1', group: dp }, { answer: 'reservations', reason: 'Review in a year' }, 'a'));
    expect(roundOf(doc, board, 'roles')).toMatchObject({ status: 'adopted', waitingFor: [], tally: { agree: 1, reservations: 1, object: 0 } });
    unwrap(acceptSection(doc, board, 'vision', { participant: 'p1', group: dp }, { answer: 'object', reason: 'Too vague' }, 'a'));
    expect(roundOf(doc, board, 'vision')).toMatchObject({ status: 'needs-discussion' });
    // Withdrawing the objection reopens the round.
    unwrap(acceptSection(doc, board, 'vision', { participant: 'p1', group: dp }, { answer: null }, 'a'));
    expect(roundOf(doc, board, 'vision')).toMatchObject({ status: 'open', waitingFor: [dp, gov] });
  });

  it('needs a reason to agree with reservations or to object, keeps none with an agreement', () => {
    const { doc, board, gov } = room();
    const voter = { participant: 'p2', group: gov };
    expect(acceptSection(doc, board, 'roles', voter, { answer: 'object', reason: '  ' }, 'a')).toMatchObject({ ok: false, error: 'reason-required' });
    expect(acceptSection(doc, board, 'roles', voter, { answer: 'reservations' }, 'a')).toMatchObject({ ok: false, error: 'reason-required' });
    expect(acceptSection(doc, board, 'roles', voter, { answer: 'object', reason: 'x'.repeat(301) }, 'a')).toMatchObject({ error: 'too-long' });
    expect(acceptSection(doc, board, 'preamble', voter, { answer: 'agree' }, 'a')).toMatchObject({ error: 'no-section' });
    expect(acceptSection(doc, 'nope', 'roles', voter, { answer: 'agree' }, 'a')).toMatchObject({ error: 'no-board' });
    unwrap(acceptSection(doc, board, 'roles', voter, { answer: 'agree', reason: 'stale' }, 'a'));
    expect(roundOf(doc, board, 'roles').answers).toMatchObject([{ answer: 'agree', reason: '' }]);
  });

  it('does not let two devices answering first hide each other\'s answers', () => {
    const { doc: a, board, gov, dp } = room();
    const b = joinDevice(a);
    unwrap(acceptSection(a, board, 'decisions', { participant: 'p2', group: gov }, { answer: 'agree' }, 'a'));
    unwrap(acceptSection(b, board, 'decisions', { participant: 'p1', group: dp }, { answer: 'agree' }, 'b'));
    exchange(a, b);
    expect(roundOf(a, board, 'decisions')).toMatchObject({ status: 'adopted', tally: { agree: 2 } });
    expect(roundOf(b, board, 'decisions')).toEqual(roundOf(a, board, 'decisions'));
  });

  it('merges two devices writing into one question at once, character by character', () => {
    const { doc: a, board } = room();
    unwrap(editPrompt(a, board, 'meetingRhythm', 'Partners meet.', 'a'));
    const b = joinDevice(a);
    unwrap(editPrompt(a, board, 'meetingRhythm', 'Partners meet monthly.', 'a'));
    unwrap(editPrompt(b, board, 'meetingRhythm', 'All partners meet.', 'b'));
    exchange(a, b);
    expect(agreementPrompts(a, board).meetingRhythm).toBe('All partners meet monthly.');
    expect(agreementPrompts(b, board)).toEqual(agreementPrompts(a, board));
  });

  it('writes a question in one transaction, keeps spaces as typed, strips controls, caps its length', () => {
    const { doc, board } = room();
    const { result, updates, origins } = recordWrites(doc, () => editPrompt(doc, board, 'roles', 'Chair\u202E rotates ', 'me'));
    unwrap(result);
    expect([updates, origins]).toEqual([1, ['me']]);
    expect(agreementPrompts(doc, board).roles).toBe('Chair rotates ');
    expect(editPrompt(doc, board, 'roles', 'x'.repeat(1001), 'me')).toMatchObject({ error: 'too-long' });
    expect(editPrompt(doc, board, 'title', 'x', 'me')).toMatchObject({ error: 'no-prompt' });
    expect(editPrompt(doc, addBoardOf(doc, 'notes'), 'roles', 'x', 'me')).toMatchObject({ error: 'no-board' });
  });

  it('undoes only this device\'s own writing and answers', () => {
    const { doc: a, board, gov, dp } = room();
    const b = joinDevice(a);
    const mine = { local: true };
    const undo = createUndo(a, board, mine);
    unwrap(editPrompt(a, board, 'roles', 'Government chairs', mine));
    unwrap(acceptSection(b, board, 'roles', { participant: 'p1', group: dp }, { answer: 'agree' }, 'b'));
    exchange(a, b);
    undo.stopCapturing();
    unwrap(acceptSection(a, board, 'roles', { participant: 'p2', group: gov }, { answer: 'agree' }, mine));
    undo.undo();
    expect(roundOf(a, board, 'roles').answers.map((x) => x.participant)).toEqual(['p1']);
    undo.undo();
    expect(agreementPrompts(a, board).roles).toBe('');
  });
});

describe('adoptedContent', () => {
  it('assembles what the room adopted on the workshop\'s boards, and nothing it did not', () => {
    const { doc, board } = agreementWorkshop();
    const content = adoptedContent(doc);
    expect(content.vision).toMatchObject([{ title: 'Vision', content: { name: 'Draft 1', text: VISION_TEXT } }]);
    expect(content.conduct).toMatchObject([{ title: 'Ground rules', content: [{ text: RULE, reservations: 1 }] }]);
    expect(JSON.stringify(content.conduct)).not.toContain(OPEN_RULE);
    expect(content.resources[0]!.content.map((p) => [p.partner.name, p.pledges.map((x) => [x.what, x.needTitle])])).toEqual([
      ['Development Partners', [['Survey grant', 'Household survey']]],
      ['Government', [['Enumerators', 'Household survey']]],
    ]);
    expect(content.indicators[0]!.content.map((i) => i.indicator)).toEqual(['Births with a skilled attendant']);
    expect(content.risks[0]!.content.risks.map((r) => r.text)).toEqual(['Funding ends before the pilot']);
    expect(content.risks[0]!.content.redLines).toEqual([{ partner: { id: expect.any(String), name: 'Development Partners' }, lines: [RED_LINE] }]);
    expect(JSON.stringify(content)).not.toContain(SEALED_RED_LINE);
    expect(agreementPrompts(doc, board)).toMatchObject({ decisionRules: DECISIONS, roles: ROLES, externalComms: '' });
  });

  it('reads as empty lists in a workshop without planning boards', () => {
    const { doc } = room();
    expect(adoptedContent(doc)).toEqual({ vision: [], conduct: [], resources: [], indicators: [], risks: [] });
  });

  it('follows the boards live: a version adopted later shows at once', () => {
    const { doc } = agreementWorkshop();
    expect(adoptedContent(doc).vision[0]!.content?.name).toBe('Draft 1');
    const fresh = newWorkshop();
    addBoardOf(fresh, 'vision', 'Vision');
    expect(adoptedContent(fresh).vision).toMatchObject([{ content: null }]);
  });
});
