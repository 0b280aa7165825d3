import { beforeAll, describe, expect, it } from 'vitest';
import { listBoards, updateBoard } from '../../../src/core/boards';
import { toCsv } from '../../../src/export/csv';
import { toHtml } from '../../../src/export/html';
import { toMarkdown } from '../../../src/export/markdown';
import { readStakeholderCsv } from '../../../src/export/stakeholder-import';
import { summaryModel } from '../../../src/export/summary-model';
import { bothTranslator, loadLocale, translator } from '../../../src/i18n/i18n';
import { unwrap } from '../core/helpers';
import { expectGolden, fixtureWorkshop } from './helpers';

beforeAll(() => loadLocale('km'));

/** The fixture with its SWOT board's title and question given in Khmer too. */
function bilingualFixture() {
  const { doc, root } = fixtureWorkshop();
  const swot = listBoards(doc).find((b) => b.type === 'swot')!;
  unwrap(updateBoard(doc, swot.id, { titleKm: 'SWOT នៃភាពជាដៃគូ', promptKm: 'អ្វីជួយ និងអ្វីរារាំង?' }, 'setup'));
  return { doc, root };
}

describe('bothTranslator', () => {
  it('puts a label in English and Khmer side by side, and a count in each', () => {
    const t = bothTranslator();
    expect(t('swot.strengths')).toBe(`${translator('en')('swot.strengths')} · ${translator('km')('swot.strengths')}`);
    expect(t('export.participants.count', { count: 3 })).toBe(
      `${translator('en')('export.participants.count', { count: 3 })} · ${translator('km')('export.participants.count', { count: 3 })}`);
  });

  it('says a sentence around a person\'s words once', () => {
    expect(bothTranslator()('export.title', { title: 'Retreat' })).toBe(translator('en')('export.title', { title: 'Retreat' }));
  });
});

describe('a summary in both languages', () => {
  const model = (boardLanguage: 'en' | 'km' | 'both') => {
    const { doc, root } = bilingualFixture();
    return summaryModel(doc, { root, boardLanguage, locale: boardLanguage === 'both' ? 'en' : boardLanguage });
  };

  it('gives each board its title and question in the chosen language', () => {
    const swot = (language: 'en' | 'km' | 'both') => model(language).sections.find((s) => s.kind === 'swot')!;
    expect(swot('en')).toMatchObject({ title: 'Partnership SWOT', prompt: 'What helps, and what stands in the way?' });
    expect(swot('km')).toMatchObject({ title: 'SWOT នៃភាពជាដៃគូ', prompt: 'អ្វីជួយ និងអ្វីរារាំង?' });
    expect(swot('both')).toMatchObject({
      title: 'Partnership SWOT · SWOT នៃភាពជាដៃគូ', prompt: 'What helps, and what stands in the way?\nអ្វីជួយ និងអ្វីរារាំង?',
    });
    expect(model('km').agenda.map((a) => a.title)).toContain('SWOT នៃភាពជាដៃគូ');
  });

  it('matches the golden Markdown, headings in both languages', () => {
    const markdown = toMarkdown(model('both'), bothTranslator());
    expect(markdown).toContain('Strengths · ចំណុចខ្លាំង');
    expectGolden('summary-both.md', markdown);
  });

  it('gives the CSV headings in both languages, and reads its stakeholders back', () => {
    const csv = toCsv(model('both'), bothTranslator());
    expect(csv.split('\n')[0]).toContain(' · ');
    const read = readStakeholderCsv([{ name: 'both.csv', text: csv }], [translator('en'), translator('km'), bothTranslator()], new Map());
    expect(read.errors).toEqual([]);
    expect(read.stakeholders.length).toBeGreaterThan(0);
    expect(read.stakeholders.every((s) => s.sector)).toBe(true);
  });
});

describe('the printable page\'s Khmer font', () => {
  const FONT = 'data:font/woff2;base64,d09GMgABAAAAA+/=';

  it('is embedded, and the page\'s policy lets data: fonts in', () => {
    const html = toHtml(model(), translator('en'), { khmerFont: FONT });
    expect(html).toContain(`@font-face { font-family: "Noto Sans Khmer"; src: url("${FONT}") format("woff2")`);
    expect(html).toContain("img-src data:; font-src data:\">");
  });

  it('is left out unless it is a well-formed font URL', () => {
    for (const khmerFont of [undefined, 'data:font/woff2;base64,AA");} body{color:red', 'https://example.org/font.woff2']) {
      const html = toHtml(model(), translator('en'), { khmerFont });
      expect(html).not.toContain('@font-face');
      expect(html).not.toContain('font-src');
    }
  });

  function model() {
    const { doc, root } = fixtureWorkshop();
    return summaryModel(doc, { root });
  }
});
