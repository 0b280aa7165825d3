import { describe, expect, it } from 'vitest';
import { createBoard } from '../../../src/core/boards';
import { endBreakouts, listBreakouts, startBreakouts } from '../../../src/core/facilitation/breakouts';
import { upsertParticipant } from '../../../src/core/participants';
import { addNote } from '../../../src/core/swot';
import { toHtml } from '../../../src/export/html';
import { toMarkdown } from '../../../src/export/markdown';
import { summaryBlocks } from '../../../src/export/summary-blocks';
import { summaryModel } from '../../../src/export/summary-model';
import { unwrap } from '../core/helpers';
import { facilitated } from '../core/facilitation/setup';
import { t } from './helpers';

/** A SWOT board split into two tables that each wrote a note, then brought back; a board made
 *  after it stands between the source and the tables in agenda order. */
function brokenOut() {
  const { doc, root, creator } = facilitated();
  const swot = unwrap(createBoard(doc, { type: 'swot', title: 'SWOT' }, 'x'));
  for (const [id, name] of [['sokha', 'Sokha'], ['vanna', 'Vanna'], ['chan', 'Chan'], ['dara', 'Dara']]) {
    unwrap(upsertParticipant(doc, { id: id!, name: name!, group: '', color: '#000' }, 'x'));
  }
  unwrap(createBoard(doc, { type: 'notes', title: 'Next steps' }, 'x'));
  const id = unwrap(startBreakouts(doc, creator, {
    source: swot, tables: [['sokha', 'vanna'], ['chan', 'dara']], titles: ['SWOT · Table 1', 'SWOT · Table 2'], minutes: 10,
  }, 0, 'x'));
  const [one, two] = listBreakouts(doc, root)[0]!.tables.map((tb) => tb.board);
  unwrap(addNote(doc, one!, { text: 'Shared data', quadrant: 'strengths', createdBy: 'sokha', group: '' }, 'x'));
  unwrap(addNote(doc, two!, { text: 'Slow funding', quadrant: 'threats', createdBy: 'dara', group: '' }, 'x'));
  unwrap(endBreakouts(doc, creator, id, 'x'));
  return { doc, root };
}

describe('the summary of breakouts', () => {
  it('puts each table after the board it copied, with its table and how many sat there', () => {
    const { doc, root } = brokenOut();
    const model = summaryModel(doc, { root });
    expect(model.sections.map((s) => [s.title, s.table?.number])).toEqual([
      ['Expectations', undefined], ['SWOT', undefined], ['SWOT · Table 1', 1], ['SWOT · Table 2', 2], ['Next steps', undefined],
    ]);
    expect(model.sections[2]!.table).toEqual({ number: 1, source: 'SWOT', people: 2 });
    const md = toMarkdown(model, t);
    expect(md).toContain('## SWOT · Table 1\n\n*SWOT grid*\n\n**Table 1 of “SWOT” · 2 at the table**');
    expect(md.indexOf('Shared data')).toBeLessThan(md.indexOf('## SWOT · Table 2'));
    expect(md.indexOf('Slow funding')).toBeGreaterThan(md.indexOf('## SWOT · Table 2'));
    expect(toHtml(model, t)).toContain('<p class="table"><strong>Table 2 of “SWOT” · 2 at the table</strong></p>');
    expect(JSON.stringify(summaryBlocks(model, t))).toContain('Table 2 of “SWOT” · 2 at the table');
    expect(md).not.toContain('Sokha');
  });

  it('names the people at each table only when names are shown', () => {
    const { doc, root } = brokenOut();
    const md = toMarkdown(summaryModel(doc, { root, showNames: true }), t);
    expect(md).toContain('**Table 1 of “SWOT” · 2 at the table: Sokha, Vanna**');
    expect(md).toContain('**Table 2 of “SWOT” · 2 at the table: Chan, Dara**');
  });

  it('knows tables only from breakouts signed under the root', () => {
    const { doc } = brokenOut();
    const model = summaryModel(doc, { root: facilitated().root });
    expect(model.sections.every((s) => s.table === undefined)).toBe(true);
  });
});
