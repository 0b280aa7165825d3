/* Base64 without Node's Buffer, so backups encode the same in the browser and in tests. */

/** Enough bytes per `String.fromCharCode` call to be quick, few enough to stay within the
 *  engine's limit on arguments. */
const CHUNK = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** Decodes base64 already checked against `BASE64` (anything else makes `atob` throw). */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The base64 alphabet with padding only at the end; the length is checked separately, since a
 *  wrong length means a cut-off file rather than a foreign one. */
export const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
