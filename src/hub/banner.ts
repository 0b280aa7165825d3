import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { renderUnicodeCompact } from 'uqr';

export interface HubUrls {
  /** For the laptop itself, or null when the hub listens on one LAN address only. */
  local: string | null;
  /** For the other devices in the room, best guess first. */
  lan: string[];
}

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/** Container and VPN bridges look like networks too, but no phone in the room is on them. */
const VIRTUAL = /^(docker|br-|veth|virbr|vboxnet|vmnet|utun|tun|tap|zt|tailscale|wg)/i;
const ANY_ADDRESS = new Set(['0.0.0.0', '::']);
const LOOPBACK = /^(127\.|::1$|localhost$)/;

/** IPv4 addresses other devices can reach, real interfaces before virtual ones. */
function lanAddresses(interfaces: Interfaces): string[] {
  return Object.entries(interfaces)
    .flatMap(([name, infos]) => (infos ?? [])
      .filter((info) => info.family === 'IPv4' && !info.internal)
      .map((info) => ({ address: info.address, virtual: VIRTUAL.test(name) })))
    .sort((a, b) => Number(a.virtual) - Number(b.virtual))
    .map((a) => a.address);
}

/** The addresses people can open, given where the hub listens. */
export function hubUrls(host: string, port: number, secure: boolean, interfaces: Interfaces = networkInterfaces()): HubUrls {
  const url = (h: string) => `${secure ? 'https' : 'http'}://${h.includes(':') ? `[${h}]` : h}:${port}/`;
  if (ANY_ADDRESS.has(host)) return { local: url('localhost'), lan: lanAddresses(interfaces).map(url) };
  if (LOOPBACK.test(host)) return { local: url(host), lan: [] };
  return { local: null, lan: [url(host)] };
}

const indent = (text: string) => text.split('\n').map((line) => `  ${line}`).join('\n');

/** What the facilitator sees in the terminal: where to point phones, a QR code for the first
 *  room address (with `--https`, for its page that installs the hub's certificate first), and
 *  where the workshops are kept. */
export function banner(urls: HubUrls, dataDir: string, pairingCode: string, caPage: string | null = null): string {
  const first = urls.lan[0] ?? urls.local ?? '';
  const target = caPage && first ? new URL(caPage, first).href : first;
  const lines = ['Common Ground hub is running.'];
  if (urls.local) lines.push(`  On this computer:       ${urls.local}`);
  for (const url of urls.lan) lines.push(`  On the room's network:  ${url}`);
  if (urls.lan.length === 0) {
    lines.push('  No address other devices can reach: join the room\'s Wi-Fi (or start a hotspot), listen on');
    lines.push('  every network (the default, --host 0.0.0.0), and restart the hub.');
  }
  lines.push('', indent(renderUnicodeCompact(target, { border: 2 })), '');
  lines.push(`  Scan to open ${target}`);
  if (caPage) lines.push('    (each phone installs this hub\'s certificate there once; then the app opens on it even while the hub is off)');
  lines.push(`  Pairing code:           ${pairingCode}`);
  lines.push('    (a facilitator on another computer enters it in the app: Invite, then "Register this workshop with a hub")');
  lines.push(`  Relayed workshops are kept in ${dataDir}`);
  lines.push('  Stop with Ctrl+C (workshops are saved first).');
  return lines.join('\n');
}
