/** What the windowed lists on screen share: one measuring pass per frame for all of them, and a
 *  way for the rest of the app to bring an entry that may not be rendered into view. */

const measures = new Set<() => void>();
let frame = 0;

/** Measures every list in the next frame: after a scroll, a resize or any list changing height
 *  (a list below another moves when the one above grows). */
export function scheduleMeasure(): void {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    for (const measure of measures) measure();
  });
}

export interface WindowedHandle {
  list: HTMLElement;
  measure: () => void;
  /** Whether the list holds `key`; if so, brings it into view. */
  reveal: (key: string) => boolean;
  /** Brings the list's last item into view. */
  revealLast: () => Promise<void>;
}

const handles = new Set<WindowedHandle>();

export function register(handle: WindowedHandle): () => void {
  handles.add(handle);
  measures.add(handle.measure);
  return () => {
    handles.delete(handle);
    measures.delete(handle.measure);
  };
}

/** Brings the entry `key` into view in whichever list holds it, rendered or not (following the
 *  facilitator to a focused entry). Whether a list held it. */
export function revealEntry(key: string): boolean {
  for (const handle of handles) if (handle.reveal(key)) return true;
  return false;
}

/** Renders the end of the last windowed list inside `root` and brings it into view (where a new
 *  note lands). */
export async function revealListEnd(root: ParentNode): Promise<void> {
  const last = [...handles].filter((h) => root.contains(h.list))
    .sort((a, b) => (a.list.compareDocumentPosition(b.list) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1)).at(-1);
  await last?.revealLast();
}
