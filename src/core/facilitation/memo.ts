/** A bounded cache for pure, costly results (a signature check takes milliseconds on a phone and
 *  views re-run queries at every change). Emptied whole when full: simpler than LRU, and a
 *  refill costs one pass over the document. */
export function boundedCache<V>(limit: number): (key: string, compute: () => V) => V {
  const entries = new Map<string, V>();
  return (key, compute) => {
    if (entries.has(key)) return entries.get(key)!;
    if (entries.size >= limit) entries.clear();
    const value = compute();
    entries.set(key, value);
    return value;
  };
}
