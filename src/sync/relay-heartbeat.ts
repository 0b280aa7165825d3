import type { HocuspocusProvider } from '@hocuspocus/provider';
import { RELAY_PING } from '../core/relay-ping';
import { HEARTBEAT_MS, SILENT_MS } from './liveness';

/** A hub whose link died without a goodbye (the laptop's Wi-Fi gone, a phone out of range) leaves
 *  the socket looking open for half a minute or more. The device pings through the relay and
 *  counts the hub as there only while something came back lately; the provider hears of it as
 *  an 'alive' event. */
export function relayHeartbeat(provider: HocuspocusProvider): void {
  let heard = 0;
  let alive = false;
  let connected = false;
  const set = (now: boolean) => {
    if (now === alive) return;
    alive = now;
    // The provider's emitter is protected in its types only; its listeners are the relay's own.
    (provider as unknown as { emit(event: string, payload: unknown): void }).emit('alive', { alive });
  };
  const hear = () => {
    heard = Date.now();
    set(true);
  };
  provider.on('message', hear);
  provider.on('status', ({ status }: { status: string }) => {
    connected = status === 'connected';
    if (connected) hear();
    else set(false);
  });
  const timer = setInterval(() => {
    if (!connected) return;
    if (Date.now() - heard > SILENT_MS) set(false);
    provider.sendStateless(RELAY_PING);
  }, HEARTBEAT_MS);
  provider.on('destroy', () => clearInterval(timer));
}
