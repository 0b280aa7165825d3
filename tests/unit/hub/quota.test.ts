import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type HubLimits } from '../../../src/hub/limits';
import { SocketQuota, StorageQuota } from '../../../src/hub/quota';

const limits: HubLimits = { ...DEFAULT_LIMITS, maxUpdateBytes: 100, maxRoomBytes: 250, maxRooms: 3, maxStoredBytes: 600, maxSocketsPerAddress: 2, maxSockets: 3 };
const never = () => { throw new Error('measured without need'); };

describe('the hub\'s storage quota', () => {
  it('opens rooms it keeps, and new ones only while there is a place', () => {
    const quota = new StorageQuota(limits, new Map([['cg-kept', 10]]));
    expect(quota.openRoom('cg-a')).toBeNull();
    expect(quota.openRoom('cg-b')).toBeNull();
    expect(quota.openRoom('cg-c')).toMatchObject({ refusal: 'hub-full' });
    expect(quota.openRoom('cg-kept')).toBeNull();
    expect(quota.openRoom('cg-a')).toBeNull();
    expect(quota.rooms).toBe(3);
  });

  it('gives back the place of a room closed without content, not of one that holds some', () => {
    const quota = new StorageQuota(limits);
    for (const room of ['cg-a', 'cg-b', 'cg-c']) quota.openRoom(room);
    expect(quota.admitUpdate('cg-a', 5, never)).toBeNull();
    quota.closed('cg-a');
    quota.closed('cg-b');
    expect(quota.rooms).toBe(2);
    expect(quota.openRoom('cg-d')).toBeNull();
    expect(quota.openRoom('cg-e')).toMatchObject({ refusal: 'hub-full' });
  });

  it('refuses one update over the cap, whatever room it is for', () => {
    const quota = new StorageQuota(limits);
    quota.openRoom('cg-a');
    expect(quota.admitUpdate('cg-a', 100, never)).toBeNull();
    expect(quota.admitUpdate('cg-a', 101, never)).toMatchObject({ refusal: 'update-too-large' });
    expect(quota.bytes).toBe(100);
  });

  it('measures a room before refusing it as full, and refuses it when it really is', () => {
    const quota = new StorageQuota(limits);
    quota.openRoom('cg-a');
    expect(quota.admitUpdate('cg-a', 100, never)).toBeNull();
    expect(quota.admitUpdate('cg-a', 100, never)).toBeNull();
    // The bound says 300 > 250; the room really holds 120 (the same change came twice).
    expect(quota.admitUpdate('cg-a', 100, () => 120)).toBeNull();
    expect(quota.bytes).toBe(220);
    expect(quota.admitUpdate('cg-a', 100, () => 220)).toMatchObject({ refusal: 'room-full' });
    quota.measured('cg-a', 50);
    expect(quota.admitUpdate('cg-a', 100, never)).toBeNull();
  });

  it('refuses what would take all rooms together over the hub\'s cap, counting what is on disk', () => {
    const quota = new StorageQuota(limits, new Map([['cg-old', 450]]));
    quota.openRoom('cg-a');
    expect(quota.admitUpdate('cg-a', 100, never)).toBeNull();
    expect(quota.admitUpdate('cg-a', 100, () => 100)).toMatchObject({ refusal: 'hub-full' });
    expect(quota.bytes).toBe(550);
  });
});

describe('the hub\'s socket quota', () => {
  it('gives each address its share, and all of them no more than the whole', () => {
    const quota = new SocketQuota(limits);
    expect(quota.take('10.0.0.1')).toBeNull();
    expect(quota.take('10.0.0.1')).toBeNull();
    expect(quota.take('10.0.0.1')).toMatchObject({ status: 429 });
    expect(quota.take('10.0.0.2')).toBeNull();
    expect(quota.take('10.0.0.3')).toMatchObject({ status: 503 });
    quota.release('10.0.0.1');
    expect(quota.take('10.0.0.3')).toBeNull();
    expect(quota.take('10.0.0.1')).toMatchObject({ status: 503 });
  });
});
