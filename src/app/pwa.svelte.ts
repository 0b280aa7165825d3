import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import { lazy } from '../core/lazy';

type RegisterSW = (options: RegisterSWOptions) => (reloadPage?: boolean) => Promise<void>;

/** Chromium's install offer; not in TypeScript's DOM types. */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
}

/** A page left open all day (a workshop) never navigates, so the browser would not look for a
 *  new version by itself. */
const UPDATE_CHECK_MS = 60 * 60_000;

/** The installed-app side of the page: the service worker that keeps the app for offline use,
 *  updates the person accepts, and installation. Created by `App`; the only shared state is the
 *  browser's own (the service worker registration). */
export class Pwa {
  /** A new version is installed and waits for the person to press Reload. */
  needRefresh = $state(false);
  /** A service worker holds the whole app: a reload works without network. */
  offlineReady = $state(false);
  /** Why the browser refused to keep the app for offline use, if it did. */
  registerError = $state<string | null>(null);
  /** The browser offers installation and nobody has answered it yet. */
  canInstall = $state(false);
  /** Service workers (and so offline reload) exist only on https and localhost. */
  readonly secure = window.isSecureContext && 'serviceWorker' in navigator;

  #registration: ServiceWorkerRegistration | undefined;
  #skipWaiting: (() => Promise<void>) | undefined;
  #installOffer: BeforeInstallPromptEvent | null = null;
  readonly #load: () => Promise<RegisterSW>;
  readonly #reload: () => void;

  constructor(options: { load?: () => Promise<RegisterSW>; reload?: () => void } = {}) {
    this.#load = options.load ?? (() => lazy(() => import('virtual:pwa-register')).then((m) => m.registerSW));
    this.#reload = options.reload ?? (() => location.reload());
  }

  /** Registers the service worker (secure origins only) and listens for the install offer.
   *  Returns the function that stops both. */
  start(): () => void {
    const offer = (event: Event) => {
      // Our header button replaces the browser's own banner.
      event.preventDefault();
      this.#installOffer = event as BeforeInstallPromptEvent;
      this.canInstall = true;
    };
    const installed = () => {
      this.#installOffer = null;
      this.canInstall = false;
    };
    addEventListener('beforeinstallprompt', offer);
    addEventListener('appinstalled', installed);
    let timer: ReturnType<typeof setInterval> | undefined;
    if (this.secure) {
      this.#register().catch(this.#failed);
      timer = setInterval(() => {
        // Offline, or the hub is down: nothing to do until the next check.
        this.#registration?.update().catch(() => {});
      }, UPDATE_CHECK_MS);
    }
    return () => {
      removeEventListener('beforeinstallprompt', offer);
      removeEventListener('appinstalled', installed);
      clearInterval(timer);
    };
  }

  async #register(): Promise<void> {
    const registerSW = await this.#load();
    this.#skipWaiting = registerSW({
      onNeedRefresh: () => { this.needRefresh = true; },
      // The new version took over this tab because the person accepted it in another tab. This
      // tab keeps running the old code and its prompt: reloading here could lose a draft.
      onNeedReload: () => { this.needRefresh = true; },
      onRegisteredSW: (_url, registration) => { this.#registration = registration; },
      onRegisterError: this.#failed,
    });
    await navigator.serviceWorker.ready;
    this.offlineReady = true;
  }

  readonly #failed = (error: unknown) => {
    this.registerError = error instanceof Error ? error.message : String(error);
  };

  /** Switches to the new version: it takes over, then this page reloads into it. */
  async update(): Promise<void> {
    if (!this.#registration?.waiting) {
      // Another tab already switched: the new version controls this page, only the code is old.
      this.#reload();
      return;
    }
    navigator.serviceWorker.addEventListener('controllerchange', () => this.#reload(), { once: true });
    await this.#skipWaiting?.();
  }

  /** Shows the browser's install dialog; an offer can be used once. */
  async install(): Promise<void> {
    const offer = this.#installOffer;
    this.#installOffer = null;
    this.canInstall = false;
    await offer?.prompt();
  }
}
