// Screenshots of the main flows at phone and laptop size, for a person to look at.
import { mkdirSync } from 'node:fs';
import { LAPTOP, PHONE, launch, startTestHub } from '../tests/e2e/harness';
import { addBoard, addSwotNote } from '../tests/e2e/workshop-steps';

const out = process.argv[2] ?? '/tmp/screens';
mkdirSync(out, { recursive: true });
const hub = await startTestHub();
const browser = await launch();
for (const [name, device] of [['phone', PHONE], ['laptop', LAPTOP]] as const) {
  const context = await browser.newContext(device);
  const page = await context.newPage();
  await page.goto(hub.url);
  await page.getByLabel('New workshop title').fill('Health TWG strategic meeting');
  await page.screenshot({ path: `${out}/${name}-1-home.png` });
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await page.getByLabel('New board title').fill('Expectations');
  await page.getByRole('button', { name: 'Add board' }).click();
  for (const text of ['Clear roles for each partner', 'Shared data on district health outcomes, updated quarterly', 'Government leads, partners align']) {
    await page.getByLabel('Your note').fill(text);
    await page.getByRole('button', { name: 'Add note' }).click();
  }
  await page.screenshot({ path: `${out}/${name}-2-board.png`, fullPage: true });
  // The agenda is beside the board on a laptop; a phone goes back to it first.
  const toAgenda = async () => {
    const back = page.getByRole('link', { name: '← Boards' });
    if (await back.isVisible()) await back.click();
  };
  await toAgenda();
  await addBoard(page, 'Health sector SWOT', 'SWOT grid');
  for (const [quadrant, text] of [['Strengths', 'District teams know their data'], ['Threats', 'Budget cuts next year']]) {
    await addSwotNote(page, quadrant!, text!);
  }
  await page.screenshot({ path: `${out}/${name}-2b-swot.png`, fullPage: true });
  await toAgenda();
  await addBoard(page, 'Who has a stake in maternal health', 'Stakeholder map');
  await page.getByLabel('Name', { exact: true }).fill('Ministry of Health');
  await page.getByRole('button', { name: 'Add stakeholder' }).click();
  await page.screenshot({ path: `${out}/${name}-2c-stakeholders.png`, fullPage: true });
  await toAgenda();
  await addBoard(page, 'Ground rules', 'Ground rules');
  await page.getByRole('button', { name: 'Propose this' }).first().click();
  await page.screenshot({ path: `${out}/${name}-2d-rules.png`, fullPage: true });
  await toAgenda();
  await page.getByRole('button', { name: 'Export' }).click();
  await page.screenshot({ path: `${out}/${name}-2e-export.png` });
  await page.getByRole('button', { name: 'Close' }).click();
  await page.goto(`${hub.url}#/`);
  await page.getByLabel('New board title').waitFor({ state: 'detached' }).catch(() => {});
  await page.screenshot({ path: `${out}/${name}-3-list.png` });
  await page.goto(`${hub.url}#/profile`);
  await page.screenshot({ path: `${out}/${name}-4-profile.png` });
  await page.goto(`${hub.url}#/settings`);
  await page.getByTestId('offline-status').getByText(/Ready/).waitFor();
  await page.screenshot({ path: `${out}/${name}-5-settings.png` });
  await context.close();
}
await browser.close();
await hub.stop();
console.log(`screenshots in ${out}`);
