import { MediaQuery } from 'svelte/reactivity';

/** Which layout the screen gets, at the one width the stylesheets also break at (900px): a laptop
 *  keeps boards as grids with their fields in place; a phone reads a board as a feed and writes
 *  in one composer docked at the bottom. Reactive: rotating a tablet switches layouts. */
export const laptopLayout = new MediaQuery('min-width: 900px');
