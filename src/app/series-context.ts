import { getContext, setContext } from 'svelte';
import type { SeriesSession } from './series.svelte';

/** What a card needs to offer *Make an action*, *Decided* and *Park*: the open meeting's series
 *  (none while it opens, or for a workshop outside any series) and whether this device facilitates. */
export interface SeriesContext {
  series: SeriesSession | undefined;
  canManage: boolean;
}

const KEY = Symbol('series');

export const provideSeries = (get: () => SeriesContext): void => {
  setContext(KEY, get);
};

/** Call at a component's start; read the returned function where the current value is needed. */
export function useSeries(): () => SeriesContext {
  const get = getContext<(() => SeriesContext) | undefined>(KEY);
  return () => get?.() ?? { series: undefined, canManage: false };
}
