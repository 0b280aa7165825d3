import { describe, expect, it } from 'vitest';
import { certificatePage, inviteBases } from '../../../src/app/invite';

const at = (url: string) => new URL(url) as unknown as Location;
const HTTPS_HUB = { origin: 'https://localhost:8787', lan: ['https://192.168.1.20:8787/', 'https://10.42.0.1:8787/'], ca: true };

describe('the invite of a hub started with --https', () => {
  it('hands out its https LAN addresses to a facilitator on localhost', () => {
    expect(inviteBases(HTTPS_HUB, at('https://localhost:8787/'))).toEqual(HTTPS_HUB.lan);
  });

  it('names the page that installs its certificate, at the address chosen for the invite', () => {
    expect(certificatePage('https://10.42.0.1:8787/', HTTPS_HUB)).toBe('https://10.42.0.1:8787/ca');
    expect(certificatePage('http://192.168.1.20:8787/', { ...HTTPS_HUB, ca: false })).toBeNull();
    expect(certificatePage('http://192.168.1.20:8787/', null)).toBeNull();
  });
});
