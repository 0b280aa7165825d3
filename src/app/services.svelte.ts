import { GROUP_COLORS } from '../core/palette';
import { guessLocale, isLocale, setLocale, type Locale } from '../i18n/i18n';
import { openDb, type CommonGroundDb } from '../storage/db';
import { dexieDeletedStore, type DeletedStore } from '../storage/deleted-store';
import { loadProfile, saveProfile, type Profile } from '../storage/profile-store';
import { dexieWorkshopStore, type WorkshopStore } from '../storage/workshop-store';
import type { SaveState } from '../storage/save-status';
import { detectHub, loadTransports, saveTransports, type HubInfo, type Transports } from './sync-config';

/** What every screen needs, created once in `App` and passed down (no module singletons, so a
 *  test can make its own). */
export class Services {
  profile = $state<Profile>({ participantId: '', name: '', group: '', color: GROUP_COLORS[0] });
  save = $state<SaveState>({ pending: 0, error: null });
  /** The interface language; screens are remade when it changes (see `App`). */
  locale = $state<Locale>('en');
  /** Set once the server that served the app answers as a hub. */
  hub = $state<HubInfo | null>(null);
  hubKnown: Promise<HubInfo | null> = Promise.resolve(null);
  transports = $state<Transports>(loadTransports());
  readonly store: WorkshopStore;
  readonly deletedEntries: DeletedStore;
  readonly db: CommonGroundDb;

  private constructor(db: CommonGroundDb) {
    this.db = db;
    this.store = dexieWorkshopStore(db);
    this.deletedEntries = dexieDeletedStore(db);
    db.saveStatus.subscribe((s) => { this.save = s; });
  }

  static async start(): Promise<Services> {
    const db = await openDb();
    const services = new Services(db);
    const color = GROUP_COLORS[Math.floor(Math.random() * GROUP_COLORS.length)]!;
    services.profile = await loadProfile(db, color);
    const chosen = services.profile.locale;
    await services.showIn(isLocale(chosen) ? chosen : guessLocale(typeof navigator === 'undefined' ? [] : navigator.languages));
    await services.store.purgeExpired();
    // Not awaited: on a network that drops packets the answer can take the whole timeout, and
    // the home screen must not wait for it. A facilitator's workshop waits (see `hubKnown`).
    services.hubKnown = detectHub(1500).then((hub) => { services.hub = hub; return hub; });
    return services;
  }

  async updateProfile(changes: Partial<Omit<Profile, 'participantId'>>): Promise<void> {
    await saveProfile(this.db, changes);
    this.profile = { ...this.profile, ...changes };
  }

  /** The person's own choice of language, kept on this device: it wins over the browser's. */
  async chooseLocale(locale: Locale): Promise<void> {
    await this.updateProfile({ locale });
    await this.showIn(locale);
  }

  private async showIn(locale: Locale): Promise<void> {
    await setLocale(locale);
    this.locale = locale;
  }

  setTransports(transports: Transports): void {
    saveTransports(transports);
    this.transports = transports;
  }
}
