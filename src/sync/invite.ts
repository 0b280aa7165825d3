import { normaliseHub } from './room';

/** What a join link carries. Everything sits in the URL fragment, which browsers never send to
 *  a server, so neither the hub's logs nor a proxy ever see the secret. */
export interface Invite {
  workshopId: string;
  secret: string;
  /** The facilitator's hub (http(s) origin), or null when peers meet through signaling only. */
  hub: string | null;
  title: string;
}

const ID = /^[0-9a-z]{8,64}$/;

export function inviteLink(appUrl: string, invite: Invite): string {
  const params = new URLSearchParams({ w: invite.workshopId, s: invite.secret, t: invite.title });
  if (invite.hub) params.set('h', invite.hub);
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
  const rawHub = params.get('h');
  const hub = rawHub ? normaliseHub(rawHub) : null;
  if (rawHub && !hub) return null;
  return { workshopId, secret, hub, title: (params.get('t') ?? '').slice(0, 120) };
}
