import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toDocx } from '../../../src/export/docx';
import { summaryBlocks } from '../../../src/export/summary-blocks';
import { summaryModel } from '../../../src/export/summary-model';
import { loadLocale, translator } from '../../../src/i18n/i18n';
import { fixtureWorkshop, KHMER_NOTE, t } from './helpers';

/** The fixture's summary as Word opens it: the text of word/document.xml, and the XML itself. */
async function documentXml(say = t) {
  const { doc, root } = fixtureWorkshop();
  const bytes = await toDocx(summaryBlocks(summaryModel(doc, { root }), say), { title: 'Health TWG' });
  const files = unzipSync(new Uint8Array(bytes));
  expect(Object.keys(files)).toContain('word/document.xml');
  const xml = strFromU8(files['word/document.xml']!);
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return { xml, text, styles: strFromU8(files['word/styles.xml']!) };
}

describe('the Word summary', () => {
  it('holds every section of the summary', async () => {
    const { text } = await documentXml();
    for (const words of [
      'Health TWG strategic meeting: summary', 'Participants by stakeholder group', 'Agenda',
      'Partnership SWOT', 'Strengths', 'Weaknesses', 'Opportunities', 'Threats', 'Coordination', 'Monthly TWG meetings',
      'Who has a stake', 'Ministry of Health', 'Relationships', 'Dot vote results', 'Adopted rules', 'Proposals and answers',
    ]) expect(text, words).toContain(words);
  });

  it('sets the SWOT as a 2×2 table and stakeholders and relationships as tables', async () => {
    const { xml } = await documentXml();
    const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]!);
    const swot = tables.find((tbl) => tbl.includes('Strengths'))!;
    expect(swot.match(/<w:tr>|<w:tr /g)).toHaveLength(2);
    expect([...swot.matchAll(/<w:tc>/g)]).toHaveLength(4);
    expect(tables.some((tbl) => tbl.includes('Ministry of Health') && tbl.includes('Engagement level'))).toBe(true);
    expect(tables.some((tbl) => tbl.includes('From') && tbl.includes('To'))).toBe(true);
  });

  it('sets Khmer text in a complex-script font, marked as Khmer', async () => {
    const { xml } = await documentXml();
    const run = xml.split('<w:r>').find((r) => r.includes(KHMER_NOTE))!;
    expect(run).toMatch(/<w:rFonts [^>]*w:cs="Khmer UI"/);
    expect(run).toMatch(/<w:lang [^>]*w:bidi="km-KH"/);
  });

  it('is all in Khmer when exported in Khmer', async () => {
    await loadLocale('km');
    const { text, styles } = await documentXml(translator('km'));
    expect(text).toContain('ចំណុចខ្លាំង');
    expect(text).toContain('វិធានដែលបានអនុម័ត');
    expect(text).not.toContain('Strengths');
    expect(styles).toMatch(/w:cs="Khmer UI"/);
  });
});
