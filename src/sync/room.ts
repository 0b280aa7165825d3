/** Where a workshop's devices meet. Pure functions: used by the app and by tests. */

/** The hub's WebSocket endpoint for `path` ('/sync' or '/signal'), from its http(s) base URL. */
export function hubSocketUrl(hub: string, path: '/sync' | '/signal'): string {
  const url = new URL(hub);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = path;
  url.search = '';
  url.hash = '';
  return url.toString();
}

/** Normalises a hub address typed or scanned by a person: scheme, host and port only. */
export function normaliseHub(raw: string): string | null {
  const text = raw.trim();
  if (!text) return null;
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(text) && !/^https?:\/\//i.test(text)) return null;
  try {
    const url = new URL(/^https?:\/\//i.test(text) ? text : `http://${text}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}
