import type { Awareness } from 'y-protocols/awareness';

/** What a device tells the room about itself. Presence is ephemeral (awareness), never stored. */
export interface PresenceUser {
  id: string;
  name: string;
  group: string;
  color: string;
}

export interface PresenceState {
  user?: PresenceUser;
  /** For each device in the room, the highest clock of theirs this device holds: how a device
   *  learns that a peer has its edits, so it can stop marking them pending. */
  seen?: Record<string, number>;
  /** The device's facilitator id (public keys only), so a facilitator can grant it the role. */
  key?: string;
  /** Its y-webrtc peer id, whether it is a facilitator's and whether it found itself cut off from
   *  other devices (client isolation): what peer-policy.ts links by. */
  peer?: { id: string; lead: boolean; isolated?: boolean };
  /** Whether the device hears the hub now: the hub then tells it what is shared, and nobody
   *  needs to say in `seen` which of its changes they hold. */
  hub?: boolean;
}

export interface Present extends PresenceUser {
  clientId: number;
  self: boolean;
  /** The device's facilitator id, if it told one. */
  key?: string;
}

/** Everyone in the room now, one entry per participant (a person with two tabs shows once). */
export function presentPeople(awareness: Awareness): Present[] {
  const people = new Map<string, Present>();
  for (const [clientId, state] of awareness.getStates()) {
    const { user, key } = state as PresenceState;
    if (!user?.id) continue;
    const self = clientId === awareness.clientID;
    const device = typeof key === 'string' ? { key } : {};
    if (!people.has(user.id) || self) people.set(user.id, { ...user, clientId, self, ...device });
  }
  return [...people.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
}

/** What this device tells the room in `seen`: the clocks it holds of each other device that does
 *  not hear the hub. A device on the hub learns from the hub what is shared; telling it too,
 *  from every device after every change, made each edit cost the room presence traffic that
 *  grew with the square of its size. `clockOf` is this device's copy's clock of a client. */
export function seenClocks(awareness: Awareness, clockOf: (clientId: number) => number): Record<string, number> {
  const seen: Record<string, number> = {};
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId !== awareness.clientID && (state as PresenceState).hub !== true) seen[clientId] = clockOf(clientId);
  }
  return seen;
}

/** The highest clock of `clientId` that any other device in the room says it holds. */
export function confirmedClock(awareness: Awareness, clientId: number): number {
  let best = 0;
  for (const [id, state] of awareness.getStates()) {
    if (id === clientId) continue;
    best = Math.max(best, (state as PresenceState).seen?.[clientId] ?? 0);
  }
  return best;
}
