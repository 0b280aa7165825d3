import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import { RELAY_PING } from '../../../src/core/relay-ping';
import { cleanUp, onCleanUp, relayClient, startTestHub, until } from './helpers';

afterEach(cleanUp);

/** Hocuspocus' message types, as its protocol numbers them. */
const AWARENESS = 1;

/** The types of the messages a client's provider receives, from now on. */
function received(client: ReturnType<typeof relayClient>): number[] {
  const types: number[] = [];
  client.provider.on('message', ({ event }: { event: MessageEvent }) => {
    const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
    decoding.readVarString(decoder);
    types.push(decoding.readVarUint(decoder));
  });
  return types;
}

describe('presence through the hub', () => {
  it('goes to every other device of the room, and not back to the one it came from', async () => {
    const hub = await startTestHub();
    onCleanUp(() => hub.stop());
    const room = 'cg-presence0echo0000000000000000';
    const dara = relayClient(hub, room);
    const sokha = relayClient(hub, room);
    await Promise.all([dara.settled(), sokha.settled()]);
    const toDara = received(dara);
    const toSokha = received(sokha);

    dara.provider.awareness!.setLocalStateField('user', { name: 'Dara' });
    await until('Sokha sees Dara', () =>
      [...sokha.provider.awareness!.getStates().values()].some((s) => (s as { user?: { name?: string } }).user?.name === 'Dara'));
    // The hub answers in order: whatever it sent Dara before this answer has arrived with it.
    let answered = false;
    dara.provider.on('stateless', ({ payload }: { payload: string }) => { if (payload === RELAY_PING) answered = true; });
    dara.provider.sendStateless(RELAY_PING);
    await until('the hub answered Dara', () => answered);

    expect(toSokha.filter((t) => t === AWARENESS).length).toBeGreaterThanOrEqual(1);
    expect(toDara.filter((t) => t === AWARENESS)).toEqual([]);
  });
});
