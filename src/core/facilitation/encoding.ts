import { fromBase64UrlEncoded, toBase64UrlEncoded } from 'lib0/buffer';

/** Keys, signatures and sealed notes travel in the document and in links as text: base64url
 *  without padding (RFC 4648 §5), safe in URL fragments and Y.Map keys. */
export const toBase64url = (bytes: Uint8Array): string => toBase64UrlEncoded(bytes);

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The bytes of a base64url text, or undefined when it is not the one canonical encoding of
 *  some bytes: a key or signature then has exactly one spelling, so equal keys compare equal.
 *  The decoders underneath are lenient (Node skips stray characters, `atob` ignores spare bits),
 *  hence the checks around them. */
export function fromBase64url(text: string): Uint8Array | undefined {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined;
  const bytes = fromBase64UrlEncoded(text);
  return toBase64url(bytes) === text ? bytes : undefined;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON with object keys sorted at every level: a signer and a verifier who built the same value
 *  in different key orders must hash the same bytes. */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError(`not JSON: ${value}`);
  return JSON.stringify(value);
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Whether a value read from the document is plain JSON, as a peer may have written anything. */
export function isJson(value: unknown, depth = 0): value is Json {
  if (depth > 8) return false;
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isJson(v, depth + 1));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value).every((v) => isJson(v, depth + 1));
  }
  return false;
}
