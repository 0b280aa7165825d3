import { removeAwarenessStates, type Awareness } from 'y-protocols/awareness';

/* y-protocols renews each device's presence every 15 s and forgets a device not heard of for
 * 30 s. Every renewal goes to every device of the room: with forty phones, each received about
 * 40 KB a minute of presence while nothing happened. The room's devices and its hub pace presence
 * alike, slower: a departure is still seen at once, because a device that leaves says so, and the
 * hub drops the presence of a socket that closes or stops answering its pings; forgetting is only
 * the last resort. */
export const RENEW_MS = 60_000;
export const OUTDATED_MS = 150_000;
/** Without the hub a device renews as often as before: when the hub goes, Hocuspocus' provider
 *  drops every presence it brought, and the peers' mesh (chosen by presence) must learn them
 *  again from the peers at once, not in a minute. */
export const RENEW_OFF_HUB_MS = 15_000;
const CHECK_MS = 3_000;

type Paced = Awareness & { _checkInterval: ReturnType<typeof setInterval> };

/** Gives `awareness` the room's pace instead of y-protocols' own (same logic, other times);
 *  `renewEvery` may change with the device's situation (a device's own, read at each check). */
export function pacePresence(awareness: Awareness, renewEvery: () => number = () => RENEW_MS): void {
  const paced = awareness as Paced;
  clearInterval(paced._checkInterval);
  paced._checkInterval = setInterval(() => {
    const now = Date.now();
    const own = awareness.getLocalState();
    if (own !== null && renewEvery() <= now - (awareness.meta.get(awareness.clientID)?.lastUpdated ?? 0)) awareness.setLocalState(own);
    const outdated = [...awareness.meta].filter(([client, meta]) =>
      client !== awareness.clientID && OUTDATED_MS <= now - meta.lastUpdated && awareness.states.has(client));
    if (outdated.length > 0) removeAwarenessStates(awareness, outdated.map(([client]) => client), 'timeout');
  }, CHECK_MS);
}
