/** Which devices this one keeps peer connections with. Pure: every device computes the same graph
 *  from the same list of members, so a link one end wants is wanted by the other end too. No device
 *  holds more than `WIDE` links, whatever the size of the room, except the facilitators' devices
 *  under client isolation (see `isolated`), which hold one link for each isolated device. */

export interface Member {
  /** The device's y-webrtc peer id. */
  id: string;
  /** A facilitator's device: placed first, so facilitators' devices are linked to each other. */
  lead: boolean;
  /** The device found that it cannot reach other devices (client isolation: a link whose offer
   *  and answer crossed never opened), so it links only to the first facilitators' devices that
   *  can still reach others. Under client isolation the one device phones reach is the laptop
   *  that runs the hub: those links are what carries the room once the hub is gone. */
  isolated?: boolean;
}

/** Links per device while the hub relays: a ring, there to carry the room the moment the hub goes. */
export const NARROW = 2;
/** Links per device without the hub: the ring plus chords. */
export const WIDE = 4;

interface Traits {
  lead: boolean;
  isolated: boolean;
}

/** One entry per peer id (a device may be listed twice: two presences of one peer id). */
function unite(members: readonly Member[]): Map<string, Traits> {
  const united = new Map<string, Traits>();
  for (const m of members) {
    const was = united.get(m.id);
    united.set(m.id, { lead: (was?.lead ?? false) || m.lead, isolated: (was?.isolated ?? false) || m.isolated === true });
  }
  return united;
}

const inRingOrder = (devices: Map<string, Traits>): string[] =>
  [...devices].sort(([a, at], [b, bt]) => Number(bt.lead) - Number(at.lead) || (a < b ? -1 : a > b ? 1 : 0)).map(([id]) => id);

/** The room in ring order: facilitators' devices first, then by peer id. */
export function ringOrder(members: readonly Member[]): string[] {
  return inRingOrder(unite(members));
}

/** The ring distances linked: 1 (a ring, always connected); without the hub also a chord of about
 *  √n, which keeps the number of hops across a room of n devices near √n instead of n / 2. */
export function linkDistances(size: number, hub: boolean): number[] {
  if (hub) return [1];
  const chord = Math.max(2, Math.round(Math.sqrt(size)));
  return chord * 2 <= size ? [1, chord] : [1];
}

/** The ring and the isolated devices hung on it. Anchors: facilitators' devices not isolated, in
 *  ring order; each isolated device links to the first `NARROW` of them. With no anchor in the
 *  room nobody is set apart: the ring is all there is to try. */
function layout(members: readonly Member[]): { ring: string[]; anchors: string[]; apart: Set<string> } {
  const devices = unite(members);
  const order = inRingOrder(devices);
  const anchors = order.filter((id) => devices.get(id)?.lead && !devices.get(id)?.isolated).slice(0, NARROW);
  const apart = new Set(anchors.length ? order.filter((id) => devices.get(id)?.isolated) : []);
  return { ring: order.filter((id) => !apart.has(id)), anchors, apart };
}

/** The peers `self` should be linked with: its neighbours at each distance on the ring, both ways;
 *  an isolated device, the anchors; an anchor, also every isolated device.
 *  `self` must be among `members`; if it is not (its own presence not yet known), none. */
export function wantedPeers(self: string, members: readonly Member[], hub: boolean): Set<string> {
  const { ring, anchors, apart } = layout(members);
  if (apart.has(self)) return new Set(anchors);
  const wanted = new Set<string>();
  const at = ring.indexOf(self);
  if (at < 0) return wanted;
  if (ring.length >= 2) {
    for (const distance of linkDistances(ring.length, hub)) {
      for (const step of [distance, ring.length - distance]) wanted.add(ring[(at + step) % ring.length] as string);
    }
  }
  if (anchors.includes(self)) apart.forEach((id) => wanted.add(id));
  wanted.delete(self);
  return wanted;
}
