/** A series of two meetings for the export tests: the fixture workshop is meeting 1 (held on
 *  this device), meeting 2 is not. Ids and clocks are fixed, so the report can be a golden file. */
import { vi } from 'vitest';
import * as Y from 'yjs';
import { addAction, updateAction } from '../../../src/core/series/actions';
import { addMeeting, initSeries } from '../../../src/core/series/doc';
import { markDecided, park, scheduleParked } from '../../../src/core/series/outcomes';
import { unwrap } from '../core/helpers';
import { CORPUS, KHMER_NOTE, PEOPLE } from './helpers';

export const M1 = 'meeting-one';
export const M2 = 'meeting-two';

/** Runs `fill` with a clock that ticks one second per reading, so every entry's time (and so the
 *  order of entries made in one test) is fixed. */
function onFixedClock<T>(fill: () => T): T {
  let now = Date.UTC(2025, 2, 12, 9);
  const spy = vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
  try {
    return fill();
  } finally {
    spy.mockRestore();
  }
}

export function fixtureSeries(texts: { action?: string; decision?: string; parked?: string; owner?: string } = {}): Y.Doc {
  const doc = new Y.Doc();
  onFixedClock(() => {
    unwrap(initSeries(doc, 'Health TWG partnership', 'setup'));
    addMeeting(doc, { id: M1, title: 'Health TWG strategic meeting', startsAt: '2025-03-12', createdAt: 1 }, 'setup');
    addMeeting(doc, { id: M2, title: 'Follow-up meeting', startsAt: '2025-06-10', createdAt: 2 }, 'setup');
    const m1 = { meeting: M1, by: PEOPLE.sokha.id };
    const m2 = { meeting: M2, by: PEOPLE.anna.id };
    const protocol = unwrap(addAction(doc, {
      text: texts.action ?? 'Draft the joint data-sharing protocol', due: '2025-05-01',
      owner: { kind: 'group', key: 'Government', label: texts.owner ?? 'Government' },
      source: { meeting: M1, board: 'b-swot', item: 'n-portal', kind: 'note', label: 'Shared data portal' },
    }, m1, 'setup'));
    const survey = unwrap(addAction(doc, {
      text: 'Send the survey calendar', owner: { kind: 'stakeholder', key: 'provincial ngos', label: 'Provincial NGOs' },
    }, m1, 'setup'));
    unwrap(markDecided(doc, {
      text: texts.decision ?? 'The TWG meets every quarter', meeting: M1, by: PEOPLE.sokha.id,
      source: { meeting: M1, board: 'b-rules', item: 'r-time', kind: 'proposal', label: 'Start on time' },
    }, 'setup'));
    const pooled = unwrap(park(doc, { text: texts.parked ?? 'Pooled funding', meeting: M1, by: PEOPLE.sokha.id, source: null }, 'setup'));
    unwrap(updateAction(doc, protocol, { status: 'in-progress' }, m2, 'setup'));
    unwrap(updateAction(doc, survey, { status: 'done' }, m2, 'setup'));
    unwrap(scheduleParked(doc, pooled, { meeting: M2, board: 'b-pooled' }, 'setup'));
    unwrap(addAction(doc, { text: KHMER_NOTE, owner: { kind: 'person', key: PEOPLE.anna.id, label: PEOPLE.anna.name } }, m2, 'setup'));
    unwrap(markDecided(doc, { text: 'One reporting template for all partners', meeting: M2, by: PEOPLE.anna.id, source: null }, 'setup'));
    unwrap(park(doc, { text: 'A seat for the private sector', meeting: M2, by: PEOPLE.anna.id, source: null }, 'setup'));
  });
  return doc;
}

/** A series whose every user-written text is a corpus string. */
export function hostileSeries(): Y.Doc {
  const doc = new Y.Doc();
  unwrap(initSeries(doc, CORPUS[0]!, 'setup'));
  CORPUS.forEach((text, i) => {
    addMeeting(doc, { id: `meeting${i}`, title: text, startsAt: '', createdAt: i }, 'setup');
    const source = { meeting: `meeting${i}`, board: 'b', item: 'i', kind: text, label: text };
    unwrap(addAction(doc, { text, owner: { kind: 'group', key: text, label: text }, source }, { meeting: `meeting${i}`, by: text }, 'setup'));
    unwrap(markDecided(doc, { text, source, meeting: `meeting${i}`, by: text }, 'setup'));
    unwrap(park(doc, { text, source, meeting: `meeting${i}`, by: text }, 'setup'));
  });
  return doc;
}
