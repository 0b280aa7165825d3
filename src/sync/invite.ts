import { normaliseHub } from './room';

/** What a join link carries. Everything sits in the URL fragment, which browsers never send to
 *  a server, so neither the hub's logs nor a proxy ever see the secret. */
export interface Invite {
  workshopId: string;
  secret: string;
  /** The facilitator's hub (http(s) origin), or null when peers meet through signaling only. */
  hub: string | null;
  /** Further processes of the same organisation's hub, for a device that loses `hub` (optional:
   *  links made before them, and a laptop's hub, have none). */
  fallbackHubs?: readonly string[];
  title: string;
  /** The creator's facilitator id (public keys only): what lets every device check that a
   *  lock, a reveal or an agenda change comes from a facilitator. Null in links made before
   *  facilitation existed: such a device shows no facilitator's decisions. */
  root: string | null;
  /** The series the workshop is a meeting of (its id and secret), so that a participant invited
   *  to a later meeting syncs what carries over (open actions, decisions, parked items). */
  series?: { id: string; secret: string };
}

/** A device tries the hubs in turn; an organisation runs a few processes, not dozens. */
const MAX_HUBS = 8;

const ID = /^[0-9a-z]{8,64}$/;
/** Two base64url keys of 32 bytes (see `facilitatorId`); the full check is the core's, which
 *  loads with the workshop rather than with the join screen. */
const ROOT = /^[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/;

export function inviteLink(appUrl: string, invite: Invite): string {
  const params = new URLSearchParams({ w: invite.workshopId, s: invite.secret, t: invite.title });
  // One `h` per hub, the first the device tries first: a link with one reads as it always did.
  for (const hub of invite.hub ? [invite.hub, ...invite.fallbackHubs ?? []] : []) params.append('h', hub);
  if (invite.root) params.set('f', invite.root);
  if (invite.series) { params.set('sw', invite.series.id); params.set('ss', invite.series.secret); }
  const base = new URL(appUrl);
  base.hash = '';
  return `${base.toString()}#/join?${params.toString()}`;
}

export type InviteError = 'bad-invite';

/** Reads the query part of a `#/join?...` fragment. */
export function parseInvite(query: string): Invite | null {
  const params = new URLSearchParams(query.replace(/^\?/, ''));
  const workshopId = params.get('w') ?? '';
  const secret = params.get('s') ?? '';
  if (!ID.test(workshopId) || !ID.test(secret)) return null;
  const hubs = params.getAll('h').filter(Boolean).map(normaliseHub);
  if (hubs.some((h) => h === null)) return null;
  const [hub = null, ...fallbackHubs] = [...new Set(hubs as string[])].slice(0, MAX_HUBS);
  const root = params.get('f');
  if (root !== null && !ROOT.test(root)) return null;
  const seriesId = params.get('sw') ?? '';
  const seriesSecret = params.get('ss') ?? '';
  const series = ID.test(seriesId) && ID.test(seriesSecret) ? { series: { id: seriesId, secret: seriesSecret } } : {};
  return { workshopId, secret, hub, ...(fallbackHubs.length > 0 ? { fallbackHubs } : {}), title: (params.get('t') ?? '').slice(0, 120), root, ...series };
}
