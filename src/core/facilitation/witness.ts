import type * as Y from 'yjs';
import { homeOf, RECORD_MAPS, recordMapOf, type RecordMap } from './controls';
import { heldRoleAt, rosterOf, type Roster } from './roster';
import { bySeq, readRecord, type SignedRecord } from './signature';

/** What a device keeps of the records it has seen, per map and home key, stored with the
 *  workshop on the device so a rollback that arrives while it is closed is undone at the next
 *  open. */
export type Witnessed = Record<RecordMap, [string, SignedRecord][]>;

/** The validly signed records this device has seen, the newest per home (see `homeOf`). A
 *  modified client can delete a record, put an older genuine one back, or write another genuine
 *  record over it; the document alone cannot tell, so the device that saw the record restores
 *  it. A record is known by its own content, never by the key a peer stored it under. Only
 *  records whose signer held the role at their `seq` are kept, so junk signed by anyone's key
 *  costs nothing here. Trust lives here, never in the shared doc. */
export class RecordWitness {
  readonly #seen = new Map<RecordMap, Map<string, SignedRecord>>(RECORD_MAPS.map((map) => [map, new Map()]));

  constructor(private readonly root: string, kept?: Witnessed) {
    // What was kept had passed the role check when it was seen; its signatures are checked again.
    if (kept) for (const map of RECORD_MAPS) for (const [, raw] of kept[map] ?? []) this.#learn(map, raw);
  }

  get witnessed(): Witnessed {
    return { roles: [...this.#seen.get('roles')!], controls: [...this.#seen.get('controls')!] };
  }

  /** Remembers every signed record now in `doc` that counts, keeping the newest per home; true
   *  when something new was learnt. */
  see(doc: Y.Doc): boolean {
    const roster = rosterOf(doc, this.root);
    if (!roster) return false;
    let learnt = false;
    for (const map of RECORD_MAPS) for (const raw of recordMapOf(doc, map).values()) learnt = this.#learn(map, raw, roster) || learnt;
    return learnt;
  }

  #learn(map: RecordMap, raw: unknown, roster?: Roster): boolean {
    const record = readRecord(this.root, raw);
    if (!record || (roster && !heldRoleAt(roster, record.signer, record.seq))) return false;
    const home = homeOf(record);
    const seen = this.#seen.get(map)!;
    const held = seen.get(home.key);
    if (home.map !== map || (held && bySeq(held, record) >= 0)) return false;
    seen.set(home.key, record);
    return true;
  }

  /** The records seen whose home holds nothing as new in `doc`, wherever in its map a peer put
   *  the record. */
  #missing(doc: Y.Doc): { map: RecordMap; key: string; record: SignedRecord }[] {
    return RECORD_MAPS.flatMap((map) => {
      const held = new Map<string, SignedRecord>();
      for (const raw of recordMapOf(doc, map).values()) {
        const record = readRecord(this.root, raw);
        if (!record) continue;
        const { key } = homeOf(record);
        const other = held.get(key);
        if (!other || bySeq(other, record) < 0) held.set(key, record);
      }
      return [...this.#seen.get(map)!].flatMap(([key, record]) => {
        const now = held.get(key);
        return !now || bySeq(now, record) < 0 ? [{ map, key, record }] : [];
      });
    });
  }

  /** Puts back, in one transaction, what disappeared, was rolled back or was written over;
   *  nothing is written when the document already holds everything seen. */
  heal(doc: Y.Doc, origin: unknown): void {
    let missing = this.#missing(doc);
    if (missing.length === 0) return;
    doc.transact(() => {
      // A record put back in its home pushes out whatever a peer moved there, so look again:
      // each round settles homes for good, and a home is written only with what it should hold.
      for (; missing.length > 0; missing = this.#missing(doc)) {
        for (const { map, key, record } of missing) recordMapOf(doc, map).set(key, record);
      }
    }, origin);
  }
}

/** Keeps `doc`'s signed records as this device has seen them, from `kept` (what it stored
 *  before) on: every change to the records is witnessed, `keep` is told when there is something
 *  new to store, and whatever a peer removed or rolled back is put back. Returns the function
 *  that stops watching. */
export function guardRecords(doc: Y.Doc, root: string, origin: unknown, kept?: Witnessed, keep?: (w: Witnessed) => void): () => void {
  const witness = new RecordWitness(root, kept);
  const check = () => {
    if (witness.see(doc)) keep?.(witness.witnessed);
    witness.heal(doc, origin);
  };
  check();
  const maps = RECORD_MAPS.map((map) => recordMapOf(doc, map));
  for (const map of maps) map.observe(check);
  return () => { for (const map of maps) map.unobserve(check); };
}
