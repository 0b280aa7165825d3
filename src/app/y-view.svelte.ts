import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';

/** A reactive window on a Yjs type: reading `current` in a template or `$derived` subscribes to
 *  the type and everything below it; the query re-runs only while something reads it. */
export class YView<T> {
  readonly #subscribe: () => void;
  readonly #value: T;
  constructor(type: Y.AbstractType<any>, query: () => T) {
    this.#subscribe = createSubscriber((update) => {
      type.observeDeep(update);
      return () => type.unobserveDeep(update);
    });
    this.#value = $derived.by(() => (this.#subscribe(), query()));
  }
  get current(): T { return this.#value; }
}

/** Like `YView`, for a query that reads several root types: it re-runs after any change. */
export class DocView<T> {
  readonly #subscribe: () => void;
  readonly #value: T;
  constructor(doc: Y.Doc, query: () => T) {
    this.#subscribe = createSubscriber((update) => {
      doc.on('update', update);
      return () => doc.off('update', update);
    });
    this.#value = $derived.by(() => (this.#subscribe(), query()));
  }
  get current(): T { return this.#value; }
}
