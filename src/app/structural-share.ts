type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
const idOf = (v: unknown): unknown => (isPlain(v) ? v.id : undefined);

/** Returns `next`, reusing every part of `prev` that is deeply equal to it. A view re-runs its
 *  whole query after any change below it; with this, the entries that did not change reach the
 *  screen as the very same objects, and Svelte skips them (a remote edit on a board of 2,000
 *  notes then updates one card, not 2,000). Entries of arrays are matched by `id` where they
 *  have one, so an insertion does not make every later entry look changed. */
export function share<T>(prev: unknown, next: T): T {
  if (Object.is(prev, next)) return prev as T;
  if (Array.isArray(prev) && Array.isArray(next)) {
    const byId = new Map(prev.filter((p) => idOf(p) !== undefined).map((p) => [idOf(p), p]));
    let same = prev.length === next.length;
    const out = next.map((n, i) => {
      const id = idOf(n);
      const shared = share(id === undefined ? prev[i] : byId.get(id), n);
      if (shared !== prev[i]) same = false;
      return shared;
    });
    return (same ? prev : out) as T;
  }
  if (isPlain(prev) && isPlain(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(prev).length;
    const out: Plain = {};
    for (const key of keys) {
      out[key] = share(prev[key], next[key]);
      if (out[key] !== prev[key] || !(key in prev)) same = false;
    }
    return (same ? prev : out) as T;
  }
  return next;
}
