import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { confirmedClock, presentPeople } from '../../../src/sync/presence';

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
