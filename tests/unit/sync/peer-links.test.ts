import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { WebrtcConn, WebrtcProvider } from 'y-webrtc';
import { CONNECT_MS, COOLDOWN_MS, PeerLinks } from '../../../src/sync/peer-links';
import { HEARTBEAT_MS } from '../../../src/sync/liveness';
import type { PresenceState } from '../../../src/sync/presence';

/** A y-webrtc provider as PeerLinks sees it, for the device `self`: its room's connections are what
 *  y-webrtc consults when a signal arrives (`get`: undefined means "answer it", anything else is
 *  the link the signal belongs to). */
function fakeProvider(self: string) {
  const room = { name: 'room', peerId: self, webrtcConns: new Map<string, WebrtcConn>() };
  const socket = { connected: true, send: () => undefined, emit: () => undefined };
  const provider = {
    doc: new Y.Doc(),
    maxConns: 20,
    key: Promise.resolve(),
    room,
    signalingConns: [socket],
    disconnect: () => undefined,
    destroy: () => undefined,
  };
  return { provider: provider as unknown as WebrtcProvider, room };
}

/** A link answering `from` that never opens (candidates that never pair); `spoke`: the offer and
 *  answer crossed (the other device was there). */
function stuckLink(room: { webrtcConns: Map<string, WebrtcConn> }, from: string, spoke = false): WebrtcConn {
  const conn = {
    remotePeerId: from,
    connected: false,
    peer: { on: () => undefined, send: () => undefined, _pc: { remoteDescription: spoke ? { type: 'answer', sdp: '' } : null } },
    destroy: () => room.webrtcConns.delete(from),
  };
  return conn as unknown as WebrtcConn;
}

/** Another device's presence, as the hub's sync brings it. */
function presenceOf(awareness: Awareness, id: string, lead = false): void {
  const theirs = new Awareness(new Y.Doc());
  theirs.setLocalStateField('peer', { id, lead });
  applyAwarenessUpdate(awareness, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'hub');
}

let links: PeerLinks | undefined;
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  links?.destroy();
  links = undefined;
  vi.useRealTimers();
});

/** PeerLinks for device `self`, started, with the hub (`hub`) or without. */
async function startedAs(self: string, hub: boolean) {
  const { provider, room } = fakeProvider(self);
  const awareness = new Awareness(new Y.Doc());
  links = new PeerLinks(provider, awareness, false);
  links.setHub(hub);
  await vi.advanceTimersByTimeAsync(0);
  return { room, awareness };
}

describe('a device answering offers', () => {
  const started = (self: string) => startedAs(self, true);

  it('answers an offer that comes before the offerer\'s presence', async () => {
    const { room } = await started('m');
    expect(room.webrtcConns.get('a')).toBeUndefined();
  });

  it('answers the offerer\'s retry after its own end of a failed link gave up', async () => {
    const { room, awareness } = await started('m');
    presenceOf(awareness, 'a');
    room.webrtcConns.set('a', stuckLink(room, 'a'));
    await vi.advanceTimersByTimeAsync(CONNECT_MS + 2 * HEARTBEAT_MS);
    expect(room.webrtcConns.has('a')).toBe(false);
    // The offerer retries after its cooldown, which began on its own clock, maybe a little sooner.
    await vi.advanceTimersByTimeAsync(COOLDOWN_MS - 2 * HEARTBEAT_MS);
    expect(room.webrtcConns.get('a')).toBeUndefined();
  });

  it('refuses signals from a higher id it has no link with and that the rule does not name', async () => {
    const { room } = await started('m');
    expect(room.webrtcConns.get('z')).toBeDefined();
  });
});

describe('a device behind client isolation', () => {
  /** Device `m` in a room with the laptop `0` (a facilitator's) and phones `a`, `b`, `c`, without
   *  the hub: the rule links it with all four. */
  async function phoneInRoom() {
    const { room, awareness } = await startedAs('m', false);
    presenceOf(awareness, '0', true);
    for (const id of ['a', 'b', 'c']) presenceOf(awareness, id);
    const isolated = () => (awareness.getLocalState() as PresenceState).peer?.isolated === true;
    return { room, isolated };
  }

  it('takes itself to be isolated after links to two phones fail though both ends spoke, and says so', async () => {
    const { room, isolated } = await phoneInRoom();
    room.webrtcConns.set('a', stuckLink(room, 'a', true));
    await vi.advanceTimersByTimeAsync(CONNECT_MS + 2 * HEARTBEAT_MS);
    expect(isolated()).toBe(false);
    room.webrtcConns.set('b', stuckLink(room, 'b', true));
    await vi.advanceTimersByTimeAsync(CONNECT_MS + 2 * HEARTBEAT_MS);
    expect(isolated()).toBe(true);
  });

  it('does not, when the other end never answered (a phone still loading, or gone)', async () => {
    const { room, isolated } = await phoneInRoom();
    room.webrtcConns.set('a', stuckLink(room, 'a'));
    room.webrtcConns.set('b', stuckLink(room, 'b'));
    await vi.advanceTimersByTimeAsync(CONNECT_MS + 2 * HEARTBEAT_MS);
    expect(isolated()).toBe(false);
  });

  it('does not count a failed link to a facilitator\'s device', async () => {
    const { room, isolated } = await phoneInRoom();
    room.webrtcConns.set('0', stuckLink(room, '0', true));
    room.webrtcConns.set('a', stuckLink(room, 'a', true));
    await vi.advanceTimersByTimeAsync(CONNECT_MS + 2 * HEARTBEAT_MS);
    expect(isolated()).toBe(false);
  });
});

describe('a link between two devices that both hear the hub', () => {
  const update = Uint8Array.of(0, 2, 1, 0);
  const step1 = Uint8Array.of(0, 0, 1, 0);
  const presence = Uint8Array.of(1, 1, 0);

  it('stands by (no edits, no presence) while both do, and catches up and carries them once one does not', async () => {
    const { room, awareness } = await startedAs('m', true);
    awareness.setLocalStateField('hub', true);
    const theirs = new Awareness(new Y.Doc());
    theirs.setLocalState({ peer: { id: 'a', lead: false }, hub: true });
    const hear = () => applyAwarenessUpdate(awareness, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'hub');
    hear();

    const sent: Uint8Array[] = [];
    const listeners = new Map<string, () => void>();
    const conn = {
      remotePeerId: 'a',
      connected: false,
      peer: { on: (event: string, listener: () => void) => listeners.set(event, listener), send: (m: Uint8Array) => sent.push(m) },
      destroy: () => undefined,
    };
    room.webrtcConns.set('a', conn as unknown as WebrtcConn);
    conn.connected = true;
    listeners.get('connect')?.();
    for (const message of [update, presence, step1]) conn.peer.send(message);
    expect(sent).toEqual([step1]);

    theirs.setLocalStateField('hub', false);
    hear();
    expect(sent.slice(1).map((m) => [m[0], m[1]])).toEqual([[0, 0], [1, expect.any(Number)]]);
    conn.peer.send(update);
    expect(sent.at(-1)).toBe(update);
  });
});
