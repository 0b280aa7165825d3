import { X509Certificate } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { hostname, type NetworkInterfaceInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CA_CERT_FILE, CA_KEY_FILE, certificateNames, HUB_CERT_FILE, HUB_KEY_FILE, localTls, machineNames } from '../../../src/hub/certificates';
import { cleanUp, tempDir } from './helpers';

afterEach(cleanUp);

const info = (address: string, family: 'IPv4' | 'IPv6', internal = false) =>
  ({ address, family, internal, netmask: '', mac: '', cidr: null, ...(family === 'IPv6' ? { scopeid: 0 } : {}) }) as NetworkInterfaceInfo;

const INTERFACES = {
  lo: [info('127.0.0.1', 'IPv4', true), info('::1', 'IPv6', true)],
  wlan0: [info('192.168.1.20', 'IPv4'), info('fd00::20', 'IPv6')],
  ap0: [info('10.42.0.1', 'IPv4')],
};

describe('the names of this computer', () => {
  it('are its outside addresses, IPv4 and IPv6, loopback, its host name and mDNS name, and the extra ones', () => {
    expect(machineNames(['Hub.Example.org'], INTERFACES, 'Laptop')).toEqual([
      'localhost', '127.0.0.1', '::1', 'laptop', 'laptop.local', '192.168.1.20', 'fd00::20', '10.42.0.1', 'hub.example.org',
    ]);
  });
});

describe('the hub\'s own certificates (--https)', () => {
  const events: string[] = [];
  const log = (event: string) => events.push(event);
  afterEach(() => { events.length = 0; });

  it('makes an authority and a certificate it signed for every name, kept only for the hub\'s user', async () => {
    const dir = tempDir('tls');
    const names = machineNames([], INTERFACES, 'laptop');
    const tls = await localTls(dir, names, log);
    expect(events).toEqual(['https-ca-created', 'https-certificate']);

    const ca = new X509Certificate(readFileSync(join(dir, CA_CERT_FILE)));
    const leaf = new X509Certificate(tls.cert);
    expect(ca.ca).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(Buffer.from(tls.ca.der)).toEqual(ca.raw);
    expect(tls.ca.name).toBe(`Common Ground hub on ${hostname()}`);
    for (const address of ['192.168.1.20', 'fd00::20', '10.42.0.1', '127.0.0.1']) expect(leaf.checkIP(address), address).toBe(address);
    for (const host of ['localhost', 'laptop', 'laptop.local']) expect(leaf.checkHost(host), host).toBe(host);
    expect(leaf.checkHost('example.org')).toBeUndefined();
    expect(leaf.keyUsage).toContain('1.3.6.1.5.5.7.3.1');
    for (const file of [CA_CERT_FILE, CA_KEY_FILE, HUB_CERT_FILE, HUB_KEY_FILE]) expect(statSync(join(dir, file)).mode & 0o777, file).toBe(0o600);
  });

  it('keeps both across starts while the names stay, whatever their order', async () => {
    const dir = tempDir('tls');
    const names = machineNames([], INTERFACES, 'laptop');
    const first = await localTls(dir, names, log);
    events.length = 0;
    const again = await localTls(dir, [...names].reverse(), log);
    expect(again).toEqual(first);
    expect(events).toEqual([]);
  });

  it('makes a new certificate when the addresses change, signed by the authority phones already trust', async () => {
    const dir = tempDir('tls');
    const first = await localTls(dir, machineNames([], INTERFACES, 'laptop'), log);
    events.length = 0;
    const moved = { ...INTERFACES, wlan0: [info('172.20.10.3', 'IPv4')] };
    const second = await localTls(dir, machineNames([], moved, 'laptop'), log);
    expect(events).toEqual(['https-certificate']);
    expect(second.ca).toEqual(first.ca);
    expect(second.cert).not.toBe(first.cert);
    const leaf = new X509Certificate(second.cert);
    expect(leaf.verify(new X509Certificate(Buffer.from(first.ca.der)).publicKey)).toBe(true);
    expect(leaf.checkIP('172.20.10.3')).toBe('172.20.10.3');
    expect(leaf.checkIP('192.168.1.20')).toBeUndefined();
    expect(certificateNames(second.cert)).toContain('172.20.10.3');
  });

  it('makes a new authority when its key is lost, and a certificate it signed', async () => {
    const dir = tempDir('tls');
    const names = machineNames([], INTERFACES, 'laptop');
    const first = await localTls(dir, names, log);
    rmSync(join(dir, CA_KEY_FILE));
    events.length = 0;
    const second = await localTls(dir, names, log);
    expect(events).toEqual(['https-ca-created', 'https-certificate']);
    expect(second.ca.der).not.toEqual(first.ca.der);
    expect(new X509Certificate(second.cert).verify(new X509Certificate(Buffer.from(second.ca.der)).publicKey)).toBe(true);
  });
});
