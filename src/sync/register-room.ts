import { NOT_INVITED_CLOSE_CODE } from '../core/channel/handshake';
import type { RoomKeys } from '../core/channel/room-keys';
import { hubSocketUrl } from './room';
import { SecureSocket } from './secure-socket';

/** How registering a room with a hub ended: let in (the hub knows the room now, or knew it
 *  already), refused (a wrong pairing code, or the room registered there with another key), or
 *  no hub answered. */
export type Registration = 'registered' | 'refused' | 'unreachable';

const TIMEOUT_MS = 10_000;

/** Brings a workshop's room to a hub on another computer with the pairing code the hub printed:
 *  the facilitator's handshake (./secure-socket.ts), once, on the hub's signaling endpoint. The
 *  code never travels; it seals the room key for that hub alone. Node scripts pass their own
 *  WebSocket as `Inner`. */
export function registerRoom(hub: string, keys: RoomKeys, pairingCode: string, Inner?: unknown): Promise<Registration> {
  const Platform = (Inner ?? (globalThis as unknown as { WebSocket: unknown }).WebSocket) as ConstructorParameters<typeof SecureSocket>[2];
  return new Promise((done) => {
    const socket = new SecureSocket(hubSocketUrl(hub, '/signal'), { keys, register: true, pairingCode }, Platform);
    const end = (how: Registration) => {
      clearTimeout(timer);
      done(how);
      socket.close(1000);
    };
    const timer = setTimeout(() => end('unreachable'), TIMEOUT_MS);
    socket.addEventListener('open', () => end('registered'));
    socket.addEventListener('close', (event) => end((event as { code?: number }).code === NOT_INVITED_CLOSE_CODE ? 'refused' : 'unreachable'));
  });
}
