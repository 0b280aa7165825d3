import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { inviteLink } from '../../../src/sync/invite';
import { joinRoom } from '../../../src/sync/node-client';
import { roomKeys } from '../../../src/core/channel/room-keys';
import { cleanUp, onCleanUp, relayClient, startTestHub, until } from '../hub/helpers';

afterEach(cleanUp);

describe('the scripts\' client', () => {
  it('joins a room from an invite link: receives the workshop, and what the script writes reaches the room', async () => {
    const hub = await startTestHub();
    onCleanUp(() => hub.stop());
    const workshopId = 'k1b910ocw793hzqp';
    const keys = roomKeys(workshopId, 'a'.repeat(32));
    const facilitator = relayClient(hub, keys.room, { keys });
    const board = new Y.Map<unknown>();
    board.set('title', 'Risks');
    facilitator.doc.getArray('boards').push([board]);
    await facilitator.settled();

    const link = inviteLink(hub.url('/'), { workshopId, secret: 'a'.repeat(32), hub: hub.url(''), title: 'TWG', root: null });
    const script = await joinRoom(link);
    onCleanUp(() => script.destroy());
    expect((script.doc.getArray('boards').get(0) as Y.Map<unknown>).get('title')).toBe('Risks');

    script.doc.getMap('notes').set('n1', 'from a script');
    await until('the facilitator holds the script\'s note', () => facilitator.doc.getMap('notes').get('n1') === 'from a script');
  });

  it('refuses a link that is not an invite', async () => {
    await expect(joinRoom('http://127.0.0.1:1/#/join?w=short')).rejects.toThrow('not an invite link');
  });
});
