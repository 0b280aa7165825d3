import { describe, expect, it } from 'vitest';
import { toDocx } from '../../../src/export/docx';
import { summaryBlocks } from '../../../src/export/summary-blocks';
import { summaryModel } from '../../../src/export/summary-model';
import { loadLocale, translator } from '../../../src/i18n/i18n';
import { expectKhmerRun, readDocx } from './docx-read';
import { fixtureWorkshop, KHMER_NOTE, t } from './helpers';

/** The fixture's summary as Word opens it: the text of word/document.xml, and the XML itself. */
async function documentXml(say = t) {
  const { doc, root } = fixtureWorkshop();
  return readDocx(await toDocx(summaryBlocks(summaryModel(doc, { root }), say), { title: 'Health TWG' }));
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
    expectKhmerRun(xml, KHMER_NOTE);
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
