/** How this device connects, set by the build (public deployments) and by the person. */
export interface Transports {
  relay: boolean;
  peers: boolean;
}

const KEY = 'cg.transports';

/** Signaling servers baked into a public build (`VITE_SIGNALING=wss://a,wss://b`). */
export const BUILD_SIGNALING: string[] = String(import.meta.env.VITE_SIGNALING ?? '')
  .split(',').map((s) => s.trim()).filter(Boolean);

/** STUN/TURN servers, none unless configured (`VITE_ICE_SERVERS='[{"urls":"stun:..."}]'`). */
export const ICE_SERVERS: RTCIceServer[] = parseIceServers(String(import.meta.env.VITE_ICE_SERVERS ?? ''));

function parseIceServers(raw: string): RTCIceServer[] {
  if (!raw) return [];
  const parsed: unknown = JSON.parse(raw);
  if (!Array.isArray(parsed)) throw new Error('VITE_ICE_SERVERS must be a JSON array of RTCIceServer');
  return parsed as RTCIceServer[];
}

/** Per device, so a facilitator can test the room with one transport off. */
export function loadTransports(): Transports {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Transports>;
    return { relay: saved.relay !== false, peers: saved.peers !== false };
  } catch {
    return { relay: true, peers: true };
  }
}

export function saveTransports(transports: Transports): void {
  localStorage.setItem(KEY, JSON.stringify(transports));
}

export interface HubInfo {
  /** The origin the app was loaded from, when that server is a Common Ground hub. */
  origin: string;
  /** Addresses other devices in the room can open (the hub's LAN URLs). */
  lan: string[];
  /** The hub serves https with an authority of its own, which phones install from its /ca page. */
  ca: boolean;
}

/** Asks the server that served the app whether it is a hub (GET /healthz). */
export async function detectHub(timeoutMs = 2000): Promise<HubInfo | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch('/healthz', { cache: 'no-store', signal: controller.signal });
    if (!res.ok) return null;
    const body = (await res.json()) as { ok?: unknown; lan?: unknown; ca?: unknown };
    if (body.ok !== true) return null;
    const lan = Array.isArray(body.lan) ? body.lan.filter((u): u is string => typeof u === 'string') : [];
    return { origin: location.origin, lan, ca: body.ca === true };
  } catch {
    // Not served by a hub (a static host, or offline from the service worker): peers only.
    return null;
  } finally {
    clearTimeout(timer);
  }
}
