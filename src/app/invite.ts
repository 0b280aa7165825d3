import { inviteLink, type Invite } from '../sync/invite';
import type { HubInfo } from './sync-config';

const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/;

/** Addresses an invite can point phones at. A facilitator who opened the hub as localhost must
 *  hand out the laptop's LAN address instead: "localhost" on a phone is the phone. */
export function inviteBases(hub: HubInfo | null, here: Location): string[] {
  const own = `${here.origin}${here.pathname}`;
  if (!hub) return [own];
  if (LOOPBACK.test(here.hostname) && hub.lan.length > 0) return hub.lan;
  return [own, ...hub.lan.filter((u) => new URL(u).origin !== here.origin)];
}

/** The page of a hub started with `--https` where a phone installs the hub's certificate
 *  authority, at the same address as the invite; null when the hub has no authority of its own. */
export function certificatePage(base: string, hub: HubInfo | null): string | null {
  return hub?.ca ? new URL('/ca', base).href : null;
}

/** The join link for `base` (one of `inviteBases`): the app from there, syncing through the hub
 *  when the app is served by one. */
export function buildInvite(base: string, hub: HubInfo | null, fields: Omit<Invite, 'hub'>): string {
  return inviteLink(base, { ...fields, hub: hub ? new URL(base).origin : null });
}
