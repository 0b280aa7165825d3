import { describe, expect, it } from 'vitest';
import { NARROW, WIDE, ringOrder, wantedPeers, type Member } from '../../../src/sync/peer-policy';

const room = (n: number, leads: number[] = []): Member[] =>
  Array.from({ length: n }, (_, i) => ({ id: `p${String(i).padStart(3, '0')}`, lead: leads.includes(i) }));

/** Every device's choice, as each computes it from the same list. */
const graph = (members: Member[], hub: boolean) => new Map(members.map((m) => [m.id, wantedPeers(m.id, members, hub)]));

/** Hops from `from` to every device, following links both ends want. */
function hops(links: Map<string, Set<string>>, from: string): Map<string, number> {
  const seen = new Map([[from, 0]]);
  const queue = [from];
  while (queue.length) {
    const at = queue.shift() as string;
    for (const next of links.get(at) ?? []) {
      if (seen.has(next) || !links.get(next)?.has(at)) continue;
      seen.set(next, (seen.get(at) ?? 0) + 1);
      queue.push(next);
    }
  }
  return seen;
}

describe('peer policy', () => {
  for (const n of [2, 3, 5, 9, 20, 40, 41]) {
    for (const hub of [true, false]) {
      it(`${n} devices, hub ${hub ? 'on' : 'off'}: links agreed by both ends, bounded, the room connected`, () => {
        const members = room(n, [n - 1]);
        const links = graph(members, hub);
        for (const [id, wanted] of links) {
          expect(wanted.has(id)).toBe(false);
          expect(wanted.size).toBeLessThanOrEqual(hub ? NARROW : WIDE);
          for (const other of wanted) expect(links.get(other)?.has(id)).toBe(true);
        }
        expect(hops(links, members[0]?.id as string).size).toBe(n);
      });
    }
  }

  it('with the hub, two peers each; without it, a small room links everyone and a large one stays bounded and short', () => {
    expect([...graph(room(5), true).values()].map((w) => w.size)).toEqual([2, 2, 2, 2, 2]);
    expect([...graph(room(5), false).values()].map((w) => w.size)).toEqual([4, 4, 4, 4, 4]);
    const forty = graph(room(40), false);
    expect(Math.max(...[...forty.values()].map((w) => w.size))).toBe(WIDE);
    // A ring alone would need 20 hops across forty devices; the chords bring it under ten.
    expect(Math.max(...hops(forty, 'p000').values())).toBeLessThan(10);
    expect(Math.max(...hops(graph(room(40), true), 'p000').values())).toBe(20);
  });

  it('places facilitators\' devices first, so with the hub they are linked to each other', () => {
    const members = room(12, [4, 9]);
    expect(ringOrder(members).slice(0, 2)).toEqual(['p004', 'p009']);
    expect(wantedPeers('p004', members, true).has('p009')).toBe(true);
    // Every other device lists them the same way: the rule depends on no one's own view of order.
    expect(ringOrder([...members].reverse())).toEqual(ringOrder(members));
  });

  it('links no one while its own presence is unknown, or alone', () => {
    expect(wantedPeers('me', room(5), true).size).toBe(0);
    expect(wantedPeers('p000', room(1), false).size).toBe(0);
  });

  it('a device listed twice (two presences of one peer id) counts once', () => {
    const members = [...room(4), { id: 'p001', lead: true }];
    expect(ringOrder(members)).toEqual(['p001', 'p000', 'p002', 'p003']);
  });

  describe('client isolation', () => {
    /** Nine devices: the laptop (a facilitator's, p000) and eight phones that can reach only it. */
    const isolatedRoom = (isolated: number[], leads = [0]): Member[] =>
      room(9, leads).map((m, i) => ({ ...m, isolated: isolated.includes(i) }));
    const phones = [1, 2, 3, 4, 5, 6, 7, 8];

    for (const hub of [true, false]) {
      it(`hub ${hub ? 'on' : 'off'}: each isolated phone links to the laptop alone, the laptop to every phone`, () => {
        const links = graph(isolatedRoom(phones), hub);
        expect([...(links.get('p000') ?? [])].sort()).toEqual(phones.map((i) => `p00${i}`));
        for (const i of phones) expect([...(links.get(`p00${i}`) ?? [])]).toEqual(['p000']);
        expect(hops(links, 'p003').size).toBe(9);
      });
    }

    it('phones not yet found isolated keep their ring, without the isolated ones; every link is wanted by both ends', () => {
      const links = graph(isolatedRoom([2, 5, 7]), false);
      for (const [id, wanted] of links) for (const other of wanted) expect(links.get(other)?.has(id)).toBe(true);
      expect([...(links.get('p002') ?? [])]).toEqual(['p000']);
      for (const i of [1, 3, 4, 6, 8]) {
        const wanted = links.get(`p00${i}`) ?? new Set();
        expect(wanted.size).toBeLessThanOrEqual(WIDE);
        for (const apart of ['p002', 'p005', 'p007']) expect(wanted.has(apart)).toBe(false);
      }
      expect(hops(links, 'p008').size).toBe(9);
    });

    it('with two facilitators\' devices, isolated phones link to both; an isolated facilitator\'s device is not an anchor', () => {
      const two = graph(isolatedRoom(phones.filter((i) => i !== 4), [0, 4]), true);
      expect([...(two.get('p001') ?? [])].sort()).toEqual(['p000', 'p004']);
      const oneAnchor = graph(isolatedRoom(phones, [0, 4]), true);
      expect([...(oneAnchor.get('p004') ?? [])]).toEqual(['p000']);
      expect(oneAnchor.get('p000')?.has('p004')).toBe(true);
    });

    it('with no facilitator\'s device to hang on, isolated devices stay in the ring', () => {
      const links = graph(isolatedRoom(phones, []), true);
      for (const wanted of links.values()) expect(wanted.size).toBe(NARROW);
    });
  });
});
