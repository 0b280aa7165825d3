/** Positions are fractional numbers: a move writes one field of the moved entry, so it never
 *  races an edit of its text or a move of another entry. Shared by items, clusters and proposals. */
export interface Ordered {
  id: string;
  order: number;
}

/** After the last of `list`, or 1 on an empty list. */
export const nextOrder = (list: readonly { order: number }[]): number =>
  list.reduce((max, e) => Math.max(max, e.order), 0) + 1;

export const byOrder = (a: Ordered, b: Ordered): number => a.order - b.order || a.id.localeCompare(b.id);

/** Whether `toIndex` is a slot among `count` entries (0 = first, `count` = after the last). */
export const isSlot = (toIndex: number, count: number): boolean =>
  Number.isInteger(toIndex) && toIndex >= 0 && toIndex <= count;

/** Writes the order that puts one entry at slot `toIndex` of `others` (sorted, without it), through
 *  `setOrder`, inside the caller's transaction. Halving runs out of float precision after ~50
 *  moves into one gap: then the others are renumbered as well. */
export function placeAt(
  others: readonly Ordered[], toIndex: number, id: string, setOrder: (id: string, order: number) => void,
): void {
  const before = others[toIndex - 1]?.order;
  const after = others[toIndex]?.order;
  const order = before === undefined ? (after === undefined ? 1 : after - 1) : after === undefined ? before + 1 : (before + after) / 2;
  if (order === before || order === after) {
    others.forEach((o, i) => setOrder(o.id, i < toIndex ? i : i + 1));
    setOrder(id, toIndex);
  } else {
    setOrder(id, order);
  }
}
