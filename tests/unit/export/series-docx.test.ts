import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { seriesReportFile } from '../../../src/app/series-report';
import type { SeriesSession } from '../../../src/app/series.svelte';
import type { SessionServices } from '../../../src/app/workshop-session.svelte';
import { listMeetings } from '../../../src/core/series/doc';
import { expectKhmerRun, readDocx } from './docx-read';
import { CORPUS, fixtureWorkshop, KHMER_NOTE } from './helpers';
import { fixtureSeries, hostileSeries, M1 } from './series-fixture';

/** The series report as the dialog's Word button makes it, from a meeting open on a device that
 *  holds no other meeting of the series. */
async function wordReport(series: Y.Doc, meeting: { id: string; doc: Y.Doc }) {
  const session = { doc: series, meeting, meetings: { current: listMeetings(series) } } as unknown as SeriesSession;
  const services = { store: { get: async () => undefined } } as unknown as Pick<SessionServices, 'store'>;
  const file = await seriesReportFile(services, session, 'docx', new Date(Date.UTC(2025, 5, 10)));
  expect(file.name).toMatch(/\.docx$/);
  expect(file.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  return readDocx(await file.arrayBuffer());
}

const fixtureReport = () => wordReport(fixtureSeries(), { id: M1, doc: fixtureWorkshop().doc });

describe('the series report in Word', () => {
  it('lists every meeting with its attendance by group in a table', async () => {
    const { xml, text } = await fixtureReport();
    expect(text).toContain('Series report: Health TWG partnership');
    const table = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]!).find((tbl) => tbl.includes('Attendance by group'))!;
    const rows = table.split(/<w:tr[ >]/).slice(1);
    expect(rows).toHaveLength(3);
    expect(readRow(rows[1]!)).toEqual(['Health TWG strategic meeting', 'March 12, 2025', 'Development Partners: 1 person; Government: 2 people']);
    expect(readRow(rows[2]!)).toEqual(['Follow-up meeting', 'June 10, 2025', 'not on this device']);
  });

  it('holds the decisions, each action with its history, and the parked items with their fate', async () => {
    const { text } = await fixtureReport();
    for (const words of [
      'Decisions', 'The TWG meets every quarter (in Health TWG strategic meeting) (From proposal “Start on time”)',
      'One reporting template for all partners (in Follow-up meeting)',
      'Actions and their history',
      'Draft the joint data-sharing protocol — Government (due May 1, 2025 · In progress; made in Health TWG strategic meeting) (From note “Shared data portal”)'
        + ': Open in Health TWG strategic meeting → In progress in Follow-up meeting',
      'Send the survey calendar — Provincial NGOs (no due date · Done; made in Health TWG strategic meeting)'
        + ': Open in Health TWG strategic meeting → Done in Follow-up meeting',
      `${KHMER_NOTE} — Anna Berg (no due date · Open; made in Follow-up meeting): Open in Follow-up meeting`,
      'Parked items and what became of them',
      'Pooled funding (in Health TWG strategic meeting): On the agenda of Follow-up meeting',
      'A seat for the private sector (in Follow-up meeting): Still parked',
    ]) expect(text, words).toContain(words);
  });

  it('sets Khmer in the complex-script font', async () => {
    const { xml } = await fixtureReport();
    expectKhmerRun(xml, KHMER_NOTE);
  });

  it('keeps hostile text in every series field as text', async () => {
    const { xml, text } = await wordReport(hostileSeries(), { id: 'elsewhere', doc: fixtureWorkshop().doc });
    // Only Word's own (namespaced) elements: a user's `<img …>` or `<script>` stayed text.
    const names = [...xml.matchAll(/<\/?([^\s>/?!]+)/g)].map((m) => m[1]!);
    expect(names.filter((name) => !/^[a-z0-9]+:[A-Za-z0-9]+$/.test(name))).toEqual([]);
    for (const words of CORPUS) expect(text, words).toContain(words);
  });
});

/** The text of each cell of a table row, one entry per paragraph. */
function readRow(row: string): string[] {
  return row.split('<w:p>').slice(1).map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
}
