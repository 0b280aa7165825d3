// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import { Pwa } from '../../../src/app/pwa.svelte';

/** What the browser offers on a secure page: a service worker container and one registration. */
function secureBrowser() {
  const container = Object.assign(new EventTarget(), { ready: Promise.resolve(), controller: {} });
  const registration = { waiting: {} as object | null, update: vi.fn(() => Promise.resolve()) };
  Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });
  Object.defineProperty(navigator, 'serviceWorker', { value: container, configurable: true });
  return { container, registration };
}

/** Stands in for vite-plugin-pwa's registerSW: records the callbacks, counts skip-waiting messages. */
function fakeRegister(registration: object) {
  let callbacks: RegisterSWOptions = {};
  const skipWaiting = vi.fn(() => Promise.resolve());
  const register = (options: RegisterSWOptions) => {
    callbacks = options;
    options.onRegisteredSW?.('/sw.js', registration as ServiceWorkerRegistration);
    return skipWaiting;
  };
  return { load: () => Promise.resolve(register), skipWaiting, callbacks: () => callbacks };
}

/** Lets a start that does nothing finish, so the test can see that nothing happened. */
const settle = () => new Promise((done) => setTimeout(done, 0));

/** A started Pwa in a secure browser whose service worker registration is faked. */
async function startedPwa() {
  const { container, registration } = secureBrowser();
  const reload = vi.fn();
  const fake = fakeRegister(registration);
  const pwa = new Pwa({ load: fake.load, reload });
  const stop = pwa.start();
  await vi.waitFor(() => expect(fake.callbacks()).toBeDefined());
  return { container, registration, reload, fake, pwa, stop };
}

afterEach(() => {
  Reflect.deleteProperty(window, 'isSecureContext');
  Reflect.deleteProperty(navigator, 'serviceWorker');
});

describe('Pwa', () => {
  it('registers nothing on plain http, and does not crash', async () => {
    Object.defineProperty(window, 'isSecureContext', { value: false, configurable: true });
    const load = vi.fn();
    const pwa = new Pwa({ load });
    const stop = pwa.start();
    await settle();
    expect(pwa.secure).toBe(false);
    expect(load).not.toHaveBeenCalled();
    expect(pwa.offlineReady).toBe(false);
    stop();
  });

  it('is ready offline once a service worker is active', async () => {
    const { registration } = secureBrowser();
    const pwa = new Pwa({ load: fakeRegister(registration).load });
    const stop = pwa.start();
    await vi.waitFor(() => expect(pwa.offlineReady).toBe(true));
    stop();
  });

  it('reloads only after the person accepts, and only once the new version controls the page', async () => {
    const { container, reload, fake, pwa, stop } = await startedPwa();
    fake.callbacks().onNeedRefresh?.();
    expect(pwa.needRefresh).toBe(true);
    expect(reload).not.toHaveBeenCalled();

    await pwa.update();
    expect(fake.skipWaiting).toHaveBeenCalledOnce();
    expect(reload).not.toHaveBeenCalled();
    container.dispatchEvent(new Event('controllerchange'));
    expect(reload).toHaveBeenCalledOnce();
    stop();
  });

  it('does not reload a tab when the person accepted the update in another tab', async () => {
    const { container, registration, reload, fake, pwa, stop } = await startedPwa();
    fake.callbacks().onNeedRefresh?.();
    container.dispatchEvent(new Event('controllerchange'));
    fake.callbacks().onNeedReload?.();
    expect(reload).not.toHaveBeenCalled();
    expect(pwa.needRefresh).toBe(true);

    // Pressing Reload there later: nothing waits any more, so the page just reloads.
    registration.waiting = null;
    await pwa.update();
    expect(fake.skipWaiting).not.toHaveBeenCalled();
    expect(reload).toHaveBeenCalledOnce();
    stop();
  });

  it('says why when the browser refuses the service worker', async () => {
    const { fake, pwa, stop } = await startedPwa();
    fake.callbacks().onRegisterError?.(new Error('Failed to register a ServiceWorker'));
    expect(pwa.registerError).toBe('Failed to register a ServiceWorker');
    stop();
  });

  it('replaces the browser\'s install banner with its own button, usable once', async () => {
    const pwa = new Pwa({ load: vi.fn() });
    const stop = pwa.start();
    const prompt = vi.fn(() => Promise.resolve());
    const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), { prompt });
    dispatchEvent(offer);
    expect(offer.defaultPrevented).toBe(true);
    expect(pwa.canInstall).toBe(true);

    await pwa.install();
    expect(prompt).toHaveBeenCalledOnce();
    expect(pwa.canInstall).toBe(false);
    await pwa.install();
    expect(prompt).toHaveBeenCalledOnce();

    dispatchEvent(Object.assign(new Event('beforeinstallprompt', { cancelable: true }), { prompt }));
    dispatchEvent(new Event('appinstalled'));
    expect(pwa.canInstall).toBe(false);
    stop();
  });
});
