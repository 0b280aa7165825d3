import { getContext, setContext, untrack } from 'svelte';

const KEY = Symbol('drafts');

/** Text someone is writing and has not saved yet (a note draft, an open edit). A reload would
 *  lose it, so the update prompt says so. Each text field holds one while it differs from the
 *  value it opened with. */
export class Drafts {
  #held = $state(0);

  get open(): boolean {
    return this.#held > 0;
  }

  /** Marks a draft as open; returns the function that marks it closed. Called from effects,
   *  which must not come to depend on the count they change. */
  hold(): () => void {
    untrack(() => this.#held++);
    return () => untrack(() => { this.#held--; });
  }

  provide(): this {
    setContext(KEY, this);
    return this;
  }
}

export const useDrafts = (): Drafts | undefined => getContext<Drafts | undefined>(KEY);
