/** Shared setup for the export tests: the English catalogue, a fixture workshop, golden files. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type * as Y from 'yjs';
import { respond, addProposal } from '../../../src/core/ground-rules';
import { addGroup } from '../../../src/core/groups';
import { addItem } from '../../../src/core/items';
import { updateMeta } from '../../../src/core/meta';
import { upsertParticipant } from '../../../src/core/participants';
import { addRelationship, addStakeholder, placeStakeholder } from '../../../src/core/stakeholders';
import { addCluster, addNote } from '../../../src/core/swot';
import { updateBoard } from '../../../src/core/boards';
import { addStep } from '../../../src/core/facilitation/agenda';
import type { Signer } from '../../../src/core/facilitation/controls';
import { facilitatorId, newFacilitatorKeys } from '../../../src/core/facilitation/keys';
import { grantFacilitator } from '../../../src/core/facilitation/roles';
import { castDot, closeVote, openVote } from '../../../src/core/facilitation/votes';
import { addRedLine, revealRedLines } from '../../../src/core/facilitation/red-lines';
import { addNeed, addPledge } from '../../../src/core/resources';
import { addAssumption, addRisk, rateRisk } from '../../../src/core/risks';
import type { Labels } from '../../../src/export/labels';
import { t as translate } from '../../../src/i18n/i18n';
import { addIndicator, answerIndicator } from '../../../src/core/indicators';
import { answerVersion, editVision, nameVersion } from '../../../src/core/vision';
import { newSealingKeys } from '../../../src/core/facilitation/keys';
import { listGroups } from '../../../src/core/groups';
import { healthResults } from '../../../src/core/health/results';
import { shareResults, type HealthRun } from '../../../src/core/health/runs';
import { answer, openSheets, type Rating, type Sheet } from '../../../src/core/health/sheets';
import { addStatements, listStatements } from '../../../src/core/health/statements';
import { addBoardOf, newWorkshop, unwrap } from '../core/helpers';

/** The interface's own English words: the summaries read as the app's users see them. */
export const t: Labels = translate;

/** Strings that try to run script or change the structure of the output. */
export const CORPUS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)>",
  '<a href="javascript:alert(1)">click</a>',
  'javascript:alert(1)',
  '[x](javascript:alert(1))',
  '![x](http://evil)',
  '[ref]: http://evil',
  '<http://evil>',
  '# heading',
  '| pipes | in | cells |',
  '`code` and ```fence```',
  '*bold* _em_ ~~strike~~',
  '1. not a list',
  '- not a list either',
  '> not a quote',
  '&lt;script&gt; entity',
  '</style><script>alert(1)</script>',
  '=cmd|\' /C calc\'!A0',
];

export const KHMER_NOTE = 'ការសម្របសម្រួលរវាងក្រសួងនៅយឺត';

export const PEOPLE = {
  sokha: { id: 'p-sokha', name: 'Sokha Chan' },
  anna: { id: 'p-anna', name: 'Anna Berg' },
  dara: { id: 'p-dara', name: 'Dara Keo' },
} as const;

export interface Fixture {
  doc: Y.Doc;
  boards: { swot: string; stakeholders: string; rules: string; notes: string; vision: string; indicators: string; resources: string; risks: string; health: string };
  /** The root facilitator's id, as the creator's device knows it. */
  root: string;
  /** The creator's device, which signs as the root facilitator. */
  facilitator: Signer;
}

/** A small but complete workshop: every board kind, two groups, a heading, estimates and a
 *  relationship, answered ground rules, needs with pledges from both groups and an outside
 *  source, rated risks, an assumption, a revealed and a sealed red line, a Khmer note, an agenda of two steps and a closed dot
 *  vote on the SWOT by both groups. Nothing in its summaries depends on random ids, keys or the
 *  clock (no two voted notes tie), so they can be compared with golden files. */
export function fixtureWorkshop(): Fixture {
  const doc = newWorkshop('Health TWG strategic meeting', PEOPLE.sokha.id);
  const keys = newFacilitatorKeys();
  const root = facilitatorId(keys);
  const facilitator: Signer = { root, keys };
  unwrap(grantFacilitator(doc, facilitator, root, { participantId: PEOPLE.sokha.id, name: PEOPLE.sokha.name }, 'setup'));
  unwrap(updateMeta(doc, {
    place: 'Phnom Penh', startsAt: '2025-03-12',
    purpose: 'Agree how government and development partners work together.\nPrepare the annual plan.',
  }, 'setup'));
  const gov = unwrap(addGroup(doc, 'Government', 'setup', '#E69F00'));
  const dp = unwrap(addGroup(doc, 'Development Partners', 'setup', '#56B4E9'));
  unwrap(addGroup(doc, 'Academia', 'setup', '#009E73'));
  const person = (p: { id: string; name: string }, group: string) =>
    unwrap(upsertParticipant(doc, { ...p, group, color: '#000000' }, 'setup'));
  person(PEOPLE.sokha, gov);
  person(PEOPLE.anna, dp);
  person(PEOPLE.dara, gov);

  const swot = addBoardOf(doc, 'swot', 'Partnership SWOT');
  unwrap(updateBoard(doc, swot, { prompt: 'What helps, and what stands in the way?' }, 'setup'));
  const coordination = unwrap(addCluster(doc, swot, { title: 'Coordination', quadrant: 'strengths' }, 'setup'));
  const note = (text: string, who: { id: string }, group: string, quadrant: string, cluster?: string) =>
    unwrap(addNote(doc, swot, { text, createdBy: who.id, group, quadrant, ...(cluster ? { cluster } : {}) }, 'setup'));
  note('Monthly TWG meetings', PEOPLE.anna, dp, 'strengths', coordination);
  note('Joint annual review', PEOPLE.sokha, gov, 'strengths', coordination);
  const portal = note('Shared data portal', PEOPLE.sokha, gov, 'strengths');
  const khmer = note(KHMER_NOTE, PEOPLE.dara, gov, 'weaknesses');
  const late = note('Reports arrive late,\nand in different formats', PEOPLE.anna, dp, 'weaknesses');
  note('New health financing law', PEOPLE.anna, dp, 'opportunities');

  const map = addBoardOf(doc, 'stakeholders', 'Who has a stake');
  const moh = unwrap(addStakeholder(doc, map, {
    name: 'Ministry of Health', createdBy: PEOPLE.sokha.id, sector: 'government', level: 'key-partner',
    needs: 'Reliable district data', brings: 'Authority, policy', interests: '', motivations: 'Universal coverage',
  }, 'setup'));
  const ngos = unwrap(addStakeholder(doc, map, {
    name: 'Provincial NGOs', createdBy: PEOPLE.anna.id, sector: 'civil-society', level: 'active-partner',
  }, 'setup'));
  unwrap(addStakeholder(doc, map, { name: 'Private clinics', createdBy: PEOPLE.dara.id, sector: 'business' }, 'setup'));
  unwrap(placeStakeholder(doc, map, moh, PEOPLE.sokha.id, { influence: 0.9, interest: 0.8 }, 'setup'));
  unwrap(placeStakeholder(doc, map, moh, PEOPLE.anna.id, { influence: 0.7, interest: 0.6 }, 'setup'));
  unwrap(placeStakeholder(doc, map, ngos, PEOPLE.dara.id, { influence: 0.3, interest: 0.9 }, 'setup'));
  unwrap(addRelationship(doc, map, { from: moh, to: ngos, label: 'funds' }, 'setup'));

  const rules = addBoardOf(doc, 'ground-rules', 'Ground rules');
  const speak = unwrap(addProposal(doc, rules, { text: 'One person speaks at a time', proposedBy: PEOPLE.sokha.id }, 'setup'));
  const phones = unwrap(addProposal(doc, rules, { text: 'Phones on silent', proposedBy: PEOPLE.anna.id }, 'setup'));
  unwrap(addProposal(doc, rules, { text: 'Start on time', proposedBy: PEOPLE.dara.id }, 'setup'));
  unwrap(respond(doc, rules, speak, PEOPLE.sokha.id, { answer: 'agree' }, 'setup'));
  unwrap(respond(doc, rules, speak, PEOPLE.anna.id, { answer: 'reservations', reason: 'Allow short clarifications' }, 'setup'));
  unwrap(respond(doc, rules, speak, PEOPLE.dara.id, { answer: 'agree' }, 'setup'));
  unwrap(respond(doc, rules, phones, PEOPLE.dara.id, { answer: 'object', reason: 'Staff on call must be reachable' }, 'setup'));

  const notes = addBoardOf(doc, 'notes', 'Expectations');
  unwrap(updateBoard(doc, notes, { prompt: 'What do you expect from today?' }, 'setup'));
  unwrap(addItem(doc, notes, { text: 'A plan with owners and dates', createdBy: PEOPLE.sokha.id, group: gov }, 'setup'));
  unwrap(addItem(doc, notes, { text: 'Less duplication of surveys', createdBy: PEOPLE.anna.id, group: dp }, 'setup'));

  // Two versions of the vision: the first adopted by both groups, the second still waiting.
  const vision = addBoardOf(doc, 'vision', 'Vision and joint objective');
  unwrap(editVision(doc, vision, 'Every mother and child in the province receives quality care', 'setup'));
  const draft = unwrap(nameVersion(doc, vision, { name: 'Draft 1', createdBy: PEOPLE.sokha.id }, 'setup'));
  unwrap(answerVersion(doc, vision, draft, { participant: PEOPLE.sokha.id, group: gov }, { answer: 'agree' }, 'setup'));
  unwrap(answerVersion(doc, vision, draft, { participant: PEOPLE.anna.id, group: dp },
    { answer: 'reservations', reason: 'Name the districts' }, 'setup'));
  unwrap(editVision(doc, vision, `Every mother and child in the province receives quality care\n${KHMER_NOTE}`, 'setup'));
  const after = unwrap(nameVersion(doc, vision, { name: 'After group work', createdBy: PEOPLE.sokha.id }, 'setup'));
  unwrap(answerVersion(doc, vision, after, { participant: PEOPLE.dara.id, group: gov }, { answer: 'agree' }, 'setup'));
  unwrap(editVision(doc, vision, `Every mother and child in the province receives quality care close to home\n${KHMER_NOTE}`, 'setup'));

  const indicators = addBoardOf(doc, 'indicators', 'Indicators of success');
  const births = unwrap(addIndicator(doc, indicators, {
    success: 'Mothers give birth safely', indicator: 'Share of births attended by skilled staff', baseline: '62% (2024)',
    target: '85% by 2028', method: 'Health information system', collectedBy: 'Provincial Health Department',
    frequency: 'Quarterly', reportTo: 'Development Partners', createdBy: PEOPLE.sokha.id,
  }, 'setup'));
  unwrap(answerIndicator(doc, indicators, births, { participant: PEOPLE.sokha.id, group: gov }, { answer: 'agree' }, 'setup'));
  unwrap(answerIndicator(doc, indicators, births, { participant: PEOPLE.anna.id, group: dp }, { answer: 'agree' }, 'setup'));
  const reports = unwrap(addIndicator(doc, indicators, { indicator: KHMER_NOTE, frequency: 'Monthly', createdBy: PEOPLE.dara.id }, 'setup'));
  unwrap(answerIndicator(doc, indicators, reports, { participant: PEOPLE.anna.id, group: dp },
    { answer: 'object', reason: 'No baseline yet' }, 'setup'));

  const resources = addBoardOf(doc, 'resources', 'Resources and commitments');
  const analyst = unwrap(addNeed(doc, resources, {
    title: 'Data analyst', category: 'people', amount: 12, unit: 'person-months', createdBy: PEOPLE.sokha.id,
  }, 'setup'));
  const survey = unwrap(addNeed(doc, resources, {
    title: 'Household survey', category: 'money', amount: 50000, unit: 'USD', detail: 'Two provinces', createdBy: PEOPLE.anna.id,
  }, 'setup'));
  const venue = unwrap(addNeed(doc, resources, { title: 'Meeting venue', category: 'facilities', createdBy: PEOPLE.dara.id }, 'setup'));
  unwrap(addNeed(doc, resources, { title: 'Translation', category: 'services', amount: 20, unit: 'days', createdBy: PEOPLE.dara.id }, 'setup'));
  const pledge = (need: string, fields: Record<string, unknown> & { what: string; form: 'cash' | 'in-kind' }) =>
    unwrap(addPledge(doc, resources, { need, createdBy: PEOPLE.sokha.id, ...fields }, 'setup'));
  pledge(survey, { outside: 'Global Fund', what: 'Survey grant', form: 'cash', amount: 10000, by: '2025-09-30' });
  pledge(analyst, { partner: gov, what: 'Two statisticians, part time', form: 'in-kind', amount: 6, by: '2025-06-30' });
  pledge(survey, { partner: dp, what: 'Trust fund', form: 'cash', amount: 30000 });
  pledge(venue, { partner: gov, what: KHMER_NOTE, form: 'in-kind' });

  const risks = addBoardOf(doc, 'risks', 'Risks and red lines');
  const cut = unwrap(addRisk(doc, risks, {
    text: 'Funding ends before the pilot', mitigation: 'A second donor', owner: 'Steering group', createdBy: PEOPLE.anna.id,
  }, 'setup'));
  unwrap(addRisk(doc, risks, { text: 'Staff turnover', createdBy: PEOPLE.dara.id }, 'setup'));
  unwrap(rateRisk(doc, risks, cut, PEOPLE.sokha.id, { likelihood: 0.6, impact: 0.9 }, 'setup'));
  unwrap(rateRisk(doc, risks, cut, PEOPLE.anna.id, { likelihood: 0.2, impact: 0.7 }, 'setup'));
  unwrap(addAssumption(doc, risks, { text: 'The financing law passes this year', createdBy: PEOPLE.sokha.id }, 'setup'));
  unwrap(addRedLine(doc, root, risks, { partner: dp, text: 'No funding through parallel systems' }, 'setup'));
  unwrap(revealRedLines(doc, risks, keys.sealing.secret, 'setup'));
  // Entered after the reveal: sealed in the summary too.
  unwrap(addRedLine(doc, root, risks, { partner: gov, text: 'Ministry keeps the final say on hiring' }, 'setup'));
  const health = healthCheck(doc, root, keys.sealing.secret, gov, dp);
  addBoardOf(doc, 'actions', 'Follow-up actions');

  unwrap(addStep(doc, facilitator, { boardId: notes, title: 'Welcome and expectations', minutes: 15 }, 'setup'));
  unwrap(addStep(doc, facilitator, { boardId: swot, minutes: 45 }, 'setup'));

  // Government (6 dots) and Development Partners (3) agree on the portal, not on the late reports.
  unwrap(openVote(doc, facilitator, swot, 3, 'setup'));
  const ballots: [{ id: string }, string, number][] = [
    [PEOPLE.sokha, portal, 2], [PEOPLE.sokha, khmer, 1],
    [PEOPLE.dara, khmer, 2], [PEOPLE.dara, portal, 1],
    [PEOPLE.anna, late, 2], [PEOPLE.anna, portal, 1],
  ];
  for (const [who, noteId, dots] of ballots) {
    for (let i = 0; i < dots; i++) unwrap(castDot(doc, root, swot, who.id, noteId, 'setup'));
  }
  unwrap(closeVote(doc, facilitator, swot, 'setup'));

  return { doc, boards: { swot, stakeholders: map, rules, notes, vision, indicators, resources, risks, health }, root, facilitator };
}

/** Ratings per statement, in the order the statements were added. */
type Ratings = readonly (Rating | [Rating, string])[];

/** A health check answered by three Government and three Development Partners phones, its
 *  results shared with one earlier run of the series (made from plain sheets, as opened). */
function healthCheck(doc: Y.Doc, root: string, secret: string, gov: string, dp: string): string {
  const board = addBoardOf(doc, 'health', 'Partnership health check');
  unwrap(addStatements(doc, board, [
    { key: 'review.delivery', aspect: 'impact', text: 'We deliver the activities we planned, on time' },
    { key: 'review.decisions', aspect: 'relationship', text: 'Decisions are made in a way every partner accepts' },
    { key: 'review.communication', aspect: 'relationship', text: 'Information reaches every partner when it is needed' },
    { key: 'review.worth', aspect: 'value', text: 'For my organisation, the benefits outweigh the costs' },
  ], 'setup'));
  const statements = listStatements(doc, board);
  const answers = (ratings: Ratings) => Object.fromEntries(ratings.map((r, i) =>
    [statements[i]!.id, Array.isArray(r) ? { rating: r[0], comment: r[1] } : { rating: r, comment: '' }]));
  const sheets: [string, Ratings][] = [
    [gov, [2, [2, 'Decisions reach the ministry late'], 4, 4]], [gov, [2, 1, 4, 0]], [gov, [3, 2, 5, 5]],
    [dp, [4, 4, 4, 5]], [dp, [3, [4, 'Good use of the *TWG* | secretariat'], 3, 4]], [dp, [4, 3, 4, 4]],
  ];
  for (const [group, ratings] of sheets) unwrap(answer(doc, root, board, { group, changes: answers(ratings) }, newSealingKeys(), 'setup'));
  const groups = listGroups(doc);
  const results = healthResults(statements, openSheets(doc, board, secret), groups);
  const plain = (group: string, ratings: Ratings, i: number): Sheet => ({ id: `e${i}`, owner: `e${i}`, group, rev: 1, answers: answers(ratings) });
  const before = [[gov, [3, 3, 3, 3]], [gov, [3, 2, 4, 4]], [dp, [4, 3, 3, 4]], [dp, [4, 3, 4, 5]]] as const;
  const earlier: HealthRun = {
    meeting: 'earlier', board: 'earlier', title: 'Health TWG retreat', startsAt: '2024-09-20', at: 1,
    results: healthResults(statements, before.map(([g, r], i) => plain(g, r, i)), groups),
  };
  const run: HealthRun = { meeting: 'this', board, title: 'Health TWG strategic meeting', startsAt: '2025-03-12', at: 2, results };
  unwrap(shareResults(doc, board, run, [earlier], 'setup'));
  return board;
}

const GOLDEN = join(import.meta.dirname, 'golden');

/** Compares `actual` with a golden file; `UPDATE_GOLDEN=1` rewrites the file instead. */
export function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`${name} has no golden file yet: run with UPDATE_GOLDEN=1 and review it`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** RFC 4180 rows of a CSV text (BOM removed), for checking what a spreadsheet would read. */
/** The cells of each row of each Markdown table in `md` (a block whose lines start with a pipe),
 *  counted as a renderer splits them: a pipe from user text left unescaped would add one. */
export const markdownTableCells = (md: string): number[][] => md.split('\n\n')
  .filter((block) => block.startsWith('| '))
  .map((table) => table.trimEnd().split('\n').map((row) => row.split(/(?<!\\)\|/).length));

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && body[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  return rows;
}
