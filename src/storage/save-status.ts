import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';

/** What the device has written to IndexedDB: the UI shows "Saving…" while `pending` > 0 and a
 *  specific message when a write failed, so nobody walks away from an unsaved contribution. */
export interface SaveState {
  pending: number;
  error: SaveError | null;
}

export type SaveError = 'quota' | 'write-failed';

export class SaveStatus {
  #state: SaveState = { pending: 0, error: null };
  readonly #listeners = new Set<(s: SaveState) => void>();
  /** Documents with an update that did not reach IndexedDB: they need a full re-save. */
  readonly unsaved = new Set<string>();

  get state(): SaveState { return this.#state; }

  subscribe(listener: (s: SaveState) => void): () => void {
    this.#listeners.add(listener);
    listener(this.#state);
    return () => this.#listeners.delete(listener);
  }

  #set(next: Partial<SaveState>): void {
    this.#state = { ...this.#state, ...next };
    this.#listeners.forEach((l) => l(this.#state));
  }

  /** Resolves once every write started so far has landed (or failed). */
  settled(): Promise<void> {
    if (this.#state.pending === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const stop = this.subscribe((s) => {
        if (s.pending === 0) { queueMicrotask(() => stop()); resolve(); }
      });
    });
  }

  clearError(): void { this.#set({ error: null }); }

  /** A Dexie DBCore middleware that counts every mutation on its way to IndexedDB. */
  middleware(isDocUpdates: (table: string) => boolean): Middleware<DBCore> {
    return {
      stack: 'dbcore',
      name: 'saveStatus',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (req: DBCoreMutateRequest) => {
              this.#set({ pending: this.#state.pending + 1 });
              return table.mutate(req).then(
                (res) => { this.#set({ pending: this.#state.pending - 1 }); return res; },
                (error: unknown) => {
                  if (isDocUpdates(name) && (req.type === 'add' || req.type === 'put')) {
                    for (const row of req.values as { k?: unknown }[]) if (typeof row.k === 'string') this.unsaved.add(row.k);
                  }
                  this.#set({ pending: this.#state.pending - 1, error: isQuota(error) ? 'quota' : 'write-failed' });
                  throw error;
                },
              );
            },
          };
        },
      }),
    };
  }
}

export function isQuota(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string } } | null;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
}
