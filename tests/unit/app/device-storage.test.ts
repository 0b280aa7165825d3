// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeviceStorage } from '../../../src/app/device-storage.svelte';
import { formatBytes } from '../../../src/i18n/i18n';

function storageManager(granted: boolean) {
  const manager = {
    estimate: vi.fn(() => Promise.resolve({ usage: 4_200_000, quota: 2_000_000_000 })),
    persisted: vi.fn(() => Promise.resolve(false)),
    persist: vi.fn(() => Promise.resolve(granted)),
  };
  Object.defineProperty(navigator, 'storage', { value: manager, configurable: true });
  return manager;
}

beforeEach(() => localStorage.clear());
afterEach(() => { Reflect.deleteProperty(navigator, 'storage'); });

describe('DeviceStorage', () => {
  it('reports usage, quota and whether the data is kept', async () => {
    storageManager(true);
    const storage = new DeviceStorage();
    await storage.refresh();
    expect([storage.usage, storage.quota, storage.persisted]).toEqual([4_200_000, 2_000_000_000, false]);
  });

  it('asks by itself once per device, then only when the person presses the button', async () => {
    const manager = storageManager(false);
    const storage = new DeviceStorage();
    await storage.persistOnce();
    await storage.persistOnce();
    expect(manager.persist).toHaveBeenCalledOnce();
    expect(storage.persisted).toBe(false);
    await expect(storage.persist()).resolves.toBe(false);
    expect(manager.persist).toHaveBeenCalledTimes(2);
  });

  it('asks again when the app is installed', async () => {
    const manager = storageManager(true);
    const storage = new DeviceStorage();
    const stop = storage.watchInstall();
    dispatchEvent(new Event('appinstalled'));
    stop();
    dispatchEvent(new Event('appinstalled'));
    await vi.waitFor(() => expect(storage.persisted).toBe(true));
    expect(manager.persist).toHaveBeenCalledOnce();
  });

  it('does nothing where the browser has no storage manager (plain http)', async () => {
    const storage = new DeviceStorage();
    expect(storage.supported).toBe(false);
    await storage.refresh();
    await storage.persistOnce();
    await expect(storage.persist()).resolves.toBe(false);
    expect(storage.usage).toBeNull();
  });
});

describe('formatBytes', () => {
  it('uses the unit that keeps the number short', () => {
    expect([512, 4_200_000, 52_000_000, 2_000_000_000].map(formatBytes)).toEqual(['0.5 kB', '4.2 MB', '52 MB', '2 GB']);
  });
});
