import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newFacilitatorKeys, facilitatorId } from '../../src/core/facilitation/keys';
import { controlsOf } from '../../src/core/facilitation/controls';
import type { Json } from '../../src/core/facilitation/encoding';
import { rolesOf } from '../../src/core/facilitation/roster';
import { signRecord, type SignedRecord } from '../../src/core/facilitation/signature';
import type { PresenceState } from '../../src/sync/presence';
import { useHubAndBrowser } from './harness';
import { listeningDevice } from './room-client';
import { inviteLink, withRoom } from './workshop-steps';

const env = useHubAndBrowser();
const BOARD = 'Priorities';

/** The aside with the facilitators; a phone shows it instead of the board. */
async function toWorkshop(page: Page) {
  const back = page.getByRole('link', { name: /^← / });
  if (await back.isVisible()) await back.click();
  await page.getByRole('heading', { name: 'Facilitators' }).waitFor();
}

async function toBoard(page: Page) {
  await page.getByRole('link', { name: new RegExp(BOARD) }).click();
  await page.getByRole('heading', { name: BOARD }).waitFor();
}

const roles = (page: Page) => page.getByRole('region', { name: 'Facilitators' });
const facilitatorNames = async (page: Page) =>
  (await roles(page).getByTestId('facilitator').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
/** A person's row in the facilitators' card: a facilitator, or someone in the room (whose list
 *  opens first, as a person does). */
async function row(page: Page, name: string) {
  const room = roles(page).locator('details');
  if (await room.count() && (await room.getAttribute('open')) === null) await room.locator('summary').click();
  return roles(page).getByRole('listitem').filter({ hasText: name });
}

/** Whether the board offers this device the facilitator's controls. */
const hasControls = (page: Page) => page.getByRole('button', { name: 'Rename' }).isVisible();

async function waitForControls(page: Page, shown: boolean) {
  await page.getByRole('button', { name: 'Rename' }).waitFor({ state: shown ? 'visible' : 'hidden', timeout: 15_000 });
}

describe('roles: a creator, a co-facilitator and a participant', () => {
  it('the invite carries the creator\'s public keys; grants, removals and a hand-over reach every device; forged grants and controls change nothing', () =>
    withRoom(env.browser, env.hub.url, { workshop: 'TWG roles', board: BOARD, kind: 'Notes' }, async ({ facilitator: dara, sokha, vanna, errors }) => {
      const link = await inviteLink(dara);
      const root = new URLSearchParams(new URL(link).hash.split('?')[1]).get('f');
      expect(root).toMatch(/^[\w-]{43}\.[\w-]{43}$/);

      // Everyone sees who facilitates; only Dara is offered the controls.
      await toWorkshop(dara);
      await expect.poll(() => facilitatorNames(dara)).toEqual(['Dara · created the workshop · you']);
      for (const phone of [sokha, vanna]) {
        await toWorkshop(phone);
        await expect.poll(() => facilitatorNames(phone)).toEqual(['Dara · created the workshop']);
        await expect(roles(phone).locator('details, button').count()).resolves.toBe(0);
        await toBoard(phone);
        expect(await hasControls(phone)).toBe(false);
      }

      // A modified client in the room forges grants for Vanna: one signed by a key that holds no
      // role, one copied from a genuine record with its target changed. Nobody takes either.
      const raw = await listeningDevice(link, env.hub.url);
      try {
        const vannaKey = () => [...raw.sync.awareness.getStates().values()].map((s) => s as PresenceState).find((s) => s.user?.name === 'Vanna')?.key;
        await expect.poll(vannaKey).toBeTruthy();
        const intruder = newFacilitatorKeys();
        const forged = signRecord(root!, intruder.signing.secret, {
          kind: 'grant', target: vannaKey()!, value: { participantId: 'vanna', name: 'Vanna' }, seq: 1_000, signer: intruder.signing.public,
        });
        raw.doc.transact(() => rolesOf(raw.doc).set(forged.sig, forged));
        // ... and a lock, a call to follow and a vote, signed by that key or not signed at all.
        const boardIds = raw.doc.getArray<string>('boards').toArray();
        const boardNamed = (title: string) => boardIds.find((id) => raw.doc.getMap(`board:${id}`).get('title') === title)!;
        const byStranger = (kind: string, target: string, value: Json, seq: number) =>
          signRecord(root!, intruder.signing.secret, { kind, target, value, seq, signer: intruder.signing.public });
        raw.doc.transact(() => {
          const controls = controlsOf(raw.doc);
          for (const r of [byStranger('lock', boardNamed(BOARD), true, 2_000), byStranger('follow', '', boardNamed('Expectations'), 2_001)]) {
            controls.set(`${r.kind}|${r.target}|${r.signer.slice(0, 11)}`, r);
          }
          controls.set(`vote|${boardNamed(BOARD)}|unsigned`, {
            kind: 'vote', target: boardNamed(BOARD), value: { round: 'r1', dots: 3, open: true }, seq: 2_002, signer: intruder.signing.public, sig: 'x',
          });
        });

        await (await row(dara, 'Sokha')).getByRole('button', { name: 'Make co-facilitator' }).click();
        await expect.poll(() => facilitatorNames(dara)).toContain('Sokha');
        const sokhasGrant = () => ([...rolesOf(raw.doc).values()] as SignedRecord[])
          .find((r) => r.kind === 'grant' && (r.value as { name?: string }).name === 'Sokha');
        await expect.poll(sokhasGrant).toBeTruthy();
        const grant = sokhasGrant()!;
        raw.doc.transact(() => rolesOf(raw.doc).set(`${grant.sig}x`, { ...grant, target: vannaKey()! }));

        // Sokha's device verifies the grant and shows her the controls; Vanna's does not.
        await waitForControls(sokha, true);
        await toWorkshop(vanna);
        await expect.poll(() => facilitatorNames(vanna)).toEqual(['Dara · created the workshop', 'Sokha']);
        await toBoard(vanna);
        expect(await hasControls(vanna)).toBe(false);
        // The forged controls reached every device and changed nothing: no lock, no vote, nobody moved.
        for (const page of [vanna, sokha]) {
          expect(page.url()).toContain(boardNamed(BOARD));
          await page.getByLabel('Your note').waitFor();
          expect(await page.getByTestId('locked-notice').count()).toBe(0);
          expect(await page.getByRole('button', { name: 'Place a dot' }).count()).toBe(0);
        }
        expect(await facilitatorNames(dara)).toEqual(['Dara · created the workshop · you', 'Sokha']);
        expect(facilitatorId(intruder)).not.toBe(root);
      } finally {
        raw.destroy();
      }

      // Then Dara hands over to Vanna and becomes a participant.
      // Sokha steps down (after a confirmation); Dara could also have removed her.
      await toWorkshop(sokha);
      expect(await (await row(sokha, 'Dara')).getByRole('button', { name: 'Remove' }).count()).toBe(0);
      await (await row(sokha, 'Sokha')).getByRole('button', { name: 'Step down' }).click();
      await sokha.getByRole('dialog').getByRole('button', { name: 'Step down' }).click();
      await expect.poll(() => facilitatorNames(dara)).toEqual(['Dara · created the workshop · you']);
      await toBoard(sokha);
      await waitForControls(sokha, false);
      await (await row(dara, 'Vanna')).getByRole('button', { name: 'Hand over' }).click();
      await dara.getByRole('dialog').getByRole('button', { name: 'Hand over' }).click();
      await expect.poll(() => facilitatorNames(dara)).toEqual(['Vanna']);
      await waitForControls(vanna, true);
      await toBoard(dara);
      await waitForControls(dara, false);

      // The new facilitator's signature counts everywhere: Vanna makes Dara a co-facilitator again.
      await toWorkshop(vanna);
      await (await row(vanna, 'Dara')).getByRole('button', { name: 'Make co-facilitator' }).click();
      await waitForControls(dara, true);
      await toWorkshop(sokha);
      await expect.poll(() => facilitatorNames(sokha)).toEqual(['Dara · created the workshop', 'Vanna']);
      expect(errors.flat()).toEqual([]);
    }));
});
