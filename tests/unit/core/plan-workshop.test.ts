import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isBoardType } from '../../../src/core/board-kinds';
import { listBoards } from '../../../src/core/boards';
import { listSteps } from '../../../src/core/facilitation/agenda';
import { facilitatorId, newFacilitatorKeys } from '../../../src/core/facilitation/keys';
import { getMeta } from '../../../src/core/meta';
import { createFromPlan } from '../../../src/core/plan-workshop';
import { WORKSHOP_PLANS, type BuiltInPlan, type WorkshopPlan } from '../../../src/core/workshop-plan';
import { en } from '../../../src/i18n/en';
import { loadLocale, translator, type Locale } from '../../../src/i18n/i18n';
import { km } from '../../../src/i18n/km';
import { unwrap } from './helpers';

const catalogues = { en, km } as const;

function signer() {
  const keys = newFacilitatorKeys();
  return { root: facilitatorId(keys), keys };
}

/** A workshop made from `plan` on a new device, in `locale`. */
async function made(plan: BuiltInPlan, locale: Locale) {
  await loadLocale(locale);
  const doc = new Y.Doc();
  const who = signer();
  const boards = unwrap(createFromPlan(doc, plan, { title: 'Kampot retreat', createdBy: 'p1', locale }, translator(locale), who, 'template'));
  return { doc, boards, root: who.root };
}

/** The plan's boards that this version can make, in order. */
const known = (plan: BuiltInPlan) => plan.boards.filter((b) => isBoardType(b.kind));

describe('the built-in plans', () => {
  it.each(WORKSHOP_PLANS)('$id names only kinds the registry knows', (plan) => {
    expect(plan.boards.filter((b) => !isBoardType(b.kind))).toEqual([]);
  });

  it.each(WORKSHOP_PLANS)('$id: every agenda step is on a board of the plan, refs are unique, timeboxes whole minutes', (plan) => {
    const refs = plan.boards.map((b) => b.ref);
    expect(new Set(refs).size).toBe(refs.length);
    for (const step of plan.agenda) {
      expect(refs).toContain(step.board);
      expect(Number.isInteger(step.minutes) && step.minutes > 0).toBe(true);
    }
  });

  it('scoping holds the partnering cycle\'s planning boards, the agreement last', () => {
    const scoping = WORKSHOP_PLANS.find((p) => p.id === 'scoping')!;
    expect(scoping.boards.map((b) => b.kind)).toEqual(['stakeholders', 'vision', 'ground-rules', 'resources', 'risks', 'indicators', 'agreement']);
  });
});

describe('createFromPlan', () => {
  it.each(WORKSHOP_PLANS.flatMap((plan) => (['en', 'km'] as const).map((locale) => ({ plan, locale }))))(
    '$plan.id in $locale: boards in order with titles and prompts from the catalogue', async ({ plan, locale }) => {
      const { doc, boards } = await made(plan, locale);
      const words = catalogues[locale];
      expect(listBoards(doc).map(({ type, title, prompt }) => ({ type, title, prompt }))).toEqual(
        known(plan).map((b) => ({ type: b.kind, title: words[b.title], prompt: words[b.prompt] })));
      expect([...boards.keys()]).toEqual(known(plan).map((b) => b.ref));
      expect(getMeta(doc)).toMatchObject({ title: 'Kampot retreat', createdBy: 'p1', locale });
    });

  it.each(WORKSHOP_PLANS.flatMap((plan) => (['en', 'km'] as const).map((locale) => ({ plan, locale }))))(
    '$plan.id in $locale: the agenda, signed by the creator, runs on the created boards', async ({ plan, locale }) => {
      const { doc, boards, root } = await made(plan, locale);
      const words = catalogues[locale] as Record<string, string>;
      const refs = new Set(known(plan).map((b) => b.ref));
      const planned = plan.agenda.filter((s) => refs.has(s.board));
      expect(planned.length).toBeGreaterThan(0);
      const steps = listSteps(doc, root);
      expect(steps.map(({ boardId, title, minutes }) => ({ boardId, title, minutes }))).toEqual(planned.map((s) => ({
        boardId: boards.get(s.board), title: 'title' in s ? words[s.title] : '', minutes: s.minutes,
      })));
      const created = new Set(listBoards(doc).map((b) => b.id));
      expect(steps.every((s) => created.has(s.boardId))).toBe(true);
    });

  it('leaves out a board of a kind this version does not know, and its steps', () => {
    const plan: WorkshopPlan<'t.a' | 't.b' | 't.c'> = {
      id: 'test', name: 't.a', description: 't.a',
      boards: [
        { ref: 'later', kind: 'from-a-newer-app', title: 't.a', prompt: 't.b' },
        { ref: 'now', kind: 'notes', title: 't.b', prompt: 't.c' },
      ],
      agenda: [{ board: 'later', minutes: 10 }, { board: 'now', title: 't.c', minutes: 20 }],
    };
    const doc = new Y.Doc();
    const who = signer();
    const boards = unwrap(createFromPlan(doc, plan, { title: 'Plan', createdBy: 'p1', locale: 'en' }, (k) => `words of ${k}`, who, 'template'));
    expect([...boards.keys()]).toEqual(['now']);
    expect(listBoards(doc).map((b) => [b.type, b.title, b.prompt])).toEqual([['notes', 'words of t.b', 'words of t.c']]);
    expect(listSteps(doc, who.root).map((s) => [s.title, s.minutes])).toEqual([['words of t.c', 20]]);
  });

  it('refuses a title the workshop cannot take, writing nothing', () => {
    const doc = new Y.Doc();
    expect(createFromPlan(doc, WORKSHOP_PLANS[0], { title: ' ', createdBy: 'p1', locale: 'en' }, translator('en'), signer(), 'template'))
      .toMatchObject({ ok: false, error: 'empty' });
    expect(listBoards(doc)).toEqual([]);
  });

  it('makes the whole workshop in one update, so a peer never sees half of it', () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on('update', () => updates++);
    unwrap(createFromPlan(doc, WORKSHOP_PLANS[1], { title: 'Plan', createdBy: 'p1', locale: 'en' }, translator('en'), signer(), 'template'));
    expect(updates).toBe(1);
  });
});
