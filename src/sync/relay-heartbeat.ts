import type { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { HEARTBEAT_MS, SILENT_MS } from './liveness';

/** What the heartbeat needs of the relay's socket (./secure-socket.ts). */
interface Heartbeating {
  heartbeat(): void;
  addEventListener(type: 'heard', listener: () => void): void;
  removeEventListener(type: 'heard', listener: () => void): void;
}

const heartbeating = (socket: unknown): socket is Heartbeating =>
  typeof (socket as Partial<Heartbeating> | null)?.heartbeat === 'function';

/** A hub whose link died without a goodbye (the laptop's Wi-Fi gone, a phone out of range) leaves
 *  the socket looking open for half a minute or more. The device sends a heartbeat frame on the
 *  encrypted channel and counts the hub as there only while something came back lately; the
 *  provider hears of it as an 'alive' event. */
export function relayHeartbeat(provider: HocuspocusProvider, websocketProvider: HocuspocusProviderWebsocket): void {
  let heard = 0;
  let alive = false;
  let socket: Heartbeating | null = null;
  const set = (now: boolean) => {
    if (now === alive) return;
    alive = now;
    // The provider's emitter is protected in its types only; its listeners are the relay's own.
    (provider as unknown as { emit(event: string, payload: unknown): void }).emit('alive', { alive });
  };
  const hear = () => {
    heard = Date.now();
    // The provider closes a socket it has heard nothing on for messageReconnectTimeout, counting
    // only the messages it is given: a heartbeat is news that the socket lives too.
    websocketProvider.lastMessageReceived = heard;
    set(true);
  };
  const listen = (next: Heartbeating | null) => {
    socket?.removeEventListener('heard', hear);
    socket = next;
    socket?.addEventListener('heard', hear);
  };
  provider.on('status', ({ status }: { status: string }) => {
    const current = websocketProvider.webSocket;
    listen(status === 'connected' && heartbeating(current) ? current : null);
    if (socket) hear();
    else set(false);
  });
  const timer = setInterval(() => {
    if (!socket) return;
    if (Date.now() - heard > SILENT_MS) set(false);
    socket.heartbeat();
  }, HEARTBEAT_MS);
  provider.on('destroy', () => {
    clearInterval(timer);
    listen(null);
  });
}
