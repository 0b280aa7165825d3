import type * as Y from 'yjs';
import { DeletionWitness, restoreDeleted, type DeletedEntry } from '../core/deleted-entries';
import type { DeletedStore } from '../storage/deleted-store';
import { outcome, type Outcome } from './outcome';

/** The entries this device saw disappear from an open workshop's boards, kept with the workshop
 *  on this device, for facilitators to restore. It watches from the moment the workshop opens,
 *  whoever deletes, so a modified client's raw deletion is caught by every device that sees it. */
export class RecentlyDeleted {
  readonly #witness: DeletionWitness;
  /** Bumped on every change of the list: the witness holds plain data outside Svelte. */
  #version = $state(0);

  constructor(
    private readonly doc: Y.Doc, private readonly store: DeletedStore,
    private readonly workshopId: string, private readonly origin: unknown,
  ) {
    this.#witness = new DeletionWitness(doc, ({ added, back }) => {
      this.#version++;
      this.#save(added, back);
    });
    store.list(workshopId).then((kept) => {
      this.#save([], this.#witness.adopt(kept));
      this.#version++;
    }, () => {});
  }

  /** A failed write only loses the list for the next opening; the entries stay listed now. */
  #save(added: DeletedEntry[], back: string[]): void {
    if (added.length || back.length) void this.store.update(this.workshopId, added, back).catch(() => {});
  }

  /** Deleted entries of one board, the most recent first (reactive). */
  forBoard(boardId: string): DeletedEntry[] {
    void this.#version;
    return this.#witness.list(boardId);
  }

  restore(entry: DeletedEntry): Outcome {
    return outcome(restoreDeleted(this.doc, entry, this.origin));
  }

  /** Every deleted entry of a board back in one change, so one *Undo* takes them back again. */
  restoreAll(boardId: string): Outcome {
    let result: Outcome = null;
    this.doc.transact(() => {
      for (const entry of this.#witness.list(boardId)) result ??= this.restore(entry);
    }, this.origin);
    return result;
  }

  destroy(): void {
    this.#witness.destroy();
  }
}
