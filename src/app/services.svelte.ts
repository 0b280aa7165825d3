import { GROUP_COLORS } from '../core/groups';
import { openDb, type CommonGroundDb } from '../storage/db';
import { loadProfile, saveProfile, type Profile } from '../storage/profile-store';
import { dexieWorkshopStore, type WorkshopStore } from '../storage/workshop-store';
import type { SaveState } from '../storage/save-status';

/** What every screen needs, created once in `App` and passed down (no module singletons, so a
 *  test can make its own). */
export class Services {
  profile = $state<Profile>({ participantId: '', name: '', group: '', color: GROUP_COLORS[0] });
  save = $state<SaveState>({ pending: 0, error: null });
  readonly store: WorkshopStore;
  readonly db: CommonGroundDb;

  private constructor(db: CommonGroundDb) {
    this.db = db;
    this.store = dexieWorkshopStore(db);
    db.saveStatus.subscribe((s) => { this.save = s; });
  }

  static async start(): Promise<Services> {
    const db = await openDb();
    const services = new Services(db);
    const color = GROUP_COLORS[Math.floor(Math.random() * GROUP_COLORS.length)]!;
    services.profile = await loadProfile(db, color);
    await services.store.purgeExpired();
    return services;
  }

  async updateProfile(changes: Partial<Omit<Profile, 'participantId'>>): Promise<void> {
    await saveProfile(this.db, changes);
    this.profile = { ...this.profile, ...changes };
  }
}
