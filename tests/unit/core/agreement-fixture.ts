/** A workshop that went through the planning boards and has an agreement board: what the room
 *  adopted, what it did not, a red line revealed and one still sealed, and the agreement half
 *  accepted. Khmer and English text; no clocks or ids reach what the agreement shows. */
import type * as Y from 'yjs';
import { acceptSection, editPrompt } from '../../../src/core/agreement';
import { addRedLine, revealRedLines } from '../../../src/core/facilitation/red-lines';
import { addProposal, respond } from '../../../src/core/ground-rules';
import { addGroup } from '../../../src/core/groups';
import { addIndicator, answerIndicator } from '../../../src/core/indicators';
import { updateMeta } from '../../../src/core/meta';
import { upsertParticipant } from '../../../src/core/participants';
import { addNeed, addPledge } from '../../../src/core/resources';
import { addRisk } from '../../../src/core/risks';
import { answerVersion, editVision, nameVersion } from '../../../src/core/vision';
import { facilitated } from './facilitation/setup';
import { addBoardOf, unwrap } from './helpers';

export const VISION_TEXT = 'ប្រព័ន្ធសុខាភិបាលដែលគ្រប់គ្នាអាចទទួលបាន — health care everyone can reach';
export const RULE = 'ការសម្រេចចិត្តដោយការឯកភាព: decisions by consensus';
export const OPEN_RULE = 'Phones on silent';
export const DECISIONS = 'គណៈកម្មាធិការដឹកនាំសម្រេចចិត្តរៀងរាល់ត្រីមាស — the steering committee decides each quarter';
export const ROLES = 'Government chairs; Development Partners keep the secretariat';
export const RED_LINE = 'No budget support outside the national treasury';
export const SEALED_RED_LINE = 'Ministry keeps the final say on hiring';

export function agreementWorkshop(): { doc: Y.Doc; board: string; gov: string; dp: string } {
  const { doc, root, creator } = facilitated();
  unwrap(updateMeta(doc, { title: 'Health TWG scoping', startsAt: '2026-03-04' }, 'setup'));
  const gov = unwrap(addGroup(doc, 'Government', 'setup'));
  const dp = unwrap(addGroup(doc, 'Development Partners', 'setup'));
  unwrap(upsertParticipant(doc, { id: 'p1', name: 'Ana', group: dp, color: '#0072B2' }, 'setup'));
  unwrap(upsertParticipant(doc, { id: 'p2', name: 'Sokha', group: gov, color: '#E69F00' }, 'setup'));
  const [byGov, byDp] = [{ participant: 'p2', group: gov }, { participant: 'p1', group: dp }];

  const vision = addBoardOf(doc, 'vision', 'Vision');
  unwrap(editVision(doc, vision, VISION_TEXT, 'setup'));
  const version = unwrap(nameVersion(doc, vision, { name: 'Draft 1', createdBy: 'p1' }, 'setup'));
  for (const voter of [byGov, byDp]) unwrap(answerVersion(doc, vision, version, voter, { answer: 'agree' }, 'setup'));

  const rules = addBoardOf(doc, 'ground-rules', 'Ground rules');
  const rule = unwrap(addProposal(doc, rules, { text: RULE, proposedBy: 'p1' }, 'setup'));
  unwrap(respond(doc, rules, rule, 'p2', { answer: 'agree', group: gov }, 'setup'));
  unwrap(respond(doc, rules, rule, 'p1', { answer: 'reservations', reason: 'Deadlines may need a vote', group: dp }, 'setup'));
  const open = unwrap(addProposal(doc, rules, { text: OPEN_RULE, proposedBy: 'p2' }, 'setup'));
  unwrap(respond(doc, rules, open, 'p2', { answer: 'agree', group: gov }, 'setup'));

  const resources = addBoardOf(doc, 'resources', 'Resources');
  const survey = unwrap(addNeed(doc, resources, { title: 'Household survey', category: 'money', amount: 50000, unit: 'USD', createdBy: 'p1' }, 'setup'));
  unwrap(addPledge(doc, resources, { need: survey, partner: gov, what: 'Enumerators', form: 'in-kind', amount: 5000, unit: 'USD', createdBy: 'p2' }, 'setup'));
  unwrap(addPledge(doc, resources, { need: survey, partner: dp, what: 'Survey grant', form: 'cash', amount: 20000, unit: 'USD', by: '2026-06-30', createdBy: 'p1' }, 'setup'));

  const indicators = addBoardOf(doc, 'indicators', 'Indicators');
  const births = unwrap(addIndicator(doc, indicators, { indicator: 'Births with a skilled attendant', target: '85% by 2028', frequency: 'Quarterly', collectedBy: 'Provincial Health Department', createdBy: 'p1' }, 'setup'));
  for (const voter of [byGov, byDp]) unwrap(answerIndicator(doc, indicators, births, voter, { answer: 'agree' }, 'setup'));
  unwrap(addIndicator(doc, indicators, { indicator: 'Not yet agreed', createdBy: 'p2' }, 'setup'));

  const risks = addBoardOf(doc, 'risks', 'Risks');
  unwrap(addRisk(doc, risks, { text: 'Funding ends before the pilot', mitigation: 'A second donor', owner: 'Steering group', createdBy: 'p1' }, 'setup'));
  unwrap(addRedLine(doc, root, risks, { partner: dp, text: RED_LINE }, 'setup'));
  unwrap(revealRedLines(doc, risks, creator.keys.sealing.secret, 'setup'));
  unwrap(addRedLine(doc, root, risks, { partner: gov, text: SEALED_RED_LINE }, 'setup'));

  const board = addBoardOf(doc, 'agreement', 'Partnership agreement');
  unwrap(editPrompt(doc, board, 'decisionRules', DECISIONS, 'setup'));
  unwrap(editPrompt(doc, board, 'roles', ROLES, 'setup'));
  for (const voter of [byGov, byDp]) unwrap(acceptSection(doc, board, 'vision', voter, { answer: 'agree' }, 'setup'));
  unwrap(acceptSection(doc, board, 'decisions', byGov, { answer: 'agree' }, 'setup'));
  unwrap(acceptSection(doc, board, 'roles', byGov, { answer: 'agree' }, 'setup'));
  unwrap(acceptSection(doc, board, 'roles', byDp, { answer: 'reservations', reason: 'ត្រូវពិនិត្យឡើងវិញក្នុងឆ្នាំក្រោយ' }, 'setup'));
  unwrap(acceptSection(doc, board, 'risks', byGov, { answer: 'object', reason: 'The hiring red line is missing' }, 'setup'));
  return { doc, board, gov, dp };
}
