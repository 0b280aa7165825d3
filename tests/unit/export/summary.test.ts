import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteGroup, listGroups } from '../../../src/core/groups';
import { addItem } from '../../../src/core/items';
import { boardOrderOf } from '../../../src/core/schema';
import { toCsv } from '../../../src/export/csv';
import { toHtml } from '../../../src/export/html';
import { toMarkdown } from '../../../src/export/markdown';
import { controlsOf } from '../../../src/core/facilitation/controls';
import { facilitatorId, newFacilitatorKeys } from '../../../src/core/facilitation/keys';
import { signRecord } from '../../../src/core/facilitation/signature';
import { openVote, votesOf } from '../../../src/core/facilitation/votes';
import { listItems } from '../../../src/core/items';
import { summaryModel, type BoardSection, type SummaryModel, type SummaryOptions } from '../../../src/export/summary-model';
import { unwrap } from '../core/helpers';
import { expectGolden, fixtureWorkshop, KHMER_NOTE, PEOPLE, t } from './helpers';

const names = Object.values(PEOPLE).map((p) => p.name);
const ids = Object.values(PEOPLE).map((p) => p.id);

/** The fixture's summary as the facilitator's device makes it: under the workshop's root. */
function facilitatedModel(options: SummaryOptions = {}) {
  const { doc, root } = fixtureWorkshop();
  return summaryModel(doc, { ...options, root });
}

describe('summary of the fixture workshop', () => {
  it('matches the golden Markdown', () => {
    expectGolden('summary.md', toMarkdown(facilitatedModel(), t));
  });

  it('matches the golden HTML', () => {
    expectGolden('summary.html', toHtml(facilitatedModel(), t));
  });

  it('matches the golden Markdown with names shown', () => {
    expectGolden('summary-names.md', toMarkdown(facilitatedModel({ showNames: true }), t));
  });

  it('lays out every board kind', () => {
    const html = toHtml(summaryModel(fixtureWorkshop().doc), t);
    expect(html).toContain('<div class="swot">');
    expect(html.match(/<section class="q-/g)).toHaveLength(4);
    expect(html).toMatch(/<svg class="map"[^>]*role="img"/);
    // The unplaced stakeholder is in the table only.
    expect(html.match(/<svg class="map"[\s\S]*?<\/svg>/)![0].match(/<circle /g)).toHaveLength(2);
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
    expect(model.agenda.map((a) => a.title)).toEqual([
      'Partnership SWOT', 'Who has a stake', 'Ground rules', 'Expectations', 'Vision and joint objective', 'Indicators of success',
      'Resources and commitments', 'Risks and red lines', 'Partnership health check', 'Follow-up actions',
    ]);
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
    expect(toCsv(model, t)).toContain(`\r\nNote,Milestones,,,Pilot in two provinces,No group${','.repeat(34)}\r\n`);
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

const voteOfSection = (model: SummaryModel, title: string) => {
  const section = model.sections.find((s) => s.title === title) as Extract<BoardSection, { kind: 'swot' | 'notes' }>;
  return section.vote;
};

/** The Markdown from the vote's heading to the next board's. */
const voteMarkdown = (md: string) => md.slice(md.indexOf('#### Dot vote results')).split('\n## ')[0]!;

describe('agenda steps and dot votes', () => {
  it('list the facilitator’s steps as the agenda, and a board’s latest vote by group', () => {
    const model = facilitatedModel();
    expect(model.steps).toEqual([
      { title: 'Welcome and expectations', board: 'Expectations', minutes: 15 },
      { title: 'Partnership SWOT', board: 'Partnership SWOT', minutes: 45 },
    ]);
    expect(voteOfSection(model, 'Partnership SWOT')).toEqual({
      dots: 3, open: false, voters: 3, groups: ['Development Partners', 'Government'], notes: [
        { text: 'Shared data portal', total: 4, byGroup: [1, 3], differs: false },
        { text: KHMER_NOTE, total: 3, byGroup: [0, 3], differs: false },
        { text: 'Reports arrive late,\nand in different formats', total: 2, byGroup: [2, 0], differs: true },
      ],
    });
    expect(voteOfSection(model, 'Expectations')).toBeUndefined();
    const md = toMarkdown(model, t);
    expect(md).toContain('1. Welcome and expectations (15 min) — *Expectations*\n2. Partnership SWOT (45 min)\n');
    expect(md).not.toContain('(Stakeholder map)');
  });

  it('appear only with a root: without one, or with another workshop’s, the summary is as before', () => {
    const { doc } = fixtureWorkshop();
    const foreign = facilitatorId(newFacilitatorKeys());
    for (const root of [undefined, null, foreign]) {
      const model = summaryModel(doc, { root });
      expect(model.steps).toEqual([]);
      expect(model.sections.filter((s) => 'vote' in s)).toEqual([]);
      expect(JSON.stringify(model)).not.toContain('"dots"');
      const md = toMarkdown(model, t);
      expect(md).not.toContain('Dot vote results');
      expect(md).toContain('1. Partnership SWOT (SWOT grid)\n2. Who has a stake (Stakeholder map)');
      expect(toHtml(model, t)).not.toContain('class="vote"');
    }
  });

  it('leave out a step and a vote signed by a key that is not a facilitator', () => {
    const { doc, root, boards } = fixtureWorkshop();
    const participant = newFacilitatorKeys();
    const forge = (kind: string, target: string, value: Record<string, string | number | boolean>) =>
      controlsOf(doc).set(`${kind}|${target}|forged`, signRecord(root, participant.signing.secret,
        { kind, target, value, seq: 1000, signer: participant.signing.public }));
    forge('step', 'forged-step', { boardId: boards.rules, title: 'Forged step', minutes: 5, order: 0 });
    forge('vote', boards.notes, { round: 'forged', dots: 20, open: false });
    forge('vote', boards.swot, { round: 'forged', dots: 20, open: false });
    votesOf(doc).set(`forged|${PEOPLE.anna.id}`, Object.fromEntries(listItems(doc, boards.notes).map((n) => [n.id, 10])));
    const model = summaryModel(doc, { root });
    expect(model.steps.map((s) => s.title)).toEqual(['Welcome and expectations', 'Partnership SWOT']);
    expect(voteOfSection(model, 'Expectations')).toBeUndefined();
    expect(voteOfSection(model, 'Partnership SWOT')).toMatchObject({ dots: 3, voters: 3 });
  });

  it('name groups, never participants, even when names are shown', () => {
    const model = facilitatedModel({ showNames: true });
    const vote = JSON.stringify(voteOfSection(model, 'Partnership SWOT'));
    const md = voteMarkdown(toMarkdown(model, t));
    const html = toHtml(model, t);
    const table = html.slice(html.indexOf('<table class="vote">'), html.indexOf('</table>', html.indexOf('<table class="vote">')));
    expect(md).toContain('| Note | Dots | Development Partners | Government |');
    expect(table).toContain('<th scope="col" class="num">Government</th>');
    for (const out of [vote, md, table]) {
      for (const name of names) expect(out).not.toContain(name);
      for (const id of ids) expect(out).not.toContain(id);
    }
  });

  it('show the latest round, open or closed, and voters of a deleted group as no group', () => {
    const { doc, root, boards, facilitator } = fixtureWorkshop();
    const dp = listGroups(doc).find((g) => g.name === 'Development Partners')!;
    unwrap(deleteGroup(doc, dp.id, 'setup'));
    expect(voteOfSection(summaryModel(doc, { root }), 'Partnership SWOT')).toMatchObject({
      groups: ['Government', ''], notes: [{ byGroup: [3, 1] }, { byGroup: [3, 0] }, { byGroup: [0, 2] }],
    });
    expect(toMarkdown(summaryModel(doc, { root }), t)).toContain('| Note | Dots | Government | No group |');

    unwrap(openVote(doc, facilitator, boards.swot, 2, 'setup'));
    const model = summaryModel(doc, { root });
    expect(voteOfSection(model, 'Partnership SWOT')).toEqual({ dots: 2, open: true, voters: 0, groups: [], notes: [] });
    expect(voteMarkdown(toMarkdown(model, t))).toBe(
      '#### Dot vote results\n\n2 dots each · 0 people voted · the vote was still open\n\n*No dots placed yet\\.*\n');
  });
});
