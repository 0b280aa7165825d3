import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addStakeholders, listRelationships, listStakeholders } from '../../../src/core/stakeholders';
import { toCsv } from '../../../src/export/csv';
import { readStakeholderCsv } from '../../../src/export/stakeholder-import';
import { summaryModel } from '../../../src/export/summary-model';
import { loadLocale, translator } from '../../../src/i18n/i18n';
import { addBoardOf, newWorkshop, unwrap } from '../core/helpers';
import { expectGolden, fixtureWorkshop } from './helpers';

const dir = join(import.meta.dirname, 'golden/stakeholder-import');
const file = (name: string) => ({ name, text: readFileSync(join(dir, name), 'utf8') });
const languages = () => [translator('en'), translator('km')];
const read = (names: string[], existing = new Map<string, string>()) => readStakeholderCsv(names.map(file), languages(), existing);
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

beforeAll(() => loadLocale('km'));

describe('stakeholders from a spreadsheet', () => {
  it('reads a comma file with a byte-order mark, quoted commas and line breaks', () => {
    expectGolden('stakeholder-import/good.json', json(read(['good.csv'])));
  });

  it('keeps formula-looking cells as text', () => {
    const [, , , formula] = read(['good.csv']).stakeholders;
    expect(formula).toMatchObject({ name: '=HYPERLINK("http://x.example")', needs: '@risk', interests: '+1', motivations: '-2' });
  });

  it('reads a semicolon file without a byte-order mark, in Khmer', () => {
    const result = read(['khmer-semicolon.csv']);
    expect(result.errors).toEqual([]);
    expect(result.stakeholders).toEqual([
      { name: 'មន្ទីរសុខាភិបាលខេត្ត', sector: 'government', level: 'active-partner', needs: 'ទិន្នន័យ; ពេលវេលា', interests: '', motivations: '', brings: '' },
      { name: 'សហគមន៍ភូមិ', sector: 'community', level: 'informed', needs: '', interests: '', motivations: '', brings: '' },
    ]);
  });

  it('says what is wrong with each bad row, and keeps the good ones', () => {
    const result = read(['bad-rows.csv'], new Map([['UNICEF', 'id-unicef']]));
    expect(result.stakeholders.map((s) => s.name)).toEqual(['Ministry of Health']);
    expectGolden('stakeholder-import/bad-rows.json', json(result.errors));
  });

  it('reads relationships by name, from the same import or the board', () => {
    const result = read(['good.csv', 'relationships.csv'], new Map([['WHO', 'id-who']]));
    expect(result.relationships).toEqual([
      { from: 0, to: 1, label: 'funds' },
      { from: 2, to: 0, label: 'reports to' },
    ]);
    expect(result.errors).toEqual([
      { file: 'relationships.csv', row: 4, problems: [{ problem: 'unknown-stakeholder', value: 'Nobody' }] },
      { file: 'relationships.csv', row: 5, problems: [{ problem: 'same-stakeholder', value: 'Private clinics' }] },
    ]);
  });

  it('reads back the stakeholders of the app’s own CSV export, in either language', () => {
    const { doc } = fixtureWorkshop();
    const expected = summaryModel(doc).sections.flatMap((s) => (s.kind === 'stakeholders' ? s.stakeholders : []))
      .map(({ name, sector, level, needs, interests, motivations, brings }) => ({ name, sector, level, needs, interests, motivations, brings }));
    expect(expected.length).toBeGreaterThan(1);
    for (const t of languages()) {
      const result = readStakeholderCsv([{ name: 'export.csv', text: toCsv(summaryModel(doc), t) }], languages(), new Map());
      expect(result.errors).toEqual([]);
      expect(result.stakeholders).toEqual(expected);
    }
  });

  it('round-trips a name that looks like a formula through the export', () => {
    const doc = newWorkshop('W', 'p1');
    const board = addBoardOf(doc, 'stakeholders', 'Map');
    unwrap(addStakeholders(doc, board, { stakeholders: [{ name: '=SUM(A1)', needs: '-money' }], relationships: [] }, 'p1', 'test'));
    const csv = toCsv(summaryModel(doc), translator('en'));
    expect(csv).toContain(`'=SUM(A1)`);
    expect(readStakeholderCsv([{ name: 'x.csv', text: csv }], languages(), new Map()).stakeholders)
      .toMatchObject([{ name: '=SUM(A1)', needs: '-money' }]);
  });

  it('writes a whole import as one change, relationships included', () => {
    const doc = newWorkshop('W', 'p1');
    const board = addBoardOf(doc, 'stakeholders', 'Map');
    const { stakeholders, relationships } = read(['good.csv', 'relationships.csv']);
    let updates = 0;
    doc.on('update', () => updates++);
    unwrap(addStakeholders(doc, board, { stakeholders, relationships }, 'p1', 'test'));
    expect(updates).toBe(1);
    expect(listStakeholders(doc, board).map((s) => s.name)).toEqual(stakeholders.map((s) => s.name));
    expect(listRelationships(doc, board)).toHaveLength(2);
  });
});
