import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, viaProxy } from '../../../src/hub/client-address';

const request = (forwarded?: string) => ({ socket: { remoteAddress: '127.0.0.1' }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as unknown as IncomingMessage;

describe('the address a socket counts against', () => {
  it('is the socket\'s own unless the hub trusts its proxy, and then the last address the proxy appended', () => {
    expect(clientAddress(request('203.0.113.1'), false)).toBe('127.0.0.1');
    expect(clientAddress(request('198.51.100.9, 203.0.113.1'), true)).toBe('203.0.113.1');
    expect(clientAddress(request(), true)).toBe('127.0.0.1');
  });

  it('is never this computer when a proxy passed the request on, so a loopback proxy lets nobody register without the code', () => {
    expect(viaProxy(request('203.0.113.1'))).toBe(true);
    expect(viaProxy(request(''))).toBe(false);
    expect(viaProxy(request())).toBe(false);
  });
});
