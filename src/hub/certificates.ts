// The side effect tsyringe (inside @peculiar/x509) needs before it loads: its decorators read
// type metadata through Reflect.
import 'reflect-metadata';
import {
  BasicConstraintsExtension, ExtendedKeyUsage, ExtendedKeyUsageExtension, KeyUsageFlags, KeyUsagesExtension,
  PemConverter, SubjectAlternativeNameExtension, SubjectKeyIdentifierExtension, X509Certificate, X509CertificateGenerator,
} from '@peculiar/x509';
import { randomBytes, webcrypto } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { hostname, networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { writeDurably } from './data-dir';
import type { Log } from './log';

/** The files `--https` keeps in the data directory, beside the workshops. */
export const CA_CERT_FILE = 'https-ca.pem';
export const CA_KEY_FILE = 'https-ca.key';
export const HUB_CERT_FILE = 'https-hub.pem';
export const HUB_KEY_FILE = 'https-hub.key';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 24 * 60 * 60 * 1000;
/** Phones trust a root they were told to for as long as it lasts: ten years, so a workshop series
 *  never has to install it again. */
const CA_DAYS = 3650;
/** iOS refuses a server certificate valid for more than 825 days even under a root a person
 *  installed; 397 days is what every browser accepts. */
const HUB_DAYS = 397;
/** A certificate closer than this to its end is replaced at start, not in the middle of a workshop. */
const RENEW_DAYS = 30;

export interface LocalTls {
  /** PEM, for Node's https server. */
  cert: string;
  key: string;
  /** The authority's certificate as phones install it (DER), and the name they list it by. */
  ca: { der: Uint8Array; name: string };
}

/** The names a certificate for this computer must carry: every address other devices may use
 *  (IPv4 and IPv6, virtual bridges too: a hotspot can be one), the loopback ones, its host name
 *  and its mDNS name. `extra` adds names the computer does not know it has (a DNS entry). */
export function machineNames(extra: readonly string[] = [], interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(), host = hostname()): string[] {
  const addresses = Object.values(interfaces).flatMap((infos) => (infos ?? []).filter((info) => !info.internal).map((info) => info.address));
  const hostNames = host && !isIP(host) ? [host.toLowerCase(), `${host.toLowerCase().split('.')[0]}.local`] : [];
  return [...new Set(['localhost', '127.0.0.1', '::1', ...hostNames, ...addresses, ...extra.map((n) => n.toLowerCase())])];
}

const sameNames = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** The names a certificate is for (its subject alternative names). */
export function certificateNames(pem: string): string[] {
  const extension = new X509Certificate(pem).getExtension(SubjectAlternativeNameExtension);
  return extension ? extension.names.items.map((name) => name.value) : [];
}

const serial = () => {
  const bytes = randomBytes(16);
  bytes[0]! &= 0x7f; // a positive number, as X.509 asks
  return bytes.toString('hex');
};

const keyPem = async (key: webcrypto.CryptoKey) => PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
const importKey = (pem: string) => webcrypto.subtle.importKey('pkcs8', PemConverter.decodeFirst(pem), ALGORITHM, true, ['sign']);
const readText = (path: string) => readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
  if (error.code === 'ENOENT') return null;
  throw error;
});
const write = (path: string, text: string) => writeDurably(path, new TextEncoder().encode(text));

interface Authority {
  cert: X509Certificate;
  key: webcrypto.CryptoKey;
}

/** The authority kept in `dir`, or a new one when there is none (or it is about to end). */
async function authority(dir: string, log: Log): Promise<{ authority: Authority; fresh: boolean }> {
  const [certPem, keyPem_] = await Promise.all([readText(join(dir, CA_CERT_FILE)), readText(join(dir, CA_KEY_FILE))]);
  if (certPem && keyPem_) {
    const cert = new X509Certificate(certPem);
    if (cert.notAfter.getTime() - Date.now() > RENEW_DAYS * DAY) return { authority: { cert, key: await importKey(keyPem_) }, fresh: false };
  }
  const keys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const now = Date.now();
  const cert = await X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=Common Ground hub on ${hostname() || 'this computer'}, O=Common Ground`,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + CA_DAYS * DAY),
    signingAlgorithm: ALGORITHM,
    keys,
    extensions: [
      new BasicConstraintsExtension(true, 0, true),
      new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true),
      await SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  // The key first: a certificate without its key would be kept and be useless.
  await write(join(dir, CA_KEY_FILE), await keyPem(keys.privateKey));
  await write(join(dir, CA_CERT_FILE), cert.toString('pem'));
  log('https-ca-created', `a new certificate authority in ${join(dir, CA_CERT_FILE)}: phones must install it (open /ca)`);
  return { authority: { cert, key: keys.privateKey }, fresh: true };
}

async function issue(ca: Authority, names: readonly string[]): Promise<{ cert: string; key: string }> {
  const keys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const now = Date.now();
  const cert = await X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: 'CN=Common Ground hub',
    issuer: ca.cert.subject,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + HUB_DAYS * DAY),
    signingAlgorithm: ALGORITHM,
    publicKey: keys.publicKey,
    signingKey: ca.key,
    extensions: [
      new BasicConstraintsExtension(false, undefined, true),
      new KeyUsagesExtension(KeyUsageFlags.digitalSignature, true),
      new ExtendedKeyUsageExtension([ExtendedKeyUsage.serverAuth]),
      new SubjectAlternativeNameExtension(names.map((name) => ({ type: isIP(name) ? 'ip' as const : 'dns' as const, value: name }))),
      await SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert: cert.toString('pem'), key: await keyPem(keys.privateKey) };
}

/** `--https`: a certificate authority made once and kept in `dir` (phones install it once), and a
 *  certificate it signed for `names`, made again when the names change (another Wi-Fi, another
 *  address), when it nears its end, or when the authority is new. */
export async function localTls(dir: string, names: readonly string[], log: Log): Promise<LocalTls> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const { authority: ca, fresh } = await authority(dir, log);
  const [certPem, key] = await Promise.all([readText(join(dir, HUB_CERT_FILE)), readText(join(dir, HUB_KEY_FILE))]);
  const caInfo = { der: new Uint8Array(ca.cert.rawData), name: ca.cert.subjectName.getField('CN')[0] ?? ca.cert.subject };
  if (!fresh && certPem && key) {
    const cert = new X509Certificate(certPem);
    const current = cert.issuer === ca.cert.subject && await cert.verify({ publicKey: ca.cert.publicKey, signatureOnly: true })
      && cert.notAfter.getTime() - Date.now() > RENEW_DAYS * DAY && sameNames(certificateNames(certPem), names);
    if (current) return { cert: certPem, key, ca: caInfo };
  }
  const made = await issue(ca, names);
  await write(join(dir, HUB_KEY_FILE), made.key);
  await write(join(dir, HUB_CERT_FILE), made.cert);
  log('https-certificate', `for ${names.join(', ')}`);
  return { ...made, ca: caInfo };
}
