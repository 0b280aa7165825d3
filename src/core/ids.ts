/** Random ids: devices create items offline at the same time, so counters would collide.
 *  `crypto.randomUUID` exists only in secure contexts; `getRandomValues` works on plain http too.
 *  16 base-36 characters carry about 82 bits of randomness. */
export function newId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => (b % 36).toString(36)).join('');
}
