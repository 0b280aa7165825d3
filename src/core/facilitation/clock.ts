import type * as Y from 'yjs';
import { rosterOf } from './roster';
import { signMessage, verifyMessage } from './signature';
import type { Signer } from './controls';

/* Devices learn a facilitator's clock from beacons the facilitator's device puts in its
 * presence every few seconds: { key, t: its clock now, sig }. A beacon received at local time
 * `r` says their clock was at least `t` when we were at `r`: offset ≥ t − r, short by the
 * delivery time. The largest such sample is the fastest delivery, so it is the best estimate;
 * an old beacon replayed or relayed late only gives a smaller one. Signed, so no one else can
 * push a facilitator's clock forward. */

export interface Beacon {
  key: string;
  t: number;
  sig: string;
}

const beaconMessage = (root: string, t: number) => `common-ground/clock/1\n${root}\n${t}`;

export function clockBeacon(signer: Signer, now: number): Beacon {
  return { key: signer.keys.signing.public, t: now, sig: signMessage(signer.keys.signing.secret, beaconMessage(signer.root, now)) };
}

/** One offset sample (their clock minus ours) from a beacon found in someone's presence, if it
 *  is a facilitator's and genuine. */
export function beaconSample(doc: Y.Doc, root: string, beacon: unknown, receivedAt: number): { key: string; sample: number } | undefined {
  if (typeof beacon !== 'object' || beacon === null) return undefined;
  const { key, t, sig } = beacon as Partial<Beacon>;
  if (typeof key !== 'string' || typeof sig !== 'string' || !Number.isSafeInteger(t)) return undefined;
  if (!rosterOf(doc, root)?.current.has(key)) return undefined;
  return verifyMessage(key, beaconMessage(root, t!), sig) ? { key, sample: t! - receivedAt } : undefined;
}

/** The offset to one facilitator's clock from recent samples (keep a window of a few minutes,
 *  so a clock the system corrects is followed); undefined before the first sample. */
export function estimateOffset(samples: readonly number[]): number | undefined {
  return samples.length === 0 ? undefined : Math.max(...samples);
}
