/** A Svelte action that shows a native `<dialog>` as modal while it is mounted: focus stays
 *  inside, Escape fires `cancel`, and focus returns to the opener, with no code of our own. */
export function modal(node: HTMLDialogElement) {
  node.showModal();
  return { destroy: () => node.close() };
}
