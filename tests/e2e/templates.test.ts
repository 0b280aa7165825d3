import { describe, expect, it } from 'vitest';
import { LAPTOP, PHONE, screenshot, useHubAndBrowser, watchErrors } from './harness';
import { inviteLink, join, setProfile, useTransports } from './workshop-steps';

const env = useHubAndBrowser();

/** The boards "Partnership scoping" makes, in agenda order. */
const SCOPING_BOARDS = [
  'Stakeholder map', 'Vision and joint objective', 'Ground rules', 'Resources and commitments',
  'Risks, assumptions and red lines', 'Indicators of success', 'Partnership agreement',
];

describe('built-in templates, in a real browser', () => {
  it('a facilitator starts "Partnership scoping" on a laptop: boards, prompts and a timed agenda; a phone that joins sees the boards', async () => {
    const contexts = await Promise.all([env.browser.newContext(LAPTOP), env.browser.newContext(PHONE)]);
    const [laptopContext, phoneContext] = contexts;
    try {
      const errors = contexts.map(watchErrors);
      for (const c of contexts) await useTransports(c, { relay: true, peers: false });
      const laptop = await laptopContext!.newPage();
      await setProfile(laptop, env.hub.url, 'Dara', 'Development Partners');
      await laptop.goto(env.hub.url);
      await screenshot(laptop, 'templates-home-laptop');
      await laptop.getByRole('button', { name: /^Partnership scoping/ }).click();

      // With no title typed, the workshop takes the template's name.
      await laptop.getByRole('heading', { name: 'Partnership scoping', level: 1 }).waitFor();
      const boards = laptop.getByRole('navigation', { name: 'Boards' });
      for (const title of SCOPING_BOARDS) await boards.getByRole('link', { name: new RegExp(title) }).waitFor();
      const agenda = laptop.getByRole('region', { name: 'Agenda', exact: true });
      await agenda.getByText('Draft the vision').waitFor();
      await agenda.getByText('Vision and joint objective · 40 min').waitFor();
      await laptop.getByRole('button', { name: 'Start step 1: Stakeholder map' }).waitFor();
      await laptop.getByRole('button', { name: 'Start step 6: Indicators of success' }).waitFor();
      await agenda.getByText('Agree the partnership agreement').waitFor();
      await laptop.getByRole('button', { name: 'Start step 7: Agree the partnership agreement' }).waitFor();
      await screenshot(laptop, 'templates-scoping-laptop', true);

      await boards.getByRole('link', { name: /Stakeholder map/ }).click();
      await laptop.getByText('Who has a stake in this partnership?').waitFor();

      const phone = await phoneContext!.newPage();
      await join(phone, await inviteLink(laptop), 'Sokha', 'Government', 'Stakeholder map');
      await phone.getByText('Who has a stake in this partnership?').waitFor();
      // A phone shows one pane at a time: back from the board to the list of boards.
      await phone.getByRole('link', { name: '← Boards' }).click();
      const phoneBoards = phone.getByRole('navigation', { name: 'Boards' });
      for (const title of SCOPING_BOARDS) await phoneBoards.getByRole('link', { name: new RegExp(title) }).waitFor();
      await screenshot(phone, 'templates-scoping-phone', true);
      expect(errors.flat()).toEqual([]);
    } finally {
      for (const c of contexts) await c.close();
    }
  });

  it('on a phone, "Strategic meeting" takes the title typed above it, once however often it is tapped', async () => {
    const context = await env.browser.newContext(PHONE);
    try {
      const errors = watchErrors(context);
      const page = await context.newPage();
      await page.goto(env.hub.url);
      await page.getByLabel('New workshop title').fill('Health TWG retreat');
      await screenshot(page, 'templates-home-phone', true);
      await page.getByRole('button', { name: /^Strategic meeting/ }).dblclick();
      await page.getByRole('heading', { name: 'Health TWG retreat', level: 1 }).waitFor();
      const boards = page.getByRole('navigation', { name: 'Boards' });
      for (const title of ['SWOT per partner group', 'Principles into practice', 'Practical plans']) {
        await boards.getByRole('link', { name: new RegExp(title) }).waitFor();
      }
      const agenda = page.getByRole('region', { name: 'Agenda', exact: true });
      await agenda.getByText('SWOT in partner groups').waitFor();
      await agenda.getByText('Compare the groups’ SWOTs').waitFor();
      await expect(agenda.getByText('SWOT per partner group · 30 min').count()).resolves.toBe(1);
      await page.goto(env.hub.url);
      await page.getByRole('list', { name: 'Workshops on this device' }).waitFor();
      await expect(page.getByRole('link', { name: /Health TWG retreat/ }).count()).resolves.toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
