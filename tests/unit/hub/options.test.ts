import type { NetworkInterfaceInfo } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { banner, hubUrls } from '../../../src/hub/banner';
import { DEFAULT_LIMITS } from '../../../src/hub/limits';
import { parseOptions, wantsHelp } from '../../../src/hub/options';

const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseOptions(argv, env, '/app/dist');

describe('hub options', () => {
  it('serves the whole LAN on 8787 and keeps workshops in .hub-data by default', () => {
    expect(parse([])).toEqual({ port: 8787, host: '0.0.0.0', root: '/app/dist', data: resolve('.hub-data'), limits: DEFAULT_LIMITS });
  });

  it('takes --port and --host, as two words or with =, and PORT from the environment', () => {
    expect(parse(['--port', '9000', '--host', '127.0.0.1'])).toMatchObject({ port: 9000, host: '127.0.0.1' });
    expect(parse(['--port=9001', '--host=::'])).toMatchObject({ port: 9001, host: '::' });
    expect(parse([], { PORT: '9002' }).port).toBe(9002);
    expect(parse(['--port', '9003'], { PORT: '9002' }).port).toBe(9003);
    expect(parse([], { PORT: '' }).port).toBe(8787);
    expect(parse(['--port', '0']).port).toBe(0);
  });

  it('takes --data, --root, and --cert with --key, as absolute paths', () => {
    expect(parse(['--data', 'room-a', '--root', '/srv/app'])).toMatchObject({ data: resolve('room-a'), root: '/srv/app' });
    expect(parse(['--cert', 'c.pem', '--key', 'k.pem'])).toMatchObject({ cert: resolve('c.pem'), key: resolve('k.pem') });
  });

  it('takes --https, with more names for its certificate in --https-names', () => {
    expect(parse(['--https'])).toMatchObject({ https: { names: [] } });
    expect(parse(['--https', '--https-names', 'hub.example.org, lan.test'])).toMatchObject({ https: { names: ['hub.example.org', 'lan.test'] } });
    expect(parse([]).https).toBeUndefined();
    expect(() => parse(['--https', '--cert', 'c.pem', '--key', 'k.pem'])).toThrow('--https makes its own certificate');
    expect(() => parse(['--https-names', 'lan.test'])).toThrow('--https-names goes with --https');
    expect(() => parse(['--https', '--https-names', 'a b'])).toThrow('not "a b"');
  });

  it('takes the limits, sizes with K, M or G', () => {
    expect(parse(['--max-update', '512K', '--max-room=8M', '--max-stored', '2G', '--max-rooms', '50',
      '--max-sockets-per-address', '6', '--max-sockets', '100']).limits).toEqual({
      maxUpdateBytes: 512 * 1024, maxRoomBytes: 8 * 1024 ** 2, maxStoredBytes: 2 * 1024 ** 3, maxRooms: 50,
      maxSocketsPerAddress: 6, maxSockets: 100,
    });
    expect(parse(['--max-update', '4096']).limits.maxUpdateBytes).toBe(4096);
    expect(() => parse(['--max-update', '4 tons'])).toThrow('--max-update must be a size such as 4M or 512K above 0, not "4 tons"');
    expect(() => parse(['--max-rooms', '0'])).toThrow('--max-rooms must be a whole number above 0, not "0"');
    expect(() => parse(['--max-sockets', '2K'])).toThrow('not "2K"');
  });

  it('takes Redis, Postgres and a fixed pairing code from flags or the environment, and --trust-proxy', () => {
    const org = parse(['--redis', 'redis://10.0.0.5:6379', '--database=postgres://hub@db/cg', '--pairing-code', 'ABCD-EFGH-JKMN-PQRS', '--trust-proxy']);
    expect(org).toMatchObject({ redis: 'redis://10.0.0.5:6379', database: 'postgres://hub@db/cg', pairingCode: 'ABCD-EFGH-JKMN-PQRS', trustProxy: true });
    expect(parse([], { REDIS_URL: 'redis://r', DATABASE_URL: 'postgresql://d/cg', PAIRING_CODE: 'ABCD-EFGH-JKMN-PQRS', TRUST_PROXY: '1' }))
      .toMatchObject({ redis: 'redis://r', database: 'postgresql://d/cg', pairingCode: 'ABCD-EFGH-JKMN-PQRS', trustProxy: true });
    expect(parse(['--redis', 'redis://flag'], { REDIS_URL: 'redis://env' }).redis).toBe('redis://flag');
    expect(parse([])).not.toHaveProperty('trustProxy');
    expect(() => parse(['--database', 'mysql://x/y'])).toThrow('--database must be a URL such as postgres://');
    expect(() => parse(['--redis', 'localhost:6379'])).toThrow('--redis must be a URL such as redis://');
    expect(() => parse(['--pairing-code', 'secret'])).toThrow('--pairing-code must have at least 16 letters and digits');
  });

  it('refuses what it cannot honour, saying why', () => {
    expect(() => parse(['--port', 'abc'])).toThrow('--port must be a whole number from 0 to 65535, not "abc"');
    expect(() => parse(['--port', '70000'])).toThrow('not "70000"');
    expect(() => parse([], { PORT: '1.5' })).toThrow('not "1.5"');
    expect(() => parse(['--cert', 'c.pem'])).toThrow('--cert and --key go together');
    expect(() => parse(['--key', 'k.pem'])).toThrow('--cert and --key go together');
    expect(() => parse(['--prot', '9000'])).toThrow('unknown option "--prot"');
    expect(() => parse(['9000'])).toThrow('unknown option "9000"');
    expect(() => parse(['--data'])).toThrow('--data needs a value');
    expect(() => parse(['--data', '--port', '9000'])).toThrow('--data needs a value');
  });

  it('recognises --help and -h', () => {
    expect(wantsHelp(['--port', '1', '--help'])).toBe(true);
    expect(wantsHelp(['-h'])).toBe(true);
    expect(wantsHelp([])).toBe(false);
  });
});

const iface = (address: string, internal = false): NetworkInterfaceInfo => address.includes(':')
  ? { address, family: 'IPv6', internal, netmask: 'ffff:ffff:ffff:ffff::', mac: '00:00:00:00:00:00', cidr: null, scopeid: 0 }
  : { address, family: 'IPv4', internal, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: null };

describe('the addresses the hub prints', () => {
  const interfaces = {
    lo: [iface('127.0.0.1', true)],
    docker0: [iface('172.17.0.1')],
    wlan0: [iface('192.168.1.20'), iface('fe80::1')],
  };

  it('lists the room\'s networks, real ones before container bridges, when listening everywhere', () => {
    expect(hubUrls('0.0.0.0', 8787, false, interfaces)).toEqual({
      local: 'http://localhost:8787/',
      lan: ['http://192.168.1.20:8787/', 'http://172.17.0.1:8787/'],
    });
    expect(hubUrls('0.0.0.0', 8443, true, interfaces).lan[0]).toBe('https://192.168.1.20:8443/');
  });

  it('offers no room address when listening on loopback, and only that address on one interface', () => {
    expect(hubUrls('127.0.0.1', 9000, false, interfaces)).toEqual({ local: 'http://127.0.0.1:9000/', lan: [] });
    expect(hubUrls('192.168.1.20', 9000, false, interfaces)).toEqual({ local: null, lan: ['http://192.168.1.20:9000/'] });
  });

  it('shows a QR code of the first room address, the pairing code, and where workshops are kept', () => {
    const text = banner(hubUrls('0.0.0.0', 8787, false, interfaces), '/home/f/.hub-data', 'AB12-CD34-EF56-GH78');
    expect(text).toContain('Pairing code:           AB12-CD34-EF56-GH78');
    expect(text).toContain('On the room\'s network:  http://192.168.1.20:8787/');
    expect(text).toContain('Scan to open http://192.168.1.20:8787/');
    expect(text).toContain('/home/f/.hub-data');
    expect(text).toMatch(/[▀▄█]{10}/);
  });

  it('with --https, points the QR code at the page that installs the hub\'s certificate', () => {
    const text = banner(hubUrls('0.0.0.0', 8787, true, interfaces), '/d', 'AB12-CD34-EF56-GH78', '/ca');
    expect(text).toContain('On the room\'s network:  https://192.168.1.20:8787/');
    expect(text).toContain('Scan to open https://192.168.1.20:8787/ca');
  });

  it('falls back to the local address, and says why phones cannot reach it', () => {
    const text = banner(hubUrls('127.0.0.1', 9000, false, interfaces), '/d', 'AB12-CD34-EF56-GH78');
    expect(text).toContain('Scan to open http://127.0.0.1:9000/');
    expect(text).toContain('No address other devices can reach');
  });
});
