import { describe, expect, it } from 'vitest';
import { inviteLink, parseInvite } from '../../../src/sync/invite';
import { roomKeys } from '../../../src/core/channel/room-keys';
import { hubSocketUrl, normaliseHub } from '../../../src/sync/room';

const root = `${'A'.repeat(42)}Q.${'b_-'.repeat(14)}c`;
const invite = { workshopId: 'k1b910ocw793hzqp', secret: 'a'.repeat(32), hub: 'http://192.168.1.20:8787', title: 'TWG & partners', root };

describe('invite links', () => {
  it('carry workshop, secret, hub, title and the facilitator\'s public keys in the fragment only, and read back', () => {
    const link = inviteLink('http://192.168.1.20:8787/#/w/old', invite);
    const url = new URL(link);
    expect(url.search).toBe('');
    expect(url.hash.startsWith('#/join?')).toBe(true);
    expect(parseInvite(url.hash.slice('#/join'.length))).toEqual(invite);
  });

  it('carry several hubs of an organisation, the first tried first, and an old one-hub link reads as before', () => {
    const fallbackHubs = ['https://hub2.example.org', 'https://hub3.example.org'];
    const link = inviteLink('https://hub1.example.org/', { ...invite, hub: 'https://hub1.example.org', fallbackHubs });
    expect(new URL(link).hash.match(/[?&]h=/g)).toHaveLength(3);
    expect(parseInvite(new URL(link).hash.slice(7))).toEqual({ ...invite, hub: 'https://hub1.example.org', fallbackHubs });
    const old = `w=${invite.workshopId}&s=${invite.secret}&h=${encodeURIComponent(invite.hub)}`;
    expect(parseInvite(old)).toEqual({ ...invite, title: '', root: null });
    expect(parseInvite(`${old}&h=ftp://x`)).toBeNull();
  });

  it('work without a hub (peers only)', () => {
    const link = inviteLink('https://example.org/app/', { ...invite, hub: null });
    expect(link.startsWith('https://example.org/app/#/join?')).toBe(true);
    expect(parseInvite(new URL(link).hash.slice(7))).toEqual({ ...invite, hub: null });
  });

  it('refuse incomplete or tampered links', () => {
    expect(parseInvite('')).toBeNull();
    expect(parseInvite('w=abc')).toBeNull();
    expect(parseInvite(`w=${invite.workshopId}`)).toBeNull();
    expect(parseInvite(`w=../etc&s=${invite.secret}`)).toBeNull();
    expect(parseInvite(`w=${invite.workshopId}&s=${invite.secret}&h=javascript:alert(1)`)).toBeNull();
    expect(parseInvite(`w=${invite.workshopId}&s=${invite.secret}&f=${root.slice(1)}`)).toBeNull();
    expect(parseInvite(`w=${invite.workshopId}&s=${invite.secret}&f=${root}.${root}`)).toBeNull();
  });

  it('read links made before facilitation, which name no facilitator', () => {
    expect(parseInvite(`w=${invite.workshopId}&s=${invite.secret}`)?.root).toBeNull();
  });

  it('cap an overlong title', () => {
    const parsed = parseInvite(`w=${invite.workshopId}&s=${invite.secret}&t=${'x'.repeat(500)}`);
    expect(parsed?.title).toHaveLength(120);
  });
});

describe('rooms and hub addresses', () => {
  it('name the room from the secret, so the workshop id alone names nothing', () => {
    const { room, auth } = roomKeys('abc123', 's'.repeat(32));
    expect(room).toMatch(/^cg-[0-9a-f]{32}$/);
    expect(room).not.toContain('abc123');
    expect(roomKeys('abc123', 't'.repeat(32)).room).not.toBe(room);
    expect(roomKeys('abc124', 's'.repeat(32)).room).not.toBe(room);
    expect(roomKeys('abc123', 's'.repeat(32))).toEqual({ room, auth });
    expect(auth).toHaveLength(32);
  });

  it('derive ws and wss endpoints from the hub origin', () => {
    expect(hubSocketUrl('http://10.0.0.2:8787', '/sync')).toBe('ws://10.0.0.2:8787/sync');
    expect(hubSocketUrl('https://hub.example/', '/signal')).toBe('wss://hub.example/signal');
  });

  it('normalise what a person types as a hub address', () => {
    expect(normaliseHub(' 192.168.1.5:8787 ')).toBe('http://192.168.1.5:8787');
    expect(normaliseHub('https://x.org/path?q')).toBe('https://x.org');
    expect(normaliseHub('ftp://x')).toBeNull();
    expect(normaliseHub('')).toBeNull();
  });
});
