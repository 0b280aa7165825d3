import { isHubRefusal, type HubRefusal } from '../core/hub-refusals';
import type { Relay } from './transports';

/** The hub closes a socket whose message is over its limit with 1009 before reading it, so that
 *  refusal comes without a reason of its own. */
const MESSAGE_TOO_BIG = 1009;

/** Why a closed relay socket was closed, if the hub turned this device away. */
export function refusalOf(event: { code?: number; reason?: string }): HubRefusal | null {
  if (event.code === MESSAGE_TOO_BIG) return 'update-too-large';
  return isHubRefusal(event.reason) ? event.reason : null;
}

/** Follows whether the hub is turning this device away and why: from the socket closing with a
 *  refusal until the hub has acknowledged everything the device holds (the provider reconnects on
 *  its own, and is let in once the cause is gone, say after a change was deleted). */
export function watchRefusals(relay: Relay, onChange: (refusal: HubRefusal | null) => void): void {
  let current: HubRefusal | null = null;
  const set = (next: HubRefusal | null) => {
    if (next === current) return;
    current = next;
    onChange(next);
  };
  relay.on('close', ({ event }: { event: { code?: number; reason?: string } }) => {
    const refusal = refusalOf(event);
    if (refusal) set(refusal);
  });
  const acknowledged = () => {
    if (relay.isSynced && relay.unsyncedChanges === 0) set(null);
  };
  relay.on('synced', acknowledged);
  relay.on('unsyncedChanges', acknowledged);
}
