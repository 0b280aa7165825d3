import { getContext, setContext } from 'svelte';
import type { SeriesSession } from './series.svelte';

const KEY = Symbol('series');

/** The open meeting's series, for the cards that offer *Make an action*, *Decided* and *Park*
 *  (undefined while none is open, or the workshop belongs to none). */
export const provideSeries = (get: () => SeriesSession | undefined): void => {
  setContext(KEY, get);
};

export const useSeries = (): SeriesSession | undefined => getContext<(() => SeriesSession | undefined) | undefined>(KEY)?.();
