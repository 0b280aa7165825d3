const ASKED_KEY = 'cg.persistAsked';

/** This origin's share of the device's storage, and whether the browser may clear it when space
 *  runs low. `navigator.storage` exists only on https and localhost. */
export class DeviceStorage {
  readonly supported = 'storage' in navigator && typeof navigator.storage?.persist === 'function';
  usage = $state<number | null>(null);
  quota = $state<number | null>(null);
  persisted = $state<boolean | null>(null);

  async refresh(): Promise<void> {
    if (!this.supported) return;
    const [estimate, persisted] = await Promise.all([navigator.storage.estimate(), navigator.storage.persisted()]);
    this.usage = estimate.usage ?? null;
    this.quota = estimate.quota ?? null;
    this.persisted = persisted;
  }

  /** Asks the browser to keep this app's data under storage pressure. Chromium answers by
   *  itself (yes for installed or often used apps); Firefox asks the person. */
  async persist(): Promise<boolean> {
    if (!this.supported) return false;
    this.persisted = await navigator.storage.persist();
    return this.persisted;
  }

  /** The one request made without anyone pressing a button: when a workshop is first opened on
   *  this device, the moment there is something to keep. Asking at the first visit would show
   *  Firefox's permission dialog to someone who has not done anything yet. */
  async persistOnce(): Promise<void> {
    if (!this.supported || localStorage.getItem(ASKED_KEY)) return;
    localStorage.setItem(ASKED_KEY, '1');
    if (!(await navigator.storage.persisted())) await this.persist();
  }

  /** Installing the app is when Chromium starts saying yes, so ask again then. Returns the
   *  function that stops listening. */
  watchInstall(): () => void {
    const installed = () => void this.persist();
    addEventListener('appinstalled', installed);
    return () => removeEventListener('appinstalled', installed);
  }
}
