import { tick } from 'svelte';

/** After a note is added from the phone's docked composer, once the screen has caught up: brings
 *  the last note in `container()` (where a new note lands) into view, above the dock (the page's
 *  `scroll-padding-bottom` keeps the dock's height clear), so that sending visibly did something. */
export async function revealLastNote(container: () => ParentNode | null | undefined): Promise<void> {
  await tick();
  const cards = container()?.querySelectorAll('[data-testid="note"], [data-testid="hidden-note"]');
  const card = cards?.[cards.length - 1];
  if (!card) return;
  card.scrollIntoView({ block: 'nearest' });
  // Cards off screen are not laid out (`content-visibility: auto`), so this went by an estimated
  // height: once the card is on screen and measured (in the frame after next), once more.
  requestAnimationFrame(() => requestAnimationFrame(() => card.scrollIntoView({ block: 'nearest' })));
}
