import { newId } from '../core/ids';
import type { CommonGroundDb, ProfileRow } from './db';

export type Profile = Omit<ProfileRow, 'key'>;

/** This device's participant: the id is made once and never changes, so a person's notes stay
 *  theirs across workshops and renames. */
export async function loadProfile(db: CommonGroundDb, color: string): Promise<Profile> {
  const existing = await db.profile.get('me');
  if (existing) {
    const { key: _key, ...profile } = existing;
    return profile;
  }
  const fresh: ProfileRow = { key: 'me', participantId: newId(), name: '', group: '', color };
  await db.profile.add(fresh);
  const { key: _key, ...profile } = fresh;
  return profile;
}

export async function saveProfile(db: CommonGroundDb, changes: Partial<Omit<Profile, 'participantId'>>): Promise<void> {
  await db.profile.update('me', changes);
}
