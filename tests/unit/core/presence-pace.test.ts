import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { OUTDATED_MS, RENEW_MS, RENEW_OFF_HUB_MS, pacePresence } from '../../../src/core/presence-pace';

/* Presence stamps its states with lib0's clock, which fake timers do not reach: the intervals are
 * faked, the clock is not, and each test ages a state by moving its stamp back. */
beforeEach(() => { vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }); });
afterEach(() => { vi.useRealTimers(); });

const paced = () => {
  const awareness = new Awareness(new Y.Doc());
  pacePresence(awareness);
  return awareness;
};
const age = (awareness: Awareness, client: number, ms: number) => { awareness.meta.get(client)!.lastUpdated = Date.now() - ms; };
const nextCheck = () => vi.advanceTimersByTime(3_000);

describe('the pace of presence', () => {
  it('renews this device\'s presence once a minute, not every 15 s', () => {
    const phone = paced();
    phone.setLocalStateField('user', { name: 'Sokha' });
    let renewals = 0;
    phone.on('update', ({ updated }: { updated: number[] }) => { if (updated.includes(phone.clientID)) renewals++; });
    age(phone, phone.clientID, 20_000);
    nextCheck();
    age(phone, phone.clientID, RENEW_MS - 2_000);
    nextCheck();
    expect(renewals).toBe(0);
    age(phone, phone.clientID, RENEW_MS + 1_000);
    nextCheck();
    nextCheck();
    expect(renewals).toBe(1);
    phone.destroy();
  });

  it('renews every 15 s while the device does not hear the hub', () => {
    let onHub = true;
    const phone = new Awareness(new Y.Doc());
    pacePresence(phone, () => (onHub ? RENEW_MS : RENEW_OFF_HUB_MS));
    phone.setLocalStateField('user', { name: 'Sokha' });
    let renewals = 0;
    phone.on('update', ({ updated }: { updated: number[] }) => { if (updated.includes(phone.clientID)) renewals++; });
    age(phone, phone.clientID, RENEW_OFF_HUB_MS + 1_000);
    nextCheck();
    expect(renewals).toBe(0);
    onHub = false;
    nextCheck();
    expect(renewals).toBe(1);
    phone.destroy();
  });

  it('forgets a device not heard of for two and a half minutes, not after 30 s', () => {
    const laptop = paced();
    const phone = new Awareness(new Y.Doc());
    phone.setLocalStateField('user', { name: 'Sokha' });
    applyAwarenessUpdate(laptop, encodeAwarenessUpdate(phone, [phone.clientID]), 'hub');
    age(laptop, phone.clientID, 40_000);
    nextCheck();
    expect(laptop.getStates().has(phone.clientID)).toBe(true);
    age(laptop, phone.clientID, OUTDATED_MS + 1_000);
    nextCheck();
    expect(laptop.getStates().has(phone.clientID)).toBe(false);
    laptop.destroy();
    phone.destroy();
  });
});
