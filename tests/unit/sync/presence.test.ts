import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { confirmedClock, presentPeople, seenClocks } from '../../../src/sync/presence';
import { sendOwnPresence } from '../../../src/sync/transports';

function pair() {
  const a = new Awareness(new Y.Doc());
  const b = new Awareness(new Y.Doc());
  const share = (from: Awareness, to: Awareness) =>
    applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [...from.getStates().keys()]), 'remote');
  return { a, b, share };
}

describe('presence', () => {
  it('lists each person once, this device first', () => {
    const { a, b, share } = pair();
    a.setLocalStateField('user', { id: 'p1', name: 'Sokha', group: 'Government', color: '#E69F00' });
    b.setLocalStateField('user', { id: 'p2', name: 'Anna', group: 'Development Partners', color: '#56B4E9' });
    share(b, a);
    expect(presentPeople(a).map((p) => [p.name, p.self])).toEqual([['Sokha', true], ['Anna', false]]);
  });

  it('learns that a peer holds this device\'s changes from the peer\'s "seen" clocks', () => {
    const { a, b, share } = pair();
    expect(confirmedClock(a, a.clientID)).toBe(0);
    b.setLocalStateField('seen', { [a.clientID]: 12 });
    share(b, a);
    expect(confirmedClock(a, a.clientID)).toBe(12);
  });
});

describe('what a device says it holds', () => {
  it('names only devices that do not hear the hub: the hub tells the others', () => {
    const { a, b, share } = pair();
    const c = new Awareness(new Y.Doc());
    b.setLocalStateField('hub', true);
    c.setLocalStateField('hub', false);
    share(b, a);
    share(c, a);
    const clocks = new Map([[b.clientID, 4], [c.clientID, 7]]);
    expect(seenClocks(a, (id) => clocks.get(id) ?? 0)).toEqual({ [c.clientID]: 7 });
    b.setLocalStateField('hub', false);
    share(b, a);
    expect(seenClocks(a, (id) => clocks.get(id) ?? 0)).toEqual({ [b.clientID]: 4, [c.clientID]: 7 });
  });
});

describe('presence through the hub', () => {
  /** As much of Hocuspocus' provider as the filter touches: its handler that sends presence up. */
  function provider() {
    const listeners: (() => void)[] = [];
    return {
      sent: [] as number[][],
      boundAwarenessUpdateHandler(changes: { added: number[]; updated: number[]; removed: number[] }) {
        this.sent.push([...changes.added, ...changes.updated, ...changes.removed]);
      },
      on(_event: 'destroy', listener: () => void) { listeners.push(listener); },
      destroy() { listeners.forEach((l) => l()); },
    };
  }

  it('sends this device\'s own changes and a peer\'s, never back what came from the hub', async () => {
    const { a, b } = pair();
    const hub = provider();
    hub.boundAwarenessUpdateHandler = hub.boundAwarenessUpdateHandler.bind(hub);
    a.on('update', hub.boundAwarenessUpdateHandler);
    sendOwnPresence(hub as unknown as Parameters<typeof sendOwnPresence>[0], a);
    a.setLocalStateField('user', { id: 'p1', name: 'Sokha', group: 'Government', color: '#E69F00' });
    b.setLocalStateField('user', { id: 'p2', name: 'Anna', group: 'Development Partners', color: '#56B4E9' });
    applyAwarenessUpdate(a, encodeAwarenessUpdate(b, [b.clientID]), hub);
    b.setLocalStateField('user', { id: 'p2', name: 'Anna K.', group: 'Development Partners', color: '#56B4E9' });
    applyAwarenessUpdate(a, encodeAwarenessUpdate(b, [b.clientID]), 'a peer');
    expect(hub.sent).toEqual([[a.clientID], [b.clientID]]);
    hub.destroy();
    await Promise.resolve();
    a.setLocalStateField('user', null);
    expect(hub.sent).toHaveLength(2);
  });
});
