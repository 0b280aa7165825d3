import { describe, expect, it } from 'vitest';
import { HELLO, joinSignalMesh, relaySignaling, type Hello, type SignalMessage, type SignalingSocket } from '../../../src/sync/peer-signal';

/** A stand-in for y-webrtc's signaling connection: records what y-webrtc would be handed. */
function fakeSocket() {
  const handed: SignalMessage[] = [];
  const sent: SignalMessage[] = [];
  const socket: SignalingSocket = {
    connected: true,
    send: (m) => { sent.push(m); },
    emit: (name, args) => { if (name === 'message') handed.push(args[0] as SignalMessage); },
  };
  return { socket, handed, sent };
}

describe('hellos on the signaling', () => {
  it('reach the room\'s mesh and never y-webrtc, whose announcements would open links to all', () => {
    const { socket, handed } = fakeSocket();
    relaySignaling(socket);
    const hellos: Hello[] = [];
    const mesh = joinSignalMesh('room-a', { flood: () => undefined, hubSuffices: () => true, hello: (h) => hellos.push(h) }, () => socket);
    socket.emit('message', [{ type: 'publish', topic: 'room-a', data: { type: HELLO, from: 'p1', lead: true, isolated: true } }]);
    socket.emit('message', [{ type: 'publish', topic: 'room-a', data: { type: 'announce', from: 'p2' } }]);
    expect(hellos).toEqual([{ from: 'p1', lead: true, isolated: true }]);
    expect(handed).toEqual([{ type: 'publish', topic: 'room-a', data: { type: 'announce', from: 'p2' } }]);
    mesh.leave();
  });

  it('arrive through the peers\' relay too, once the hub\'s signaling is gone', () => {
    const { socket, handed } = fakeSocket();
    relaySignaling(socket);
    const hellos: Hello[] = [];
    const mesh = joinSignalMesh('room-b', { flood: () => undefined, hubSuffices: () => false, hello: (h) => hellos.push(h) }, () => socket);
    const message = { type: 'publish', topic: 'room-b', data: { type: HELLO, from: 'p3', lead: false } };
    mesh.receive(JSON.stringify({ id: 'flood-1', hops: 3, message }), null);
    expect(hellos).toEqual([{ from: 'p3', lead: false, isolated: false }]);
    expect(handed).toEqual([]);
    mesh.leave();
  });
});
