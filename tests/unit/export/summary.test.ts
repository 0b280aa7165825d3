import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteGroup, listGroups } from '../../../src/core/groups';
import { addItem } from '../../../src/core/items';
import { boardOrderOf } from '../../../src/core/schema';
import { toHtml } from '../../../src/export/html';
import { toMarkdown } from '../../../src/export/markdown';
import { summaryModel } from '../../../src/export/summary-model';
import { unwrap } from '../core/helpers';
import { expectGolden, fixtureWorkshop, KHMER_NOTE, PEOPLE, t } from './helpers';

const names = Object.values(PEOPLE).map((p) => p.name);
const ids = Object.values(PEOPLE).map((p) => p.id);

describe('summary of the fixture workshop', () => {
  it('matches the golden Markdown', () => {
    expectGolden('summary.md', toMarkdown(summaryModel(fixtureWorkshop().doc), t));
  });

  it('matches the golden HTML', () => {
    expectGolden('summary.html', toHtml(summaryModel(fixtureWorkshop().doc), t));
  });

  it('matches the golden Markdown with names shown', () => {
    expectGolden('summary-names.md', toMarkdown(summaryModel(fixtureWorkshop().doc, { showNames: true }), t));
  });

  it('lays out every board kind', () => {
    const html = toHtml(summaryModel(fixtureWorkshop().doc), t);
    expect(html).toContain('<div class="swot">');
    expect(html.match(/<section class="q-/g)).toHaveLength(4);
    expect(html).toMatch(/<svg class="map"[^>]*role="img"/);
    expect(html.match(/<circle /g)).toHaveLength(2); // the unplaced stakeholder is in the table only
    expect(html).toContain('<td>Not on the map yet</td>');
    expect(html).toContain('<strong class="status-adopted">Adopted</strong>: 2 agree · 1 with reservations · 0 object');
    expect(html).toContain(KHMER_NOTE);
    const md = toMarkdown(summaryModel(fixtureWorkshop().doc), t);
    expect(md).toContain('| Strengths | Weaknesses |');
    expect(md).toContain('| **Opportunities** | **Threats** |');
    expect(md).toContain(KHMER_NOTE);
  });
});

describe('names', () => {
  it('are hidden by default: authors appear as their group only', () => {
    const { doc } = fixtureWorkshop();
    const model = summaryModel(doc);
    const outputs = [toMarkdown(model, t), toHtml(model, t), JSON.stringify(model)];
    for (const out of outputs) {
      for (const name of names) expect(out).not.toContain(name);
      for (const id of ids) expect(out).not.toContain(id);
    }
    expect(toMarkdown(model, t)).toContain('Shared data portal — *Government*');
    expect(model.groups.every((g) => g.names === undefined)).toBe(true);
  });

  it('appear on request, with the participants of each group', () => {
    const model = summaryModel(fixtureWorkshop().doc, { showNames: true });
    const md = toMarkdown(model, t);
    expect(md).toContain('Shared data portal — *Sokha Chan, Government*');
    expect(md).toContain('- **Government** (participants: 2): Dara Keo, Sokha Chan');
    expect(md).toContain('- **Academia** (participants: 0)');
    for (const id of ids) expect(md).not.toContain(id);
  });

  it('show a deleted group as no group', () => {
    const { doc } = fixtureWorkshop();
    const dp = listGroups(doc).find((g) => g.name === 'Development Partners')!;
    unwrap(deleteGroup(doc, dp.id, 'setup'));
    const model = summaryModel(doc);
    expect(model.groups.at(-1)).toEqual({ name: '', color: '', participants: 1 });
    expect(toMarkdown(model, t)).toContain('New health financing law — *No group*');
  });
});

describe('board choice', () => {
  it('details only the chosen boards, in agenda order, and lists every board in the agenda', () => {
    const { doc, boards } = fixtureWorkshop();
    const model = summaryModel(doc, { boards: [boards.notes, boards.swot] });
    expect(model.sections.map((s) => s.title)).toEqual(['Partnership SWOT', 'Expectations']);
    expect(model.agenda.map((a) => a.title)).toEqual(['Partnership SWOT', 'Who has a stake', 'Ground rules', 'Expectations']);
    expect(toHtml(model, t)).not.toContain('<svg');
  });

  it('renders a board of a type from a newer app as its notes', () => {
    const { doc } = fixtureWorkshop();
    doc.transact(() => {
      const board = doc.getMap<unknown>('board:future');
      board.set('type', 'timeline');
      board.set('title', 'Milestones');
      board.set('items', new Y.Map());
      boardOrderOf(doc).push(['future']);
    });
    unwrap(addItem(doc, 'future', { text: 'Pilot in two provinces', createdBy: PEOPLE.anna.id, group: '' }, 'setup'));
    const model = summaryModel(doc, { boards: ['future'] });
    expect(model.sections).toEqual([{ kind: 'notes', type: 'timeline', title: 'Milestones', prompt: '', notes: [
      { text: 'Pilot in two provinces', author: { group: '' } },
    ] }]);
    expect(toMarkdown(model, t)).toContain('## Milestones\n\n*Notes*\n\n- Pilot in two provinces — *No group*');
  });
});

describe('page', () => {
  it('is A4 by default and Letter on request', () => {
    const model = summaryModel(fixtureWorkshop().doc);
    expect(toHtml(model, t)).toContain('@page { size: A4;');
    expect(toHtml(model, t, { paper: 'letter' })).toContain('@page { size: letter;');
    expect(toHtml(model, t)).toContain('@media print');
  });

  it('takes the document language from the workshop, and survives a nonsense locale', () => {
    const { doc } = fixtureWorkshop();
    expect(toHtml(summaryModel(doc, { locale: 'km' }), t)).toContain('<html lang="km">');
    doc.getMap('meta').set('locale', 'not a locale!!');
    const model = summaryModel(doc);
    expect(model.locale).toBe('en');
    expect(toMarkdown(model, t)).toContain('**Date:** March 12, 2025');
  });

  it('says so when a workshop has nothing yet', () => {
    const doc = new Y.Doc();
    const md = toMarkdown(summaryModel(doc), t);
    expect(md).toContain('*Nobody has joined yet\\.*');
    expect(md).not.toContain('**Date:**');
  });
});
