import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import { share } from './structural-share';

/** A query re-run on every change it subscribes to; what did not change keeps its identity. */
class SharedView<T> {
  readonly #subscribe: () => void;
  readonly #value: T;
  #last: T | undefined;
  constructor(subscribe: (update: () => void) => () => void, query: () => T) {
    this.#subscribe = createSubscriber(subscribe);
    this.#value = $derived.by(() => {
      this.#subscribe();
      this.#last = share(this.#last, query());
      return this.#last;
    });
  }
  get current(): T { return this.#value; }
}

/** A reactive window on Yjs types: reading `current` in a template or `$derived` subscribes to
 *  the types and everything below them; the query re-runs only while something reads it. */
export class YView<T> extends SharedView<T> {
  constructor(types: Y.AbstractType<any> | readonly Y.AbstractType<any>[], query: () => T) {
    const list = Array.isArray(types) ? types : [types];
    super((update) => {
      for (const type of list) type.observeDeep(update);
      return () => { for (const type of list) type.unobserveDeep(update); };
    }, query);
  }
}

/** Like `YView`, for a query that reads several root types: it re-runs after any change. */
export class DocView<T> extends SharedView<T> {
  constructor(doc: Y.Doc, query: () => T) {
    super((update) => {
      doc.on('update', update);
      return () => doc.off('update', update);
    }, query);
  }
}
