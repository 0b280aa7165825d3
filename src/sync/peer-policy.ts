/** Which devices this one keeps peer connections with. Pure: every device computes the same graph
 *  from the same list of members, so a link one end wants is wanted by the other end too, and no
 *  device ever holds more than `WIDE` links, whatever the size of the room. */

export interface Member {
  /** The device's y-webrtc peer id. */
  id: string;
  /** A facilitator's device: placed first, so facilitators' devices are linked to each other. */
  lead: boolean;
}

/** Links per device while the hub relays: a ring, there to carry the room the moment the hub goes. */
export const NARROW = 2;
/** Links per device without the hub: the ring plus chords. */
export const WIDE = 4;

/** The room in ring order: facilitators' devices first, then by peer id. */
export function ringOrder(members: readonly Member[]): string[] {
  const unique = new Map<string, boolean>();
  for (const m of members) unique.set(m.id, (unique.get(m.id) ?? false) || m.lead);
  return [...unique].sort(([a, al], [b, bl]) => Number(bl) - Number(al) || (a < b ? -1 : a > b ? 1 : 0)).map(([id]) => id);
}

/** The ring distances linked: 1 (a ring, always connected); without the hub also a chord of about
 *  √n, which keeps the number of hops across a room of n devices near √n instead of n / 2. */
export function linkDistances(size: number, hub: boolean): number[] {
  if (hub) return [1];
  const chord = Math.max(2, Math.round(Math.sqrt(size)));
  return chord * 2 <= size ? [1, chord] : [1];
}

/** The peers `self` should be linked with: its neighbours at each distance on the ring, both ways.
 *  `self` must be among `members`; if it is not (its own presence not yet known), none. */
export function wantedPeers(self: string, members: readonly Member[], hub: boolean): Set<string> {
  const ring = ringOrder(members);
  const at = ring.indexOf(self);
  const wanted = new Set<string>();
  if (at < 0 || ring.length < 2) return wanted;
  for (const distance of linkDistances(ring.length, hub)) {
    for (const step of [distance, ring.length - distance]) wanted.add(ring[(at + step) % ring.length] as string);
  }
  wanted.delete(self);
  return wanted;
}
