import type * as Y from 'yjs';
import { controlsOf } from './controls';
import { ROLE_KINDS, rolesOf } from './roster';
import { bySeq, readRecord, type SignedRecord } from './signature';

/** What a device keeps of the records it has seen, by map key, stored with the workshop on the
 *  device so a rollback that arrives while it is closed is undone at the next open. */
export interface Witnessed {
  roles: [string, SignedRecord][];
  controls: [string, SignedRecord][];
}

/** The validly signed records this device has seen, per map key. A modified client can delete a
 *  record or put an older genuine one back in its slot; the document alone cannot tell, so the
 *  device that saw the newer record restores it. Trust lives here, never in the shared doc. */
export class RecordWitness {
  readonly #roles = new Map<string, SignedRecord>();
  readonly #controls = new Map<string, SignedRecord>();

  constructor(private readonly root: string, kept?: Witnessed) {
    if (kept) this.#learn(kept.roles, kept.controls);
  }

  get witnessed(): Witnessed {
    return { roles: [...this.#roles], controls: [...this.#controls] };
  }

  /** Remembers every signed record now in `doc`, keeping the newest per control slot; true when
   *  something new was learnt. */
  see(doc: Y.Doc): boolean {
    return this.#learn(rolesOf(doc), controlsOf(doc));
  }

  #learn(roles: Iterable<[string, unknown]>, controls: Iterable<[string, unknown]>): boolean {
    let learnt = false;
    for (const [key, raw] of roles) {
      const record = readRecord(this.root, raw);
      if (!record || !(ROLE_KINDS as readonly string[]).includes(record.kind) || this.#roles.has(key)) continue;
      this.#roles.set(key, record);
      learnt = true;
    }
    for (const [key, raw] of controls) {
      const record = readRecord(this.root, raw);
      const held = this.#controls.get(key);
      if (!record || (held && bySeq(held, record) >= 0)) continue;
      this.#controls.set(key, record);
      learnt = true;
    }
    return learnt;
  }

  /** Puts back what disappeared or was replaced by an older record, in one transaction; nothing
   *  is written when the document already holds everything seen. */
  heal(doc: Y.Doc, origin: unknown): void {
    const roles = rolesOf(doc);
    const controls = controlsOf(doc);
    const missingRoles = [...this.#roles].filter(([key]) => readRecord(this.root, roles.get(key)) === undefined);
    const staleControls = [...this.#controls].filter(([key, record]) => {
      const now = readRecord(this.root, controls.get(key));
      return !now || bySeq(now, record) < 0;
    });
    if (missingRoles.length === 0 && staleControls.length === 0) return;
    doc.transact(() => {
      for (const [key, record] of missingRoles) roles.set(key, record);
      for (const [key, record] of staleControls) controls.set(key, record);
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
  const maps = [rolesOf(doc), controlsOf(doc)];
  for (const map of maps) map.observe(check);
  return () => { for (const map of maps) map.unobserve(check); };
}
