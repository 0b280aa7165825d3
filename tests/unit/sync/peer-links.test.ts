import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { WebrtcConn, WebrtcProvider } from 'y-webrtc';
import { CONNECT_MS, COOLDOWN_MS, PeerLinks } from '../../../src/sync/peer-links';
import { HEARTBEAT_MS } from '../../../src/sync/liveness';

/** A y-webrtc provider as PeerLinks sees it, for the device `self`: its room's connections are what
 *  y-webrtc consults when a signal arrives (`get`: undefined means "answer it", anything else is
 *  the link the signal belongs to). */
function fakeProvider(self: string) {
  const room = { name: 'room', peerId: self, webrtcConns: new Map<string, WebrtcConn>() };
  const socket = { connected: true, send: () => undefined, emit: () => undefined };
  const provider = {
    maxConns: 20,
    key: Promise.resolve(),
    room,
    signalingConns: [socket],
    disconnect: () => undefined,
    destroy: () => undefined,
  };
  return { provider: provider as unknown as WebrtcProvider, room };
}

/** A link answering `from` that never opens (candidates that never pair). */
function stuckLink(room: { webrtcConns: Map<string, WebrtcConn> }, from: string): WebrtcConn {
  const conn = {
    remotePeerId: from,
    connected: false,
    peer: { on: () => undefined },
    destroy: () => room.webrtcConns.delete(from),
  };
  return conn as unknown as WebrtcConn;
}

/** Another device's presence, as the hub's sync brings it. */
function presenceOf(awareness: Awareness, id: string): void {
  const theirs = new Awareness(new Y.Doc());
  theirs.setLocalStateField('peer', { id, lead: false });
  applyAwarenessUpdate(awareness, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'hub');
}

describe('a device answering offers', () => {
  let links: PeerLinks | undefined;
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    links?.destroy();
    vi.useRealTimers();
  });

  async function started(self: string) {
    const { provider, room } = fakeProvider(self);
    const awareness = new Awareness(new Y.Doc());
    links = new PeerLinks(provider, awareness, false);
    links.setHub(true);
    await vi.advanceTimersByTimeAsync(0);
    return { room, awareness };
  }

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
