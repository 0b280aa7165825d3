import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LAPTOP, PHONE, screenshot, useHubAndBrowser, withContext } from './harness';
import { facilitatorAndPhone } from './workshop-steps';

const env = useHubAndBrowser();

const KEY = 'Key decision-making partner';
const card = (page: Page, name: string) => page.getByRole('article', { name, exact: true });
/** The grid's marker (or not-yet-placed chip) of a stakeholder: its accessible name starts with the name. */
const marker = (page: Page, name: string) =>
  page.getByRole('figure', { name: 'Influence and interest map' }).getByRole('button', { name: new RegExp(`^${name},`) });
const placement = (page: Page, name: string, text: string) => card(page, name).getByTestId('placement').getByText(text).waitFor();
const warning = (page: Page) => page.getByTestId('key-partner-warning');

async function addStakeholder(page: Page, name: string, sector: string, level: string, needs?: string) {
  const form = page.getByRole('region', { name: 'Add a stakeholder' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Sector', { exact: true }).selectOption({ label: sector });
  await form.getByLabel('Engagement level', { exact: true }).selectOption({ label: level });
  if (needs) {
    const needsField = form.getByLabel('Needs', { exact: true });
    if (!(await needsField.isVisible())) await form.getByText('Needs, interests, motivations, what they bring', { exact: true }).click();
    await needsField.fill(needs);
  }
  await form.getByRole('button', { name: 'Add stakeholder' }).click();
  await card(page, name).waitFor();
}

/** A finger drag (Playwright's touchscreen only taps): touch events through the DevTools protocol. */
async function touchDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: { x: number; y: number }[]) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  await touch('touchStart', [from]);
  const STEPS = 8;
  for (let i = 1; i <= STEPS; i++) {
    await touch('touchMove', [{ x: from.x + (to.x - from.x) * (i / STEPS), y: from.y + (to.y - from.y) * (i / STEPS) }]);
  }
  await touch('touchEnd', []);
  await cdp.detach();
}

describe('Stakeholder map, a facilitator on a laptop and a participant on a phone', () => {
  it('both add and describe stakeholders, place estimates by buttons, drag and keys, see average and spread, the key-partner warning, relationships, and undo only their own', () =>
    withContext(env.browser, LAPTOP, (laptopContext) => withContext(env.browser, PHONE, async (phoneContext) => {
      const { laptop, phone } = await facilitatorAndPhone(laptopContext, phoneContext, env.hub.url,
        { workshop: 'TWG alignment', board: 'Partners in maternal health', kind: 'Stakeholder map' });

      // The phone starts on the list view; the laptop shows map and list side by side.
      expect(await phone.getByTestId('stakeholder-map').isVisible()).toBe(false);
      expect(await laptop.getByTestId('stakeholder-map').isVisible()).toBe(true);

      await addStakeholder(phone, 'Provincial Health Department', 'Government', KEY);
      await addStakeholder(laptop, 'Ministry of Health', 'Government', 'Active partner', 'Predictable funding');
      await card(phone, 'Ministry of Health').getByText('Predictable funding').waitFor();
      await card(laptop, 'Provincial Health Department').getByText(KEY).waitFor();

      // The phone fills in details of its stakeholder; the laptop makes the ministry a key partner.
      await phone.getByRole('button', { name: 'Edit Provincial Health Department' }).click();
      await card(phone, 'Provincial Health Department').getByLabel('Interests').fill('Fewer parallel reporting lines');
      await card(phone, 'Provincial Health Department').getByLabel('What they bring').fill('District supervision teams');
      await card(phone, 'Provincial Health Department').getByRole('button', { name: 'Save' }).click();
      await card(laptop, 'Provincial Health Department').getByText('District supervision teams').waitFor();
      await laptop.getByRole('button', { name: 'Edit Ministry of Health' }).click();
      await card(laptop, 'Ministry of Health').getByLabel('Engagement level', { exact: true }).selectOption({ label: KEY });
      await card(laptop, 'Ministry of Health').getByRole('button', { name: 'Save' }).click();
      await card(phone, 'Ministry of Health').getByText(KEY).waitFor();

      // Six key partners are fine; the seventh brings the warning to both screens.
      await addStakeholder(laptop, 'District Office A', 'Government', KEY);
      await addStakeholder(laptop, 'UNICEF', 'International agency', KEY);
      await addStakeholder(phone, 'Women’s Union', 'Civil society', KEY);
      await addStakeholder(phone, 'Health Centre Committee', 'Community', KEY);
      await card(laptop, 'Health Centre Committee').waitFor();
      expect(await warning(laptop).count()).toBe(0);
      await addStakeholder(laptop, 'National University', 'Academia', KEY);
      await warning(laptop).getByText('7 stakeholders are marked active or key decision-making partners').waitFor();
      await warning(phone).getByText('at most five or six').waitFor();

      // The phone places its estimate with the list's buttons: three steps up, two to the right.
      for (let i = 0; i < 3; i++) await phone.getByRole('button', { name: 'Raise influence of Provincial Health Department' }).click();
      for (let i = 0; i < 2; i++) await phone.getByRole('button', { name: 'Raise interest of Provincial Health Department' }).click();
      await card(phone, 'Provincial Health Department').getByTestId('mine-influence').getByText('65%').waitFor();
      await placement(laptop, 'Provincial Health Department', 'Average influence 65%, interest 60%, placed by 1.');

      // The laptop drags the same stakeholder with the mouse to high influence, low interest.
      const map = laptop.getByTestId('stakeholder-map');
      await map.scrollIntoViewIfNeeded();
      const area = (await map.boundingBox())!;
      const handle = (await marker(laptop, 'Provincial Health Department').boundingBox())!;
      await laptop.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
      await laptop.mouse.down();
      await laptop.mouse.move(area.x + area.width * 0.2, area.y + area.height * (1 - 0.85), { steps: 8 });
      await laptop.mouse.up();
      await placement(phone, 'Provincial Health Department', 'Average influence 75%, interest 40%, placed by 2.');
      await placement(phone, 'Provincial Health Department', 'Estimates range over influence 65–85% and interest 20–60%.');
      expect(await map.getByTestId('spread').count()).toBe(1);
      expect(await map.getByTestId('mine').count()).toBe(1);

      // The laptop places the ministry with the keyboard alone: the chip becomes a marker and keeps focus.
      await marker(laptop, 'Ministry of Health').focus();
      await laptop.keyboard.press('ArrowUp');
      await laptop.waitForFunction(() => document.activeElement?.hasAttribute('data-marker'));
      await laptop.keyboard.press('ArrowUp');
      await laptop.keyboard.press('ArrowRight');
      await placement(phone, 'Ministry of Health', 'Average influence 60%, interest 55%, placed by 1.');

      // The phone switches to the map and sees both placements, the average and the spread.
      await phone.getByRole('button', { name: 'Map' }).click();
      const phoneMap = phone.getByTestId('stakeholder-map');
      await phoneMap.getByTestId('spread').waitFor();
      expect(await marker(phone, 'Provincial Health Department').getAttribute('aria-label'))
        .toContain('Average influence 75%, interest 40%, placed by 2.');
      expect(await marker(phone, 'Ministry of Health').getAttribute('aria-label')).toContain('You have not placed it yet.');

      // With a finger, the phone drags a stakeholder from the "not on the map yet" row onto the map.
      await phoneMap.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      const chip = (await marker(phone, 'District Office A').boundingBox())!;
      const phoneArea = (await phoneMap.boundingBox())!;
      await touchDrag(phone, { x: chip.x + chip.width / 2, y: chip.y + chip.height / 2 },
        { x: phoneArea.x + phoneArea.width * 0.2, y: phoneArea.y + phoneArea.height * 0.8 });
      await placement(laptop, 'District Office A', 'Average influence 20%, interest 20%, placed by 1.');

      // The phone relates two stakeholders; the laptop sees it in the list and as a line on the map.
      await phone.getByLabel('From', { exact: true }).selectOption({ label: 'Ministry of Health' });
      await phone.getByLabel('To', { exact: true }).selectOption({ label: 'Provincial Health Department' });
      await phone.getByLabel('How they relate (optional)').fill('funds');
      await phone.getByRole('button', { name: 'Add relationship' }).click();
      await laptop.getByTestId('relationships').getByText(': funds').waitFor();
      expect(await map.getByTestId('relationship-line').count()).toBe(1);
      await phone.getByRole('button', { name: 'List' }).click();

      // Undo on the phone takes back its relationship, never the laptop's placements.
      await phone.getByRole('button', { name: 'Undo' }).click();
      await laptop.getByText('No relationships yet.').waitFor();
      await placement(laptop, 'Provincial Health Department', 'Average influence 75%, interest 40%, placed by 2.');
      // Ctrl+Z on the laptop, its focus still on the marker, takes back its last key press only.
      await laptop.keyboard.press('Control+z');
      await placement(phone, 'Ministry of Health', 'Average influence 60%, interest 50%, placed by 1.');
      await placement(phone, 'Provincial Health Department', 'Average influence 75%, interest 40%, placed by 2.');
      await phone.getByRole('button', { name: 'Redo' }).click();
      await laptop.getByTestId('relationships').getByText(': funds').waitFor();

      // Deleting a key partner lifts the warning; the toast's Undo brings it back with its details.
      await laptop.getByRole('button', { name: 'Delete District Office A' }).click();
      await phone.getByRole('button', { name: /^District Office A,/ }).waitFor({ state: 'detached' });
      await warning(phone).waitFor({ state: 'detached' });
      await laptop.getByRole('button', { name: 'Undo', exact: true }).click();
      await warning(phone).getByText('7 stakeholders').waitFor();
      await placement(phone, 'District Office A', 'Average influence 20%, interest 20%, placed by 1.');

      // From the top, so the sticky app bar and map sit where a person first sees them.
      for (const page of [laptop, phone]) await page.evaluate(() => scrollTo(0, 0));
      await screenshot(laptop, 'laptop-9-stakeholders', true);
      await screenshot(map, 'laptop-9-stakeholders-map');
      await screenshot(phone, 'phone-9-stakeholders-list', true);
      const overflow = () => phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(await overflow()).toBe(0);
      await phone.getByRole('button', { name: 'Map' }).click();
      expect(await overflow()).toBe(0);
      await screenshot(phone, 'phone-9-stakeholders', true);
    })));
});
