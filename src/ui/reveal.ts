import { tick } from 'svelte';
import { revealListEnd } from './windowed';

/** After a note is added from the phone's docked composer, once the screen has caught up: brings
 *  the last note in `container()` (where a new note lands) into view, above the dock (the page's
 *  `scroll-padding-bottom` keeps the dock's height clear), so that sending visibly did something. */
export async function revealLastNote(container: () => ParentNode | null | undefined): Promise<void> {
  await tick();
  const root = container();
  if (!root) return;
  // A long list renders only what is on screen: render its end first.
  await revealListEnd(root);
  const cards = root.querySelectorAll('[data-testid="note"], [data-testid="hidden-note"]');
  const card = cards[cards.length - 1];
  if (!card) return;
  card.scrollIntoView({ block: 'nearest' });
  // A card's height was estimated until it was drawn: once it is measured (in the frame after
  // next), once more.
  requestAnimationFrame(() => requestAnimationFrame(() => card.scrollIntoView({ block: 'nearest' })));
}
