import { describe, expect, it } from 'vitest';
import { addItem } from '../../../src/core/items';
import type * as Y from 'yjs';
import { csvField, toCsv } from '../../../src/export/csv';
import { summaryModel, type SummaryOptions } from '../../../src/export/summary-model';
import { unwrap } from '../core/helpers';
import { expectGolden, fixtureWorkshop, KHMER_NOTE, parseCsv, PEOPLE, t } from './helpers';

/** The CSV as the app makes it: from the summary model. */
const csvOf = (doc: Y.Doc, options: SummaryOptions = {}) => toCsv(summaryModel(doc, options), t);

describe('CSV', () => {
  it('matches the golden file', () => {
    const { doc, root } = fixtureWorkshop();
    expectGolden('notes.csv', csvOf(doc, { root }));
  });

  it('starts with a byte-order mark and ends every row with CRLF', () => {
    const csv = csvOf(fixtureWorkshop().doc);
    expect(csv.startsWith('\uFEFFKind,Board,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/"[^"]*"/g, '').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has one row per note, proposal, stakeholder, vision version, vision statement and indicator, each with every column', () => {
    const rows = parseCsv(csvOf(fixtureWorkshop().doc));
    // Header, notes, stakeholders, proposals, notes, vision, indicators, needs and pledges, risks, an assumption and a
    // red line; the health check's 4 statements in 2 runs, each for everyone and 2 groups.
    expect(rows).toHaveLength(1 + 6 + 3 + 3 + 2 + 3 + 2 + 8 + 4 + 4 * 2 * 3);
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([40]));
    const moh = rows.find((r) => r[4] === 'Ministry of Health')!;
    expect(moh.slice(0, 2)).toEqual(['Stakeholder', 'Who has a stake']);
    expect(moh.slice(8)).toEqual(['Government', 'Key decision-making partner', 'Reliable district data', '',
      'Universal coverage', 'Authority, policy', '80', '70', '2', '', ...Array<string>(22).fill('')]);
    expect(rows.find((r) => r[4] === 'Monthly TWG meetings')!.slice(0, 7))
      .toEqual(['Note', 'Partnership SWOT', 'Strengths', 'Coordination', 'Monthly TWG meetings', 'Development Partners', '']);
  });

  it('gives each note of a voted board its dots in the latest vote, only under the root', () => {
    const { doc, root } = fixtureWorkshop();
    const dots = (options: { root?: string }) => Object.fromEntries(parseCsv(csvOf(doc, options)).slice(1)
      .filter((r) => r[0] === 'Note').map((r) => [r[4], r[17]]));
    expect(dots({ root })).toEqual({
      'Monthly TWG meetings': '0', 'Joint annual review': '0', 'Shared data portal': '4', [KHMER_NOTE]: '3',
      'Reports arrive late,\nand in different formats': '2', 'New health financing law': '0',
      'A plan with owners and dates': '', 'Less duplication of surveys': '',
    });
    expect(new Set(Object.values(dots({})))).toEqual(new Set(['']));
  });

  it('round-trips Khmer, commas, quotes and line breaks', () => {
    const { doc, boards } = fixtureWorkshop();
    const tricky = 'He said "yes", then\nleft';
    unwrap(addItem(doc, boards.notes, { text: tricky, createdBy: PEOPLE.anna.id, group: '' }, 'setup'));
    const csv = csvOf(doc);
    expect(csv).toContain('"He said ""yes"", then\nleft"');
    const texts = parseCsv(csv).map((r) => r[4]);
    expect(texts).toContain(tricky);
    expect(texts).toContain(KHMER_NOTE);
    expect(texts).toContain('Reports arrive late,\nand in different formats');
  });

  it('names authors only when asked', () => {
    expect(csvOf(fixtureWorkshop().doc)).not.toContain(PEOPLE.sokha.name);
    const rows = parseCsv(csvOf(fixtureWorkshop().doc, { showNames: true }));
    expect(rows.find((r) => r[4] === 'Shared data portal')![6]).toBe(PEOPLE.sokha.name);
  });

  it('turns a would-be formula into text', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+33 1 23')).toBe("'+33 1 23");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvField('a = b')).toBe('a = b');
  });
});
